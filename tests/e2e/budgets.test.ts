/**
 * Byte budgets of the built site, measured as a browser loads it (gzip, as the test server sends
 * it): they are deterministic, so they belong in the test suite. Timing is measured by
 * `npm run bench`, not here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { describeTransfers, firstSearchTransfers } from '../../scripts/lib/search-bytes.ts';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { serveStatic, type SentResponse } from '../../scripts/lib/static-server.ts';
import { pageImages } from '../../src/lib/offline/page-images.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { useBrowser } from './setup/browser.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const dist = inject('dist');
const KB = 1024;

interface Loaded {
  url: string;
  type: string;
  bytes: number;
}

/** Every response of a first visit to `path` (cold cache), with its bytes on the wire. */
async function firstLoad(path: string): Promise<Loaded[]> {
  const { context } = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, { url: string; type: string }>();
  const loaded: Loaded[] = [];
  cdp.on('Network.responseReceived', (event: { requestId: string; type: string; response: { url: string } }) =>
    seen.set(event.requestId, { url: event.response.url, type: event.type }),
  );
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    const response = seen.get(event.requestId);
    if (response) loaded.push({ ...response, bytes: event.encodedDataLength });
  });
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  return loaded;
}

const total = (loaded: Loaded[], type?: string): number =>
  loaded.filter((entry) => !type || entry.type === type).reduce((sum, entry) => sum + entry.bytes, 0);

