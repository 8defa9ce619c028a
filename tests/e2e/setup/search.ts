/** Search as the tests drive it: open the search page with a query and read the results as shown. */
import type { Page } from 'playwright-core';
import { urls } from '../../../src/lib/site/urls.ts';
import type { BrowserHandle, OpenedPage } from './browser.ts';

export interface ShownResult {
  /** "<course>/<question id>" of the question the result links to. */
  key: string;
  href: string;
  title: string;
  context: string;
  excerpt: string;
  /** The excerpt's marked words. */
  marked: string[];
}

/** Waits for the status line to settle and reads the results as shown. */
export async function shownResults(page: Page): Promise<ShownResult[]> {
  await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
  return page.$$eval(
    '.search-result-link',
    (links, base) =>
      links.map((link) => {
        const href = link.getAttribute('href') ?? '';
        const [path = '', anchor = ''] = href.split('#');
        const course = path.slice(base.length).split('/')[0] ?? '';
        return {
          key: `${course}/${anchor.replace(/--.*$|-title$/, '')}`,
          href,
          title: link.querySelector('.search-result-title')?.textContent ?? '',
          context: link.querySelector('.search-result-context')?.textContent ?? '',
          excerpt: link.querySelector('.search-result-excerpt')?.textContent ?? '',
          marked: [...link.querySelectorAll('.search-result-excerpt mark')].map((mark) => mark.textContent ?? ''),
        };
      }),
    urls.base,
  );
}

/** Opens the filters (loaded on request) and waits for their options. */
export async function openFilters(page: Page): Promise<void> {
  await page.locator('.search-filters summary').click();
  await page.locator('.filter-toggle').waitFor();
}

/** The search page opened on `query` in a new context, and its results. */
export async function searchPage(browser: BrowserHandle, query: string): Promise<OpenedPage & { results: ShownResult[] }> {
  const opened = await browser.open(`/search/?q=${encodeURIComponent(query)}`);
  return { ...opened, results: await shownResults(opened.page) };
}

/** Types `query` into the search page's box and reads the results once they are the query's. */
export async function typeQuery(page: Page, query: string): Promise<ShownResult[]> {
  await page.locator('#search-input').fill(query);
  // The URL follows the query as its search starts, and the status says "Searching…" until it ends.
  await page.waitForFunction((typed) => new URL(location.href).searchParams.get('q') === typed, query.trim());
  return shownResults(page);
}

/**
 * One search page for a file's queries, typed one after another as a reader does, so Pagefind and
 * its indexes load once; each answer carries the problems its page reported meanwhile.
 */
export function searchSession(browser: BrowserHandle): (query: string) => Promise<{ results: ShownResult[]; problems: string[] }> {
  let opened: Promise<{ page: Page; problems: string[] }> | undefined;
  return async (query) => {
    opened ??= browser
      .newContext({ wholeFile: true })
      .then(async ({ context, problems }) => ({ page: await browser.visit(context, '/search/'), problems }));
    const { page, problems } = await opened;
    const before = problems.length;
    const results = await typeQuery(page, query);
    return { results, problems: problems.slice(before) };
  };
}
