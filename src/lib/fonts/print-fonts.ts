/**
 * The fonts the site prints with, all shipped (scripts/lib/print-fonts.ts writes them at build
 * time), so the same notes print the same on every machine, also one with no fonts of its own:
 * text in Noto Sans SC with TrueType outlines (Chromium embeds it in a PDF as small CID TrueType
 * subsets where the machine's Noto Sans CJK, CFF, becomes Type 3 fonts several times larger), and
 * what it lacks in the fallback fonts (src/lib/fonts/fallback-fonts.ts).
 */
import { FALLBACK_FONTS } from './fallback-fonts.ts';
import { distPaths } from '../content/paths.ts';

/** The family of the text font; only print uses it (screens take the reader's fonts first). */
export const PRINT_FONT_FAMILY = 'Noto Sans SC Print';

const printFamily = (id: string): string => FALLBACK_FONTS.find((font) => font.id === id)!.printFamily;

/**
 * The print stack of text, as print.css and the printed page's margins name it: the emoji font
 * first (it holds only the characters written as emoji), then the text font, then the others.
 * Their unicode ranges hardly overlap, so each character has one font wherever it prints.
 */
export const PRINT_TEXT_FAMILIES = [
  printFamily('emoji'),
  PRINT_FONT_FAMILY,
  printFamily('math'),
  printFamily('symbols'),
  printFamily('symbols-2'),
];

/** Code prints in the monospace font, what it lacks as text does. */
export const PRINT_CODE_FAMILIES = [printFamily('mono'), ...PRINT_TEXT_FAMILIES];

/** A font-family value naming these families, quoted. */
export function fontFamilyList(families: readonly string[]): string {
  return families.map((family) => `'${family}'`).join(', ');
}

/** The stylesheet declaring the print families, inside the built site; the pages name it for print. */
export const PRINT_FONT_STYLESHEET = distPaths.file('fonts/print.css');

/** The screen fallbacks' stylesheet inside the built site, named by its content (scripts/lib/print-fonts.ts). */
export const SCREEN_FALLBACK_STYLESHEET = /_astro\/fallback-fonts\.[\w-]+\.css/;
