import { describe, expect, it } from 'vitest';
import { indexFor, withoutHan } from '../../src/lib/search/indexes.ts';

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

describe('withoutHan', () => {
  it('turns each run of Chinese, with its punctuation, into one space', () => {
    expect(withoutHan('模式崩溃（mode collapse）是GAN的问题。')).toBe(' mode collapse GAN ');
  });

  it('keeps Latin words, numbers, formulas and Greek letters as they are', () => {
    const text = 'L_D = - log(D(x)) ≈ 0.223, λ‖w‖² and Dropout p=0.5';
    expect(withoutHan(text)).toBe(text);
  });

  it('keeps apart words that Chinese joined', () => {
    expect(withoutHan('使用ReLU激活函数和Adam优化器').split(/\s+/).filter(Boolean)).toEqual(['ReLU', 'Adam']);
  });

  it('leaves nothing that would send a query made of its output to the full index', () => {
    expect(indexFor(`x${withoutHan('反向传播：链式法则、梯度〇々')}y`)).toBe('latin');
  });
});
