/**
 * A long section (40 synthetic questions in the user's style, over 1 MB of HTML as written) built
 * into a site of its own and read in Chromium: the page is cut under 300 KB, its first questions in
 * it and the later ones in files beside it (src/lib/site/long-pages.ts), which come into the page
 * as the reader scrolls, when a link points into them, for find-in-page and for printing; Test me,
 * a mock paper, the search index and the Anki export have every question.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInDist, questionArticles } from '../../scripts/lib/built-pages.ts';
import { printContext, printPage } from '../../scripts/lib/pdf/print-page.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { syntheticNotes } from '../../scripts/lib/synthetic-notes.ts';
import { readCourse } from '../../src/lib/content/read.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { useBrowser } from './setup/browser.ts';
import { buildSite, e2eWorkDir, ROOT, type BuiltSite } from './setup/build-site.ts';
import { distPaths, parseCourseId } from '../../src/lib/content/paths.ts';

const COURSE = parseCourseId('long');
const SECTION = distPaths.section(COURSE, 1);
const browser = useBrowser();
let server: StaticServer;
let site: BuiltSite;
/** The section's question ids, in the notes' order. */
let questions: string[];

beforeAll(async () => {
  const notes = join(e2eWorkDir(), 'long-notes', 'notes.md');
  mkdirSync(join(notes, '..'), { recursive: true });
  writeFileSync(notes, syntheticNotes({ title: 'Long course', questions: 40, seed: 3 }));
  site = await buildSite('long-sections', [{ id: COURSE, notes: relative(ROOT, notes) }], { pdfs: false });
  questions = readCourse(site.content, COURSE)
    .questions.filter((question) => question.data.section === 1)
    .map((question) => question.data.id);
  server = await serveStatic(site.dist);
}, 600_000);

afterAll(async () => {
  await server?.close();
});

const KB = 1024;
const sectionDir = (): string => join(site.dist, COURSE, 's1');
const laterFiles = (): string[] => readdirSync(sectionDir()).filter((name) => /^questions-\d+\.html$/.test(name));

