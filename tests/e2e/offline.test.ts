/**
 * Offline by choice: "Save for offline" on a course home (src/client/offline/). Each test serves
 * the built site from its own server, saves a course, then stops that server and sets the browser
 * offline: every page of the saved course, its math fonts, screenshots, search (any query,
 * filters, typo correction) and PDFs must still work. What saving stores is said first; cancelling
 * or failing keeps nothing; removing frees the store; saving one course stores nothing of another.
 * Then a new build deployed at the same origin: the next load shows it, and the saved copy
 * downloads only what changed (asking first when the browser asks to save data).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fileInDist, type PrintablePage } from '../../scripts/lib/built-pages.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { SAVE_REQUEST_HEADER, savedCacheName } from '../../src/lib/offline/caches.ts';
import { isCourseManifest, type CourseManifest } from '../../src/lib/offline/manifest.ts';
import { describeSizes, formatBytes, saveSizes } from '../../src/lib/offline/plan.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { FIXTURE_QUERIES, QUERIES } from './search-queries.ts';
import { useBrowser } from './setup/browser.ts';
import { shownResults, typeQuery } from './setup/search.ts';
import { allCourses, allPages, printablePages } from './setup/site.ts';
import { type CourseId, distPaths } from '../../src/lib/content/paths.ts';

const browser = useBrowser();
/** The reader's browser, whose PDF viewer opens a PDF the shell would download. */
const viewer = useBrowser('browser');
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

function courseIds(): [CourseId, CourseId] {
  const [first, second] = allCourses().map((course) => course.id);
  if (!first || !second) throw new Error('the test site has two courses');
  return [first, second];
}

function manifestOf(site: string, course: CourseId): CourseManifest {
  const value: unknown = JSON.parse(readFileSync(fileInDist(site, distPaths.offlineManifest(course)), 'utf8'));
  if (!isCourseManifest(value)) throw new Error(`no offline manifest for ${course}`);
  return value;
}

/** Every path a manifest lists, each width of each screenshot and the PDFs included. */
const everyFile = (manifest: CourseManifest): string[] =>
  [...manifest.pages, ...manifest.assets, ...manifest.search, ...manifest.pdfs, ...manifest.screenshots.flat()].map((file) => file.path);

interface Visit {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** A first, online visit: the site is served and the service worker is active. */
async function visitOnline(site: string, handle = browser): Promise<Visit> {
  const server = await serveStatic(site, { base: urls.base });
  const { context, problems } = await handle.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(server.url + urls.at(firstSection().url));
  await page.evaluate(() => navigator.serviceWorker.ready);
  return { server, context, page, problems };
}

/** Opens the panel on the course home and waits until it says what saving stores. */
async function openSavePanel(page: Page, origin: string, course: CourseId): Promise<void> {
  await page.goto(origin + urls.course(course));
  await page.getByRole('button', { name: /^Save (for offline|the PDFs too)…$/ }).click();
  await expect.poll(() => page.locator('[data-save-sizes]').textContent()).toMatch(/questions? · /);
  await expect.poll(() => page.locator('[data-save-start]').isEnabled()).toBe(true);
}

/** Save for offline, as a reader does it on the course home, until it says it is done. */
async function saveForOffline(page: Page, origin: string, course: CourseId, options: { pdfs?: boolean } = {}): Promise<void> {
  await openSavePanel(page, origin, course);
  if (options.pdfs) await page.getByLabel(/Include the PDFs/).check();
  await page.locator('[data-save-start]').click();
  await expect.poll(() => page.locator('[data-save-result]').textContent(), { timeout: 120_000 }).toMatch(/^Saved for offline/);
  await expect.poll(() => page.locator('[data-offline-status]').textContent()).toBe('Available offline');
}

/** The page's connection slows to `bytesPerSecond` (Chromium's network emulation). */
async function throttle(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
}

/** The network goes away: the server stops and the browser is offline. */
async function goOffline(server: StaticServer, context: BrowserContext): Promise<void> {
  await server.close();
  await context.setOffline(true);
}

/** Opens a path inside the site (no base) and insists it answered. */
async function openOffline(page: Page, origin: string, path: string): Promise<void> {
  const response = await page.goto(origin + urls.file(path));
  expect(response?.ok(), `${path} offline`).toBe(true);
}

/** Whether a path inside the site opens at all (offline: only if something stored it). */
async function opens(page: Page, origin: string, path: string): Promise<boolean> {
  return page.goto(origin + urls.file(path)).then(
    (response) => response?.ok() === true,
    () => false,
  );
}

/** Every URL in the browser's offline stores of this site, by store name. */
function storedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const stores: Record<string, string[]> = {};
    for (const name of await caches.keys()) stores[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return stores;
  });
}

