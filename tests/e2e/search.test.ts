/**
 * Search in Chromium on the built site, following what it links to: results opening their part (in
 * its answer tab, the words highlighted), filters with counts, keyboard use from any page, the
 * search code loaded only on demand, the two indexes and the per-course ones, and the shareable
 * search page. What search finds (the quality table, excerpts, titles): search-quality.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { openFilters, searchPage, shownResults } from './setup/search.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { parseCourseId } from '../../src/lib/content/paths.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

describe('search over a second course', () => {
  it('filters by course, with a count for each', async () => {
    const { page } = await searchPage(browser, 'gradient');
    await openFilters(page);
    const courses = page.locator('.filter-group', { hasText: 'Course' }).locator('.filter-option');
    expect(await courses.count()).toBe(2);
    await courses.filter({ hasText: 'DASC7606' }).locator('input').check();
    await page.waitForFunction(
      (prefix) => [...document.querySelectorAll('.search-result-link')].every((link) => link.getAttribute('href')?.startsWith(prefix)),
      urls.course(parseCourseId('dasc7606')),
    );
    expect((await shownResults(page)).length).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('link to the part on the section page, with the matched words marked', async () => {
    const { results } = await searchPage(browser, 'mode collapse');
    const result = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2');
    expect(result?.href).toBe(`${urls.section(parseCourseId('dasc7606'), 5)}?highlight=mode+collapse#s5-2024-may-abc-q2--b-h`);
    // Touching matches are one mark: "Mode collapse".
    expect(result?.marked.map((text) => text.trim().toLowerCase())).toContain('mode collapse');
  });

  it('highlight the searched words on the page they open', async () => {
    const { page } = await searchPage(browser, 'mode collapse');
    await Promise.all([page.waitForURL(/\/dasc7606\/s5\//), page.locator('.search-result-link').first().click()]);
    await page.waitForFunction(() => (CSS.highlights.get('search-terms')?.size ?? 0) > 0);
    const highlighted = await page.evaluate(() =>
      [...(CSS.highlights.get('search-terms') ?? [])].map((range) => String(range).toLowerCase()),
    );
    expect(new Set(highlighted)).toEqual(new Set(['mode', 'collapse']));
  });

  it('open the answer variant the match is in', async () => {
    // Only Gemini's answer to Q1 (b), the second of three tabs, has these words.
    const words = 'the input noise is the immediate cause of variation';
    const { page, results } = await searchPage(browser, 'immediate cause of variation');
    expect(results.map((result) => result.key)).toEqual(['dasc7606/s5-2025-may-q1']);
    expect(results[0]?.title).toMatch(/^Q1 \(b\) Gemini · /);
    await Promise.all([page.waitForURL(/\/dasc7606\/s5\//), page.locator('.search-result-link').first().click()]);
    await expect.poll(() => page.getByText(words).isVisible()).toBe(true);
    const tab = page.locator('#s5-2025-may-q1--b [role="tab"][aria-selected="true"]');
    await expect(tab.innerText()).resolves.toBe('Gemini');
  });
});

describe('filters', () => {
  it('load only when opened, so a first search does not download them', async () => {
    const { context } = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('mode collapse')}`);
    await shownResults(page);
    // Any index's filters: /pagefind/courses/<course>/filter/, /pagefind/courses/<course>/full/filter/.
    const filterFiles = (): string[] => requested.filter((url) => /\/pagefind\/courses\/.+\/filter\//.test(url));
    expect(filterFiles()).toEqual([]);
    await openFilters(page);
    expect(filterFiles().length).toBeGreaterThan(0);
  });

  it('narrow by section with a count for each value', async () => {
    const { page, results } = await searchPage(browser, 'discriminator');
    expect(results.length).toBeGreaterThan(1);
    await openFilters(page);
    const option = page.locator('.filter-option', { hasText: 'Section 5 · Generative Adversarial Networks' });
    const count = Number((await option.locator('.filter-count').textContent())?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await option.locator('input').check();
    await page.waitForFunction((expected) => document.querySelectorAll('.search-result').length === expected, count);
    const filtered = await shownResults(page);
    expect(filtered.every((result) => result.context.includes('Section 5'))).toBe(true);
  });

  it('hide matches inside parts marked not examined', async () => {
    // 遗忘门 (forget gate) only appears in part 1.3 of Section 1 Q3, which is marked (不考).
    const { page, results } = await searchPage(browser, '遗忘门');
    expect(results.map((result) => result.key)).toContain('dasc7606/s1-2024-may-d-q3');
    await openFilters(page);
    await page.locator('.filter-toggle input').check();
    await page.waitForFunction(() => /No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await shownResults(page)).toEqual([]);
  });

  it('narrow to questions with written answers, by year', async () => {
    const { page } = await searchPage(browser, 'GAN');
    await openFilters(page);
    await page.locator('.filter-group', { hasText: 'Year' }).locator('.filter-option', { hasText: '2022' }).locator('input').check();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.search-result-context')].every((context) => context.textContent?.includes('2022')),
    );
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.context.includes('2022'))).toBe(true);
    await page.locator('.filter-option', { hasText: 'Screenshots only' }).locator('input').check();
    await page.waitForFunction(() => /No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
  });
});

describe('keyboard, from any page', () => {
  it('opens with /, moves through results with the arrow keys, opens one with Enter and closes with Esc', async () => {
    const { page, problems } = await browser.open('/dasc7606/s1/');
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog #search-input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('Turing test');
    await shownResults(page);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toContain('/dasc7606/s5/');
    await page.keyboard.press('ArrowUp');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/dasc7606\/s5\/\?highlight=Turing\+test#s5-2024-may-abc-q2/), page.keyboard.press('Enter')]);
    expect(problems).toEqual([]);
  });

  it('opens with ⌘K, as on a Mac', async () => {
    const { page, problems } = await browser.open('/dasc7606/s2/');
    await page.keyboard.press('Meta+k');
    await expect.poll(() => page.locator('dialog.search-dialog[open] #search-input:focus').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('keeps what was typed while the search code was still loading', async () => {
    const { page, problems } = await browser.open('/dasc7606/s1/');
    // A slow network: the search code arrives long after the student has typed the query.
    await page.route('**/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.keyboard.press('/');
    await page.keyboard.type('mode collapse');
    const input = page.locator('dialog.search-dialog #search-input');
    await expect.poll(() => input.inputValue().catch(() => '')).toBe('mode collapse');
    expect((await shownResults(page)).map((result) => result.key)).toContain('dasc7606/s5-2024-may-abc-q2');
    expect(problems).toEqual([]);
  });

  it('loads no search code until search is opened, and nothing from another origin', async () => {
    const { context } = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${baseUrl}/dasc7606/s3/`, { waitUntil: 'networkidle' });
    expect(requested.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    const beforeSearch = requested.length;
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('padding');
    await shownResults(page);
    const searchRequests = requested.slice(beforeSearch);
    expect(searchRequests.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);
    expect(requested.every((url) => url.startsWith(baseUrl) || url.startsWith('data:'))).toBe(true);
  });
});

describe('the two indexes', () => {
  it('answer a query without Chinese from the Latin index alone, and one with Chinese from the full index, with one Pagefind runtime', async () => {
    const { context } = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    // Paths inside the site, without its base: "/pagefind/courses/dasc7606/index/…".
    page.on('request', (request) => requested.push(`/${urls.inSite(new URL(request.url()).pathname) ?? ''}`));
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('mode collapse')}`);
    expect((await shownResults(page)).map((result) => result.key)).toContain('dasc7606/s5-2024-may-abc-q2');
    await page.waitForLoadState('networkidle');
    const latinWords = /^\/pagefind\/courses\/[^/]+\/index\//;
    const fullWords = /^\/pagefind\/courses\/[^/]+\/full\/index\//;
    const latinSearch = requested.filter((path) => path.startsWith('/pagefind/'));
    expect(latinSearch.some((path) => latinWords.test(path))).toBe(true);
    expect(latinSearch.filter((path) => path.includes('/full/'))).toEqual([]);

    const before = requested.length;
    await page.locator('#search-input').fill('过拟合');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '过拟合');
    expect((await shownResults(page)).map((result) => result.key)).toContain('dasc7606/s1-2024-may-abc-q1');
    await page.waitForLoadState('networkidle');
    const fullSearch = requested.slice(before);
    expect(fullSearch.some((path) => fullWords.test(path))).toBe(true);
    // The Latin index has no Chinese words, so a Chinese query needs none of its word lists.
    expect(fullSearch.filter((path) => latinWords.test(path))).toEqual([]);
    // Pagefind's WebAssembly comes from one address for every index, so a browser cache serves it once.
    expect(new Set(requested.filter((path) => path.includes('wasm')))).toEqual(new Set(['/pagefind/wasm.unknown.pagefind']));
  });
});

