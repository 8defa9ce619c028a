/**
 * What search finds over the notes, read on the built site in Chromium: the quality table of
 * realistic queries (the question in the top 3, each result's excerpt a window of its own
 * question's text, named by its part), excerpts in the notes' languages, titles, formulas as text,
 * and nothing from the page chrome. None of it depends on the base the site is served under, so
 * the sub-path run leaves it out (search.test.ts follows the results' URLs there).
 */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { distPaths, questionKey } from '../../src/lib/content/paths.ts';
import { questionText } from '../../src/lib/search/documents.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { useBrowser } from './setup/browser.ts';
import { searchSession } from './setup/search.ts';
import { allCourses } from './setup/site.ts';
import { FIXTURE_QUERIES, QUERIES } from './search-queries.ts';

const browser = useBrowser();
/** The queries of this file, typed one after another into one search page. */
const search = searchSession(browser);
const baseUrl = inject('baseUrl');
const dist = inject('dist');

describe("search quality over the user's notes", () => {
  it('has a table of at least 25 queries of every kind', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(QUERIES.map((entry) => entry.kind))).toEqual(new Set(['english', 'chinese', 'mixed', 'typo', 'multi-word']));
  });
});

/** The question a result links to, as built: its article on the section page, read from the built site. */
function builtArticle(href: string): Element {
  const url = new URL(href, baseUrl);
  const id = decodeURIComponent(url.hash.slice(1)).replace(/--.*$|-title$/, '');
  const article = builtArticles(url.pathname).get(id);
  if (!article) throw new Error(`no question ${id} on ${url.pathname}`);
  return article;
}

const articlesByPage = new Map<string, Map<string, Element>>();

/** The question articles of a built page by id, each page read and parsed once per file. */
function builtArticles(pathname: string): Map<string, Element> {
  let articles = articlesByPage.get(pathname);
  if (!articles) {
    const found = new Map<string, Element>();
    visit(fromHtml(readFileSync(fileInDist(dist, urls.inSite(pathname) ?? distPaths.home()), 'utf8')), 'element', (node) => {
      const id = node.properties.id;
      if (node.tagName === 'article' && typeof id === 'string' && !found.has(id)) found.set(id, node);
    });
    articlesByPage.set(pathname, (articles = found));
  }
  return articles;
}

/** Letters, digits and Chinese characters in order: what an excerpt shares with its source, whatever the spacing and punctuation. */
const wordCharacters = (text: string): string => (text.match(/[\p{L}\p{N}]/gu) ?? []).join('').toLowerCase();

/** Every question of the built courses by "<course>/<id>", with what names it. */
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
    const { results } = await search('Binary logistic loss');
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
    const { results } = await search('信息增益');
    expect(results.find((entry) => entry.key === 'ml-midterm/s2-2023-oct-a-q1')?.marked).toContain('信息增益');
  });
});

describe('result titles', () => {
  it('name a part by its first words when it has no title', async () => {
    const { results } = await search('mode collapse');
    const result = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2');
    expect(result?.title).toMatch(/^Q2 \(b\) · Mode collapse – the generator produces\b.*…$/);
    expect(result?.context).toBe('2024 May ABC — Section 5 · Generative Adversarial Networks — DASC7606 Final - summarized by hyperloop');
  });

  it('name a part by its title as written, in Chinese', async () => {
    const { results } = await search('信息增益');
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
      const { results, problems } = await search(query);
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
  it('show a formula once, as readable text, and never match TeX command names', async () => {
    const { results } = await search('0.223');
    const excerpt = results.find((entry) => entry.key === 'dasc7606/s5-2024-may-abc-q2')?.excerpt ?? '';
    expect(excerpt.match(/0\.223/g)).toHaveLength(1);
    expect(excerpt).toContain('- log(0.8) ≈ 0.223');
    expect(excerpt).not.toMatch(/\\|mathbf|frac|log\(0\.8\).*log\(0\.8\)/);
    for (const command of ['frac', 'mathbf', 'pmatrix', 'varepsilon', 'mathrm']) {
      expect((await search(command)).results, command).toEqual([]);
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
      const { results } = await search(chrome);
      expect(
        results.filter((result) => result.excerpt.toLowerCase().includes(chrome.toLowerCase())),
        chrome,
      ).toEqual([]);
    }
  });
});
