/** Characters no font has (src/lib/fonts/unprintable.ts): which they are, where they are, and what the warning says. */
import { describe, expect, it } from 'vitest';
import {
  findUnprintable,
  isUnprintable,
  markerExplanation,
  unprintableKind,
  unprintableMessage,
} from '../../../src/lib/fonts/unprintable.ts';

const PRIVATE_USE = '\u{10FE4D}';
const BELL = '\u0007';

describe('isUnprintable', () => {
  it('is true for private-use characters, unassigned code points and control characters', () => {
    for (const character of [PRIVATE_USE, '\uE000', BELL, '\u0000', '\u007F', '\u0085', '\u{E0080}', '\u{50000}'])
      expect(isUnprintable(character), character.codePointAt(0)!.toString(16)).toBe(true);
  });

  it('is false for tabs and line ends, and for every character some font has', () => {
    for (const character of ['\t', '\n', '\r', ' ', 'a', '中', '⨝', '∑', '✅', '⚠', '\uFE0F', '\u200D', '\u00A0', '😀'])
      expect(isUnprintable(character), character).toBe(false);
  });
});

describe('what a reader and a student are told', () => {
  it('names the code point and its kind', () => {
    expect(unprintableKind(PRIVATE_USE)).toBe('a private-use character');
    expect(unprintableKind(BELL)).toBe('a control character');
    expect(unprintableKind('\u{50000}')).toBe('an unassigned code point');
    expect(markerExplanation(PRIVATE_USE)).toBe('U+10FE4D: a private-use character that no font can show, left as written in the notes');
  });

  it('says where it often comes from and how to fix it', () => {
    expect(unprintableMessage(BELL)).toMatch(
      /^U\+0007 is a control character that no font can show: .*Often left by copying from a PDF: retype it in the notes$/,
    );
  });
});

describe('findUnprintable', () => {
  it('gives each one with its line and column', () => {
    expect(findUnprintable(`first line\nstem ${PRIVATE_USE} here\r\n\nand a bell ${BELL}`)).toEqual([
      { character: PRIVATE_USE, line: 2, column: 6 },
      { character: BELL, line: 4, column: 12 },
    ]);
    expect(findUnprintable('clean text, 中文, ✅ ⚠️')).toEqual([]);
  });
});
