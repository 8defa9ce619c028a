import { describe, expect, it } from 'vitest';
import { hideHan, indexFor, restoreHan } from '../../../src/lib/search/indexes.ts';

describe('indexFor', () => {
  it.each([
    ['mode collapse', 'latin'],
    ['ReLU', 'latin'],
    ['0.223', 'latin'],
    ['1x1 conv', 'latin'],
    ['  padding  ', 'latin'],
    ['Wasserstein (WGAN)', 'latin'],
    ['过拟合', 'full'],
    ['GAN 生成器', 'full'],
    ['dropout和正则化', 'full'],
    ['CNN，卷积', 'full'],
    ['（', 'full'],
    ['', 'full'],
    ['   ', 'full'],
  ])('"%s" → %s', (query, expected) => {
    expect(indexFor(query)).toBe(expected);
  });
});

describe('hideHan', () => {
  const sentence = '模式崩溃（mode collapse）是GAN的问题。使用ReLU激活函数和Adam优化器';

  it('leaves no letter or digit Pagefind would make a word of, but Latin words, numbers and formulas as they are', () => {
    const hidden = hideHan(sentence);
    expect(hidden).not.toMatch(/\p{Script=Han}/u);
    expect(hidden.match(/[\p{L}\p{N}]+/gu)).toEqual(['mode', 'collapse', 'GAN', 'ReLU', 'Adam']);
    const formula = 'L_D = - log(D(x)) ≈ 0.223, λ‖w‖² and Dropout p=0.5';
    expect(hideHan(formula)).toBe(formula);
  });

  it('keeps every character in its place, one for one, so word positions and excerpts line up', () => {
    const hidden = hideHan(sentence);
    expect([...hidden]).toHaveLength([...sentence].length);
    expect(restoreHan(hidden)).toBe(sentence);
  });

  it('hides CJK punctuation and full-width forms too, and puts them back', () => {
    const text = '反向传播：链式法则、梯度〇々，“好”的方向（１２３）';
    expect(hideHan(text)).not.toMatch(/[\p{L}\p{N}]/u);
    expect(restoreHan(hideHan(text))).toBe(text);
  });

  it('turns Han characters beyond the Basic Multilingual Plane into spaces, which it has no room for', () => {
    expect(hideHan('a\u{20000}b')).toBe('a b');
  });

  it('leaves nothing that would send a query made of its output to the full index', () => {
    expect(indexFor(`x${hideHan('反向传播：链式法则、梯度〇々')}y`)).toBe('latin');
  });
});

describe('restoreHan', () => {
  it('changes nothing in text without hidden characters', () => {
    for (const text of ['mode collapse', '模式崩溃（Mode collapse）', '∑ x² ✅ ❌ ⚠️', '']) expect(restoreHan(text)).toBe(text);
  });
});
