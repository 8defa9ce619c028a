/**
 * Offline after one online visit (the service worker of scripts/service-worker.ts): each test
 * serves the built site from its own server, visits once, then stops that server and sets the
 * browser offline. Every page, the KaTeX fonts, the screenshots, search (any query, filters, typo
 * correction) and the PDFs must still work. Then a new build deployed at the same origin: the
 * next load shows it and says so.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fileInDist, type PrintablePage } from '../../scripts/lib/built-pages.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { FIXTURE_QUERIES, QUERIES } from './search-queries.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, allPages, printablePages } from './setup/site.ts';

const browser = useBrowser();
const dist = inject('dist');
const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-offline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The page every test starts on: the first section page. */
function firstSection(): PrintablePage {
  const section = printablePages().find((target) => target.kind === 'section');
  if (!section) throw new Error('no section page built');
  return section;
}

/** A first, online visit: the site is served, the worker stores it, the footer says so. */
async function visitOnline(site: string): Promise<{ server: StaticServer; context: BrowserContext; page: Page; problems: string[] }> {
  const server = await serveStatic(site, { base: urls.base });
  const { context, problems } = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(server.url + urls.at(firstSection().url));
  await expect.poll(() => page.locator('[data-offline-status]').textContent(), { timeout: 60_000 }).toBe('Available offline');
  return { server, context, page, problems };
}

/** The network goes away: the server stops and the browser is offline. */
async function goOffline(server: StaticServer, context: BrowserContext): Promise<void> {
  await server.close();
  await context.setOffline(true);
}

/** Opens a path inside the site (no base) and insists it answered. */
async function openOffline(page: Page, origin: string, path: string): Promise<void> {
  const response = await page.goto(origin + urls.at(path));
  expect(response?.ok(), `${path} offline`).toBe(true);
}

/** The "<course>/<question id>" of each result link shown, once the search settles. */
async function resultKeys(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
  const hrefs = await page.$$eval('.search-result-link', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => {
    const [path = '', anchor = ''] = href.split('#');
    return `${urls.inSite(path)?.split('/')[0] ?? ''}/${anchor.replace(/--.*$|-title$/, '')}`;
  });
}

