/** Bytes a browser transfers for a first search on a page: opening search, typing, results shown. */
import type { Browser } from 'playwright-core';

export interface Transfer {
  url: string;
  /** Bytes on the wire, headers included. */
  bytes: number;
}

export interface FirstSearch {
  /** Every download, in the order they finished. */
  transfers: Transfer[];
  /** Links of the results shown: a search that finds nothing measures nothing. */
  results: string[];
}

/** Opens search on a page, types the query and waits for the results and every download they need. */
export async function firstSearch(browser: Browser, pageUrl: string, query: string): Promise<FirstSearch> {
  // Without the offline worker: once it controls the page it answers the search's requests and the
  // page sees none of their bytes (it fetches the same files from the network: the bytes are the same).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const transfers: Transfer[] = [];
    cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
      urls.set(event.requestId, event.request.url);
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      transfers.push({ url: urls.get(event.requestId) ?? '(unknown)', bytes: event.encodedDataLength });
    });
    await page.keyboard.press('/');
    await page.locator('#search-input').fill(query);
    await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return { transfers, results };
  } finally {
    await context.close();
  }
}

export async function firstSearchBytes(browser: Browser, pageUrl: string, query: string): Promise<number> {
  const { transfers, results } = await firstSearch(browser, pageUrl, query);
  if (results.length === 0) throw new Error(`A first search for "${query}" on ${pageUrl} found nothing, so its bytes mean nothing.`);
  return transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
}

/** "pagefind/latin/index/zh_62.pf_index 19.6 KB" lines, for a report or a failing budget. */
export function describeTransfers(transfers: Transfer[]): string {
  return transfers
    .map((transfer) => `${URL.parse(transfer.url)?.pathname ?? transfer.url} ${(transfer.bytes / 1024).toFixed(1)} KB`)
    .join('\n');
}
