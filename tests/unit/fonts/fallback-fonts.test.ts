/** The fallback fonts (src/lib/fonts/fallback-fonts.ts): which font draws each of the site's characters, and the ranges declared for them. */
import { describe, expect, it } from 'vitest';
import {
  assignCharacters,
  FALLBACK_FONTS,
  parseUnicodeRange,
  readCharacters,
  SCREEN_FALLBACK_FAMILIES,
  unicodeRange,
} from '../../../src/lib/fonts/fallback-fonts.ts';

const cps = (text: string): number[] => [...text].map((character) => character.codePointAt(0)!);

function characters(text: string): { codePoints: Set<number>; emojiStyle: Set<number> } {
  const found = { codePoints: new Set<number>(), emojiStyle: new Set<number>() };
  readCharacters(text, found);
  return found;
}

describe('readCharacters', () => {
  it('notes characters shown as emoji: emoji by default, or followed by U+FE0F', () => {
    const found = characters('✅ ❌ ⚠️ but ⚠ alone, → and ↔');
    expect([...found.emojiStyle].sort()).toEqual(cps('⚠✅❌').sort());
    expect(found.codePoints.has(0x2192)).toBe(true);
  });

  it('reads characters beyond the first 65,536 whole, never their halves', () => {
    const found = characters('a😀b𝔸 😀');
    expect([...found.codePoints].sort()).toEqual(cps('a😀b𝔸 ').sort());
    expect([...found.emojiStyle]).toEqual(cps('😀'));
  });
});

describe('assignCharacters', () => {
  // Small stand-ins for the packages' character maps.
  const fonts = [
    { id: 'emoji' as const, codePoints: new Set(cps('✅❌⚠↔\uFE0F\u200D')) },
    { id: 'math' as const, codePoints: new Set(cps('⨝∀∃⇒≤∑→↔“”’a')) },
    { id: 'symbols' as const, codePoints: new Set(cps('⌘⚠')) },
    { id: 'symbols-2' as const, codePoints: new Set(cps('⚠♠')) },
    { id: 'mono' as const, codePoints: new Set(cps('a ⨝')) },
  ];
  const textFont = new Set(cps('a 中文→'));

  it('gives each character one font: emoji-style ones to the emoji font, the rest to the first font that has them, after the text font', () => {
    const { byFont, uncovered } = assignCharacters(characters('a 中文 ⨝ ∀ → ↔ ✅ ⚠️ ⌘ ♠ “q”'), fonts, (codePoint) =>
      textFont.has(codePoint),
    );
    expect(byFont.get('emoji')).toEqual(cps('⚠✅\uFE0F'));
    expect(byFont.get('math')).toEqual(cps('↔∀⨝“”').sort((a, b) => a - b));
    expect(byFont.get('symbols')).toEqual(cps('⌘'));
    expect(byFont.get('symbols-2')).toEqual(cps('♠'));
    expect(uncovered).toEqual(cps('q'));
  });

  it('draws ⚠ without U+FE0F as a symbol, not an emoji', () => {
    const { byFont } = assignCharacters(characters('⚠ sign'), fonts, () => false);
    expect(byFont.get('symbols')).toContain(0x26a0);
    expect(byFont.get('emoji')).toBeUndefined();
  });

  it('gives the monospace font every character it has, apart from the others', () => {
    const { byFont } = assignCharacters(characters('a ⨝'), fonts, (codePoint) => textFont.has(codePoint));
    expect(byFont.get('mono')).toEqual(cps('a⨝'));
  });

  it('leaves out what draws nothing of its own, and what no font has', () => {
    const { byFont, uncovered } = assignCharacters(characters('\u0007 \uFE0F\u200D'), fonts, () => false);
    expect(byFont.size).toBe(0);
    expect(uncovered).toEqual([]);
  });
});

describe('unicodeRange', () => {
  it('names exactly the code points, runs joined, and reads back', () => {
    const range = unicodeRange([0x2203, 0x2200, 0x2a1d, 0x2201, 0x2202, 0x41]);
    expect(range).toBe('U+41,U+2200-2203,U+2A1D');
    expect(unicodeRange([0x2203, 0x2200, 0x2a1d, 0x41], 256)).toBe('U+41,U+2200-2203,U+2A1D');
    expect(unicodeRange([0x4e00, 0x4e2d, 0x6587, 0x41], 0x2000)).toBe('U+41,U+4E00-6587');
    expect(parseUnicodeRange(range)).toEqual([
      [0x41, 0x41],
      [0x2200, 0x2203],
      [0x2a1d, 0x2a1d],
    ]);
  });
});

describe('the fonts', () => {
  it('each has a print family; screens fall back to all but the monospace one, in order', () => {
    expect(new Set(FALLBACK_FONTS.map((font) => font.printFamily)).size).toBe(FALLBACK_FONTS.length);
    expect(SCREEN_FALLBACK_FAMILIES).toEqual(['Fallback Emoji', 'Fallback Math', 'Fallback Symbols', 'Fallback Symbols 2']);
  });
});
