/**
 * The print stacks (src/lib/fonts/print-fonts.ts) are what the stylesheets name: print.css prints
 * with the shipped fonts only, and screens fall back to the shipped ones after the reader's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SCREEN_TEXT_FAMILY } from '../../../scripts/lib/print-fonts.ts';
import { SCREEN_FALLBACK_FAMILIES } from '../../../src/lib/fonts/fallback-fonts.ts';
import { fontFamilyList, PRINT_CODE_FAMILIES, PRINT_TEXT_FAMILIES } from '../../../src/lib/fonts/print-fonts.ts';

const ROOT = join(import.meta.dirname, '../../..');
const css = (file: string): string => readFileSync(join(ROOT, 'src/styles', file), 'utf8').replace(/\s+/g, ' ');

it("print.css prints text and code in the shipped fonts, the machine's generic font only after them", () => {
  const print = css('print.css');
  expect(print).toContain(`--font-body: ${fontFamilyList(PRINT_TEXT_FAMILIES)}, sans-serif;`);
  expect(print).toContain(`--font-mono: ${fontFamilyList(PRINT_CODE_FAMILIES)}, monospace;`);
});

it("screens fall back to the shipped fonts after the reader's own, emoji fonts by name first", () => {
  const tokens = css('tokens.css');
  const fallbacks = /--font-fallbacks: ([^;]+);/.exec(tokens)?.[1];
  expect(fallbacks).toBe(
    `'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', ${fontFamilyList([...SCREEN_FALLBACK_FAMILIES, SCREEN_TEXT_FAMILY])}`,
  );
  expect(tokens).toMatch(/--font-body: [^;]*sans-serif, var\(--font-fallbacks\);/);
  expect(tokens).toMatch(/--font-mono: [^;]*monospace, var\(--font-fallbacks\);/);
});
