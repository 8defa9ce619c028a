/**
 * Notes in the styles other students write (tests/fixtures/styles, imported as one folder, as a
 * student with one file per chapter or paper would), built into a site of their own and used in
 * Chromium: every question's statement stays in view in Test me while its answer waits behind
 * "Show answer"; section introductions, containers, <details> and Typora images show as meant;
 * the pages pass axe and mark their Chinese for screen readers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPrintablePages } from '../../scripts/lib/built-pages.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readCourse, type CourseContent } from '../../src/lib/content/read.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { statementAndAnswer } from '../unit/helpers/statement.ts';
import { chineseOutsideZh, violations } from './setup/a11y.ts';
import { openOn, useBrowser } from './setup/browser.ts';
import { buildSite, ROOT, type BuiltSite } from './setup/build-site.ts';
import { distPaths, parseCourseId, type QuestionId } from '../../src/lib/content/paths.ts';

const COURSE = parseCourseId('styles');
/** Notes in styles nobody listed (tests/fixtures/any-style), one course of a file each style, counted by hand in expected.json. */
const ANY_STYLE = parseCourseId('any-style');
const browser = useBrowser();
let server: StaticServer;
let site: BuiltSite;
let content: CourseContent;

beforeAll(async () => {
  // Built without PDFs (`npm run build -- --no-pdfs`): what these tests read is on the pages.
  site = await buildSite(
    'styles',
    [
      { id: COURSE, notes: 'tests/fixtures/styles' },
      { id: ANY_STYLE, notes: 'tests/fixtures/any-style' },
    ],
    { pdfs: false },
  );
  content = readCourse(site.content, COURSE);
  server = await serveStatic(site.dist);
}, 600_000);

afterAll(async () => {
  await server?.close();
});

const open = (path: string, testMe = false): ReturnType<typeof openOn> => openOn(browser, server.url, path, testMe);

