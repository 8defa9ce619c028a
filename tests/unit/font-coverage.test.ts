/** Font coverage (src/lib/fonts/coverage.ts): fontconfig's charsets, characters that need a glyph, and what to install. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CodePointRanges, fontPackageFor, needsGlyph, parseFontconfigCharset } from '../../src/lib/fonts/coverage.ts';

describe('parseFontconfigCharset', () => {
  it('reads hexadecimal code points and ranges', () => {
    expect(parseFontconfigCharset('20-7e a0-17f 2705\n')).toEqual([
      [0x20, 0x7e],
      [0xa0, 0x17f],
      [0x2705, 0x2705],
    ]);
    expect(parseFontconfigCharset('')).toEqual([]);
  });

  it("reads this machine's fonts as fc-list prints them", () => {
    const charsets = execFileSync('fc-list', ['--format', '%{charset}\n'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const coverage = new CodePointRanges(charsets.flatMap(parseFontconfigCharset));
    // The README's Debian setup: DejaVu (with Chromium), Noto CJK, Noto Color Emoji.
    for (const character of 'A∑→中文✅❌⚠') expect(coverage.has(character.codePointAt(0)!), character).toBe(true);
  });
});

describe('CodePointRanges', () => {
  const ranges = new CodePointRanges([
    [0x4e00, 0x9fff],
    [0x20, 0x7e],
    [0x7f, 0x80],
    [0x2705, 0x2705],
  ]);

  it('merges touching ranges and finds code points at and between their ends', () => {
    expect(ranges.size).toBe(3);
    for (const inside of [0x20, 0x41, 0x80, 0x2705, 0x4e00, 0x6587, 0x9fff]) expect(ranges.has(inside), inside.toString(16)).toBe(true);
    for (const outside of [0x1f, 0x81, 0x2704, 0x2706, 0x4dff, 0xa000, 0x1f600])
      expect(ranges.has(outside), outside.toString(16)).toBe(false);
  });

  it('is empty without ranges', () => {
    expect(new CodePointRanges([]).has(0x41)).toBe(false);
  });
});

describe('needsGlyph', () => {
  it('is false for spaces, controls, joiners and the emoji variation selector', () => {
    for (const character of [' ', '\n', '\u00a0', '\u200b', '\u200d', '\ufe0f', '\u00ad', '\u0007'])
      expect(needsGlyph(character)).toBe(false);
  });
  it('is true for letters, marks that print, math and emoji', () => {
    for (const character of ['a', '中', '∑', '→', '✅', '❌', '⚠', '😀', '·']) expect(needsGlyph(character)).toBe(true);
  });
});

describe('fontPackageFor', () => {
  it('names the Debian package with a font for the character', () => {
    expect(fontPackageFor('✅'.codePointAt(0)!)).toBe('fonts-noto-color-emoji');
    expect(fontPackageFor('❌'.codePointAt(0)!)).toBe('fonts-noto-color-emoji');
    expect(fontPackageFor('😀'.codePointAt(0)!)).toBe('fonts-noto-color-emoji');
    expect(fontPackageFor('中'.codePointAt(0)!)).toBe('fonts-noto-cjk');
    expect(fontPackageFor('，'.codePointAt(0)!)).toBe('fonts-noto-cjk');
    expect(fontPackageFor('한'.codePointAt(0)!)).toBe('fonts-noto-cjk');
    expect(fontPackageFor('∑'.codePointAt(0)!)).toBe('fonts-noto-core');
    expect(fontPackageFor('ش'.codePointAt(0)!)).toBe('fonts-noto-core');
  });
});
