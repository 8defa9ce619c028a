/**
 * npm run screenshots -- [page path …] [--out dir] [--dist dir | --url http://127.0.0.1:4321] [--test-me]
 * Screenshots of built pages (paths inside the site, under its base) (light, dark, 390 px phone) and their print PDF, for looking at the design.
 * `--url` takes them from a running server instead, such as `npm run dev`; `--test-me` takes them with Test me on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli.ts';
import { loadImagesForPrint } from './lib/pdf/print-images.ts';
import { serveStatic } from './lib/static-server.ts';
import { STORAGE_KEYS } from '../src/lib/site/storage-keys.ts';
import { urls } from '../src/lib/site/urls.ts';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'screenshots' },
      dist: { type: 'string', default: 'dist' },
      url: { type: 'string' },
      'test-me': { type: 'boolean', default: false },
    },
  });
  const pages = positionals.length > 0 ? positionals : ['/'];
  mkdirSync(values.out, { recursive: true });
  const server = values.url === undefined ? await serveStatic(values.dist) : { url: values.url.replace(/\/$/, ''), close: async () => {} };
  const browser = await launchChromium();
  try {
    for (const path of pages) {
      const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
      for (const [variant, options] of [
        ['light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
        ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
        ['phone', { viewport: { width: 390, height: 844 }, colorScheme: 'light', deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
      ] as const) {
        const context = await browser.newContext(options);
        if (values['test-me']) await context.addInitScript((key) => localStorage.setItem(key, '1'), STORAGE_KEYS.testMe);
        const page = await context.newPage();
        await page.goto(server.url + urls.file(path), { waitUntil: 'networkidle' });
        await page.screenshot({ path: join(values.out, `${name}-${variant}.png`), fullPage: false });
        if (variant === 'light') {
          // As the PDF step prints it: print media, screenshots from their print copies.
          await page.emulateMedia({ media: 'print' });
          await loadImagesForPrint(page);
          writeFileSync(join(values.out, `${name}.pdf`), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Wrote screenshots of ${pages.length} page(s) to ${values.out}/`);
});
