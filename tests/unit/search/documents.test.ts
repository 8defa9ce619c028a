import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import {
  FILTER_VALUES,
  notExaminedAnchors,
  questionDocument,
  questionText,
  type QuestionFacts,
} from '../../../src/lib/search/documents.ts';
import { restoreHan } from '../../../src/lib/search/indexes.ts';
import { latinWords } from '../../../src/lib/search/typos.ts';

const math = (tex: string, displayMode = false): string => katex.renderToString(tex, { output: 'htmlAndMathml', displayMode });

/** A section part as the site renders it (remark-question-layout), with its heading and badge. */
function part(id: string, label: string, examinability: string, body: string): string {
  const badge =
    examinability === 'unmarked' ? '' : ` <span class="exam-badge" data-examinability="${examinability}">Not examined · 不考</span>`;
  return `<section class="part" id="${id}" data-part="${label}" data-depth="1" data-examinability="${examinability}" aria-labelledby="s5-2022-may-2-q3-title ${id}-h"><h3 id="${id}-h" class="part-heading">(${label}) Part ${label}${badge}</h3>${body}</section>`;
}

/** One built question, shaped like dist/<course>/s5/index.html's articles. */
function articleHtml(parts: string): string {
  return `<article class="question" id="s5-2022-may-2-q3" data-question-id="dasc7606/s5-2022-may-2-q3" aria-labelledby="s5-2022-may-2-q3-title">
<header class="question-header"><h2 id="s5-2022-may-2-q3-title"><span class="question-number">Q3</span><a class="badge badge-paper" href="/dasc7606/papers/2022-may-2/"><span class="visually-hidden">Paper </span>2022 May 2</a><a class="permalink" href="#s5-2022-may-2-q3" aria-label="Link to Q3">#</a></h2></header>
<div class="question-body">
<p><span class="shot-missing" data-folder="content/dasc7606/images/2022May2" data-alt="Q3">Screenshot 2022May2/3.png not added yet<span class="shot-hint"> — put it in content/dasc7606/images/2022May2/</span></span></p>
<p>Discriminator loss ${math('L_D(\\text{real}) = -\\log(D(\\mathbf{x}))')} for real data.</p>
<h3 class="answer-heading" id="s5-2022-may-2-q3--h1">Answer</h3>
${parts}
</div></article>`;
}

function parseArticle(html: string): Element {
  let article: Element | undefined;
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'article') article ??= node;
  });
  if (!article) throw new Error('no article in the fixture');
  return article;
}