describe('offline after one visit', () => {
  it('serves every page, its fonts and screenshots, with the network off', async () => {
    const { server, context, page, problems } = await visitOnline(dist);
    const origin = server.url;
    await goOffline(server, context);

    // Moving around as a reader does: header links, cards, next section.
    await Promise.all([page.waitForURL(origin + urls.home()), page.locator('.site-name').click()]);
    const course = allCourses()[0];
    if (!course) throw new Error('no course built');
    await Promise.all([page.waitForURL(origin + urls.course(course.id)), page.locator(`a.card[href="${urls.course(course.id)}"]`).click()]);
    await Promise.all([
      page.waitForURL(origin + urls.section(course.id, 2)),
      page.locator(`a.card[href="${urls.section(course.id, 2)}"]`).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain(course.sections.find((section) => section.number === 2)?.title ?? '');

    let shownImages = 0;
    for (const path of [...allPages(), '/search/', ...allCourses().map((entry) => `/${entry.id}/review/`)]) {
      await openOffline(page, origin, path);
      await expect(page.locator('main h1').count(), path).resolves.toBeGreaterThan(0);
      // Screenshots come from the store too: lazy ones are loaded, and none is broken.
      await page.evaluate(() => {
        for (const image of document.images) image.loading = 'eager';
      });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('img.screenshot')].every((image) => (image as HTMLImageElement).complete),
      );
      expect(
        await page.$$eval('img.screenshot', (all) =>
          (all as HTMLImageElement[]).filter((image) => image.naturalWidth === 0).map((image) => image.src),
        ),
        path,
      ).toEqual([]);
      shownImages += await page.locator('img.screenshot').count();
    }
    expect(shownImages).toBeGreaterThan(0);

    // KaTeX's fonts on a page with math.
    const math = printablePages().find((target) => readFileSync(fileInDist(dist, target.url), 'utf8').includes('class="katex"'));
    if (!math) throw new Error('no page with math');
    await openOffline(page, origin, math.url);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.family.includes('KaTeX') && font.status === 'loaded').map((font) => font.family);
    });
    expect(fonts.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('searches any query, with filters and typo correction, and opens a result', async () => {
    const { server, context, page } = await visitOnline(dist);
    const origin = server.url;
    await goOffline(server, context);
    await openOffline(page, origin, '/search/');
    for (const { query, expected } of [...QUERIES, ...FIXTURE_QUERIES]) {
      await page.locator('#search-input').fill(query);
      await page.waitForFunction((typed) => new URL(location.href).searchParams.get('q') === typed, query);
      expect((await resultKeys(page)).slice(0, 3), query).toContain(expected);
    }
    await page.locator('#search-input').fill('gradient');
    await page.locator('.search-filters summary').click();
    const course = allCourses()[0];
    if (!course) throw new Error('no course built');
    await page
      .locator('.filter-group', { hasText: 'Course' })
      .locator('.filter-option', { hasText: course.title })
      .locator('input')
      .check();
    await page.waitForFunction((title) => {
      const contexts = [...document.querySelectorAll('.search-result-context')].map((context) => context.textContent ?? '');
      return contexts.length > 0 && contexts.every((context) => context.endsWith(title));
    }, course.title);

    const first = page.locator('.search-result-link').first();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL((url) => url.pathname === href.split('?')[0]);
    await expect.poll(() => page.locator(':target').isVisible()).toBe(true);
    await page.waitForFunction(() => (CSS.highlights.get('search-terms')?.size ?? 0) > 0);
  });

  it('opens a PDF, the same bytes as the built one', async () => {
    const { server, context, page } = await visitOnline(dist);
    await goOffline(server, context);
    const target = printablePages().at(-1);
    if (!target) throw new Error('no printable page');
    await openOffline(page, server.url, target.url);
    const pdf = urls.at(target.pdf);
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], pdf);
    expect(Buffer.from(bytes).equals(readFileSync(fileInDist(dist, target.pdf)))).toBe(true);
    await Promise.all([page.waitForURL(server.url + pdf), page.getByRole('link', { name: 'Open PDF' }).click()]);
    await expect(page.evaluate(() => document.contentType)).resolves.toBe('application/pdf');
  });
});

describe('a new build', () => {
  it('shows on the next load, which says the notes were updated, and replaces the offline copy', async () => {
    const first = join(scratch, 'build-a');
    const second = join(scratch, 'build-b');
    cpSync(dist, first, { recursive: true });
    const { server, context, page } = await visitOnline(first);
    expect(await page.locator('[data-update-notice]').textContent()).toBe('');

    // Build B: a section page changed, and the service worker step run again on it, as in npm run build.
    cpSync(dist, second, { recursive: true });
    const changed = fileInDist(second, firstSection().url);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/<h1([^>]*)>/, '<h1$1>Edited after the exam: '));
    execFileSync(process.execPath, ['scripts/service-worker.ts', '--dist', second], { cwd: ROOT, env: process.env });
    const port = Number(new URL(server.url).port);
    await server.close();
    const redeployed = await serveStatic(second, { base: urls.base, port });
    try {
      await page.reload();
      await expect(page.locator('main h1').textContent()).resolves.toContain('Edited after the exam: ');
      await expect
        .poll(() => page.locator('[data-update-notice]').textContent(), { timeout: 60_000 })
        .toContain('Updated to the latest notes');
      await page.locator('[data-update-notice] button').click();
      expect(await page.locator('[data-update-notice]').isVisible()).toBe(false);
    } finally {
      await redeployed.close();
    }
    // The offline copy is build B's.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main h1').textContent()).resolves.toContain('Edited after the exam: ');
  });
});
