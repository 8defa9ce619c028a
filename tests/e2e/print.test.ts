/**
 * Printing: print media hides the site's chrome and shows every answer variant; the PDFs the build
 * wrote hold each page's answers, their fraction bars survive printing, they are tagged with a
 * bookmark per question, no heading ends a page and no screenshot or table is split; and a page
 * prints in light colours from the dark theme.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { useBrowser } from './setup/browser.ts';
import { cropRegion, headingPlaces, pdfOutline, pdfWords, renderPage, renderRegion, type Region } from './setup/pdf.ts';
import {
  allCourses,
  dehyphen,
  pdfContent,
  pdfPages,
  pdfText,
  printablePages,
  proseLines,
  questionsOf,
  screenshotFile,
} from './setup/site.ts';
import { sectionName } from '../../src/lib/site/model.ts';

const browser = useBrowser();
const courses = allCourses();
const pages = printablePages();
const dist = inject('dist');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Sentences copied from the user's notes, in both languages, that their section's PDF must hold. */
const NOTES_SENTENCES: Record<string, string[]> = {
  'dasc7606/s1/': ['模型容量/训练轮数过大，学习到了训练集的噪声或偶然模式，泛化能力差', 'Small-sample variance'],
  'dasc7606/s5/': ['GAN 的原始论文中，生成器和判别器的优化目标可以写成', 'The L1 loss is the average of the absolute differences:'],
};

interface Fraction {
  numerator: string;
  denominator: string;
  hasLine: boolean;
}

interface PrintedView {
  /** The page's heading and its tools' words, as on screen. */
  heading: string;
  chrome: string[];
  /** What print media shows (true) or hides, per kind of element. */
  shown: {
    header: boolean[];
    toc: boolean[];
    tablists: boolean[];
    buttons: string[];
    hints: boolean[];
    placeholders: boolean[];
    variants: boolean[];
    variantLabels: boolean[];
    screenshots: boolean[];
    heading: boolean[];
    questions: boolean[];
  };
  /** Numerator and denominator of each fraction, as KaTeX laid them out. */
  fractions: Fraction[];
  /** The first and last body rows of each table print shows (a table split across pages repeats its header row). */
  tables: { first: string; last: string; rows: number }[];
  problems: string[];
}

const views = new Map<string, PrintedView>();

/** A page on screen and then in print media, read once per page for every test of this file. */
async function printedView(url: string): Promise<PrintedView> {
  const known = views.get(url);
  if (known) return known;
  const { page, problems } = await browser.open(url);
  const heading = await page.locator('main h1').innerText();
  // The page's chrome: the skip link and every tool of the page ("Open PDF" …), as the page words them.
  const chrome = await page
    .locator('.skip-link, .page-actions button, .page-actions a')
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? '').trim()));
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const visible = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const list = (selector: string): boolean[] => [...document.querySelectorAll(selector)].map(visible);
    return {
      shown: {
        header: list('.site-header'),
        toc: list('.toc'),
        tablists: list('[role="tablist"], .variant-tabs'),
        buttons: [...document.querySelectorAll('button, .button')]
          .filter((button) => !button.querySelector('img.screenshot'))
          .map((button) => `${button.outerHTML.slice(0, 80)}: ${visible(button)}`),
        hints: list('.shot-hint'),
        placeholders: list('.shot-missing'),
        variants: list('.variant'),
        variantLabels: list('.variant > .variant-label'),
        screenshots: list('img.screenshot'),
        heading: list('main h1'),
        questions: list('main article.question'),
      },
      fractions: [...document.querySelectorAll('main .katex-html .mfrac')].map((node) => {
        const rows = [...node.querySelectorAll(':scope > .vlist-t > .vlist-r:first-child > .vlist > span')].map((row) =>
          (row.textContent ?? '').replace(/\s+/g, '').normalize('NFKC'),
        );
        return { denominator: rows[0] ?? '', numerator: rows[rows.length - 1] ?? '', hasLine: node.querySelector('.frac-line') !== null };
      }),
      tables: [...document.querySelectorAll('main table')]
        .filter((table) => table.getClientRects().length > 0)
        .map((table) => {
          const rows = [...table.querySelectorAll('tr')]
            .filter((row) => row.parentElement?.tagName !== 'THEAD')
            .map((row) => (row.textContent ?? '').normalize('NFKC').replace(/\s+/g, ''));
          return { first: rows[0] ?? '', last: rows.at(-1) ?? '', rows: rows.length };
        }),
    };
  });
  const view = { heading, chrome, ...printed, problems };
  views.set(url, view);
  return view;
}

