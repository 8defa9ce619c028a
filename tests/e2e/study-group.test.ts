/**
 * A study group's course in the browser: the user's notes (as "hyperloop") and Lin's
 * (tests/fixtures/notes/lin-dasc7606.md), imported into one course, the one question the import
 * could not decide settled in course.md as a student would. A question both wrote up is one
 * article with a tab per author; where their answers differ the page says so; search, Test me and
 * the PDF have both authors' answers; the course home credits both.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printContext, printPage } from '../../scripts/lib/pdf/print-page.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { writeMissingScreenshots } from '../../scripts/lib/stand-in-screenshots.ts';
import { fidelity, notesText, words } from '../../scripts/lib/notes-corpus.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { violations } from './setup/a11y.ts';
import { openOn, useBrowser } from './setup/browser.ts';
import { buildSite, ROOT, type BuiltSite } from './setup/build-site.ts';
import { pdfText } from './setup/site.ts';
import { distPaths, parseCourseId } from '../../src/lib/content/paths.ts';

const COURSE = parseCourseId('dasc7606');
const LIN_NOTES = 'tests/fixtures/notes/lin-dasc7606.md';
/** GAN 2025 May Q1: (a) is C in the user's notes, A in Lin's. */
const MERGED = 's5-2025-may-q1';
const LIN_ANSWER = 'The discriminator is a classifier trained with cross-entropy';
const USER_ANSWER = '因此答案是 C';
const browser = useBrowser();
let server: StaticServer;
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(
    'study-group',
    [
      { id: COURSE, notes: 'content/dasc7606/notes.md', author: 'hyperloop' },
      { id: COURSE, notes: LIN_NOTES },
    ],
    {
      afterImport: async (content) => {
        // What the import asked the students to settle: Lin's Q7 is the user's Q3 of the same paper.
        const courseFile = join(content, COURSE, 'course.md');
        const text = readFileSync(courseFile, 'utf8');
        writeFileSync(courseFile, text.replace(/\n---\n/, '\nsame:\n  - [lin/s2-2024-dec-abd-q7, hyperloop/s3-2024-dec-abd-q3]\n---\n'));
        await writeMissingScreenshots(content, COURSE);
      },
      // The one PDF read here is printed by the test, as the PDF step prints each page.
      pdfs: false,
    },
  );
  server = await serveStatic(site.dist);
}, 900_000);

afterAll(async () => {
  await server?.close();
});

const open = (path: string, testMe = false): ReturnType<typeof openOn> => openOn(browser, server.url, path, testMe);

describe('importing Lin’s notes into the course', () => {
  it('says what it matched, how sure it is, what the students should settle and where the rest went', () => {
    const output = site.importOutput[`${COURSE}/lin-dasc7606.md`] ?? '';
    expect(output).toContain("Matched 6 of lin's questions with the course's:");
    expect(output).toMatch(/lin\/s4-2025-may-q1 = hyperloop\/s5-2025-may-q1 \(same paper and label, \d+ % sure\)/);
    expect(output).toMatch(/Not sure \(1\): settle each in .*course\.md/);
    expect(output).toMatch(/lin\/s2-2024-dec-abd-q7 may be hyperloop\/s3-2024-dec-abd-q3 \(\d+ %\)/);
    expect(output).toContain("Only in lin's notes");
  });
});

