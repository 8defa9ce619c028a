/**
 * The fonts the site prints its text with (scripts/lib/print-fonts.ts writes them at build time):
 * Noto Sans SC with TrueType outlines, which Chromium embeds in a PDF as small CID TrueType subsets
 * where the machine's Noto Sans CJK (CFF) becomes Type 3 fonts several times larger.
 */

/** The family print.css names before the system's CJK fonts; only print ever uses it. */
export const PRINT_FONT_FAMILY = 'Noto Sans SC Print';

/** The stylesheet declaring the family, inside the built site; the pages link it for print. */
export const PRINT_FONT_STYLESHEET = 'fonts/print.css';
