/**
 * How big each question screenshot is made, for screens and for print. Screens get a `srcset` of a
 * few widths and pick the smallest that fills the reading column at their pixel density; print gets
 * one JPEG at print resolution (Chromium embeds a JPEG in a PDF as it is, other formats re-encoded
 * losslessly and several times larger). The numbers follow the styles, which a unit test checks.
 *
 * Screens get WebP (Astro's default), not AVIF: on exam-page screenshots AVIF is 13–16% smaller at
 * the same quality (PSNR) but 15–50× slower to encode, minutes of build for the user's 48.
 */
import type { ImageSize } from '../content/images.ts';

/**
 * Widths made for screens, each the smallest that fills a common column (the browser picks the
 * smallest at least as wide as the column in device pixels): 400 a phone at 1×; 680 a 360–412 px
 * Android phone at 1.75–2× (656–665 px); 800 a 390 px phone at 2× (716) or the desktop column
 * (736 CSS px) at 1×; 1000 a 360–412 px phone at 2.625–3× (984–997) or the desktop column at 1.25×;
 * 1200 a 375–430 px phone at 3×. Without 680 and 1000 those phones load a fifth to a third more
 * bytes. The original, up to twice the lightbox, is the largest.
 */
export const SCREEN_WIDTHS = [400, 680, 800, 1000, 1200] as const;

/** The reading column: `--measure` (tokens.css) on wide screens, the page less its padding (frame.css) on narrow ones. */
export const COLUMN_SIZES = 'min(46rem, 100vw - 2rem)';

/** The lightbox's widest image in CSS px (`.lightbox` in question.css). */
export const LIGHTBOX_MAX_WIDTH = 1400;

/** Print: A4 less the page's side margins, the tallest a screenshot prints (print.css), and the resolution. */
export const PRINT = {
  columnMm: 210 - 2 * 16,
  maxHeightMm: 240,
  ppi: 200,
  /**
   * JPEG quality (mozjpeg, with deringing: astro.config.mjs): small print still reads cleanly at 200
   * ppi. On exam-page screenshots, 45 is a sixth smaller than 60 with no difference seen at 3× zoom.
   */
  jpegQuality: 45,
} as const;

const MM_PER_INCH = 25.4;

/** The widths of a screenshot's `srcset` (never wider than the file) and the one its `src` and `width` name. */
export function screenSources(original: ImageSize): { widths: number[]; width: number } {
  const largest = Math.min(original.width, 2 * LIGHTBOX_MAX_WIDTH);
  const widths = [...SCREEN_WIDTHS.filter((width) => width < largest), largest];
  return { widths, width: largest };
}

/**
 * The print copy's size: as wide as the printed column at PRINT.ppi, or narrower for a tall image
 * that prints at the maximum height; never larger than the file.
 */
export function printSize(original: ImageSize): ImageSize {
  const printedMm = Math.min(PRINT.columnMm, (PRINT.maxHeightMm * original.width) / original.height);
  const width = Math.min(original.width, Math.round((printedMm / MM_PER_INCH) * PRINT.ppi));
  return { width, height: Math.round((width * original.height) / original.width) };
}

/** The lightbox image's `sizes`: as wide as the dialog lets it be, never wider than the file's `widest` pixels. */
export function lightboxSizes(widest: number): string {
  return `min(96vw, ${LIGHTBOX_MAX_WIDTH}px, ${widest}px)`;
}