describe('a section page', () => {
  it('ships at most 15 KB of our JavaScript, none of it for math or search', async () => {
    const loaded = await firstLoad('/dasc7606/s5/');
    const scripts = loaded.filter((entry) => entry.type === 'Script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((entry) => entry.url.startsWith(`${baseUrl}/_astro/`))).toBe(true);
    expect(scripts.filter((entry) => /katex|pagefind|search\/ui|dialog/i.test(entry.url))).toEqual([]);
    expect(total(loaded, 'Script')).toBeLessThanOrEqual(15 * KB);
  });

  it('loads at most 20 KB of CSS, KaTeX included', async () => {
    const loaded = await firstLoad('/dasc7606/s5/');
    expect(total(loaded, 'Stylesheet')).toBeGreaterThan(0);
    expect(total(loaded, 'Stylesheet')).toBeLessThanOrEqual(20 * KB);
  });

  it('loads the GAN section in under 100 KB all told, fonts included, and nothing from another origin', async () => {
    const loaded = await firstLoad('/dasc7606/s5/');
    expect(loaded.every((entry) => entry.url.startsWith(baseUrl) || entry.url.startsWith('data:'))).toBe(true);
    expect(total(loaded)).toBeLessThan(100 * KB);
  });
});

interface Visit {
  /** Every response the server sent, by path inside the site, with its bytes on the wire. */
  sent: SentResponse[];
  /** Every request the browser made, by path inside the site: by the page, or by the service worker. */
  requests: { path: string; by: 'page' | 'worker'; type: string }[];
}

/**
 * A first visit to `path` as any browser makes it: the service worker allowed, registered after
 * load, installing its shell. Bytes are counted by the server (its own, for this visit), so the
 * worker's downloads count as much as the page's; the visit ends when the network has been quiet
 * for a second and a half. There is no scrolling: lazy screenshots below the first screen stay
 * unloaded, as on a real first visit.
 */
async function firstVisit(path: string): Promise<Visit> {
  const visit: Visit = { sent: [], requests: [] };
  let lastSent = Date.now();
  const server = await serveStatic(dist, {
    onSent: (sent) => {
      visit.sent.push({ ...sent, path: urls.inSite(sent.path) ?? sent.path });
      lastSent = Date.now();
    },
  });
  try {
    const { context } = await browser.newContext({ serviceWorkers: 'allow' });
    context.on('request', (request) =>
      visit.requests.push({
        path: urls.inSite(new URL(request.url()).pathname) ?? request.url(),
        by: request.serviceWorker() ? 'worker' : 'page',
        type: request.resourceType(),
      }),
    );
    const page = await context.newPage();
    await page.goto(server.url + urls.at(path), { waitUntil: 'networkidle' });
    // The worker is installed (its shell stored) and active: the visit is measured with it at work.
    await expect(page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).resolves.toBe(true);
    await expect.poll(() => Date.now() - lastSent > 1500, { timeout: 30_000, interval: 250 }).toBe(true);
    return visit;
  } finally {
    await server.close();
  }
}

const sum = (sent: SentResponse[]): number => sent.reduce((total, response) => total + response.bytes, 0);
const isScreenshot = (path: string): boolean => /^_astro\/[^/]+\.(?:webp|avif|png|jpe?g|gif)$/.test(path);
const listed = (visit: Visit): string =>
  visit.sent.map((response) => `${response.status} ${response.path} ${(response.bytes / KB).toFixed(1)} KB`).join('\n');

describe('a first visit, the service worker allowed', () => {
  it.each(['/dasc7606/s5/', '/dasc7606/'])(
    '%s transfers at most 100 KB besides the screenshots on its first screen; the worker stores only the shell',
    async (path) => {
      const visit = await firstVisit(path);
      const screenshots = visit.sent.filter((response) => isScreenshot(response.path));
      const rest = visit.sent.filter((response) => !isScreenshot(response.path));
      const report = `${listed(visit)}\nscreenshots ${(sum(screenshots) / KB).toFixed(1)} KB, the rest ${(sum(rest) / KB).toFixed(1)} KB, in all ${(sum(visit.sent) / KB).toFixed(1)} KB`;
      console.info(`first visit of ${path}:\n${report}`);
      // The worker's install asked for the shell (styles and scripts) and nothing else.
      const byWorker = visit.requests.filter((request) => request.by === 'worker');
      expect(byWorker.length, report).toBeGreaterThan(0);
      expect(
        byWorker.filter((request) => !/^_astro\/[^/]+\.(?:js|css)$|^sw\.js$/.test(request.path)),
        report,
      ).toEqual([]);
      // Screenshots are the page's own lazy images near its first screen (their size is the images' budget).
      const shown = pageScreenshots(path);
      expect(
        screenshots.filter((response) => !shown.includes(response.path)),
        report,
      ).toEqual([]);
      expect(
        visit.requests.filter((request) => isScreenshot(request.path) && request.by === 'worker'),
        report,
      ).toEqual([]);
      // The page, its styles, scripts and fonts, the worker and its shell: within 100 KB, so that
      // with a first screen's screenshots a first visit can stay within 150 KB.
      expect(sum(rest), report).toBeLessThanOrEqual(100 * KB);
    },
  );

  it('requests no PDF, no other page and no search file, from the page or its worker', async () => {
    for (const path of ['/dasc7606/s5/', '/dasc7606/']) {
      const visit = await firstVisit(path);
      const pages = visit.sent.filter((response) => response.path === '' || response.path.endsWith('/'));
      expect(
        pages.map((response) => response.path),
        path,
      ).toEqual([urls.inSite(urls.at(path))]);
      expect(
        visit.sent.filter((response) => /\.pdf$|^pagefind\/|offline\.json$|\.html$/.test(response.path)),
        path,
      ).toEqual([]);
    }
  });
});

/** The screenshots a built page names (<img> sources and srcset candidates), as paths inside the site. */
function pageScreenshots(path: string): string[] {
  return pageImages(readFileSync(fileInDist(dist, path), 'utf8'))
    .flat()
    .map((source) => urls.inSite(source.url) ?? source.url);
}

describe('math fonts', () => {
  it('are self-hosted woff2 only', () => {
    const assets = readdirSync(join(dist, '_astro'));
    expect(assets.filter((name) => /\.(woff|ttf|eot|otf)$/.test(name))).toEqual([]);
    expect(assets.filter((name) => /^KaTeX_.*\.woff2$/.test(name)).length).toBeGreaterThan(0);
  });

  it('are requested by pages with math, only as woff2, and not by pages without math', async () => {
    const withMath = await firstLoad('/dasc7606/s5/');
    const fonts = withMath.filter((entry) => entry.type === 'Font');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((entry) => /\/_astro\/KaTeX_[\w-]+\.[\w-]+\.woff2$/.test(entry.url))).toBe(true);
    // Only the faces the page draws: far fewer than KaTeX's twenty.
    expect(fonts.length).toBeLessThanOrEqual(6);
    for (const path of ['/', '/dasc7606/', '/dasc7606/s2/']) {
      expect(
        (await firstLoad(path)).filter((entry) => entry.type === 'Font'),
        path,
      ).toEqual([]);
    }
  });
});

describe('images', () => {
  it('all have width and height, so they never shift the page as they load', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    let images = 0;
    for (const name of pages) {
      for (const tag of readFileSync(join(dist, name), 'utf8').match(/<img\b[^>]*>/g) ?? []) {
        images += 1;
        expect(tag, name).toMatch(/\swidth="\d+"/);
        expect(tag, name).toMatch(/\sheight="\d+"/);
      }
    }
    expect(images).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('transfers under 100 KB for a first search, filters and typo vocabulary not included', async () => {
    const transfers = await firstSearchTransfers(browser.browser, `${baseUrl}/dasc7606/s1/`, 'mode collapse');
    const bytes = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes, describeTransfers(transfers)).toBeLessThan(100 * KB);
  });
});