describe.each(pages.map((target) => [target.url, target] as const))('%s', (url, target) => {
  const course = courses.find((entry) => entry.id === target.course)!;
  const questions = questionsOf(course, target);

  test('print media hides header, TOC, tabs, buttons and placeholder hints, and shows every variant', async () => {
    const { shown: report, problems } = await printedView(url);
    expect(report.header).toEqual([false]);
    expect(report.toc).toEqual([false]);
    expect(report.tablists.every((shown) => !shown)).toBe(true);
    expect(report.buttons.filter((button) => button.endsWith('true'))).toEqual([]);
    expect(report.buttons.length).toBeGreaterThan(0);
    expect(report.hints.every((shown) => !shown)).toBe(true);
    expect(report.placeholders.every((shown) => shown)).toBe(true);
    expect(report.variants.every((shown) => shown)).toBe(true);
    expect(report.variantLabels.every((shown) => shown)).toBe(true);
    expect(report.screenshots.every((shown) => shown)).toBe(true);
    expect(report.heading).toEqual([true]);
    expect(report.questions).toEqual(questions.map(() => true));
    if (questions.some((question) => question.variants.length > 1 || question.parts.some((part) => part.sources.length > 1))) {
      expect(report.tablists.length, 'tabs were made, then hidden for print').toBeGreaterThan(0);
      expect(report.variants.length).toBeGreaterThan(1);
    }
    expect(problems).toEqual([]);
  });

  test(`its PDF exists at ${target.pdf} and holds the page's heading and answers`, async () => {
    const file = fileInDist(dist, target.pdf);
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { body: text, headers } = pdfContent(file);

    const { heading, chrome } = await printedView(url);
    expect(text).toContain(dehyphen(heading));
    // Every page carries the running header: course and page heading.
    expect(headers.map(dehyphen)).toEqual([dehyphen(`${course.title} · ${heading}`)]);
    // The page's chrome is not printed.
    expect(chrome).toContain('Open PDF');
    for (const words of chrome) expect(text).not.toContain(dehyphen(words));

    const lines = questions.flatMap((question) => proseLines(question.body));
    if (questions.some((question) => question.hasAnswer)) expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(text, line).toContain(dehyphen(line));
    for (const sentence of NOTES_SENTENCES[url] ?? []) expect(text, sentence).toContain(dehyphen(sentence));

    // Screenshots print too, even those far below the fold (they load lazily on screen).
    const screenshots = new Set(
      questions
        .flatMap((question) => question.images.map((image) => screenshotFile(course.id, image.src)))
        .filter((path) => existsSync(path)),
    );
    const embedded = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => /\bimage\b/.test(line)).length;
    expect(embedded).toBeGreaterThanOrEqual(screenshots.size);
  });
});

test('hand-picked sentences name pages that exist', () => {
  for (const url of Object.keys(NOTES_SENTENCES)) if (url.startsWith('dasc7606/')) expect(pages.map((page) => page.url)).toContain(url);
});

describe.each(courses.filter((course) => !course.own).map((course) => [course.id, course] as const))(
  '%s, the fixture course',
  (_id, fixture) => {
    test('its Chinese section titles are in their PDFs', () => {
      const chinese = fixture.sections.filter((section) => !section.scope && /\p{Script=Han}/u.test(section.title));
      expect(chinese.length).toBeGreaterThan(0);
      for (const section of chinese) {
        const target = pages.find((page) => page.course === fixture.id && page.section === section.number)!;
        expect(pdfText(fileInDist(dist, target.pdf))).toContain(dehyphen(section.title));
      }
    });
  },
);

