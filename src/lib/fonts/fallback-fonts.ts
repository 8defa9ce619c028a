/**
 * The fonts the site ships for what a reader's or the build machine's fonts may lack: math
 * operators and arrows (⨝ ∀ ⇒ ∑), technical and other symbols, emoji (✅ ❌ ⚠️), and a monospace
 * Latin for code in print. Each comes from a registry package; the build (scripts/lib/print-fonts.ts)
 * gives every character the site uses to exactly one of them, cuts each to its characters and
 * declares it twice: for print (first in the print stack, so every machine prints the same) and for
 * screens (after the reader's own fonts, with unicode-range, so a page downloads only what it shows).
 * Text (Latin and Chinese) prints in Noto Sans SC (src/lib/fonts/print-fonts.ts).
 * Pure: the build reads the packages' files and hands their character sets in.
 */
import { needsGlyph } from './coverage.ts';

export type FallbackFontId = 'emoji' | 'math' | 'symbols' | 'symbols-2' | 'mono';

export interface FallbackFont {
  id: FallbackFontId;
  /** The registry package and its stylesheet of 400-weight faces (one per file). */
  package: string;
  stylesheet: string;
  /** The family print.css names; only print uses it. */
  printFamily: string;
  /** The family screens fall back to, after the reader's fonts; none for a print-only font. */
  screenFamily: string | undefined;
  /**
   * Whether the build cuts its files to the site's characters. The colour emoji font is shipped
   * whole, file by file: harfbuzz's WebAssembly build (subset-font) drops the COLR and CPAL tables
   * that hold its colours, which leaves every emoji blank.
   */
  subset: boolean;
  /** A CSS font technology a browser must support to use the file (`tech(color-COLRv1)`). */
  tech: string | undefined;
}

/**
 * In the order characters are given out: an emoji-style character (✅, or ⚠ followed by U+FE0F)
 * goes to the emoji font first; other characters to the first font that has them, after the text
 * font. The monospace font is apart: code prints in it, whatever else has the character.
 */
export const FALLBACK_FONTS: readonly FallbackFont[] = [
  {
    id: 'emoji',
    package: '@infolektuell/noto-color-emoji',
    stylesheet: 'index.css',
    printFamily: 'Print Emoji',
    screenFamily: 'Fallback Emoji',
    subset: false,
    tech: 'color-COLRv1',
  },
  {
    id: 'math',
    package: '@fontsource/noto-sans-math',
    stylesheet: '400.css',
    printFamily: 'Print Math',
    screenFamily: 'Fallback Math',
    subset: true,
    tech: undefined,
  },
  {
    id: 'symbols',
    package: '@fontsource/noto-sans-symbols',
    stylesheet: '400.css',
    printFamily: 'Print Symbols',
    screenFamily: 'Fallback Symbols',
    subset: true,
    tech: undefined,
  },
  {
    id: 'symbols-2',
    package: '@fontsource/noto-sans-symbols-2',
    stylesheet: '400.css',
    printFamily: 'Print Symbols 2',
    screenFamily: 'Fallback Symbols 2',
    subset: true,
    tech: undefined,
  },
  {
    id: 'mono',
    package: '@fontsource/noto-sans-mono',
    stylesheet: '400.css',
    printFamily: 'Print Mono',
    screenFamily: undefined,
    subset: true,
    tech: undefined,
  },
];

/** The screen families, in the order the stylesheets name them after the reader's fonts. */
export const SCREEN_FALLBACK_FAMILIES = FALLBACK_FONTS.flatMap((font) => (font.screenFamily ? [font.screenFamily] : []));

/** Characters shaped with the character before them, never drawn alone: variation selectors, joiners. */
const JOINING = new Set([0xfe0e, 0xfe0f, 0x200d, 0x20e3]);

/** What the built pages hold: every code point, and those written to show as emoji. */
export interface SiteCharacters {
  codePoints: ReadonlySet<number>;
  /** Emoji by default (✅ ❌), or followed by U+FE0F somewhere (⚠️). */
  emojiStyle: ReadonlySet<number>;
}

/** No character before U+231A (⌚) shows as emoji by default: below it the test is skipped. */
const FIRST_EMOJI_PRESENTATION = 0x231a;

/**
 * The code points of UTF-8 `bytes`, and which of them they write as emoji. A built site's pages
 * are hundreds of megabytes, mostly the same few characters: they are read as bytes, without
 * making a string of them, and the emoji test runs once for each character.
 */
