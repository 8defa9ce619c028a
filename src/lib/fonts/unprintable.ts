/**
 * Characters no font has, so no machine can show or print them: private-use characters (U+10FE4D,
 * which a PDF's own fonts map their glyphs to), code points Unicode has not assigned, and control
 * characters (U+0007) other than tabs and line ends. They are kept in the notes and the content
 * files as written; the pages show a marker in their place (rehype-unprintable-characters.ts) and
 * the content check, the build and `npm run dev` name the file, line and character.
 */
import { codePointLabel } from './coverage.ts';

const UNPRINTABLE = /[\p{Co}\p{Cn}\p{Cc}]/u;
const ALLOWED_CONTROLS = new Set(['\t', '\n', '\r']);

export function isUnprintable(character: string): boolean {
  return UNPRINTABLE.test(character) && !ALLOWED_CONTROLS.has(character);
}

/** "a private-use character", "an unassigned code point", "a control character". */
export function unprintableKind(character: string): string {
  if (/\p{Co}/u.test(character)) return 'a private-use character';
  if (/\p{Cc}/u.test(character)) return 'a control character';
  return 'an unassigned code point';
}

/** What the marker says in place of the character, to a screen reader and on hover. */
export function markerExplanation(character: string): string {
  return `${codePointLabel(character)}: ${unprintableKind(character)} that no font can show, left as written in the notes`;
}

/** The warning for one character, with the fix: the content check, the build and the dev server print it. */
export function unprintableMessage(character: string): string {
  return (
    `${codePointLabel(character)} is ${unprintableKind(character)} that no font can show: the page and its PDF show a marked ` +
    `${codePointLabel(character)} in its place. Often left by copying from a PDF: retype it in the notes`
  );
}

export interface UnprintableFound {
  character: string;
  /** 1-based line and column (in characters) within the text. */
  line: number;
  column: number;
}

/** Every unprintable character of `text`, with where it is. */
export function findUnprintable(text: string): UnprintableFound[] {
  const found: UnprintableFound[] = [];
  let line = 1;
  let column = 1;
  for (const character of text) {
    if (character === '\n') {
      line += 1;
      column = 1;
      continue;
    }
    if (isUnprintable(character)) found.push({ character, line, column });
    column += 1;
  }
  return found;
}