// Opens every printable page in turn: allow for a machine that is busy with other work.
test(
  'fraction bars are printed: every \\frac found in a PDF has a solid line between numerator and denominator',
  { timeout: 300_000 },
  async () => {
    const dpi = 200;
    let checked = 0;
    for (const target of pages) {
      const { fractions } = await printedView(target.url);
      const drawn = fractions.filter((fraction) => fraction.hasLine && fraction.numerator && fraction.denominator);
      if (drawn.length === 0) continue;
      const file = fileInDist(dist, target.pdf);
      const words = pdfWords(file);
      for (const fraction of drawn) {
        for (const top of words.filter((word) => word.text === fraction.numerator)) {
          const bottom = words.find(
            (word) =>
              word.page === top.page &&
              word.text === fraction.denominator &&
              word.yMin > top.yMax - 1 &&
              // Just under it: the parts of a fraction almost touch. (Looser, and a 2 above a 3 in the next
              // row of a table matches: Noto Sans SC's tall ascent and descent leave little room between rows.)
              word.yMin - top.yMax < (top.yMax - top.yMin) * 0.4 &&
              Math.abs((word.xMin + word.xMax) / 2 - (top.xMin + top.xMax) / 2) < Math.max(word.xMax - word.xMin, top.xMax - top.xMin) / 2,
          );
          if (!bottom) continue;
          // The bar spans the wider of the two; look at its middle part, between the two rows of text.
          const xMin = Math.min(top.xMin, bottom.xMin);
          const xMax = Math.max(top.xMax, bottom.xMax);
          const inset = (xMax - xMin) * 0.15;
          const region = renderRegion(file, top.page, dpi, {
            xMin: xMin + inset,
            yMin: top.yMax - 2,
            xMax: xMax - inset,
            yMax: bottom.yMin + 2,
          });
          const darkRows = [...Array(region.height).keys()].filter((row) => {
            let dark = 0;
            for (let column = 0; column < region.width; column += 1) if (region.pixels[row * region.width + column]! < 128) dark += 1;
            return dark >= region.width * 0.95;
          });
          expect(
            darkRows.length,
            `bar of ${fraction.numerator}/${fraction.denominator} in ${target.pdf}, page ${top.page}`,
          ).toBeGreaterThan(0);
          checked += 1;
        }
      }
    }
    // The user's GAN section alone has two fractions with one-word parts (Sum/N and 1.0/9).
    expect(checked).toBeGreaterThanOrEqual(2);
  },
);

describe.each(pages.map((target) => [target.url, target] as const))('the PDF of %s as a document', (_url, target) => {
  const course = courses.find((entry) => entry.id === target.course)!;
  const questions = questionsOf(course, target);
  const file = fileInDist(dist, target.pdf);

  test('is tagged, with bookmarks per question titled as the page titles them, and none with badge text or "#"', async () => {
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged: +yes$/m);
    const [top, ...others] = pdfOutline(file);
    expect(others).toEqual([]);
    const sectionOf = (number: number) => course.sections.find((section) => section.number === number)!;
    const expected = questions.map((question) =>
      [
        `Q${question.number}`,
        question.title,
        target.kind === 'paper' ? sectionName(sectionOf(question.section)) : undefined,
        question.paper?.label,
      ]
        .filter(Boolean)
        .join(' · '),
    );
    expect(top?.children.map((bookmark) => bookmark.title)).toEqual(expected);
    const all = (bookmarks: { title: string; children: { title: string }[] }[]): string[] =>
      bookmarks.flatMap((bookmark) => [bookmark.title, ...all(bookmark.children as typeof bookmarks)]);
    for (const title of all(top?.children ?? [])) {
      expect(title, 'no permalink, badge or hidden text').not.toMatch(
        /#|Not examined|May be examined|No written answer|不考|可能考|Paper \d/,
      );
      expect(title).toBe(title.replace(/\s+/g, ' ').trim());
    }
    // Each part with a heading has its bookmark under its question, starting with its label.
    questions.forEach((question, index) => {
      const children = (top?.children[index]?.children ?? []).map((bookmark) => bookmark.title);
      for (const part of question.parts.filter((candidate) => candidate.depth === 1 && !candidate.variant))
        expect(
          children.some((title) => title.startsWith(part.label)),
          `${question.id} ${part.label} in ${children.join(' | ')}`,
        ).toBe(true);
    });
  });

  test('never ends a page with a heading: something follows each on its own page', async () => {
    const words = pdfWords(file);
    // Each page with a heading rendered once, the space below each heading cut out of it.
    const rendered = new Map<number, Region>();
    const pageImage = (page: number): Region => rendered.get(page) ?? rendered.set(page, renderPage(file, page, 50)).get(page)!;
    const BOTTOM_MARGIN = (18 / 25.4) * 72;
    const SIDE_MARGIN = (16 / 25.4) * 72;
    for (const heading of await headingPlaces(file)) {
      const line = words.filter((word) => word.page === heading.page && word.yMin <= heading.top && word.yMax >= heading.top);
      const bottom = Math.max(heading.top + 12, ...line.map((word) => word.yMax));
      const below = { xMin: SIDE_MARGIN, xMax: 595 - SIDE_MARGIN, yMin: bottom + 1, yMax: heading.pageHeight - BOTTOM_MARGIN };
      expect(below.yMax - below.yMin, `"${heading.title}" on page ${heading.page} has room below it`).toBeGreaterThan(8);
      const region = cropRegion(pageImage(heading.page), 50, below);
      const ink = region.pixels.filter((value) => value < 128).length;
      expect(ink, `"${heading.title}" is followed by something on page ${heading.page} of ${target.pdf}`).toBeGreaterThan(10);
    }
  });

  test('splits no screenshot across pages', () => {
    // pdfimages -list: page, num, type, width, height, …, object number and generation; a split image
    // is one object drawn on two pages. Small images (colour emoji) repeat on purpose.
    const drawn = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[2] === 'image' && Number(columns[3]) >= 300 && Number(columns[4]) >= 200)
      .map((columns) => ({ page: Number(columns[0]), object: columns[10] }));
    for (const image of drawn)
      expect(
        drawn.some((other) => other.object === image.object && other.page === image.page + 1),
        `image object ${image.object} on pages ${image.page} and ${image.page + 1}`,
      ).toBe(false);
  });
});

