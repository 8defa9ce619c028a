/**
 * Printing honours the reading mode: in English-only or Chinese-only mode the PDF of a section has
 * no line mainly in the other language, except what that mode keeps on purpose, and shows the blocks
 * the page shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { classifyText } from '../../src/lib/markdown/language.ts';
import { useBrowser } from './setup/browser.ts';
import { pdfTextLines } from './setup/pdf.ts';
import { choose, course, sectionPages } from './setup/reading.ts';

const browser = useBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'e2e-reading-print-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The characters that carry meaning in a line of text: Han, Latin letters, digits. */
const letters = (text: string): string =>
  (text.normalize('NFKC').match(/[\u2e80-\u2eff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]/g) ?? []).join('');

/**
 * Whether the PDF's text `pdf` holds the page's text `page` (both letters()). Chromium's PDF text
 * gives some ideographs as the CJK radical of the same glyph (长 as ⻓, U+2ED3), which NFKC does
 * not fold back: a radical in the PDF's text stands for any ideograph there.
 */
function pdfHolds(pdf: string, page: string): boolean {
  if (!/[\u2e80-\u2eff]/.test(pdf)) return pdf.includes(page);
  const ideograph = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const pattern = [...page].map((character) => (ideograph.test(character) ? `[${character}\\u2e80-\\u2eff]` : character)).join('');
  return new RegExp(pattern, 'u').test(pdf);
}

/** Whether the PDF's `line` (letters()) is part of the page's text `page`: a radical in the line stands for any ideograph. */
function pageHolds(page: string, line: string): boolean {
  const pattern = [...line].map((character) => (/[\u2e80-\u2eff]/.test(character) ? '[\\u3400-\\u9fff]' : character)).join('');
  return new RegExp(pattern, 'u').test(page);
}

describe('printing honours the language mode', () => {
  const bilingual = sectionPages.filter(({ questions }) => questions.some((question) => question.hasAnswer));

  describe.each(bilingual.map((entry) => [entry.path] as const))('%s', (path) => {
    test.each([
      ['en', 'zh'],
      ['zh', 'en'],
    ] as const)('in %s-only mode the PDF has no line mainly in %s, except text that mode keeps on purpose', async (mode, other) => {
      const { context, problems } = await browser.newContext();
      const setup = await browser.visit(context, '/');
      await choose(setup, mode, false);
      const page = await browser.visit(context, path);

      /*
       * A line mainly in the other language is allowed only when it is text this mode keeps on purpose:
       * - blocks of the other language marked data-lang-only: a unit answered in that language only never hides;
       * - mixed blocks: both languages in one sentence show in every mode, and a wrapped line can be one language;
       * - blocks of the mode's own language: a line of one of them can be a lone term in the other
       *   ("GoogleNet (Inception v1)" opening a Chinese sentence, put on a line of its own by the layout);
       * - formulas: a formula is in no language (its block is neutral and never hides), but its
       *   letters ("log", "real") read as English to the classifier;
       * - headings: page, question and part titles are the question's own words, not answers;
       * - labels: badges, variant labels, the one-language notes, screenshot placeholders, the page's
       *   question count, and the running header (course and section title).
       * Anything else, above all a block of the other language without data-lang-only, must not print.
       */
      // The PDF's lines leave formulas out (pdfTextLines), and so does the page's text here: a
      // formula's letters are in no language, and its sub- and superscripts sit off the line.
      const texts = await page.evaluate(
        ({ mode, other }) => {
          const words = (element: Element): string => {
            const copy = element.cloneNode(true) as Element;
            for (const unprinted of copy.querySelectorAll('.katex, .visually-hidden, .permalink')) unprinted.remove();
            return copy.textContent ?? '';
          };
          // Text a formula draws in a font of its own (Chinese in \text{…}) stays in the PDF's lines.
          const formulaText = (element: Element): string => element.querySelector('.katex-html')?.textContent ?? '';
          const allowed = [
            ...[...document.querySelectorAll(`[data-lang="${other}"][data-lang-only], [data-lang="mixed"], [data-lang="${mode}"]`)].map(
              words,
            ),
            ...[...document.querySelectorAll('article.question .katex')].map(formulaText),
            ...[
              ...document.querySelectorAll(
                'main h1, article.question h2, .part-heading, .answer-heading, .variant-label, .badge, .exam-badge, .lang-note, .shot-missing, .page-header .page-meta',
              ),
            ].map(words),
          ];
          const hidden = [...document.querySelectorAll(`[data-lang="${other}"]:not([data-lang-only])`)].map(words);
          const shown = [...document.querySelectorAll(`article.question [data-lang]`)]
            .filter((element) => getComputedStyle(element).display !== 'none' && element.matches(`:not([data-lang="${other}"])`))
            .map(words);
          return { allowed, hidden, shown, title: document.querySelector('main h1')?.textContent ?? '' };
        },
        { mode, other },
      );
      const file = join(scratch, `${path.replaceAll('/', '_')}-${mode}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4' }));
      const lines = pdfTextLines(file, /KaTeX_/);
      const allowedKeys = [...texts.allowed, `${course.title} · ${texts.title}`].map(letters);
      const isAllowed = (text: string): boolean => {
        const key = letters(text);
        return key === '' || allowedKeys.some((allowed) => pageHolds(allowed, key));
      };
      // A line is allowed when each of its pieces is: the layout puts table columns side by side,
      // separated by runs of spaces, and list markers ("1.", "•") are drawn by the browser.
      const lineAllowed = (line: string): boolean =>
        line.split(/\s{2,}/).every((piece) => isAllowed(piece) || isAllowed(piece.replace(/^(\d+\.|[•◦▪‣–-])\s*/, '')));

      const offending = lines.filter((line) => classifyText(line) === other && !lineAllowed(line));
      expect(offending, `lines mainly in ${other} in the ${mode}-only PDF`).toEqual([]);

      // Directly: no hidden block's words are in the PDF, and the blocks shown are.
      const all = letters(lines.join(''));
      const leaked = texts.hidden
        .map(letters)
        .filter((key) => key.length >= 8 && pdfHolds(all, key) && !allowedKeys.some((allowed) => allowed.includes(key)));
      expect(leaked).toEqual([]);
      const shown = texts.shown.map(letters).filter((key) => key.length >= 8);
      expect(shown.length).toBeGreaterThan(0);
      const missing = shown.filter((key) => !pdfHolds(all, key));
      expect(
        missing.length,
        `blocks of the ${mode}-only page missing from its PDF: ${missing.slice(0, 3).join(' | ')}`,
      ).toBeLessThanOrEqual(Math.floor(shown.length * 0.05));
      expect(problems).toEqual([]);
    });
  });
});
