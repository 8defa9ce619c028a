import { describe, expect, it } from 'vitest';
import { hideHan } from '../../../src/lib/search/indexes.ts';
import {
  containsQuery,
  excerptPieces,
  highlightParam,
  markChineseTerms,
  queryTerms,
  toQuestionHit,
  type ExcerptPiece,
  type ResultLike,
  type SubResultLike,
} from '../../../src/lib/search/results.ts';

describe('containsQuery', () => {
  it.each<[string, string, boolean]>([
    ['Mode collapse happens when', 'mode collapse', true],
    ['Mode Collapse', 'MODE', true],
    ['mode collapse', 'mode divergence', false], // every word must be there
    // Latin words match by prefix, with up to two final letters dropped.
    ['gradient descent', 'grad', true],
    ['mode collapse', 'collapsed', true],
    ['mode collapse', 'collapses', true],
    ['gradient', 'gradients', true],
    ['the model', 'modelling', false], // three letters too many
    ['learning rate', 'learn', true],
    ['learn', 'learning', false],
    // Never shortened below four letters: "frac" does not find the part label "(f)".
    ['(f) part six', 'frac', false],
    ['f', 'frac', false],
    ['fra', 'frac', false],
    ['the fraction', 'frac', true],
    ['the cat', 'ca', true],
    ['the cat', 'cab', false],
    // Only the start of a word counts.
    ['underfitting', 'fitting', false],
    ['over-fitting', 'fitting', false],
    ['over-fitting', 'over-fit', true],
    // "1x1" and "1×1" are the same.
    ['a 1×1 convolution', '1x1', true],
    ['a 1x1 convolution', '1×1', true],
    ['3 × 3 kernel', '3x3', false], // spaced out, it is three words
    ['3 × 3 kernel', '3', true],
    ['dropout 0.5', '0.5', true],
    ['dropout 0.5', '0.7', false],
    // Chinese runs are split into words, each of which must appear as written.
    ['模式崩溃是指生成器只产生少数几种样本', '模式崩溃', true],
    ['模式崩溃是指生成器只产生少数几种样本', '模式 生成器', true],
    ['模式崩溃是指生成器只产生少数几种样本', '判别器', false],
    ['模式崩溃是指生成器', '模式判别', false],
    ['GAN 训练不稳定', 'gan 训练', true],
    ['GAN 训练不稳定', 'gan 测试', false],
    ['GAN 训练不稳定', 'vae 训练', false],
    // Nothing to look for: nothing missing.
    ['anything', '', true],
    ['anything', '  ,. ', true],
  ])('%j contains %j: %s', (content, query, expected) => {
    expect(containsQuery(content, query)).toBe(expected);
  });
});