describe('a question both students wrote up', () => {
  it('is one article with a tab per author, each author’s answer as written, and says where their answers differ', async () => {
    const { page, problems } = await open(urls.section(COURSE, 5));
    const article = page.locator(`article#${MERGED}`);
    const tabs = article.locator('.author-versions > [role="tablist"] [role="tab"]');
    expect(await tabs.allTextContents()).toEqual(['hyperloop', 'Lin']);
    await expect.poll(() => article.locator('.author-versions > .variant').nth(0).isVisible()).toBe(true);
    expect(await article.locator('.author-versions > .variant').nth(0).innerText()).toContain(USER_ANSWER);
    expect(await article.getByText(LIN_ANSWER).isVisible()).toBe(false);
    await tabs.nth(1).click();
    expect(await article.getByText(LIN_ANSWER).isVisible()).toBe(true);
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect((await article.locator('.answers-differ').innerText()).replace(/\s+/g, ' ')).toBe('Answers differ: (a) C (hyperloop) · A (Lin)');
    // One article for the question in the section, and no copy of Lin's version elsewhere.
    expect(await page.locator(`article#${MERGED}-lin, article#s4-2025-may-q1-lin`).count()).toBe(0);
    expect(await violations(page, `article#${MERGED}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the settled question is merged too, and a question only Lin has is marked and placed in its section', async () => {
    const { page } = await open(urls.section(COURSE, 3));
    const settled = page.locator('article#s3-2024-dec-abd-q3');
    expect(await settled.locator('.author-versions [role="tab"]').allTextContents()).toEqual(['hyperloop', 'Lin']);
    const own = page.locator('article#s2-no-paper-q8-lin');
    expect(await own.locator('.badge-only-in').innerText()).toBe("Only in Lin's notes");
    expect(await own.innerText()).toContain('Why do CNNs use max pooling?');
  });

  it('in Test me, hides both authors’ answers and the note on their difference until Show answer', async () => {
    const { page } = await open(urls.section(COURSE, 5), true);
    const article = page.locator(`article#${MERGED}`);
    const panels = article.locator('.author-versions > .variant');
    await expect.poll(() => article.locator('.answers-differ').isVisible()).toBe(false);
    expect(await panels.nth(0).getByText(USER_ANSWER).isVisible()).toBe(false);
    await panels.nth(0).locator('button.reveal').first().click();
    expect(await panels.nth(0).getByText(USER_ANSWER).isVisible()).toBe(true);
    expect(await article.locator('.answers-differ').isVisible()).toBe(true);
    await article.locator('.author-versions [role="tab"]', { hasText: 'Lin' }).click();
    expect(await panels.nth(1).getByText(LIN_ANSWER).isVisible()).toBe(false);
    await panels.nth(1).locator('button.reveal').first().click();
    expect(await panels.nth(1).getByText(LIN_ANSWER).isVisible()).toBe(true);
  });
});

describe('search', () => {
  it('finds Lin’s answer, names Lin in the result and opens Lin’s tab', async () => {
    const { page, problems } = await open(`${urls.search()}?q=${encodeURIComponent('optimise')}`);
    await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const result = page.locator('.search-result-link', { has: page.locator('.search-result-title', { hasText: 'Lin' }) }).first();
    expect(await result.getAttribute('href')).toMatch(
      new RegExp(`^${urls.section(COURSE, 5)}\\?highlight=optimise#${MERGED}--authors-panel-1$`),
    );
    await result.click();
    await page.waitForURL(/#s5-2025-may-q1--authors-panel-1/);
    await expect.poll(() => page.getByText(LIN_ANSWER).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('nothing lost', () => {
  it('each author’s notes reach the pages, 99 % of their words or more', () => {
    // Every page of the course as built: the sections hold every question, the home each author's preamble.
    const pages = ['', ...readdirSync(join(site.dist, COURSE)).filter((name) => /^s\d+$/.test(name))].map((folder) =>
      toText(fromHtml(readFileSync(join(site.dist, COURSE, folder, 'index.html'), 'utf8'))),
    );
    const shown = words(pages.join(' '));
    for (const notes of ['content/dasc7606/notes.md', LIN_NOTES])
      expect(fidelity(words(notesText(readFileSync(join(ROOT, notes), 'utf8'))), shown), notes).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the PDF and the course home', () => {
  it('prints both authors’ answers', async () => {
    const context = await printContext(browser.browser);
    const pdf = join(site.work, 's5.pdf');
    try {
      writeFileSync(pdf, (await printPage(context, server.url, distPaths.section(COURSE, 5))).pdf);
    } finally {
      await context.close();
    }
    // The PDF's text as pdftotext draws it: without spaces, hyphens across lines dropped.
    const squash = (text: string): string => text.replace(/[\s-]+/g, '');
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(`Lin's notes`));
    expect(text).toContain(squash(LIN_ANSWER));
    expect(text).toContain(squash(USER_ANSWER));
    expect(text).toContain(squash('Answers differ: (a) C (hyperloop) · A (Lin)'));
  });

  it('credits each author with the questions they wrote up and answered', async () => {
    const { page } = await open(urls.course(COURSE));
    const credits = (await page.locator('.credits li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(credits).toEqual(['hyperloop — 23 questions, 12 answered', 'Lin — 10 questions, 10 answered']);
  });
});
