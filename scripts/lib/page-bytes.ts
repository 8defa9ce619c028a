/** Bytes a browser transfers to show a page on a first visit: cold cache, lazy loading as it is, no scrolling. */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { urls } from '../../src/lib/site/urls.ts';
import { serveStatic, type SentResponse } from './static-server.ts';

export interface Loaded {
  url: string;
  /** The DevTools resource type: Document, Script, Stylesheet, Font, Image … */
  type: string;
  /** Bytes on the wire, headers included. */
  bytes: number;
}

/** A phone-sized screen (an iPhone's 390 × 844 CSS px) at 1×, and a desktop one. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 } as const;

/** Quiet this long after the page has rendered, the first visit is over. */
const QUIET_MS = 500;

/**
 * Every response of a first visit to `url` until the network is quiet after the page has
 * rendered: lazy images and fonts are asked for by rendering, which a busy machine can delay past
 * the load event. The offline service worker is blocked: what its install adds is measured by
 * firstVisitWithWorker.
 */
export async function firstLoad(browser: Browser, url: string, options: BrowserContextOptions = DESKTOP): Promise<Loaded[]> {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const seen = new Map<string, { url: string; type: string }>();
    const loaded: Loaded[] = [];
    const pending = new Set<string>();
    let lastActivity = performance.now();
    const settle = (requestId: string): void => {
      pending.delete(requestId);
      lastActivity = performance.now();
    };
    cdp.on('Network.requestWillBeSent', (event: { requestId: string }) => {
      pending.add(event.requestId);
      lastActivity = performance.now();
    });
    cdp.on('Network.responseReceived', (event: { requestId: string; type: string; response: { url: string } }) =>
      seen.set(event.requestId, { url: event.response.url, type: event.type }),
    );
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      const response = seen.get(event.requestId);
      if (response) loaded.push({ ...response, bytes: event.encodedDataLength });
      settle(event.requestId);
    });
    cdp.on('Network.loadingFailed', (event: { requestId: string }) => settle(event.requestId));
    await page.goto(url, { waitUntil: 'load' });
    // Two frames: the page has laid out and its lazy images have been looked at.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    while (pending.size > 0 || performance.now() - lastActivity < QUIET_MS) await page.waitForTimeout(100);
    return loaded;
  } finally {
    await context.close();
  }
}

/** All bytes of `loaded`, or those of one resource type. */
export const totalBytes = (loaded: Loaded[], type?: string): number =>
  loaded.filter((entry) => !type || entry.type === type).reduce((sum, entry) => sum + entry.bytes, 0);

/** A response of a first visit with the worker, by path inside the site ("dasc7606/s5/"). */
export interface Sent extends SentResponse {
  /**
   * Who asked for it: the page (itself, or through the worker that answers it), the worker on its
   * own (its shell), or the browser (the worker's script, the favicon).
   */
  by: 'page' | 'worker' | 'browser';
}

/** Quiet this long after the worker is active, a first visit with it is over. */
const WORKER_QUIET_MS = 1500;

/**
 * A first visit to `path` of the built site in `dist` as any browser makes it: the offline service
 * worker allowed, registered after load and installing its shell. The bytes are counted by a
 * server of the visit's own, so what the worker downloads counts as much as what the page does
 * (once active, the worker answers the page's requests, which the page's own network log would
 * not show as transfers). The visit ends when the worker is active and the server has been quiet
 * for a second and a half; no scrolling, so lazy screenshots below the first screen stay unloaded.
 */
export async function firstVisitWithWorker(
  browser: Browser,
  dist: string,
  path: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<Sent[]> {
  const sent: SentResponse[] = [];
  const byPage = new Set<string>();
  const byWorker = new Set<string>();
  let lastSent = performance.now();
  const server = await serveStatic(dist, {
    onSent: (response) => {
      sent.push({ ...response, path: urls.inSite(response.path) ?? response.path });
      lastSent = performance.now();
    },
  });
  const context = await browser.newContext({ ...options, serviceWorkers: 'allow' });
  try {
    context.on('request', (request) => {
      const path = urls.inSite(new URL(request.url()).pathname) ?? request.url();
      (request.serviceWorker() ? byWorker : byPage).add(path);
    });
    const page = await context.newPage();
    await page.goto(server.url + urls.file(path), { waitUntil: 'load' });
    const active = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    if (!active) throw new Error(`the offline service worker did not become active on ${path}`);
    lastSent = Math.max(lastSent, performance.now());
    while (performance.now() - lastSent < WORKER_QUIET_MS) await page.waitForTimeout(100);
    return sent.map((response) => ({
      ...response,
      by: byPage.has(response.path) ? 'page' : byWorker.has(response.path) ? 'worker' : 'browser',
    }));
  } finally {
    await context.close();
    await server.close();
  }
}
