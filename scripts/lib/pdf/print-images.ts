/**
 * Images of a page about to be printed to PDF (scripts/lib/pdf/print-page.ts): screenshots from their
 * print-resolution copies, as the page's own Print button does (src/client/print-images.ts),
 * and every other image that prints loaded, lazy or not (one below the fold would print blank).
 * Call with print media emulated.
 */
import type { Page } from 'playwright-core';
import { loadPrintImages } from '../../../src/client/print-images.ts';

export async function loadImagesForPrint(page: Page): Promise<void> {
  await page.evaluate(loadPrintImages);
  await page.evaluate(() => {
    for (const image of document.images) if (image.checkVisibility()) image.loading = 'eager';
  });
  await page.waitForFunction(() => [...document.images].every((image) => image.complete || !image.checkVisibility()));
}
