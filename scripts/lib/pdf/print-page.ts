/**
 * Prints one built page to PDF with headless Chromium: print media in light colours, every
 * screenshot loaded, links to the local print server removed; tagged (headings, paragraphs,
 * tables, figures and language spans for screen readers) with an outline made from its headings.
 * Returns the PDF with what the page drew (for the glyph check and the bookmarks) and every file of
 * the site it loaded (for the PDF cache).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LATER_QUESTIONS_REQUEST, requestLaterQuestions } from '../../../src/lib/site/long-pages.ts';
import { loadPrintFonts } from '../../../src/client/print-fonts.ts';
import type { DistPath } from '../../../src/lib/content/paths.ts';
import { urls } from '../../../src/lib/site/urls.ts';
import { loadImagesForPrint } from './print-images.ts';
import { collectPrintFacts, type PrintFacts } from './page-facts.ts';

export interface PrintedPage {
  pdf: Uint8Array;
  facts: PrintFacts;
  /** Paths inside the built folder of everything the page loaded, the page itself included. */
  resources: string[];
}

/** The context pages are printed in: light colours, and no service worker, which would store the whole site while a page prints. */
export function printContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
}

/**
 * Print media, light colours, every question of a long page, screenshots from their print copies and every image loaded
 * (print-images.ts), the print fonts loaded for the page's text (src/client/print-fonts.ts), fonts ready.
 */
async function prepareForPrint(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  // A long page's later questions (src/lib/site/long-pages.ts), as its Print button loads them.
  await page.evaluate(requestLaterQuestions, LATER_QUESTIONS_REQUEST);
  await loadImagesForPrint(page);
  await page.evaluate(loadPrintFonts);
  await page.evaluate(async () => {
    // The PDF is read away from the server that printed it: a link to http://127.0.0.1:<port>/…
    // would lead nowhere, so only links within the page stay links.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      if (link.hash === '' || link.pathname !== location.pathname) link.removeAttribute('href');
    await document.fonts.ready;
  });
}

export async function printPage(context: BrowserContext, origin: string, path: DistPath): Promise<PrintedPage> {
  const page = await context.newPage();
  const loaded = new Set<string>();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    const inSite = url.origin === origin ? urls.inSite(decodeURIComponent(url.pathname)) : undefined;
    if (inSite !== undefined) loaded.add(inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite);
  });
  try {
    const response = await page.goto(origin + urls.at(path), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    await prepareForPrint(page);
    const facts = await page.evaluate(collectPrintFacts);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf, facts, resources: [...loaded].sort() };
  } finally {
    await page.close();
  }
}