describe('queryTerms', () => {
  it.each<[string, string[]]>([
    ['Mode Collapse', ['mode', 'collapse']],
    ['1×1 conv', ['1x1', 'conv']],
    ["don't over-fit", ["don't", 'over-fit']],
    ['  spaced   out ', ['spaced', 'out']],
    ['a+b, c.d', ['a', 'b', 'c', 'd']],
    ['', []],
    ['GAN 训练', ['gan', '训练']],
    ['模式崩溃', ['模式', '崩溃']],
    ['训练误差', ['训练', '误差']],
    ['dropout正则化', ['dropout', '正则', '化']],
  ])('%j → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });

  it('splits every Chinese run into words that join back to it', () => {
    const terms = queryTerms('训练误差低但测试误差高');
    expect(terms.length).toBeGreaterThan(1);
    expect(terms.join('')).toBe('训练误差低但测试误差高');
  });
});

describe('highlightParam', () => {
  it.each<[string, string]>([
    ['mode', 'highlight=mode'],
    ['  mode collapse ', 'highlight=mode+collapse'],
    ['a&b=c#d', 'highlight=a%26b%3Dc%23d'],
    ['模式', 'highlight=%E6%A8%A1%E5%BC%8F'],
  ])('%j → %s', (query, expected) => {
    expect(highlightParam(query)).toBe(expected);
    expect(new URLSearchParams(highlightParam(query)).get('highlight')).toBe(query.trim());
  });
});

describe('excerptPieces', () => {
  it.each<[string, ExcerptPiece[]]>([
    ['plain text', [{ text: 'plain text', mark: false }]],
    ['', []],
    [
      'the <mark>mode </mark><mark>collapse</mark> of a GAN',
      [
        { text: 'the ', mark: false },
        { text: 'mode collapse', mark: true },
        { text: ' of a GAN', mark: false },
      ],
    ],
    // Pagefind's words carry the space after them: it stays out of the mark.
    [
      '<mark>Mode </mark><mark>collapse </mark>in GANs',
      [
        { text: 'Mode collapse', mark: true },
        { text: ' in GANs', mark: false },
      ],
    ],
    ['a <mark> </mark>b', [{ text: 'a  b', mark: false }]],
    ['<mark>GAN</mark>', [{ text: 'GAN', mark: true }]],
    // Pagefind escapes only < and >: the text comes back as written, never as markup.
    [
      'a &lt;b&gt; c <mark>x</mark>',
      [
        { text: 'a <b> c ', mark: false },
        { text: 'x', mark: true },
      ],
    ],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', [{ text: '<script>alert(1)</script>', mark: false }]],
  ])('%j', (html, expected) => {
    expect(excerptPieces(html)).toEqual(expected);
  });

  it('puts back the Chinese the Latin index keeps hidden', () => {
    const text = 'C 模式崩溃（Mode collapse）是 GAN 训练失败的一种情况';
    const fromLatinIndex = hideHan(text).replace('Mode collapse', '<mark>Mode </mark><mark>collapse</mark>');
    expect(excerptPieces(fromLatinIndex)).toEqual([
      { text: 'C 模式崩溃（', mark: false },
      { text: 'Mode collapse', mark: true },
      { text: '）是 GAN 训练失败的一种情况', mark: false },
    ]);
  });
});

describe('markChineseTerms', () => {
  it('marks the words of a Chinese query Pagefind left unmarked, joined to the marks beside them', () => {
    expect(markChineseTerms(excerptPieces('计算两个特征的<mark>信息</mark>增益. 训练集'), queryTerms('信息增益'))).toEqual([
      { text: '计算两个特征的', mark: false },
      { text: '信息增益', mark: true },
      { text: '. 训练集', mark: false },
    ]);
  });

  it('marks every place a word appears, the longest word first', () => {
    expect(markChineseTerms([{ text: 'GAN 训练不稳定，训练时', mark: false }], ['gan', '训练', '训'])).toEqual([
      { text: 'GAN ', mark: false },
      { text: '训练', mark: true },
      { text: '不稳定，', mark: false },
      { text: '训练', mark: true },
      { text: '时', mark: false },
    ]);
  });

  it('leaves the excerpt as it is for a query without Chinese', () => {
    const pieces = excerptPieces('the <mark>mode collapse</mark> of 模式崩溃');
    expect(markChineseTerms(pieces, queryTerms('mode collapse'))).toEqual(pieces);
  });
});

describe('toQuestionHit', () => {
  const sub = (id: string | undefined, locations: number, title = id ?? ''): SubResultLike => ({
    title,
    excerpt: `<mark>${title}</mark>`,
    locations: Array.from({ length: locations }, (_, index) => index),
    anchor: id === undefined ? undefined : { id },
  });
  const result = (subResults: SubResultLike[], meta: Record<string, string | undefined> = {}): ResultLike => ({
    url: '/dasc7606/s5/#s5-2022-may-2-q3',
    content: 'whole question',
    excerpt: 'question <mark>excerpt</mark>',
    meta: {
      paper: '2022 May 2',
      notExamined: 's5-2022-may-2-q3--b-h',
      ...meta,
    },
    filters: { course: ['DASC7606 Final'], section: ['Section 5 · Generative Adversarial Networks'], year: ['2022'] },
    anchors: [
      { id: 's5-2022-may-2-q3' },
      { id: 's5-2022-may-2-q3-title', title: 'Q3 · Discriminator evaluates real data…' },
      { id: 's5-2022-may-2-q3--a-h', title: 'Q3 (a) · Loss' },
    ],
    sub_results: subResults,
  });

  it('names and links the part with the most matches, with paper, section and course, and the query to highlight', () => {
    const hit = toQuestionHit(
      result([
        sub('s5-2022-may-2-q3-title', 1, 'Q3 · Discriminator evaluates real data…'),
        sub('s5-2022-may-2-q3--a-h', 3, 'Q3 (a) · Loss'),
        sub('s5-2022-may-2-q3--c-h', 2, 'Q3 (c) · Training'),
      ]),
      'mode collapse',
      false,
    );
    expect(hit).toEqual({
      href: '/dasc7606/s5/?highlight=mode+collapse#s5-2022-may-2-q3--a-h',
      title: 'Q3 (a) · Loss',
      context: '2022 May 2 — Section 5 · Generative Adversarial Networks — DASC7606 Final',
      excerpt: [{ text: 'Q3 (a) · Loss', mark: true }],
    });
  });

  it.each<[string, SubResultLike[], boolean, { anchor: string; title: string; excerpt: string } | undefined]>([
    [
      'best match under the question heading: named as the question',
      [sub('s5-2022-may-2-q3-title', 4, 'Q3 · Discriminator'), sub('s5-2022-may-2-q3--a-h', 1, 'Q3 (a)')],
      false,
      { anchor: 's5-2022-may-2-q3-title', title: 'Q3 · Discriminator', excerpt: 'Q3 · Discriminator' },
    ],
    [
      'a tie keeps the first',
      [sub('s5-2022-may-2-q3--a-h', 2, 'Q3 (a)'), sub('s5-2022-may-2-q3--c-h', 2, 'Q3 (c)')],
      false,
      { anchor: 's5-2022-may-2-q3--a-h', title: 'Q3 (a)', excerpt: 'Q3 (a)' },
    ],
    [
      'not-examined part shown when not hiding',
      [sub('s5-2022-may-2-q3--a-h', 1, 'Q3 (a)'), sub('s5-2022-may-2-q3--b-h', 5, 'Q3 (b)')],
      false,
      { anchor: 's5-2022-may-2-q3--b-h', title: 'Q3 (b)', excerpt: 'Q3 (b)' },
    ],
    [
      'not-examined part dropped when hiding',
      [sub('s5-2022-may-2-q3--a-h', 1, 'Q3 (a)'), sub('s5-2022-may-2-q3--b-h', 5, 'Q3 (b)')],
      true,
      { anchor: 's5-2022-may-2-q3--a-h', title: 'Q3 (a)', excerpt: 'Q3 (a)' },
    ],
    ['only not-examined matches, hiding: no result', [sub('s5-2022-may-2-q3--b-h', 5, 'Q3 (b)')], true, undefined],
    [
      'only not-examined matches, not hiding: kept',
      [sub('s5-2022-may-2-q3--b-h', 5, 'Q3 (b)')],
      false,
      { anchor: 's5-2022-may-2-q3--b-h', title: 'Q3 (b)', excerpt: 'Q3 (b)' },
    ],
    [
      'no sub-results: the question itself, by its name',
      [],
      true,
      { anchor: 's5-2022-may-2-q3', title: 'Q3 · Discriminator evaluates real data…', excerpt: 'question excerpt' },
    ],
    [
      'a sub-result without an anchor: the question, by its name',
      [sub(undefined, 2, 'text')],
      true,
      { anchor: 's5-2022-may-2-q3', title: 'Q3 · Discriminator evaluates real data…', excerpt: 'text' },
    ],
  ])('%s', (_, subResults, hide, expected) => {
    const hit = toQuestionHit(result(subResults), 'gan', hide);
    if (expected === undefined) {
      expect(hit).toBeUndefined();
      return;
    }
    expect(hit).toMatchObject({ href: `/dasc7606/s5/?highlight=gan#${expected.anchor}`, title: expected.title });
    expect(hit?.excerpt.map((piece) => piece.text).join('')).toBe(expected.excerpt);
  });

  it('hides every anchor listed in notExamined', () => {
    const hit = toQuestionHit(
      result([sub('q--a-h', 9, '(a)'), sub('q--b-h', 8, '(b)'), sub('q--c-h', 1, '(c)')], { notExamined: 'q--a-h q--b-h' }),
      'gan',
      true,
    );
    expect(hit?.title).toBe('(c)');
  });

  it('hides nothing when the question has no parts marked not examined', () => {
    const hit = toQuestionHit(result([sub('q--b-h', 1, '(b)')], { notExamined: '' }), 'gan', true);
    expect(hit?.title).toBe('(b)');
  });

  it('puts back the Chinese of a paper name the Latin index keeps hidden', () => {
    const paper = '2019-2020 学年秋季学期期中考试卷';
    expect(toQuestionHit(result([], { paper: hideHan(paper) }), 'x', false)?.context).toBe(
      `${paper} — Section 5 · Generative Adversarial Networks — DASC7606 Final`,
    );
  });

  it('takes page and question from the URL, and shows the URL when nothing names the question', () => {
    const hit = toQuestionHit({ url: '/c/s1/#q1', content: '', excerpt: 'e', meta: {}, filters: {}, sub_results: [] }, 'x', false);
    expect(hit).toEqual({ href: '/c/s1/?highlight=x#q1', title: '/c/s1/#q1', context: '', excerpt: [{ text: 'e', mark: false }] });
  });

  it('leaves out a missing paper, course or section from the context', () => {
    expect(toQuestionHit({ ...result([], { paper: undefined }), filters: { course: ['DASC7606 Final'] } }, 'x', false)?.context).toBe(
      'DASC7606 Final',
    );
  });
});
