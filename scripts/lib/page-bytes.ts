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

/**
 * Every response of a first visit to `url` until the network is idle. The offline service worker
 * is blocked: it would fetch the whole site in the background (offline.test.ts measures that).
 */
export async function firstLoad(browser: Browser, url: string, options: BrowserContextOptions = DESKTOP): Promise<Loaded[]> {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  try {
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
    await page.goto(url, { waitUntil: 'networkidle' });
    return loaded;
  } finally {
    await context.close();
  }
}

/** All bytes of `loaded`, or those of one resource type. */
export const totalBytes = (loaded: Loaded[], type?: string): number =>
  loaded.filter((entry) => !type || entry.type === type).reduce((sum, entry) => sum + entry.bytes, 0);
