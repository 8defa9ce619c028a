import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import rehypeLanguageTags from '../../../src/lib/markdown/rehype-language-tags.ts';
import rehypeMath from '../../../src/lib/markdown/rehype-math.ts';

/** Runs the plugin on a question body written as HTML, as the site's layout step shapes it. */
function tag(bodyHtml: string): Root {
  const tree = fromHtml(`<div class="question-body">${bodyHtml}</div>`, { fragment: true });
  rehypeLanguageTags()(tree);
  return tree;
}

function elements(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

const hasClass = (node: Element, name: string): boolean =>
  Array.isArray(node.properties.className) && node.properties.className.includes(name);
const byClass = (tree: Root | Element, name: string): Element[] => elements(tree, (node) => hasClass(node, name));

/** Each tagged block as [tag, its text, data-lang, lang, data-lang-only]. */
function tagged(tree: Root | Element): [string, string, unknown, unknown, boolean][] {
  return elements(tree, (node) => node.properties.dataLang !== undefined).map((node) => [
    node.tagName,
    toText(node).trim(),
    node.properties.dataLang,
    node.properties.lang,
    node.properties.dataLangOnly !== undefined,
  ]);
}

/** The notes of a unit: its direct children that are a .lang-note, by language. */
function notesOf(unit: Element): string[] {
  return unit.children
    .filter((child): child is Element => child.type === 'element' && hasClass(child, 'lang-note'))
    .map((note) => String(note.properties.dataLangNote));
}

const ZH = '训练误差低但测试误差高，说明模型过拟合。';
const EN = 'The training error is low but the test error is high.';

describe('rehypeLanguageTags: blocks', () => {
  it.each<[string, string, [string, string, unknown, unknown, boolean][]]>([
    ['a Chinese paragraph', `<p>${ZH}</p>`, [['p', ZH, 'zh', 'zh', true]]],
    ['an English paragraph', `<p>${EN}</p>`, [['p', EN, 'en', undefined, true]]],
    [
      'a Chinese and an English paragraph',
      `<p>${ZH}</p><p>${EN}</p>`,
      [
        ['p', ZH, 'zh', 'zh', false],
        ['p', EN, 'en', undefined, false],
      ],
    ],
    ['a mixed paragraph', '<p>Answer (i) / 答案 (i)</p>', [['p', 'Answer (i) / 答案 (i)', 'mixed', undefined, false]]],
    [
      'headings h3-h6',
      `<h4>${ZH}</h4><h5>${EN}</h5>`,
      [
        ['h4', ZH, 'zh', 'zh', false],
        ['h5', EN, 'en', undefined, false],
      ],
    ],
    [
      'a blockquote, not its paragraphs',
      `<blockquote><p>${ZH}</p><p>${EN}</p></blockquote>`,
      [['blockquote', `${ZH}\n\n${EN}`, 'mixed', undefined, false]],
    ],
    ['a table, not its cells', '<table><tr><th>中文</th><td>表格内容</td></tr></table>', [['table', '中文\t表格内容', 'zh', 'zh', true]]],
    [
      'a list item, not its inner paragraphs',
      `<ul><li><p>${ZH}</p><p>再补充一句中文说明。</p></li></ul>`,
      [['li', `${ZH}\n\n再补充一句中文说明。`, 'zh', 'zh', true]],
    ],
    [
      'a nested list: the outer item only',
      `<ul><li>${EN}<ul><li>${ZH}</li></ul></li></ul>`,
      [['li', `${EN}\n${ZH}`, 'mixed', undefined, false]],
    ],
    ['blocks inside plain wrappers', `<div class="answer"><p>${EN}</p></div>`, [['p', EN, 'en', undefined, true]]],
  ])('%s', (_, html, expected) => {
    expect(tagged(tag(html))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['math only', '<p><span class="katex">x = 3 and y</span></p>'],
    ['a formula that failed to render', '<p><span class="math-error">\\frac{broken</span></p>'],
    ['code', '<pre><code>model.fit(x, y)</code></pre><p><code>dropout</code></p>'],
    ['an image', '<p><img src="a.png" alt="diagram of the network"></p>'],
    ['a missing screenshot', '<p><span class="shot-missing">Screenshot 2024May/3.png not added yet</span></p>'],
    ['numbers', '<p>27C² &lt; 49C²</p><p>0.916</p>'],
    ['part heading', `<section class="part"><h3 class="part-heading">(a) ${ZH}</h3></section>`],
    ['answer heading', '<h3 class="answer-heading">Answer</h3>'],
    [
      'variant label',
      '<div class="variants"><section class="variant"><p class="variant-label"><strong>DeepSeek</strong></p></section></div>',
    ],
    ['not a block: a div or span alone', `<div>${EN}</div>`],
  ])('never tags %s', (_, html) => {
    const tree = tag(html);
    expect(tagged(tree)).toEqual([]);
    expect(byClass(tree, 'lang-note')).toEqual([]);
  });

  it('ignores the words of formulas, code and images inside a block', () => {
    const tree = tag(
      `<p>${ZH}<span class="katex">softmax cross entropy loss function gradient</span><code>model.fit(training_data)</code><img alt="English alt text"></p>`,
    );
    expect(tagged(tree)).toEqual([['p', expect.stringContaining(ZH), 'zh', 'zh', true]]);
  });
});

describe('rehypeLanguageTags: answer units', () => {
  const part = (id: string, body: string): string =>
    `<section class="part" id="${id}"><h3 class="part-heading">(${id})</h3>${body}</section>`;
  const variant = (source: string, body: string): string =>
    `<section class="variant"><p class="variant-label"><strong>${source}</strong></p>${body}</section>`;

  it.each<[string, string, Record<string, string[]>]>([
    ['one Chinese part', part('a', `<p>${ZH}</p><p>第二段中文。</p>`), { a: ['zh'] }],
    ['one English part', part('a', `<p>${EN}</p>`), { a: ['en'] }],
    ['a part in both languages', part('a', `<p>${ZH}</p><p>${EN}</p>`), { a: [] }],
    ['a part with a mixed block', part('a', '<p>Answer (i) / 答案 (i)</p>'), { a: [] }],
    ['a part with only math', part('a', '<p><span class="katex">x</span></p>'), { a: [] }],
    [
      'each part on its own',
      part('a', `<p>${ZH}</p>`) + part('b', `<p>${EN}</p>`) + part('c', `<p>${ZH}</p><p>${EN}</p>`),
      { a: ['zh'], b: ['en'], c: [] },
    ],
    // A sub-part is its own unit: its language does not decide its parent's.
    ['nested parts', part('a', `<p>${ZH}</p>${part('i', `<p>${EN}</p>`)}`), { a: ['zh'], i: ['en'] }],
  ])('%s', (_, html, expected) => {
    const tree = tag(html);
    const parts = Object.fromEntries(byClass(tree, 'part').map((node) => [String(node.properties.id), notesOf(node)]));
    expect(parts).toEqual(expected);
    // The question's own text outside the parts has no blocks here, so no note of its own.
    expect(notesOf(byClass(tree, 'question-body')[0] as Element)).toEqual([]);
  });

  it('puts the note right after the part heading and marks every block of the unit', () => {
    const tree = tag(part('a', `<p>${ZH}</p><ul><li>第一点</li><li>第二点</li></ul>`));
    const section = byClass(tree, 'part')[0] as Element;
    const children = section.children.filter((child): child is Element => child.type === 'element');
    expect(children.map((child) => (hasClass(child, 'lang-note') ? 'note' : child.tagName))).toEqual(['h3', 'note', 'p', 'ul']);
    expect(toText(children[1] as Element)).toBe('Answered in Chinese only · 只有中文');
    expect(tagged(section).map(([, , , , only]) => only)).toEqual([true, true, true]);
  });

  it('treats each answer variant as a unit, the note after its label', () => {
    const tree = tag(
      part(
        'b',
        `<div class="variants">${variant('DeepSeek', `<p>${ZH}</p>`)}${variant('Gemini', `<p>${EN}</p>`)}${variant('GPT', `<p>${EN}</p><p>${ZH}</p>`)}</div>`,
      ),
    );
    const variants = byClass(tree, 'variant');
    expect(variants.map(notesOf)).toEqual([['zh'], ['en'], []]);
    const [first] = variants;
    const labelIndex = first?.children.findIndex((child) => child.type === 'element' && hasClass(child, 'variant-label'));
    const noteIndex = first?.children.findIndex((child) => child.type === 'element' && hasClass(child, 'lang-note'));
    expect(noteIndex).toBe((labelIndex ?? -2) + 1);
    // The part itself has no text outside its variants.
    expect(notesOf(byClass(tree, 'part')[0] as Element)).toEqual([]);
  });

  it('treats the question text outside its parts as a unit', () => {
    const tree = tag(`<p>${EN}</p><h3 class="answer-heading">Answer</h3><p>${EN}</p>${part('a', `<p>${ZH}</p>`)}`);
    const body = byClass(tree, 'question-body')[0] as Element;
    expect(notesOf(body)).toEqual(['en']);
    // After the first structural label, the "Answer" heading.
    const kinds = body.children
      .filter((child): child is Element => child.type === 'element')
      .map((child) => (hasClass(child, 'lang-note') ? 'note' : child.tagName));
    expect(kinds).toEqual(['p', 'h3', 'note', 'p', 'section']);
    expect(notesOf(byClass(tree, 'part')[0] as Element)).toEqual(['zh']);
  });

  it('adds the note at the start of a unit without a label', () => {
    const tree = tag(`<p>${ZH}</p>`);
    const body = byClass(tree, 'question-body')[0] as Element;
    expect(body.children[0]).toMatchObject({ tagName: 'p', properties: { className: ['lang-note'], dataLangNote: 'zh' } });
  });
});

describe('rehypeLanguageTags in the Markdown pipeline', () => {
  async function render(markdown: string): Promise<Root> {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeMath).use(rehypeLanguageTags);
    return processor.run(processor.parse(markdown));
  }

  it('tags paragraphs, list items and tables; not math-only paragraphs', async () => {
    const tree = await render(
      [
        ZH,
        '$$\nL_D = -\\log(0.4) \\approx \\mathbf{0.916}\n$$',
        '$a = 3$, $b$',
        '- 第一项解释\n- 第二项解释',
        '- loose 第一\n\n  第二段\n\n- 第三',
        '| A | B |\n|---|---|\n| 中文 | 表格 |',
      ].join('\n\n'),
    );
    expect(tagged(tree).map(([name, , language]) => [name, language])).toEqual([
      ['p', 'zh'],
      ['li', 'zh'],
      ['li', 'zh'],
      ['li', 'zh'],
      ['li', 'zh'],
      ['table', 'zh'],
    ]);
    // The whole file is one unit, in Chinese only: marked so, with one note at its start.
    expect(tagged(tree).every(([, , , , only]) => only)).toBe(true);
    expect(byClass(tree, 'lang-note')).toHaveLength(1);
    expect(tree.children[0]).toMatchObject({ type: 'element', properties: { className: ['lang-note'] } });
  });

  it('leaves a file in both languages unmarked', async () => {
    const tree = await render(`${ZH}\n\n${EN}\n\nWith a formula $x^2$ inside.`);
    expect(tagged(tree).map(([, , language, , only]) => [language, only])).toEqual([
      ['zh', false],
      ['en', false],
      ['en', false],
    ]);
    expect(byClass(tree, 'lang-note')).toEqual([]);
  });

  it('writes the attributes into the HTML', async () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeMath)
      .use(rehypeLanguageTags)
      .use(rehypeStringify, { allowDangerousHtml: true });
    const html = String(await processor.process(ZH));
    expect(html).toBe(
      `<p class="lang-note" data-lang-note="zh">Answered in Chinese only · <span lang="zh">只有中文</span></p><p data-lang="zh" lang="zh" data-lang-only="">${ZH}</p>`,
    );
  });
});

describe('rehypeLanguageTags: Chinese runs outside Chinese blocks', () => {
  /** [text, lang] of each run the plugin marked lang="zh" outside a block already marked. */
  const marked = (tree: Root): string[] =>
    elements(tree, (node) => node.tagName === 'span' && node.properties.lang === 'zh').map((node) => toText(node));

  it('marks each Chinese run of a mixed or English block, and nothing in a Chinese block', () => {
    const tree = tag(`<p>Batch Normalization 批归一化 and <strong>激活函数</strong> here</p><p>${EN} 过拟合</p><p>${ZH}</p>`);
    expect(marked(tree)).toEqual(['批归一化', '激活函数', '过拟合']);
    expect(toText(tree)).toContain('Batch Normalization 批归一化 and 激活函数 here');
  });

  it('leaves math and code alone, and marks the Chinese of its own notes', () => {
    const tree = tag(`<p>Loss <code>损失 = 1</code> is <span class="katex">误差</span> low</p><p>${EN}</p>`);
    expect(marked(tree)).toEqual(['只有英文']);
  });
});