function findAll(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

const facts: QuestionFacts = {
  courseTitle: 'DASC7606 Final',
  sectionLabel: 'Section 5 · Generative Adversarial Networks',
  questionLabel: 'Q3',
  parts: [
    { anchor: 'a', label: '(a)', title: 'Part a' },
    { anchor: 'b', label: '(b)', title: 'Part b' },
  ],
  paperLabel: '2022 May 2',
  year: 2022,
  hasAnswer: true,
};

const fullArticle = articleHtml(
  part(
    's5-2022-may-2-q3--a',
    'a',
    'unmarked',
    `<p class="lang-note" data-lang-note="en">Answered in English only · 只有英文</p><div class="answer"><p data-lang="en" data-lang-only="">The mean is ${math('\\frac{a+b}{2}')} and the grid is</p>${math('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', true)}<p>Mode collapse lowers diversity.</p></div>`,
  ) + part('s5-2022-may-2-q3--b', 'b', 'not-examined', '<div class="answer"><p data-lang="zh" lang="zh">模式崩溃 wasserstein</p></div>'),
);

describe('questionDocument', () => {
  const { html, text } = questionDocument(parseArticle(fullArticle), facts);
  const output = fromHtml(html);
  const body = findAll(output, (node) => node.properties.dataPagefindBody !== undefined);
  const facets = (kind: 'dataPagefindFilter' | 'dataPagefindMeta'): [string, string][] =>
    findAll(output, (node) => node.tagName === 'span' && typeof node.properties[kind] === 'string').map((node) => [
      String(node.properties[kind]),
      toText(node),
    ]);

  it('marks one body for Pagefind, in a page indexed as Chinese', () => {
    expect(body).toHaveLength(1);
    expect(findAll(output, (node) => node.tagName === 'html')[0]?.properties.lang).toBe('zh');
  });

  it('gives the filters students narrow by', () => {
    expect(facets('dataPagefindFilter')).toEqual([
      ['course', 'DASC7606 Final'],
      ['section', 'Section 5 · Generative Adversarial Networks'],
      ['year', '2022'],
      ['examinable', FILTER_VALUES.examinable],
      ['examinable', 'Has parts not examined'],
      ['answer', 'Written answer'],
    ]);
  });

  it('gives the facts a result shows as metadata, and nothing more (Pagefind indexes metadata as words)', () => {
    expect(Object.fromEntries(facets('dataPagefindMeta'))).toEqual({
      paper: '2022 May 2',
      notExamined: 's5-2022-may-2-q3--b-h',
    });
  });

  it('keeps filters and metadata out of the indexed words', () => {
    const ignored = findAll(output, (node) => node.properties.dataPagefindIgnore !== undefined);
    expect(ignored).toHaveLength(1);
    expect(findAll(ignored[0] as Element, (node) => node.tagName === 'span')).toHaveLength(6 + 2);
  });

  it.each([
    ['inline formula', '(a+b)/2'],
    ['matrix', '[1 2; 3 4]'],
    ['formula in the question', 'L_D(real) = - log(D(x))'],
  ])('writes each %s once, as readable text', (_, readable) => {
    expect(occurrences(toText(body[0] as Element), readable)).toBe(1);
    expect(occurrences(text, readable)).toBe(1);
  });

  it.each([
    ['the TeX source', '\\frac'],
    ['the TeX source', 'begin{pmatrix}'],
    ['KaTeX markup', 'class="katex"'],
    ['KaTeX markup', 'katex-html'],
    ['MathML', '<math'],
    ['the TeX annotation', 'annotation'],
  ])('drops %s (%s)', (_, fragment) => {
    expect(html).not.toContain(fragment);
    expect(text).not.toContain(fragment);
  });

  it.each([
    ['screenshot placeholder', 'Screenshot 2022May2/3.png'],
    ['placeholder hint', 'put it in content'],
    ['permalink', 'Link to Q3'],
    ['paper badge', 'Paper'],
    ['examinability badge', 'Not examined · 不考'],
    ['language note', 'Answered in English only'],
  ])('drops page chrome: %s', (_, fragment) => {
    expect(toText(body[0] as Element)).not.toContain(fragment);
    expect(text).not.toContain(fragment);
    expect(
      findAll(
        output,
        (node) =>
          Array.isArray(node.properties.className) &&
          node.properties.className.some((name) =>
            ['shot-missing', 'permalink', 'badge', 'exam-badge', 'lang-note'].includes(String(name)),
          ),
      ),
    ).toEqual([]);
  });

  it('keeps the question text, headings and answers', () => {
    for (const words of ['Q3', 'Discriminator loss', '(a) Part a', 'Mode collapse lowers diversity', '(b) Part b', '模式崩溃', 'Answer']) {
      expect(text).toContain(words);
      expect(html).toContain(words);
    }
  });

  it('gives the same words in its text as in the indexed body (less the facets)', () => {
    const withoutFacets = structuredClone(body[0] as Element);
    withoutFacets.children = withoutFacets.children.filter(
      (child) => !(child.type === 'element' && child.properties.dataPagefindIgnore !== undefined),
    );
    expect(latinWords(text)).toEqual(latinWords(toText(withoutFacets)));
  });

  it('has the text questionText gives, which excerpts are cut from', () => {
    expect(questionText(parseArticle(fullArticle))).toBe(text);
  });

  it('does not change the article it is given', () => {
    const article = parseArticle(fullArticle);
    const before = structuredClone(article);
    questionDocument(article, facts);
    expect(article).toEqual(before);
  });
});

describe('questionDocument for the Latin index', () => {
  const { html, latinHtml } = questionDocument(parseArticle(fullArticle), facts);
  const full = fromHtml(html);
  const latin = fromHtml(latinHtml);
  const bodyText = (tree: Root): string => toText(findAll(tree, (node) => node.properties.dataPagefindBody !== undefined)[0] as Element);
  const facetsOf = (tree: Root): string[] => findAll(tree, (node) => node.tagName === 'span').map((node) => toHtml(node));

  it('keeps every Chinese character in its place, out of reach of the word list, and every other word as it is', () => {
    expect(bodyText(latin)).not.toMatch(/\p{Script=Han}/u);
    expect(bodyText(full)).toContain('模式崩溃');
    expect(restoreHan(bodyText(latin))).toBe(bodyText(full));
    // Pagefind makes words of letters and digits only: the Latin text has those of the full text, less the Chinese.
    expect(bodyText(latin).match(/[\p{L}\p{N}]+/gu)).toEqual(
      bodyText(full)
        .match(/[\p{L}\p{N}]+/gu)
        ?.filter((word) => !/\p{Script=Han}/u.test(word)),
    );
    for (const words of ['wasserstein', '(a+b)/2', '[1 2; 3 4]', 'Mode collapse lowers diversity'])
      expect(bodyText(latin)).toContain(words);
  });

  it('keeps the same anchors and their names, so results link to and name the part that matched', () => {
    const anchors = (tree: Root): unknown[] =>
      findAll(tree, (node) => typeof node.properties.id === 'string').map((node) => [
        node.properties.id,
        node.properties.dataPagefindTitle,
      ]);
    expect(anchors(latin)).toEqual(anchors(full));
    expect(anchors(latin)).toContainEqual(['s5-2022-may-2-q3--b-h', 'Q3 (b) · Part b']);
  });

  it('has the same filters and metadata as the full document when they have no Chinese', () => {
    expect(facetsOf(latin)).toEqual(facetsOf(full));
  });

  it('hides the Chinese of its metadata, which Pagefind indexes as words', () => {
    const paperLabel = '2019-2020 学年秋季学期期中考试卷';
    const meta = (tree: Root): string[] =>
      findAll(tree, (node) => node.properties.dataPagefindMeta === 'paper').map((node) => toText(node));
    const documents = questionDocument(parseArticle(fullArticle), { ...facts, paperLabel });
    expect(meta(fromHtml(documents.html))).toEqual([paperLabel]);
    const hidden = meta(fromHtml(documents.latinHtml));
    expect(hidden.join(' ')).not.toMatch(/\p{Script=Han}/u);
    expect(hidden.map(restoreHan)).toEqual([paperLabel]);
  });

  it('hides the Chinese of image descriptions, which Pagefind may index as metadata', () => {
    const withImage = articleHtml('<p><img src="/x.png" alt="生成器 generator" width="1" height="1"></p>');
    const alts = findAll(fromHtml(questionDocument(parseArticle(withImage), facts).latinHtml), (node) => node.tagName === 'img').map(
      (node) => String(node.properties.alt),
    );
    expect(alts.join(' ')).not.toMatch(/\p{Script=Han}/u);
    expect(alts.map(restoreHan)).toEqual(['生成器 generator']);
  });
});

describe('questionDocument anchors', () => {
  /** Each element that keeps an id in the indexed document, with its name: what Pagefind splits results at. */
  const anchorsOf = (html: string): [unknown, unknown][] =>
    findAll(fromHtml(html), (node) => typeof node.properties.id === 'string').map((node) => [
      node.properties.id,
      node.properties.dataPagefindTitle,
    ]);

  const variants = (scope: string, panels: [string, string][]): string =>
    `<div class="variants" data-scope="${scope}"><div class="variant-tabs js-only" role="tablist"><button type="button" role="tab" id="q--variants-1-tab-0">x</button></div>${panels
      .map(
        ([source, body], index) =>
          `<section class="variant" data-source="${source}" id="s5-2022-may-2-q3--variants-1-panel-${index}" role="tabpanel">${body}</section>`,
      )
      .join('')}</div>`;

  it('names the question by its first words, and each part by its label and title', () => {
    expect(anchorsOf(questionDocument(parseArticle(fullArticle), facts).html)).toEqual([
      ['s5-2022-may-2-q3', undefined],
      ['s5-2022-may-2-q3-title', 'Q3 · Discriminator loss L_D(real) = - log(D(x)) for…'],
      ['s5-2022-may-2-q3--a-h', 'Q3 (a) · Part a'],
      ['s5-2022-may-2-q3--b-h', 'Q3 (b) · Part b'],
    ]);
  });

  it('names the question by its title when it has one', () => {
    const [, title] = anchorsOf(questionDocument(parseArticle(fullArticle), { ...facts, title: 'GAN 训练中的 mode collapse' }).html);
    expect(title).toEqual(['s5-2022-may-2-q3-title', 'Q3 · GAN 训练中的 mode collapse']);
  });

  it('names a part without a title by the first words of its own text, not its heading or variant labels', () => {
    const html = articleHtml(
      part(
        's5-2022-may-2-q3--b',
        'b',
        'unmarked',
        `<div class="answer">${variants('part', [
          [
            'DeepSeek',
            '<p class="variant-label"><strong>DeepSeek</strong></p><p>C 模式崩溃（Mode collapse）是 GAN 训练失败的一种情况，导致生成样本缺乏多样性</p>',
          ],
          [
            'Gemini',
            '<p class="variant-label"><strong>Gemini</strong></p><p>Sample variations refer to the ability of the GAN to produce diverse outputs.</p>',
          ],
        ])}</div>`,
      ),
    );
    expect(anchorsOf(questionDocument(parseArticle(html), { ...facts, parts: [{ anchor: 'b', label: '(b)', title: '' }] }).html)).toEqual([
      ['s5-2022-may-2-q3', undefined],
      ['s5-2022-may-2-q3-title', 'Q3 · Discriminator loss L_D(real) = - log(D(x)) for…'],
      ['s5-2022-may-2-q3--b-h', 'Q3 (b) · C 模式崩溃（Mode collapse）是 GAN 训练失败的一种…'],
      // Each answer variant is a result of its own, so the link opens its tab.
      ['s5-2022-may-2-q3--variants-1-panel-0', 'Q3 (b) DeepSeek · C 模式崩溃（Mode collapse）是 GAN 训练失败的一种…'],
      ['s5-2022-may-2-q3--variants-1-panel-1', 'Q3 (b) Gemini · Sample variations refer to the ability of the…'],
    ]);
  });

  it('names the parts of a whole-question variant under it, and drops the ids of headings that only frame', () => {
    const gptPart = part('s5-2022-may-2-q3--gpt-a', 'gpt-a', 'unmarked', '<p>Uber drivers and riders</p>').replace(
      '(gpt-a) Part gpt-a',
      '(a)',
    );
    const html = articleHtml(
      variants('question', [['GPT', `<h3 class="variant-label" id="s5-2022-may-2-q3--h2"><strong>GPT</strong></h3>${gptPart}`]]),
    );
    expect(
      anchorsOf(questionDocument(parseArticle(html), { ...facts, parts: [{ anchor: 'gpt-a', label: '(a)', title: '' }] }).html),
    ).toEqual([
      ['s5-2022-may-2-q3', undefined],
      ['s5-2022-may-2-q3-title', 'Q3 · Discriminator loss L_D(real) = - log(D(x)) for…'],
      ['s5-2022-may-2-q3--variants-1-panel-0', 'Q3 GPT · Uber drivers and riders'],
      ['s5-2022-may-2-q3--gpt-a-h', 'Q3 GPT (a) · Uber drivers and riders'],
    ]);
  });

  it('names any other heading by its own words, under the labels of what it is in', () => {
    const html = articleHtml(part('s5-2022-may-2-q3--a', 'a', 'unmarked', '<h4 id="s5-2022-may-2-q3--h3">Step 1</h4><p>x</p>'));
    expect(anchorsOf(questionDocument(parseArticle(html), facts).html)).toContainEqual(['s5-2022-may-2-q3--h3', 'Q3 (a) · Step 1']);
  });

  it('lists the answer variants of a part not examined with its anchors to hide', () => {
    const html = articleHtml(part('s5-2022-may-2-q3--b', 'b', 'not-examined', variants('part', [['DeepSeek', '<p>x</p>']])));
    const meta = findAll(
      fromHtml(questionDocument(parseArticle(html), facts).html),
      (node) => node.properties.dataPagefindMeta === 'notExamined',
    );
    expect(meta.map((node) => toText(node))).toEqual(['s5-2022-may-2-q3--b-h s5-2022-may-2-q3--variants-1-panel-0']);
  });
});

describe('questionDocument filters', () => {
  it.each<[string, string, Partial<QuestionFacts>, [string, string][]]>([
    [
      'no parts: examinable',
      '<p>Plain question</p>',
      {},
      [
        ['examinable', 'Examinable'],
        ['answer', 'Written answer'],
      ],
    ],
    [
      'all parts examinable',
      part('q--a', 'a', 'unmarked', '<p>x</p>') + part('q--b', 'b', 'may-be-examined', '<p>y</p>'),
      {},
      [
        ['examinable', 'Examinable'],
        ['answer', 'Written answer'],
      ],
    ],
    [
      'some parts not examined',
      part('q--a', 'a', 'unmarked', '<p>x</p>') + part('q--b', 'b', 'not-examined', '<p>y</p>'),
      {},
      [
        ['examinable', 'Examinable'],
        ['examinable', 'Has parts not examined'],
        ['answer', 'Written answer'],
      ],
    ],
    [
      'every part not examined',
      part('q--a', 'a', 'not-examined', '<p>x</p>') + part('q--b', 'b', 'not-examined', '<p>y</p>'),
      {},
      [
        ['examinable', 'Has parts not examined'],
        ['answer', 'Written answer'],
      ],
    ],
    [
      'a not-examined part with examinable-looking sub-parts is still all not examined',
      part('q--a', 'a', 'not-examined', part('q--a-i', 'i', 'unmarked', '<p>x</p>') + part('q--a-ii', 'ii', 'unmarked', '<p>y</p>')),
      {},
      [
        ['examinable', 'Has parts not examined'],
        ['answer', 'Written answer'],
      ],
    ],
    [
      'screenshots only, no paper',
      '<p>x</p>',
      { hasAnswer: false, year: undefined, paperLabel: undefined },
      [
        ['examinable', 'Examinable'],
        ['answer', 'Screenshots only'],
      ],
    ],
  ])('%s', (_, parts, overrides, expected) => {
    const { html } = questionDocument(parseArticle(articleHtml(parts)), { ...facts, ...overrides });
    const filters = findAll(fromHtml(html), (node) => typeof node.properties.dataPagefindFilter === 'string')
      .map((node): [string, string] => [String(node.properties.dataPagefindFilter), toText(node)])
      .filter(([name]) => name === 'examinable' || name === 'answer');
    expect(filters).toEqual(expected);
    const year = findAll(fromHtml(html), (node) => node.properties.dataPagefindFilter === 'year');
    expect(year.map((node) => toText(node))).toEqual(overrides.year === undefined && 'year' in overrides ? [] : ['2022']);
  });

  it('leaves out the paper when there is none', () => {
    const { html } = questionDocument(parseArticle(articleHtml('<p>x</p>')), { ...facts, paperLabel: undefined });
    const meta = Object.fromEntries(
      findAll(fromHtml(html), (node) => typeof node.properties.dataPagefindMeta === 'string').map((node) => [
        String(node.properties.dataPagefindMeta),
        toText(node),
      ]),
    );
    expect(meta).toEqual({ notExamined: '' });
  });
});

describe('notExaminedAnchors', () => {
  it.each<[string, string, string[]]>([
    ['no parts', '<p>x</p>', []],
    ['none marked', part('q--a', 'a', 'unmarked', '<p>x</p>') + part('q--b', 'b', 'probably-not-examined', '<p>y</p>'), []],
    ['one of two', part('q--a', 'a', 'unmarked', '<p>x</p>') + part('q--b', 'b', 'not-examined', '<p>y</p>'), ['q--b-h']],
    ['two', part('q--a', 'a', 'not-examined', '<p>x</p>') + part('q--b', 'b', 'not-examined', '<p>y</p>'), ['q--a-h', 'q--b-h']],
    [
      'a sub-part goes with its part',
      part('q--a', 'a', 'not-examined', part('q--a-i', 'i', 'unmarked', '<p>x</p>')),
      ['q--a-h', 'q--a-i-h'],
    ],
    [
      'a not-examined sub-part alone',
      part('q--a', 'a', 'unmarked', part('q--a-i', 'i', 'not-examined', '<p>x</p>') + part('q--a-ii', 'ii', 'unmarked', '<p>y</p>')),
      ['q--a-i-h'],
    ],
    ['an exam badge is not a part', '<p><span class="exam-badge" data-examinability="not-examined">Not examined</span></p>', []],
  ])('%s', (_, parts, expected) => {
    // Parsed from HTML, as the index step does: aria-labelledby is read as a list there.
    expect(notExaminedAnchors(parseArticle(articleHtml(parts)))).toEqual(expected);
  });

  it('never takes the question for a part: a part is named by its question’s title and its own heading', () => {
    const article = parseArticle(articleHtml(part('q--b', 'b', 'not-examined', '<p>y</p>')));
    const section = findAll(article, (node) => node.tagName === 'section')[0];
    expect(section?.properties.ariaLabelledBy).toEqual(['s5-2022-may-2-q3-title', 'q--b-h']);
    expect(notExaminedAnchors(article)).toEqual(['q--b-h']);
  });
});
