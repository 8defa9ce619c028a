/** Long pages cut into a first part and files of later questions (src/lib/site/long-pages.ts). */
import { describe, expect, it } from 'vitest';
import {
  cutPage,
  FIRST_QUESTIONS_BYTES,
  LATER_QUESTION_IDS,
  LATER_QUESTIONS,
  LATER_QUESTIONS_BYTES,
  PAGE_LIMIT,
  placeholderHolds,
  planCut,
  questionArticleRanges,
  utf8Length,
} from '../../../src/lib/site/long-pages.ts';

const KB = 1024;

/** A question's article as QuestionArticle.astro writes it, about `kb` KB long, with formulas' nested spans. */
function article(number: number, kb: number): string {
  const id = `s1-2024-may-q${number}`;
  const formula = '<span class="katex"><span class="katex-html" aria-hidden="true"><span class="base">x</span></span></span>';
  const body = `<p>答案 ${formula} and more text.</p>`.repeat(Math.ceil((kb * KB) / 150));
  return (
    `<article class="question" id="${id}" data-question-id="ml/${id}" aria-labelledby="${id}-title">` +
    `<header class="question-header"><h2 id="${id}-title"><span class="question-number">Q${number}</span></h2></header>` +
    `<div class="question-body">${body}</div></article>`
  );
}

const HEAD = '<head><meta charset="utf-8"><title>Section 1 — ML</title><link rel="stylesheet" href="/_astro/Layout.css"></head>';

function page(sizes: number[]): string {
  return `<!doctype html><html lang="en">${HEAD}<body><main id="main" class="page-main"><header class="page-header"><h1>Section 1</h1></header>\n${sizes
    .map((kb, index) => article(index + 1, kb))
    .join('\n')}\n<nav class="prev-next"></nav></main></body></html>`;
}

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('questionArticleRanges', () => {
  it('finds each question article whole, with its id and number, in page order', () => {
    const html = page([3, 1, 2]);
    const ranges = questionArticleRanges(html);
    expect(ranges.map((range) => [range.id, range.number])).toEqual([
      ['s1-2024-may-q1', '1'],
      ['s1-2024-may-q2', '2'],
      ['s1-2024-may-q3', '3'],
    ]);
    for (const [index, range] of ranges.entries()) expect(html.slice(range.start, range.end)).toBe(article(index + 1, [3, 1, 2][index]!));
  });
});

describe('planCut', () => {
  it('leaves a page under the limit whole, and a page of one question', () => {
    expect(planCut([50, 50], 200 * KB)).toBeUndefined();
    expect(planCut([400 * KB], 410 * KB)).toBeUndefined();
  });

  it('keeps the first questions up to their budget, at least one, and groups the rest within theirs, each at least one', () => {
    const sizes = [60, 30, 20, 200, 70, 70, 20, 90].map((kb) => kb * KB);
    const plan = planCut(sizes, 600 * KB);
    expect(plan).toEqual({ keep: 2, later: [[2], [3], [4, 5], [6, 7]] });
    for (const group of plan!.later) {
      const total = group.reduce((sum, index) => sum + sizes[index]!, 0);
      expect(group.length === 1 || total <= LATER_QUESTIONS_BYTES).toBe(true);
    }
    expect(planCut([150 * KB, 150 * KB, 10 * KB], 320 * KB)).toEqual({ keep: 1, later: [[1], [2]] });
    expect(FIRST_QUESTIONS_BYTES).toBeLessThan(PAGE_LIMIT);
  });
});

describe('cutPage', () => {
  it('leaves a page under the limit as it is', () => {
    expect(cutPage(page([20, 20, 20]))).toBeUndefined();
  });

  it('moves the later questions into files with the page’s head, each question exactly once, a placeholder naming them where they were', () => {
    const sizes = Array.from({ length: 32 }, (_, index) => 10 + (index % 5) * 8);
    const html = page(sizes);
    expect(bytes(html)).toBeGreaterThan(PAGE_LIMIT);
    const cut = cutPage(html)!;
    expect(bytes(cut.page)).toBeLessThan(FIRST_QUESTIONS_BYTES + 20 * KB);
    expect(cut.later.map((file) => file.file)).toEqual(cut.later.map((_, index) => `questions-${index + 2}.html`));
    const ids = (text: string): string[] => questionArticleRanges(text).map((range) => range.id);
    const everywhere = [...ids(cut.page), ...cut.later.flatMap((file) => ids(file.html))];
    expect(everywhere).toEqual(ids(html));
    for (const file of cut.later) {
      expect(file.html.startsWith(`<!doctype html><html lang="en">${HEAD}<body><main`)).toBe(true);
      expect(bytes(file.html)).toBeLessThan(LATER_QUESTIONS_BYTES + 5 * KB);
      // The placeholder names the file and its questions, and links to it for a reader without JavaScript.
      const placeholder = new RegExp(
        `<div class="later-questions" ${LATER_QUESTIONS}="${file.file}" ${LATER_QUESTION_IDS}="${ids(file.html).join(' ')}">`,
      );
      expect(cut.page).toMatch(placeholder);
      expect(cut.page).toContain(`<a href="${file.file}">`);
    }
    // What followed the questions stays, after the placeholders.
    expect(cut.page).toMatch(/<\/div>\n<nav class="prev-next"><\/nav><\/main><\/body><\/html>$/);
    const group = questionArticleRanges(cut.later[0]!.html);
    expect(group.length).toBeGreaterThan(1);
    expect(cut.page).toContain(`Q${group[0]!.number} to Q${group.at(-1)!.number} load as you scroll to them.`);
  });
});

describe('placeholderHolds', () => {
  const ids = 's5-2024-may-abc-q1 s5-2024-may-abc-q2 s5-2024-may-abc-q10';

  it('holds its questions and whatever is in them: a part, an answer tab, the title', () => {
    for (const id of [
      's5-2024-may-abc-q2',
      's5-2024-may-abc-q2-title',
      's5-2024-may-abc-q1--part-b',
      's5-2024-may-abc-q10--authors-panel-1',
    ])
      expect(placeholderHolds(ids, id), id).toBe(true);
  });

  it('holds nothing of another question, even one whose id starts the same', () => {
    for (const id of ['s5-2024-may-abc-q3', 's5-2024-may-abc-q', 's5-2024-may-abc-q22', 'top'])
      expect(placeholderHolds(ids, id), id).toBe(false);
  });
});

describe('utf8Length', () => {
  it('counts the bytes UTF-8 takes: ASCII, accents, Chinese, and characters beyond the Basic Multilingual Plane', () => {
    for (const text of ['', 'abc', 'é∑', '过拟合 overfitting', 'a\u{20000}b😀', '<span class="katex">x</span>'])
      expect(utf8Length(text, 0, text.length), text).toBe(new TextEncoder().encode(text).length);
    expect(utf8Length('ab过拟合cd', 2, 5)).toBe(9);
  });
});
