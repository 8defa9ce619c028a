/** Bytes a browser transfers to show a page on a first visit: cold cache, lazy loading as it is, no scrolling. */
import type { Browser, BrowserContextOptions } from 'playwright-core';

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
 * the load event. The offline service worker is blocked: it would fetch the whole site in the
 * background (offline.test.ts measures that).
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