export function readUtf8Characters(bytes: Uint8Array, into: { codePoints: Set<number>; emojiStyle: Set<number> }): void {
  let previous: number | undefined;
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index]!;
    let codePoint: number;
    if (lead < 0x80) {
      codePoint = lead;
      index += 1;
    } else if (lead < 0xe0) {
      codePoint = ((lead & 0x1f) << 6) | (bytes[index + 1]! & 0x3f);
      index += 2;
    } else if (lead < 0xf0) {
      codePoint = ((lead & 0x0f) << 12) | ((bytes[index + 1]! & 0x3f) << 6) | (bytes[index + 2]! & 0x3f);
      index += 3;
    } else {
      codePoint =
        ((lead & 0x07) << 18) | ((bytes[index + 1]! & 0x3f) << 12) | ((bytes[index + 2]! & 0x3f) << 6) | (bytes[index + 3]! & 0x3f);
      index += 4;
    }
    if (codePoint === 0xfe0f && previous !== undefined) into.emojiStyle.add(previous);
    previous = codePoint;
    if (into.codePoints.has(codePoint)) continue;
    into.codePoints.add(codePoint);
    if (codePoint >= FIRST_EMOJI_PRESENTATION && /\p{Emoji_Presentation}/u.test(String.fromCodePoint(codePoint)))
      into.emojiStyle.add(codePoint);
  }
}

/** The code points of `text`, and which of them it writes as emoji. */
export function readCharacters(text: string, into: { codePoints: Set<number>; emojiStyle: Set<number> }): void {
  readUtf8Characters(new TextEncoder().encode(text), into);
}

export interface FontCoverage {
  id: FallbackFontId;
  codePoints: ReadonlySet<number>;
}

/**
 * Which fallback font draws each character (by font): those the text font (Noto Sans SC) has stay
 * with it, except emoji-style ones; joiners and variation selectors go with the emoji they join.
 * Characters no font has are left out: `uncovered` lists them.
 */
export function assignCharacters(
  site: SiteCharacters,
  fonts: readonly FontCoverage[],
  textFontHas: (codePoint: number) => boolean,
): { byFont: Map<FallbackFontId, number[]>; uncovered: number[] } {
  const byFont = new Map<FallbackFontId, number[]>();
  const give = (id: FallbackFontId, codePoint: number): void => {
    const list = byFont.get(id) ?? [];
    list.push(codePoint);
    byFont.set(id, list);
  };
  const emoji = fonts.find((font) => font.id === 'emoji');
  const others = fonts.filter((font) => font.id !== 'emoji' && font.id !== 'mono');
  const uncovered: number[] = [];
  const sorted = [...site.codePoints].sort((a, b) => a - b);
  for (const codePoint of sorted) {
    if (JOINING.has(codePoint) || !needsGlyph(String.fromCodePoint(codePoint))) continue;
    if (site.emojiStyle.has(codePoint) && emoji?.codePoints.has(codePoint)) give('emoji', codePoint);
    else if (textFontHas(codePoint)) continue;
    else {
      const font = [...others, ...(emoji ? [emoji] : [])].find((candidate) => candidate.codePoints.has(codePoint));
      if (font) give(font.id, codePoint);
      else uncovered.push(codePoint);
    }
  }
  // The joiners an emoji sequence needs travel with the emoji font when the site writes them.
  const emojiCharacters = byFont.get('emoji');
  if (emojiCharacters && emoji)
    for (const codePoint of JOINING) if (site.codePoints.has(codePoint) && emoji.codePoints.has(codePoint)) emojiCharacters.push(codePoint);
  const mono = fonts.find((font) => font.id === 'mono');
  if (mono) {
    const inCode = sorted.filter((codePoint) => mono.codePoints.has(codePoint) && needsGlyph(String.fromCodePoint(codePoint)));
    if (inCode.length > 0) byFont.set('mono', inCode);
  }
  return { byFont, uncovered };
}

/**
 * A CSS unicode-range naming these code points, runs joined: "U+2200-2203,U+2A1D". With `slack`,
 * runs less than that apart are joined too, code points between them included: a shorter range, for
 * a face whose file a browser may load for a character it turns out not to have (it then looks further).
 */
export function unicodeRange(codePoints: Iterable<number>, slack = 1): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (codePoint: number): string => codePoint.toString(16).toUpperCase();
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]! - sorted[end]! <= slack) end += 1;
    parts.push(end === start ? `U+${hex(sorted[start]!)}` : `U+${hex(sorted[start]!)}-${hex(sorted[end]!)}`);
    start = end + 1;
  }
  return parts.join(',');
}

/** Code point ranges of a CSS unicode-range ("U+4e00-4e0f,U+3002"). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}