test('tables print whole: the first and last rows of every table are on one PDF page', { timeout: 300_000 }, async () => {
  let checked = 0;
  for (const target of pages) {
    const { tables } = await printedView(target.url);
    const pdfPageTexts = pdfPages(fileInDist(dist, target.pdf)).map((lines) => dehyphen(lines.join('')));
    for (const table of tables.filter((candidate) => candidate.rows >= 2 && candidate.first.length >= 4 && candidate.last.length >= 4)) {
      const pagesWithFirst = pdfPageTexts.flatMap((text, index) => (text.includes(dehyphen(table.first)) ? [index] : []));
      if (pagesWithFirst.length === 0) continue; // a row whose text the PDF writes in another order (formulas)
      expect(
        pagesWithFirst.some((index) => pdfPageTexts[index]!.includes(dehyphen(table.last))),
        `table from "${table.first.slice(0, 40)}" to "${table.last.slice(0, 40)}" in ${target.pdf}`,
      ).toBe(true);
      checked += 1;
    }
  }
  expect(checked, 'tables found in the PDFs').toBeGreaterThan(0);
});

describe('printing from the dark theme', () => {
  const target = pages.find(
    (candidate) =>
      candidate.kind === 'section' &&
      questionsOf(
        courses.find((course) => course.id === candidate.course)!,
        candidate,
      ).some((question) => question.hasAnswer),
  )!;

  test.each([
    ['the system is dark', { colorScheme: 'dark' as const }, false],
    ['the reader picked dark', { colorScheme: 'light' as const }, true],
  ])('prints light colours when %s', async (_case, options, pick) => {
    const { page, problems } = await browser.open(target.url, options);
    if (pick) await page.locator('[data-theme-toggle]').click();
    const screen = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(screen, 'the screen is dark').not.toMatch(/^rgb\(2[0-5]\d, 2[0-5]\d, 2[0-5]\d\)$/);
    const file = join(scratch, `dark-${pick ? 'picked' : 'system'}.pdf`);
    // With backgrounds, as the build prints and as a reader does who ticks "Background graphics".
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    for (const number of [1, 2]) {
      const { pixels } = renderPage(file, number, 40);
      const light = pixels.filter((value) => value >= 200).length / pixels.length;
      const dark = pixels.filter((value) => value < 100).length;
      expect(light, `page ${number} is mostly white`).toBeGreaterThan(0.85);
      expect(dark, `page ${number} has dark text`).toBeGreaterThan(50);
    }
    expect(problems).toEqual([]);
  });
});
