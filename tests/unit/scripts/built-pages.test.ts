/**
 * Reading a built page's questions (scripts/lib/built-pages.ts) with each formula down to its TeX:
 * the search documents and Anki cards made from them are exactly those made from the whole page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formulasAsTex, questionArticles } from '../../../scripts/lib/built-pages.ts';
import { cardOf } from '../../../src/lib/anki/card.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { questionDocument } from '../../../src/lib/search/documents.ts';
import { siteMarkdown } from '../helpers/markdown.ts';

const QUESTIONS = join(import.meta.dirname, '../../../content/dasc7606/questions');

/** The user's questions rendered by the site's processor, as articles of one page. */
async function userPage(): Promise<string> {
  const renderer = await siteMarkdown();
  const articles: string[] = [];
  for (const file of readdirSync(QUESTIONS).sort()) {
    const { data, body } = splitFrontmatter(readFileSync(join(QUESTIONS, file), 'utf8'))!;
    const { code } = await renderer.render(body, { frontmatter: data, fileURL: new URL(`file://${join(QUESTIONS, file)}`) });
    const id = file.replace(/\.md$/, '');
    articles.push(`<article class="question" id="${id}" data-question-id="dasc7606/${id}">${code}</article>`);
  }
  // A formula KaTeX cannot read, among them.
  const broken = (await renderer.render('So $\\frac{1}{$ and $x^2$.', {})).code;
  articles.push(`<article class="question" id="broken" data-question-id="dasc7606/broken">${broken}</article>`);
  return `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${articles.join('\n')}</main></body></html>`;
}

function fullArticles(html: string): Map<string, Element> {
  const articles = new Map<string, Element>();
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'article') articles.set(String(node.properties.id), node);
  });
  return articles;
}

describe('formulasAsTex', () => {
  it('leaves each formula only its TeX, and the rest of the page as it was', () => {
    const html =
      '<p>a <span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2 &lt; 1</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span>x</span></span></span></span> b</p>';
    expect(formulasAsTex(html)).toBe(
      '<p>a <span class="katex"><annotation encoding="application/x-tex">x^2 &lt; 1</annotation></span> b</p>',
    );
  });
});

describe('questionArticles', () => {
  it("gives the same search documents and Anki cards as the whole page, for every question of the user's notes", async () => {
    const html = await userPage();
    expect(formulasAsTex(html).length).toBeLessThan(html.length / 2);
    const light = questionArticles(html);
    const full = fullArticles(html);
    expect([...light.keys()]).toEqual([...full.keys()]);
    const facts = { courseTitle: 'DASC7606', sectionLabel: 'Section 1', questionLabel: 'Q1', parts: [], hasAnswer: true };
    for (const [id, article] of full) {
      const reduced = light.get(id)!;
      expect(questionDocument(reduced, facts), id).toEqual(questionDocument(article, facts));
      const card = (node: Element) => cardOf(node, `Q · ${id}`, (src) => src.split('/').at(-1) ?? src);
      expect(card(reduced), id).toEqual(card(article));
    }
  });
});
