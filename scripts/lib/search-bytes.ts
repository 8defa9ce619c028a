/** Bytes a browser transfers for a first search on a page: opening search, typing, results shown. */
import type { Browser } from 'playwright-core';

export async function firstSearchBytes(browser: Browser, pageUrl: string, query: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    await page.keyboard.press('/');
    await page.locator('#search-input').fill(query);
    await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    return bytes;
  } finally {
    await context.close();
  }
}
