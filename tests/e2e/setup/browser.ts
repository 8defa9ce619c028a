/**
 * One headless Chromium per test file (system browser, via scripts/lib/chromium.ts), and pages
 * that record what went wrong while they loaded: console errors, uncaught exceptions, failed
 * requests and HTTP error responses.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchChromium, type ChromiumKind } from '../../../scripts/lib/chromium.ts';
import { STORAGE_KEYS } from '../../../src/lib/site/storage-keys.ts';

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, failed requests (not those cancelled) and 4xx/5xx responses, as readable lines. */
  problems: string[];
}

/** Choices for a test's pages beyond Playwright's own. */
export interface PageChoices {
  /**
   * Draw every question at once (on by default). Long pages draw a question only when it comes near
   * the screen (content-visibility: auto, question.css), and until then its text has no layout:
   * tests that read text or measure across a whole page see it all, as a reader who scrolled
   * would. long-pages.test.ts and the budgets check the real behaviour, with this off.
   */
  drawEveryQuestion?: boolean;
  /** Keep the context for the rest of the file (closed after its last test) instead of closing it after this test. */
  wholeFile?: boolean;
}

export interface BrowserHandle {
  /** The file's browser (launched in beforeAll). */
  readonly browser: Browser;
  /** A new context and page on `path` of the built site (with or without its leading slash); closed after the test. */
  open: (path: string, options?: BrowserContextOptions & PageChoices & { waitUntil?: 'load' | 'networkidle' }) => Promise<OpenedPage>;
  /** A new context (closed after the test) with problem recording on every page it opens. */
  newContext: (options?: BrowserContextOptions & PageChoices) => Promise<{ context: BrowserContext; problems: string[] }>;
  /** A new page of `context` on `path` of the built site (with or without its leading slash), loaded; throws when the server answers with an error. */
  visit: (context: BrowserContext, path: string, waitUntil?: 'load' | 'networkidle') => Promise<Page>;
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** Runs in each page before its scripts (CSSOM, which the pages' CSP allows, unlike a <style>). */
function drawEveryQuestion(): void {
  document.addEventListener('DOMContentLoaded', () => {
    for (const question of document.querySelectorAll<HTMLElement>('.question')) question.style.contentVisibility = 'visible';
  });
}

/** Records problems on every page of a context. */
function watch(context: BrowserContext, problems: string[]): void {
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? 'unknown';
      // Cancelled by the page or by leaving it (a reload stops the images still loading): not a failure.
      if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${error})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
  });
}

/**
 * Call at the top of a test file. Tests drive the headless shell (as fast as Chromium gets, see
 * chromium.ts); what only a reader's browser does (its PDF viewer, how far ahead it fetches lazy
 * images) asks for the `browser`.
 */
export function useBrowser(kind: ChromiumKind = 'shell'): BrowserHandle {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const fileContexts: BrowserContext[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium({ kind });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await Promise.all(fileContexts.splice(0).map((context) => context.close()));
    await browser?.close();
  });

  const handle: BrowserHandle = {
    get browser(): Browser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async newContext(options = {}) {
      const { drawEveryQuestion: drawAll = true, wholeFile = false, ...contextOptions } = options;
      // The offline service worker stores the whole site after each first visit: only the tests
      // about it (offline.test.ts) let it run, the others check pages as the network serves them.
      const context = await handle.browser.newContext({ viewport: DEFAULT_VIEWPORT, serviceWorkers: 'block', ...contextOptions });
      if (drawAll) await context.addInitScript(drawEveryQuestion);
      (wholeFile ? fileContexts : contexts).push(context);
      const problems: string[] = [];
      watch(context, problems);
      return { context, problems };
    },
    async visit(context, path, waitUntil = 'load') {
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}/${path.replace(/^\/+/, '')}`, { waitUntil });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
      return page;
    },
    async open(path, options = {}) {
      const { waitUntil = 'load', ...contextOptions } = options;
      const { context, problems } = await handle.newContext(contextOptions);
      return { page: await handle.visit(context, path, waitUntil), context, problems };
    },
  };
  return handle;
}

/**
 * A page of a site served at `origin` (not the shared one), at `url`, its base included (urls.*);
 * in a new context, in Test me when asked; loaded until the network is quiet.
 */
export async function openOn(
  handle: BrowserHandle,
  origin: string,
  url: string,
  testMe = false,
): Promise<{ page: Page; problems: string[] }> {
  const { context, problems } = await handle.newContext();
  if (testMe)
    await context.addInitScript((name) => location.protocol.startsWith('http') && localStorage.setItem(name, '1'), STORAGE_KEYS.testMe);
  const page = await context.newPage();
  await page.goto(origin + url, { waitUntil: 'networkidle' });
  return { page, problems };
}
