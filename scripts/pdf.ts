/**
 * Part of npm run build (before the service worker step, which stores the PDFs for offline use);
 * `npm run pdf -- [--dist dir]` prints them again. Prints every section and paper page of the built
 * site to PDF with headless Chromium, into the built folder at the paths the pages' "Download PDF"
 * links use (urls.sectionPdf / urls.paperPdf).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { findPrintablePages, fileInDist, type PrintablePage } from './lib/built-pages.ts';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli.ts';
import { loadImagesForPrint } from './lib/print-images.ts';
import { serveStatic } from './lib/static-server.ts';
import { urls } from '../src/lib/site/urls.ts';

/** Pages printed at once: enough to keep Chromium busy, few enough for a small machine. */
const CONCURRENCY = 4;

async function printPage(context: BrowserContext, base: string, dist: string, target: PrintablePage): Promise<void> {
  const page = await context.newPage();
  try {
    const response = await page.goto(base + urls.at(target.url), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${target.url} answered ${response?.status() ?? 'nothing'}`);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await loadImagesForPrint(page);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const file = fileInDist(dist, target.pdf);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await page.close();
  }
}

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  const dist = values.dist;
  const pages = findPrintablePages(dist);
  if (pages.length === 0) throw new Error(`no section or paper pages in ${dist}/`);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ colorScheme: 'light' });
    const queue = [...pages];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await printPage(context, server.url, dist, next);
      }),
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const sections = pages.filter((page) => page.kind === 'section').length;
  const courses = new Set(pages.map((page) => page.course)).size;
  const shown = relative(process.cwd(), dist);
  console.log(
    `Printed ${pages.length} PDFs (${sections} sections, ${pages.length - sections} papers, ${courses} course${courses === 1 ? '' : 's'}) into ${shown.startsWith('..') || isAbsolute(shown) ? resolve(dist) : shown || '.'}/<course>/pdf/`,
  );
});
