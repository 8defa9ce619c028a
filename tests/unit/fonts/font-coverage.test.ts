/** Characters that need a glyph, and how messages name a character (src/lib/fonts/coverage.ts). */
import { describe, expect, it } from 'vitest';
import { codePointLabel, needsGlyph } from '../../../src/lib/fonts/coverage.ts';

describe('needsGlyph', () => {
  it('is false for spaces, controls, joiners and variation selectors', () => {
    for (const character of [' ', '\n', '\t', '\u00a0', '\u200b', '\u200d', '\ufe0f', '\u0007']) expect(needsGlyph(character)).toBe(false);
  });
  it('is true for anything drawn', () => {
    for (const character of ['a', '中', '∑', '→', '✅', '❌', '⚠', '😀', '·', '⨝']) expect(needsGlyph(character)).toBe(true);
  });
});

describe('codePointLabel', () => {
  it('writes U+ and at least four hexadecimal digits', () => {
    expect(codePointLabel('⨝')).toBe('U+2A1D');
    expect(codePointLabel('\u0007')).toBe('U+0007');
    expect(codePointLabel('\u{10FE4D}')).toBe('U+10FE4D');
  });
});