const scopeOf = (origin: string): string => urls.scope(origin);

/** Nothing counts as saved: the footer claims nothing, and there is no saved store at all. */
async function expectNothingSaved(page: Page, origin: string): Promise<void> {
  expect(await page.locator('[data-offline-status]').textContent()).toBe('');
  expect(Object.keys(await storedUrls(page))).not.toContain(savedCacheName(scopeOf(origin)));
}

/** The "<course>/<question id>" of each result shown, once the search settles. */
async function resultKeys(page: Page): Promise<string[]> {
  return (await shownResults(page)).map((result) => result.key);
}

describe('Save for offline', () => {
  it('says what it will store before it starts, with the PDFs a choice and the room the browser has', async () => {
    const { server, page } = await visitOnline(dist);
    const [course] = courseIds();
    await openSavePanel(page, server.url, course);
    const slotWidth = await page.locator('main').evaluate((main) => main.clientWidth);
    const sizes = saveSizes(manifestOf(dist, course), { slotWidth, devicePixelRatio: 1 });
    const questions = allCourses().find((entry) => entry.id === course)?.questions.length ?? 0;
    expect(await page.locator('[data-save-sizes]').textContent()).toBe(describeSizes(questions, sizes));
    expect(sizes.withPdfs).toBeGreaterThan(sizes.withoutPdfs);
    await expect(page.locator('[data-save-start]').textContent()).resolves.toBe(`Save ${formatBytes(sizes.withoutPdfs)}`);
    await page.getByLabel(/Include the PDFs/).check();
    await expect.poll(() => page.locator('[data-save-start]').textContent()).toBe(`Save ${formatBytes(sizes.withPdfs)}`);
    await expect(page.locator('[data-save-note]').textContent()).resolves.toMatch(/lets this site store [\d.]+ [KMG]B more/);
    // Nothing is stored until the reader says so.
    await expectNothingSaved(page, server.url);
    await server.close();
  });

  it('when cancelled, keeps nothing and does not claim to be saved', async () => {
    const { server, context, page } = await visitOnline(dist);
    const [course] = courseIds();
    await openSavePanel(page, server.url, course);
    await page.getByLabel(/Include the PDFs/).check();
    // A slow connection (1 MB/s, PDFs included: over a minute), so the reader cancels mid-way.
    await throttle(page, 1024 * 1024);
    await page.locator('[data-save-start]').click();
    await expect.poll(() => page.locator('[data-save-count]').textContent(), { timeout: 30_000 }).toMatch(/^[1-9]\d* of \d+ files/);
    await expect(page.locator('[data-save-cancel]').evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('[data-save-result]').textContent()).toBe('Cancelled. Nothing was kept.');
    await expectNothingSaved(page, server.url);
    await expect(page.getByRole('button', { name: 'Save for offline…' }).isVisible()).resolves.toBe(true);
    // Offline, a section never visited is not there: nothing half-saved stands in for it.
    const unvisited = printablePages()
      .filter((target) => target.course === course)
      .at(-1);
    if (!unvisited) throw new Error('no page to open');
    await goOffline(server, context);
    expect(await opens(page, server.url, unvisited.url)).toBe(false);
  });

  it('says what failed, and keeps nothing', async () => {
    // A site whose paper page went missing (a redeploy under way, say).
    const site = join(scratch, 'missing-page');
    cpSync(dist, site, { recursive: true });
    const [course] = courseIds();
    const missing = manifestOf(site, course).pages.find((file) => file.path.includes('/papers/'));
    if (!missing) throw new Error('no paper page');
    rmSync(fileInDist(site, missing.path));
    const { server, page } = await visitOnline(site);
    await openSavePanel(page, server.url, course);
    await page.locator('[data-save-start]').click();
    await expect
      .poll(() => page.locator('[data-save-result]').textContent(), { timeout: 60_000 })
      .toBe(`Could not save ${missing.path}: HTTP 404. Nothing was kept.`);
    await expectNothingSaved(page, server.url);
    await server.close();
  });

  it('"Remove offline copy" frees the store: nothing of the course stays cached', async () => {
    const { server, context, page } = await visitOnline(dist);
    const [course] = courseIds();
    await saveForOffline(page, server.url, course);
    const usage = (): Promise<number> => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const saved = await usage();
    const stored = (await storedUrls(page))[savedCacheName(scopeOf(server.url))] ?? [];
    const manifest = manifestOf(dist, course);
    expect(stored.length).toBeGreaterThanOrEqual(manifest.pages.length);

    await page.getByRole('button', { name: 'Remove offline copy' }).click();
    await expect.poll(() => page.locator('[data-save-result]').textContent()).toMatch(/^Offline copy removed/);
    await expectNothingSaved(page, server.url);
    const after = await storedUrls(page);
    const coursePages = manifest.pages.filter((file) => file.path.startsWith(`${course}/`)).map((file) => server.url + urls.at(file.path));
    expect(
      Object.values(after)
        .flat()
        .filter((url) => coursePages.includes(url)),
    ).toEqual([]);
    await expect.poll(usage).toBeLessThan(saved);

    await goOffline(server, context);
    const section = printablePages().find((target) => target.course === course && target.kind === 'section');
    if (!section) throw new Error('no section page');
    expect(await opens(page, server.url, section.url)).toBe(false);
  });

  it("saving one course stores none of the other course's pages, and only its pages say Available offline", async () => {
    const { server, context, page } = await visitOnline(dist);
    const [saved, other] = courseIds();
    await saveForOffline(page, server.url, saved, { pdfs: true });
    const stored = (await storedUrls(page))[savedCacheName(scopeOf(server.url))] ?? [];
    expect(stored.filter((url) => url.startsWith(server.url + urls.course(other)))).toEqual([]);
    // Nothing only the other course needs (its search records, screenshots, PDFs) either.
    const own = new Set(everyFile(manifestOf(dist, saved)));
    const theirs = everyFile(manifestOf(dist, other)).filter((path) => !own.has(path));
    expect(theirs.length).toBeGreaterThan(0);
    expect(stored.filter((url) => theirs.some((path) => url === server.url + urls.file(path)))).toEqual([]);

    const status = async (path: string): Promise<string | null> => {
      await page.goto(server.url + urls.file(path));
      // The footer is filled after load, from the store.
      await page.locator('[data-offline-status][data-checked]').waitFor({ state: 'attached' });
      return page.locator('[data-offline-status]').textContent();
    };
    expect(await status(firstSection().url)).toBe('Available offline');
    expect(await status('/')).toBe('Available offline');
    // A page of the other course, visited twice (so kept as visited), claims nothing.
    expect(await status(urls.inSite(urls.course(other)) ?? '')).toBe('');
    expect(await status(urls.inSite(urls.course(other)) ?? '')).toBe('');

    // Offline, search still answers, and says that matches in the other course are not there.
    await goOffline(server, context);
    await openOffline(page, server.url, '/search/');
    const [query] = FIXTURE_QUERIES;
    if (!query) throw new Error('no query about the second course');
    await page.locator('#search-input').fill(query.query);
    expect(await resultKeys(page)).not.toContain(query.expected);
    await expect(page.locator('#search-status').textContent()).resolves.toContain('their course is not saved for offline');
  });
});