async function open(
  path: string,
  options: { testMe?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; problems: string[] }> {
  // Questions drawn as a reader gets them: only near the screen.
  const { context, problems } = await browser.newContext({
    drawEveryQuestion: false,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  if (options.testMe)
    await context.addInitScript((name) => location.protocol.startsWith('http') && localStorage.setItem(name, '1'), STORAGE_KEYS.testMe);
  const page = await context.newPage();
  await page.goto(server.url + urls.file(path), { waitUntil: 'load' });
  return { page, problems };
}

const articleIds = (page: Page): Promise<string[]> => page.$$eval('article.question', (articles) => articles.map((article) => article.id));

describe('a long section as built', () => {
  it('is cut under 300 KB: its first questions in the page, the later ones in files beside it, every question once and in order', () => {
    expect(questions).toHaveLength(40);
    const files = laterFiles();
    expect(files.length).toBeGreaterThan(1);
    for (const file of ['index.html', ...files]) expect(statSync(join(sectionDir(), file)).size, file).toBeLessThan(300 * KB);
    const inPage = [...questionArticles(readFileSync(fileInDist(site.dist, SECTION), 'utf8')).keys()];
    expect(inPage.length).toBeGreaterThan(0);
    const later = files
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
      .flatMap((file) => [...questionArticles(readFileSync(join(sectionDir(), file), 'utf8')).keys()]);
    expect([...inPage, ...later]).toEqual(questions);
    expect(site.buildOutput).toMatch(/^ {2}Long pages .* 1 page over 250 KB cut/m);
  });

  it('is saved for offline with its files of later questions', () => {
    const manifest = JSON.parse(readFileSync(join(site.dist, COURSE, 'offline.json'), 'utf8')) as { pages: { path: string }[] };
    const saved = manifest.pages.map((file) => file.path);
    for (const file of laterFiles()) expect(saved).toContain(`${COURSE}/s1/${file}`);
  });

  it('is searched and exported to Anki whole', () => {
    expect(site.buildOutput).toMatch(/^ {2}Search index .* 40 questions indexed/m);
    expect(site.buildOutput).toMatch(/^ {2}Anki export .* 40 notes/m);
  });
});

describe('in the browser', () => {
  it('loads the later questions as the reader scrolls, without a problem, and Test me takes them in', async () => {
    const { page, problems } = await open(SECTION, { testMe: true });
    const first = await articleIds(page);
    expect(first.length).toBeLessThan(questions.length);
    // Scrolling down as a reader does, a screen at a time.
    for (let screen = 0; screen < 400 && (await articleIds(page)).length < questions.length; screen++) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(50);
    }
    expect(await articleIds(page)).toEqual(questions);
    const last = page.locator(`article#${questions.at(-1)}`);
    // Test me: the later questions' answers wait behind "Show answer", and reveal and rate as the others.
    const reveal = last.locator('button.reveal').first();
    if ((await last.locator('.answer').count()) > 0) {
      await reveal.scrollIntoViewIfNeeded();
      await expect(reveal.isVisible()).resolves.toBe(true);
      await reveal.click();
      await expect.poll(() => last.locator('.rating button').first().isVisible()).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it('lands a link to a later question (a search result, with its words highlighted) on it', async () => {
    // One with more of the page below it than a screen: the page can bring it to the top.
    const target = questions[24] ?? '';
    const { page, problems } = await open(`${SECTION}?highlight=overfitting#${target}`);
    await expect.poll(() => page.evaluate((id) => document.getElementById(id)?.matches(':target') ?? false, target)).toBe(true);
    await expect
      .poll(() => page.evaluate((id) => Math.abs(document.getElementById(id)?.getBoundingClientRect().top ?? 9999), target))
      .toBeLessThan(100);
    // Following a table-of-contents link to another later question loads it too.
    const other = questions.at(-10) ?? '';
    await page.locator(`a[href="#${other}"]`).first().click();
    await expect.poll(() => page.evaluate((id) => document.getElementById(id)?.matches(':target') ?? false, other)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('brings every question into the page for find-in-page (Ctrl+F), text and all', async () => {
    const { page } = await open(SECTION);
    const last = page.locator(`article#${questions.at(-1)}`);
    await expect(last.count()).resolves.toBe(0);
    await page.keyboard.press('Control+f');
    await expect.poll(() => articleIds(page)).toEqual(questions);
    await expect(last.locator('.question-number').textContent()).resolves.toBe(`Q${questions.length}`);
  });

  it('prints every question: the Print button loads them first, and so does the PDF step', async () => {
    const { page } = await open(SECTION);
    await page.evaluate(() => {
      window.print = () =>
        document.documentElement.setAttribute('data-printed', String(document.querySelectorAll('article.question').length));
    });
    await page.locator('[data-print]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printed)).toBe(String(questions.length));

    const context = await printContext(browser.browser);
    try {
      const printed = await printPage(context, server.url, SECTION);
      const headings = printed.facts.headings.filter((heading) => /^Q\d+/.test(heading.title));
      expect(headings.map((heading) => heading.title.split(' ')[0])).toEqual(questions.map((_, index) => `Q${index + 1}`));
      // The files of later questions are what the PDF was printed from, for the PDF cache.
      expect(printed.resources.filter((resource) => /questions-\d+\.html$/.test(resource))).toHaveLength(laterFiles().length);
    } finally {
      await context.close();
    }
  });

  it('draws a mock paper from every question, the later ones included', async () => {
    const { page, problems } = await open(`/${COURSE}/mock/`);
    const count = page.locator('[data-mock-form] input[name="count"]');
    const examinable = Number(await count.getAttribute('max'));
    await count.fill(String(examinable));
    await page.locator('[data-mock-form] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-mock-questions] article.question').count(), { timeout: 30_000 }).toBe(examinable);
    expect(problems).toEqual([]);
  });
});