describe('search per course', () => {
  it("from a course's page searches that course's index alone, until the reader widens it to all courses", async () => {
    const { context, problems } = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(`/${urls.inSite(new URL(request.url()).pathname) ?? ''}`));
    await page.goto(`${baseUrl}/dasc7606/s1/`);
    await page.keyboard.press('/');
    const scope = page.locator('dialog.search-dialog .search-scope');
    await expect(scope.locator('input[value="course"]').isChecked()).resolves.toBe(true);
    await expect(scope.textContent()).resolves.toMatch(/DASC7606.*All courses/);
    // "gradient" is in both courses' notes.
    await page.locator('#search-input').fill('gradient');
    const own = await shownResults(page);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((result) => result.key.startsWith('dasc7606/'))).toBe(true);
    await page.waitForLoadState('networkidle');
    const coursesLoaded = (): string[] => [
      ...new Set(requested.flatMap((path) => /^\/pagefind\/courses\/([^/]+)\//.exec(path)?.[1] ?? [])),
    ];
    expect(coursesLoaded()).toEqual(['dasc7606']);
    expect(requested).not.toContain('/pagefind/courses.json');

    await scope.locator('input[value="site"]').check();
    await page.waitForFunction(() => document.querySelector('.search-result-link[href*="/ml-midterm/"]') !== null);
    const all = await shownResults(page);
    expect(all.some((result) => result.key.startsWith('ml-midterm/'))).toBe(true);
    expect(all.some((result) => result.key.startsWith('dasc7606/'))).toBe(true);
    expect(coursesLoaded().sort()).toEqual(['dasc7606', 'ml-midterm']);
    expect(problems).toEqual([]);
  });
});

describe('the search page', () => {
  it('takes the query from the URL and keeps the URL in step with typing', async () => {
    const { page, results } = await searchPage(browser, '感受野');
    expect(results.map((result) => result.key)).toContain('dasc7606/s3-2025-may-q1');
    await page.locator('#search-input').fill('Pix2Pix');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Pix2Pix');
    expect((await shownResults(page)).map((result) => result.key)).toContain('dasc7606/s5-2024-may-abc-q2');
  });

  it('keeps searching what it has loaded after the network goes away', async () => {
    const { page, context } = await browser.open('/search/?q=GAN');
    const online = await shownResults(page);
    await context.setOffline(true);
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').fill('gan');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'gan');
    expect((await shownResults(page)).map((result) => result.key)).toEqual(online.map((result) => result.key));
  });
});