describe('offline after Save for offline', () => {
  it('serves every page, its fonts and screenshots, with the network off', async () => {
    const { server, context, page, problems } = await visitOnline(dist);
    const origin = server.url;
    for (const course of courseIds()) await saveForOffline(page, origin, course);
    await goOffline(server, context);

    // Moving around as a reader does: header links, cards, next section.
    await page.goto(origin + urls.at(firstSection().url));
    await Promise.all([page.waitForURL(origin + urls.home()), page.locator('.site-name').click()]);
    const course = allCourses()[0];
    if (!course) throw new Error('no course built');
    await Promise.all([page.waitForURL(origin + urls.course(course.id)), page.locator(`a.card[href="${urls.course(course.id)}"]`).click()]);
    await Promise.all([
      page.waitForURL(origin + urls.section(course.id, 2)),
      page.locator(`a.card[href="${urls.section(course.id, 2)}"]`).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain(course.sections.find((section) => section.number === 2)?.title ?? '');
    // The footer is filled after load, from the store.
    await expect.poll(() => page.locator('[data-offline-status]').textContent()).toBe('Available offline');

    let shownImages = 0;
    for (const path of [...allPages(), '/search/', ...allCourses().map((entry) => `/${entry.id}/review/`)]) {
      await openOffline(page, origin, path);
      await expect(page.locator('main h1').count(), path).resolves.toBeGreaterThan(0);
      // Screenshots come from the store too: lazy ones are loaded, and none is broken. (Not their
      // print copies, which no screen shows and Save for offline leaves out: print falls back to the screen image.)
      await page.evaluate(() => {
        for (const image of document.querySelectorAll<HTMLImageElement>('img.screenshot')) image.loading = 'eager';
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
    // Fonts load when a formula is drawn: questions off screen are not (question.css), so go to one.
    await page.locator('.katex').first().scrollIntoViewIfNeeded();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const katex = [...document.fonts].filter((font) => font.family.includes('KaTeX'));
      return {
        loaded: katex.filter((font) => font.status === 'loaded').length,
        failed: katex.filter((font) => font.status === 'error').length,
      };
    });
    expect(fonts.loaded).toBeGreaterThan(0);
    expect(fonts.failed).toBe(0);
    // Offline, requests outside the saved copy fail (DISCONNECTED). Nothing else may.
    expect(problems.filter((problem) => !problem.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('searches any query, with filters and typo correction, and opens a result', async () => {
    const { server, context, page } = await visitOnline(dist);
    const origin = server.url;
    for (const course of courseIds()) await saveForOffline(page, origin, course);
    await goOffline(server, context);
    await openOffline(page, origin, '/search/');
    for (const { query, expected } of [...QUERIES, ...FIXTURE_QUERIES]) {
      expect((await typeQuery(page, query)).map((result) => result.key).slice(0, 3), query).toContain(expected);
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
    const { server, context, page } = await visitOnline(dist, viewer);
    const target = printablePages().at(-1);
    if (!target) throw new Error('no printable page');
    await saveForOffline(page, server.url, target.course, { pdfs: true });
    await goOffline(server, context);
    await openOffline(page, server.url, target.url);
    const pdf = urls.at(target.pdf);
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], pdf);
    expect(Buffer.from(bytes).equals(readFileSync(fileInDist(dist, target.pdf)))).toBe(true);
    await Promise.all([page.waitForURL(server.url + pdf), page.getByRole('link', { name: 'Open PDF' }).click()]);
    await expect(page.evaluate(() => document.contentType)).resolves.toBe('application/pdf');
  });
});

describe('a new build', () => {
  /** Build A served and one course saved; build B written: a section page changed, and the offline step run again on it, as npm run build does. */
  async function savedThenRebuilt(name: string): Promise<Visit & { second: string; port: number; course: CourseId }> {
    const first = join(scratch, `${name}-a`);
    const second = join(scratch, `${name}-b`);
    cpSync(dist, first, { recursive: true });
    const visit = await visitOnline(first);
    const { course } = firstSection();
    await saveForOffline(visit.page, visit.server.url, course);
    // A page load checks for a new build (there is none yet): that check is over before build B is served.
    const checks = saveRequests(visit.page);
    await visit.page.goto(visit.server.url + urls.at(firstSection().url));
    await expect.poll(() => checks).toContain(urls.inSite(urls.offlineIndex()));
    expect(await visit.page.locator('[data-update-notice]').textContent()).toBe('');

    cpSync(dist, second, { recursive: true });
    const changed = fileInDist(second, firstSection().url);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/<h1([^>]*)>/, '<h1$1>Edited after the exam: '));
    execFileSync(process.execPath, ['scripts/build.ts', '--only', 'offline'], { cwd: ROOT, env: { ...process.env, SITE_OUT_DIR: second } });
    return { ...visit, second, port: Number(new URL(visit.server.url).port), course };
  }

  /** The paths Save for offline downloads from now on. */
  function saveRequests(page: Page): string[] {
    const paths: string[] = [];
    page.on('request', (request) => {
      if (request.headers()[SAVE_REQUEST_HEADER]) paths.push(urls.inSite(new URL(request.url()).pathname) ?? request.url());
    });
    return paths;
  }

  it('shows on the next load; the saved course downloads only the changed page, says so, and is the new build offline', async () => {
    const { server, context, page, second, port, course } = await savedThenRebuilt('update');
    await server.close();
    const redeployed = await serveStatic(second, { base: urls.base, port });
    const downloads = saveRequests(page);
    try {
      await page.reload();
      await expect(page.locator('main h1').textContent()).resolves.toContain('Edited after the exam: ');
      await expect
        .poll(() => page.locator('[data-update-notice]').textContent(), { timeout: 60_000 })
        .toContain('Offline copy updated to the latest notes (1 changed file)');
      expect(downloads.sort()).toEqual(
        [urls.inSite(urls.offlineIndex()), urls.inSite(urls.offlineManifest(course)), urls.inSite(urls.at(firstSection().url))].sort(),
      );
      await page.getByRole('button', { name: 'OK' }).click();
      expect(await page.locator('[data-update-notice]').isVisible()).toBe(false);
    } finally {
      await redeployed.close();
    }
    // The offline copy is build B's.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main h1').textContent()).resolves.toContain('Edited after the exam: ');
    // The footer is filled after load, from the store.
    await expect.poll(() => page.locator('[data-offline-status]').textContent()).toBe('Available offline');
  });

  it('when the browser asks to save data, downloads nothing until the reader says so', async () => {
    const { server, context, page, second, port } = await savedThenRebuilt('save-data');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    await server.close();
    const redeployed = await serveStatic(second, { base: urls.base, port });
    const downloads = saveRequests(page);
    try {
      await page.reload();
      await expect(
        page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData),
      ).resolves.toBe(true);
      await expect
        .poll(() => page.locator('[data-update-notice]').textContent(), { timeout: 60_000 })
        .toMatch(/^New notes: the offline copy is out of date \(1 changed file, [\d.]+ KB\)/);
      const page1 = urls.inSite(urls.at(firstSection().url));
      expect(downloads).not.toContain(page1);
      await page.getByRole('button', { name: 'Update' }).click();
      await expect
        .poll(() => page.locator('[data-update-notice]').textContent(), { timeout: 60_000 })
        .toContain('Offline copy updated to the latest notes (1 changed file)');
      expect(downloads).toContain(page1);
    } finally {
      await redeployed.close();
    }
  });
});
