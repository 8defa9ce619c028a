/**
 * Search in Chromium on the built site: the quality table of realistic queries, results at
 * question granularity named by their part and with excerpts of its own text, filters with counts,
 * keyboard use from any page, the shareable search page, landing highlights, and search code loaded
 * only on demand.
 */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { distPaths, questionKey } from '../../src/lib/content/paths.ts';
import { questionText } from '../../src/lib/search/documents.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses } from './setup/site.ts';
import { FIXTURE_QUERIES, QUERIES } from './search-queries.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { parseCourseId } from '../../src/lib/content/paths.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const dist = inject('dist');

interface ShownResult {
  key: string;
  href: string;
  title: string;
  context: string;
  excerpt: string;
  /** The excerpt's marked words. */
  marked: string[];
}

/** Waits for the status line to settle and reads the results as shown. */
async function shownResults(page: Page): Promise<ShownResult[]> {
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
async function openFilters(page: Page): Promise<void> {
  await page.locator('.search-filters summary').click();
  await page.locator('.filter-toggle').waitFor();
}

async function searchPage(query: string): Promise<{ page: Page; results: ShownResult[]; problems: string[] }> {
  const { page, problems } = await browser.open(`/search/?q=${encodeURIComponent(query)}`);
  return { page, results: await shownResults(page), problems };
}

describe("search quality over the user's notes", () => {
  it('has a table of at least 25 queries of every kind', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(QUERIES.map((entry) => entry.kind))).toEqual(new Set(['english', 'chinese', 'mixed', 'typo', 'multi-word']));
  });
});

