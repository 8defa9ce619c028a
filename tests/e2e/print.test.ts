/**
 * Printing: print media hides the site's chrome and shows every answer variant; the PDFs that
 * `npm run pdf` wrote hold each page's answers, and their fraction bars survive printing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, dehyphen, pdfContent, pdfText, printablePages, proseLines, questionsOf, screenshotFile } from './setup/site.ts';

const browser = useBrowser();
const courses = allCourses();
const pages = printablePages();
const dist = inject('dist');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Sentences copied from the user's notes, in both languages, that their section's PDF must hold. */
const NOTES_SENTENCES: Record<string, string[]> = {
  '/dasc7606/s1/': ['模型容量/训练轮数过大，学习到了训练集的噪声或偶然模式，泛化能力差', 'Small-sample variance'],
  '/dasc7606/s5/': ['GAN 的原始论文中，生成器和判别器的优化目标可以写成', 'The L1 loss is the average of the absolute differences:'],
};

describe.each(pages.map((target) => [target.url, target] as const))('%s', (url, target) => {
  const course = courses.find((entry) => entry.id === target.course)!;
  const questions = questionsOf(course, target);

  test('print media hides header, TOC, tabs, buttons and placeholder hints, and shows every variant', async () => {
    const { page, problems } = await browser.open(url);
    await page.emulateMedia({ media: 'print' });
    const report = await page.evaluate(() => {
      const shown = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
      const list = (selector: string): boolean[] => [...document.querySelectorAll(selector)].map(shown);
      return {
        header: list('.site-header'),
        toc: list('.toc'),
        tablists: list('[role="tablist"], .variant-tabs'),
        buttons: [...document.querySelectorAll('button, .button')]
          .filter((button) => !button.querySelector('img.screenshot'))
          .map((button) => `${button.outerHTML.slice(0, 80)}: ${shown(button)}`),
        hints: list('.shot-hint'),
        placeholders: list('.shot-missing'),
        variants: list('.variant'),
        variantLabels: list('.variant > .variant-label'),
        screenshots: list('img.screenshot'),
        heading: list('main h1'),
        questions: list('main article.question'),
      };
    });
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

    const { page } = await browser.open(url);
    const heading = await page.locator('main h1').innerText();
    expect(text).toContain(dehyphen(heading));
    // Every page carries the running header: course and page heading.
    expect(headers.map(dehyphen)).toEqual([dehyphen(`${course.title} · ${heading}`)]);
    // The page's chrome is not printed.
    for (const chrome of ['Skip to content', 'Download PDF', 'Print / Save as PDF']) expect(text).not.toContain(dehyphen(chrome));

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
  for (const url of Object.keys(NOTES_SENTENCES)) if (url.startsWith('/dasc7606/')) expect(pages.map((page) => page.url)).toContain(url);
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

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of a PDF with their boxes (points, origin top left), from pdftotext -bbox. */
function pdfWords(file: string): Word[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(
    /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0].startsWith('<page')) page += 1;
    else
      words.push({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: match[5]!.normalize('NFKC'),
      });
  }
  return words;
}

/** A region of a PDF page rendered in grey at `dpi`: one byte per pixel, 0 black … 255 white. */
function renderRegion(
  file: string,
  page: number,
  dpi: number,
  box: { x: number; y: number; width: number; height: number },
): { width: number; height: number; pixels: Buffer } {
  const scale = dpi / 72;
  const prefix = join(scratch, `r${page}-${Math.round(box.x)}-${Math.round(box.y)}`);
  const region = [box.x, box.y, box.width, box.height].map((value) => String(Math.round(value * scale)));
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    '-x',
    region[0]!,
    '-y',
    region[1]!,
    '-W',
    region[2]!,
    '-H',
    region[3]!,
    file,
    prefix,
  ]);
  const data = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('unexpected pdftoppm output');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

test('fraction bars are printed: every \\frac found in a PDF has a solid line between numerator and denominator', async () => {
  const dpi = 200;
  let checked = 0;
  for (const target of pages) {
    const { page } = await browser.open(target.url);
    await page.emulateMedia({ media: 'print' });
    // Numerator and denominator of each fraction, as KaTeX laid them out.
    const fractions = await page.locator('main .katex-html .mfrac').evaluateAll((nodes) =>
      nodes.map((node) => {
        const rows = [...node.querySelectorAll(':scope > .vlist-t > .vlist-r:first-child > .vlist > span')].map((row) =>
          (row.textContent ?? '').replace(/\s+/g, '').normalize('NFKC'),
        );
        return { denominator: rows[0] ?? '', numerator: rows[rows.length - 1] ?? '', hasLine: node.querySelector('.frac-line') !== null };
      }),
    );
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
            word.yMin - top.yMax < (top.yMax - top.yMin) * 0.8 &&
            Math.abs((word.xMin + word.xMax) / 2 - (top.xMin + top.xMax) / 2) < Math.max(word.xMax - word.xMin, top.xMax - top.xMin) / 2,
        );
        if (!bottom) continue;
        // The bar spans the wider of the two; look at its middle part, between the two rows of text.
        const xMin = Math.min(top.xMin, bottom.xMin);
        const xMax = Math.max(top.xMax, bottom.xMax);
        const inset = (xMax - xMin) * 0.15;
        const region = renderRegion(file, top.page, dpi, {
          x: xMin + inset,
          y: top.yMax - 2,
          width: xMax - xMin - 2 * inset,
          height: bottom.yMin - top.yMax + 4,
        });
        const darkRows = [...Array(region.height).keys()].filter((row) => {
          let dark = 0;
          for (let column = 0; column < region.width; column += 1) if (region.pixels[row * region.width + column]! < 128) dark += 1;
          return dark >= region.width * 0.95;
        });
        expect(darkRows.length, `bar of ${fraction.numerator}/${fraction.denominator} in ${target.pdf}, page ${top.page}`).toBeGreaterThan(
          0,
        );
        checked += 1;
      }
    }
  }
  // The user's GAN section alone has two fractions with one-word parts (Sum/N and 1.0/9).
  expect(checked).toBeGreaterThanOrEqual(2);
});