/** A line of text that reads the same on the page as in the Markdown: no math, code or markup. */
function probe(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length >= 4 && !/[$`\\|<>*_[\]]/.test(line) && !/^[A-H][.．]/.test(line));
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/** The text of each question's article on the page, as shown (its innerText), in the order of `ids`. */
function articleTexts(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate(
    (wanted) => wanted.map((id) => document.querySelector<HTMLElement>(`article[id="${CSS.escape(id)}"]`)?.innerText ?? ''),
    ids,
  );
}

interface ExpectedStyle {
  file: string;
  samples: { statement: string; answer: string }[];
}

/** A sample's words as the page shows them: no Markdown marks or list markers; a formula by the words around it. */
function words(text: string): string {
  const outside = text.split('$').filter((_piece, index) => index % 2 === 0);
  const longest = outside.sort((a, b) => b.length - a.length)[0] ?? text;
  return (text.includes('$') ? longest : text)
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/^!\[[^\]]*\]\((?:[^)]*\/)?([^)/]*)\)?.*$/, '$1');
}

const squashed = (text: string): string => text.replace(/<[^>]*>/g, '').replace(/[*_`#>\\\s]/g, '');

describe('notes in other styles', () => {
  it('import as one course, with a warning only where the notes are odd', () => {
    const output = site.importOutput[COURSE] ?? '';
    expect(output).toMatch(/^Imported 42 questions in 22 sections into /m);
    expect(output).toMatch(/^warning: tests\/fixtures\/styles\/co526-2013\.md:29: read "###4 b i\)" as a heading/m);
    expect(output).not.toMatch(/^error/m);
  });

  it('build without PDFs when asked, and then no page offers one', async () => {
    expect(site.buildOutput).not.toMatch(/^ {2}PDFs /m);
    expect(existsSync(join(site.dist, COURSE, 'pdf'))).toBe(false);
    const [first] = findPrintablePages(site.dist);
    if (!first) throw new Error('the styles site has no section page');
    const { page, problems } = await open(urls.at(first.url));
    await expect(page.locator('.page-actions button[data-print]').count()).resolves.toBe(1);
    await expect(page.locator('.page-actions a', { hasText: 'Open PDF' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('list their sections on the course home in the notes order, named as written', async () => {
    const { page, problems } = await open(urls.course(COURSE));
    const names = await page.locator('section[aria-labelledby="sections-title"] .card-title').allInnerTexts();
    const expected = content.sections.filter((section) => !section.data.scope).map((section) => section.data.heading ?? '');
    expect(names.slice(0, 4)).toEqual(['Chapter 1 Asymptotics', 'Chapter 4 Sorting', 'CO526 2013', '第二章 关系模型']);
    expect(new Set(names)).toEqual(new Set(expected));
    expect(problems).toEqual([]);
  });

  it('keep every statement in view in Test me and every answer hidden until revealed', async () => {
    let statements = 0;
    let answers = 0;
    let visited = 0;
    const pages = findPrintablePages(site.dist).filter((printable) => printable.kind === 'section' && printable.course === COURSE);
    expect(pages.length).toBeGreaterThan(20);
    // One tab in Test me for every page, as a reader going through the sections.
    const { page, problems } = await open(urls.course(COURSE), true);
    for (const printable of pages) {
      // Test me hides answers from the head's inline script, and the page's modules (reveal buttons) run before load.
      await page.goto(server.url + urls.at(printable.url), { waitUntil: 'load' });
      const questions = content.questions.filter((entry) => entry.data.section === printable.section);
      const ids = questions.map((question) => question.data.id);
      const texts = async (): Promise<string[]> => (await articleTexts(page, ids)).map(squash);
      const before = await texts();
      const revealed: { id: QuestionId; answer: string }[] = [];
      questions.forEach((question, index) => {
        const shown = statementAndAnswer(question.body, question.data);
        visited += 1;
        const said = probe(shown.statement);
        const answer = probe(shown.answer);
        if (said !== undefined) {
          expect(before[index], `${question.data.id} shows its statement in Test me`).toContain(squash(said));
          statements += 1;
        }
        if (answer === undefined) return;
        expect(before[index], `${question.data.id} hides its answer in Test me`).not.toContain(squash(answer));
        revealed.push({ id: question.data.id, answer: squash(answer) });
      });
      await page
        .locator('article.question button.reveal')
        .evaluateAll((buttons) => buttons.forEach((button) => (button as HTMLButtonElement).click()));
      await expect
        .poll(
          async () => {
            const after = await texts();
            return revealed.filter(({ id, answer }) => !after[ids.indexOf(id)]?.includes(answer)).map(({ id }) => id);
          },
          { message: `${printable.url}: every answer shows once revealed` },
        )
        .toEqual([]);
      answers += revealed.length;
    }
    expect(problems).toEqual([]);
    // Every question is on a section page; most answers hold a line of plain text to look for.
    expect(visited).toBe(content.questions.length);
    expect(statements).toBeGreaterThan(20);
    expect(answers).toBeGreaterThan(10);
  }, 300_000);

  it('show section introductions, containers and <details> as meant, never a literal ":::"', async () => {
    const lecture = content.sections.find((section) => section.data.heading?.endsWith('Lecture 2: Class & Object'));
    const { page } = await open(urls.section(COURSE, lecture?.data.number ?? -1));
    await expect.poll(() => page.locator('.section-intro').innerText()).toContain('Questions the lecturer asked in class');
    // A <details> with Markdown inside (blank lines around it) is read as the notes' container, as `:::details` is.
    expect(await page.locator('article details.note-details > summary').allInnerTexts()).toEqual(['解：', '中文翻译和解析']);
    const week = content.sections.find((section) => section.data.heading?.endsWith('Week 5'));
    const { page: weekPage } = await open(urls.section(COURSE, week?.data.number ?? -1));
    expect(await weekPage.locator('.callout[data-kind="tip"] .callout-title').innerText()).toBe('Tip');
    for (const printable of findPrintablePages(site.dist)) {
      const html = readFileSync(join(site.dist, printable.url, 'index.html'), 'utf8');
      expect(html, printable.url).not.toMatch(/(^|>)\s*:::/m);
    }
  });

  it('show a Typora <img> of a local file as a screenshot', async () => {
    const question = content.questions.find((entry) => entry.data.images.some((image) => image.src === './img/bias-variance.png'));
    if (!question) throw new Error('no question shows ./img/bias-variance.png');
    const { page } = await open(urls.question(COURSE, question.data.section, question.data.id));
    const image = page.locator(`article[id="${question.data.id}"] img.screenshot`);
    expect(await image.getAttribute('alt')).toMatch(/^偏差方差曲线/);
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).toBe(true);
  });

  it('give papers named in Chinese pages of their own', async () => {
    const papers = findPrintablePages(site.dist)
      .filter((printable) => printable.course === COURSE)
      .filter((printable) => printable.kind === 'paper')
      .map((printable) => printable.paper);
    expect(papers).toEqual(expect.arrayContaining(['2019-2020-autumn-midterm', '2023-2024-sem1-midterm-a', '2022-past', 'co526-2013']));
    const { page } = await open(urls.paper(COURSE, '2019-2020-autumn-midterm'));
    expect(await page.locator('h1').innerText()).toContain('2019-2020 学年秋季学期期中考试卷');
    expect(await page.locator('article').count()).toBe(2);
  });

  it('in styles nobody listed: every sampled statement in view in Test me, its answer hidden until "Show answer"', async () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/any-style/expected.json'), 'utf8')) as ExpectedStyle[];
    const anyStyle = readCourse(site.content, ANY_STYLE);
    let checked = 0;
    // One tab in Test me, going through each style's sections.
    const { page, problems } = await open(urls.course(ANY_STYLE), true);
    for (const style of expected) {
      const sections = anyStyle.sections.filter((section) => section.data.source === style.file);
      expect(sections.length, style.file).toBeGreaterThan(0);
      // Every section of the style's file: the questions' text, and the options marked as the answer.
      const articles = async (): Promise<{ texts: string[]; marks: string }> => {
        const texts: string[] = [];
        const marks: string[] = [];
        for (const section of sections) {
          if (page.url() !== server.url + urls.section(ANY_STYLE, section.data.number))
            await page.goto(server.url + urls.section(ANY_STYLE, section.data.number), { waitUntil: 'load' });
          texts.push(...(await page.locator('article.question').allInnerTexts()));
          marks.push(...(await page.locator('.answer-mark').allInnerTexts()));
        }
        return { texts, marks: squashed(marks.join('')) };
      };
      const { texts, marks } = await articles();
      const before = texts.map(squashed);
      for (const { statement, answer } of style.samples) {
        const shown = before.findIndex((text) => text.includes(squashed(words(statement))));
        expect(shown, `${style.file}: "${statement}" is in view in Test me`).not.toBe(-1);
        // An answer of some words must be out of view until shown (a letter may stand anywhere; a marked option stays, unmarked).
        const hidden = squashed(words(answer.split(' / ')[0] ?? answer));
        if (hidden.length > 8 && !marks.includes(hidden))
          expect(before[shown], `${style.file}: "${answer}" waits for Show answer`).not.toContain(hidden);
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(expected.reduce((sum, style) => sum + style.samples.length, 0));
  }, 600_000);

  it('pass axe (WCAG 2.2 AA) and mark every run of Chinese lang="zh"', async () => {
    const paths = [distPaths.home(), distPaths.course(COURSE), ...findPrintablePages(site.dist).map((printable) => printable.url)];
    const found: Record<string, unknown> = {};
    const { context } = await browser.newContext();
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(server.url + urls.at(path), { waitUntil: 'load' });
      const pageViolations = await violations(page);
      if (pageViolations.length > 0) found[path] = pageViolations;
      const html = readFileSync(join(site.dist, path, 'index.html'), 'utf8');
      expect(chineseOutsideZh(html), path).toEqual([]);
    }
    expect(found).toEqual({});
  }, 300_000);
});