describe('search over a second course', () => {
  it('filters by course, with a count for each', async () => {
    const { page } = await searchPage('gradient');
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

/** The question a result links to, as built: its article on the section page, read from the built site. */
function builtArticle(href: string): Element {
  const url = new URL(href, baseUrl);
  const id = decodeURIComponent(url.hash.slice(1)).replace(/--.*$|-title$/, '');
  let article: Element | undefined;
  visit(fromHtml(readFileSync(fileInDist(dist, urls.inSite(url.pathname) ?? distPaths.home()), 'utf8')), 'element', (node) => {
    if (node.tagName === 'article' && node.properties.id === id) article ??= node;
  });
  if (!article) throw new Error(`no question ${id} on ${url.pathname}`);
  return article;
}

/** Letters, digits and Chinese characters in order: what an excerpt shares with its source, whatever the spacing and punctuation. */
const wordCharacters = (text: string): string => (text.match(/[\p{L}\p{N}]/gu) ?? []).join('').toLowerCase();

/** Every question of the built courses by "<course>/<id>" (as search results carry it, text), with what names it. */
const questions = new Map(
  allCourses().flatMap((course) =>
    course.questions.map((question) => {
      const section = course.sections.find((candidate) => candidate.number === question.section);
      return [String(questionKey(course.id, question.id)), { course, question, sectionName: section ? sectionName(section) : '' }] as const;
    }),
  ),
);

describe('excerpts', () => {
  it('keep the Chinese around Latin words a query without Chinese found', async () => {
    // "Binary logistic loss" is written inside Chinese sentences in part (a): the Latin index answers the query.
    const { results } = await searchPage('Binary logistic loss');
    const result = results.find((entry) => entry.key === 'dasc7606/s5-2025-may-q1');
    const excerpt = result?.excerpt ?? '';
    expect(result?.marked.map((text) => text.trim())).toContain('Binary logistic loss');
    // The Chinese it is written in is there, right next to it.
    const at = excerpt.indexOf('Binary logistic loss');
    expect(excerpt.slice(Math.max(0, at - 3), at + 'Binary logistic loss'.length + 3), excerpt).toMatch(
      /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u,
    );
    expect(excerpt).toMatch(/\p{Script=Han}{4}/u);
  });

  it('mark every word of a Chinese query, not only those Pagefind marks', async () => {
    const { results } = await searchPage('信息增益');
    expect(results.find((entry) => entry.key === 'ml-midterm/s2-2023-oct-a-q1')?.marked).toContain('信息增益');
  });
});

describe('result titles', () => {
  it('name a part by its first words when it has no title', async () => {
    const { results } = await searchPage('mode collapse');
    const result = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2');
    expect(result?.title).toMatch(/^Q2 \(b\) · Mode collapse – the generator produces\b.*…$/);
    expect(result?.context).toBe('2024 May ABC — Section 5 · Generative Adversarial Networks — DASC7606 Final - summarized by hyperloop');
  });

  it('name a part by its title as written, in Chinese', async () => {
    const { results } = await searchPage('信息增益');
    expect(results.find((entry) => entry.key === 'ml-midterm/s2-2023-oct-a-q1')?.title).toBe('Q1 (a) · 计算两个特征的信息增益');
  });
});

/**
 * Each query of the tables (the user's notes, then the second course), searched once: the question
 * it is about is in the top 3; every result's excerpt is a window of its own question's text in its
 * own languages, with the match marked; and its title names the question and part, then paper and section.
 */
describe('each query of the quality tables', () => {
  it.each([...QUERIES, ...FIXTURE_QUERIES])(
    '"$query" ($kind): $expected in the top 3, every result readable and named',
    async ({ query, expected }) => {
      const { results, problems } = await searchPage(query);
      expect(results.slice(0, 3).map((result) => result.key)).toContain(expected);
      for (const result of results) {
        // Before, the Latin index dropped the Chinese from its text: ". A z z B C Mode collapse GAN D GAN…".
        expect(wordCharacters(questionText(builtArticle(result.href))), `${result.key}: ${result.excerpt}`).toContain(
          wordCharacters(result.excerpt),
        );
        expect(result.marked.length, `${result.key}: ${result.excerpt}`).toBeGreaterThan(0);

        const known = questions.get(result.key);
        if (!known) throw new Error(`${result.key} is not a question of the built courses`);
        const { question, course, sectionName: section } = known;
        const anchor = decodeURIComponent(new URL(result.href, baseUrl).hash.slice(1));
        const part = question.parts.find((candidate) => anchor === `${question.id}--${candidate.anchor}-h`);
        // "Q1 (b) · words…": its labels, then its title or first words (a question without any text has labels only).
        expect(result.title, result.href).toMatch(new RegExp(`^Q${question.number}\\b`));
        if (part) expect(result.title).toContain(` ${part.label}`);
        if (part?.title) expect(result.title).toContain(` · ${part.title}`);
        if (wordCharacters(result.excerpt) !== '') expect(result.title, result.href).toMatch(/ · \S/);
        expect(result.context).toBe([question.paper?.label, section, course.title].filter(Boolean).join(' — '));
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('results', () => {
  it('link to the part on the section page, with the matched words marked', async () => {
    const { results } = await searchPage('mode collapse');
    const result = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2');
    expect(result?.href).toBe(`${urls.section(parseCourseId('dasc7606'), 5)}?highlight=mode+collapse#s5-2024-may-abc-q2--b-h`);
    // Touching matches are one mark: "Mode collapse".
    expect(result?.marked.map((text) => text.trim().toLowerCase())).toContain('mode collapse');
  });

  it('show a formula once, as readable text, and never match TeX command names', async () => {
    const { results } = await searchPage('0.223');
    const excerpt = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2')?.excerpt ?? '';
    expect(excerpt.match(/0\.223/g)).toHaveLength(1);
    expect(excerpt).toContain('- log(0.8) ≈ 0.223');
    expect(excerpt).not.toMatch(/\\|mathbf|frac|log\(0\.8\).*log\(0\.8\)/);
    for (const command of ['frac', 'mathbf', 'pmatrix', 'varepsilon', 'mathrm']) {
      expect((await searchPage(command)).results, command).toEqual([]);
    }
  });

  it('do not come from navigation or page chrome', async () => {
    // Words of the page chrome may appear in answers; its phrases must never be what matched.
    for (const chrome of [
      'Previous section',
      'Open PDF',
      'Skip to content',
      'not added yet',
      'content/dasc7606/images',
      'Show answer',
      'Answered in Chinese only',
    ]) {
      const { results } = await searchPage(chrome);
      expect(
        results.filter((result) => result.excerpt.toLowerCase().includes(chrome.toLowerCase())),
        chrome,
      ).toEqual([]);
    }
  });

  it('highlight the searched words on the page they open', async () => {
    const { page } = await searchPage('mode collapse');
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
    const { page, results } = await searchPage('immediate cause of variation');
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
    const { page, results } = await searchPage('discriminator');
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
    const { page, results } = await searchPage('遗忘门');
    expect(results.map((result) => result.key)).toContain('dasc7606/s1-2024-may-d-q3');
    await openFilters(page);
    await page.locator('.filter-toggle input').check();
    await page.waitForFunction(() => /No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await shownResults(page)).toEqual([]);
  });

  it('narrow to questions with written answers, by year', async () => {
    const { page } = await searchPage('GAN');
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
    const { page, results } = await searchPage('感受野');
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
