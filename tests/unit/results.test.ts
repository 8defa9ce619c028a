import { describe, expect, it } from 'vitest';
import {
  containsQuery,
  highlightParam,
  queryTerms,
  toQuestionHit,
  type ResultLike,
  type SubResultLike,
} from '../../src/lib/search/results.ts';

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
      title: 'Q3 · 2022 May 2',
      notExamined: 's5-2022-may-2-q3--b-h',
      ...meta,
    },
    filters: { course: ['DASC7606 Final'], section: ['Section 5 · Generative Adversarial Networks'], year: ['2022'] },
    sub_results: subResults,
  });

  it('links to the part with the most matches, with the query to highlight', () => {
    const hit = toQuestionHit(
      result([
        sub('s5-2022-may-2-q3-title', 1, 'Q3 title'),
        sub('s5-2022-may-2-q3--a-h', 3, '(a) Loss'),
        sub('s5-2022-may-2-q3--c-h', 2, '(c) Training'),
      ]),
      'mode collapse',
      false,
    );
    expect(hit).toEqual({
      href: '/dasc7606/s5/?highlight=mode+collapse#s5-2022-may-2-q3--a-h',
      title: 'Q3 · 2022 May 2',
      context: 'DASC7606 Final › Section 5 · Generative Adversarial Networks',
      heading: '(a) Loss',
      excerptHtml: '<mark>(a) Loss</mark>',
    });
  });

  it.each<[string, SubResultLike[], boolean, { anchor: string; heading: string | undefined; excerptHtml: string } | undefined]>([
    [
      'best match under the question title: no heading shown',
      [sub('s5-2022-may-2-q3-title', 4, 'Q3'), sub('s5-2022-may-2-q3--a-h', 1, '(a)')],
      false,
      { anchor: 's5-2022-may-2-q3-title', heading: undefined, excerptHtml: '<mark>Q3</mark>' },
    ],
    [
      'a tie keeps the first',
      [sub('s5-2022-may-2-q3--a-h', 2, '(a)'), sub('s5-2022-may-2-q3--c-h', 2, '(c)')],
      false,
      { anchor: 's5-2022-may-2-q3--a-h', heading: '(a)', excerptHtml: '<mark>(a)</mark>' },
    ],
    [
      'not-examined part shown when not hiding',
      [sub('s5-2022-may-2-q3--a-h', 1, '(a)'), sub('s5-2022-may-2-q3--b-h', 5, '(b)')],
      false,
      { anchor: 's5-2022-may-2-q3--b-h', heading: '(b)', excerptHtml: '<mark>(b)</mark>' },
    ],
    [
      'not-examined part dropped when hiding',
      [sub('s5-2022-may-2-q3--a-h', 1, '(a)'), sub('s5-2022-may-2-q3--b-h', 5, '(b)')],
      true,
      { anchor: 's5-2022-may-2-q3--a-h', heading: '(a)', excerptHtml: '<mark>(a)</mark>' },
    ],
    ['only not-examined matches, hiding: no result', [sub('s5-2022-may-2-q3--b-h', 5, '(b)')], true, undefined],
    [
      'only not-examined matches, not hiding: kept',
      [sub('s5-2022-may-2-q3--b-h', 5, '(b)')],
      false,
      { anchor: 's5-2022-may-2-q3--b-h', heading: '(b)', excerptHtml: '<mark>(b)</mark>' },
    ],
    [
      'no sub-results: the question itself',
      [],
      true,
      { anchor: 's5-2022-may-2-q3', heading: undefined, excerptHtml: 'question <mark>excerpt</mark>' },
    ],
    [
      'a sub-result without an anchor: the question anchor',
      [sub(undefined, 2, 'text')],
      true,
      { anchor: 's5-2022-may-2-q3', heading: undefined, excerptHtml: '<mark>text</mark>' },
    ],
  ])('%s', (_, subResults, hide, expected) => {
    const hit = toQuestionHit(result(subResults), 'gan', hide);
    if (expected === undefined) {
      expect(hit).toBeUndefined();
      return;
    }
    expect(hit).toMatchObject({
      href: `/dasc7606/s5/?highlight=gan#${expected.anchor}`,
      heading: expected.heading,
      excerptHtml: expected.excerptHtml,
    });
  });

  it('hides every anchor listed in notExamined', () => {
    const hit = toQuestionHit(
      result([sub('q--a-h', 9, '(a)'), sub('q--b-h', 8, '(b)'), sub('q--c-h', 1, '(c)')], { notExamined: 'q--a-h q--b-h' }),
      'gan',
      true,
    );
    expect(hit?.heading).toBe('(c)');
  });

  it('hides nothing when the question has no parts marked not examined', () => {
    const hit = toQuestionHit(result([sub('q--b-h', 1, '(b)')], { notExamined: '' }), 'gan', true);
    expect(hit?.heading).toBe('(b)');
  });

  it('takes page and question from the URL, and shows the URL when the metadata is missing', () => {
    const hit = toQuestionHit({ url: '/c/s1/#q1', content: '', excerpt: 'e', meta: {}, filters: {}, sub_results: [] }, 'x', false);
    expect(hit).toEqual({ href: '/c/s1/?highlight=x#q1', title: '/c/s1/#q1', context: '', heading: undefined, excerptHtml: 'e' });
  });

  it('leaves out a missing course or section from the context', () => {
    expect(toQuestionHit({ ...result([]), filters: { course: ['DASC7606 Final'] } }, 'x', false)?.context).toBe('DASC7606 Final');
  });
});
