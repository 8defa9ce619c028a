import { describe, expect, it } from 'vitest';
import { likeness, titleLikeness, wordsOf, wordVectors } from '../../../src/lib/group/words.ts';

describe('wordsOf', () => {
  it('reads Latin words, numbers and Chinese as pairs of characters, without TeX commands or common words', () => {
    expect(wordsOf('What is the loss $-\\log 0.4$ of 过拟合?')).toEqual(['loss', '0.4', '过拟', '拟合']);
    expect(wordsOf('\\begin{pmatrix} 3 & 0 \\end{pmatrix} networks')).toEqual(['network']);
  });
});

describe('likeness', () => {
  it('meets a statement written in two languages from either', () => {
    const vectors = wordVectors(
      new Map([
        ['both', 'Why does mode collapse happen in GANs? 为什么 GAN 会出现模式崩溃？'],
        ['english', 'Explain why mode collapse happens when training GANs.'],
        ['chinese', '为什么训练 GAN 时会出现模式崩溃？'],
        ['other', 'Compute the receptive field of three stacked 3x3 convolutions.'],
      ]),
    );
    const alike = (a: string, b: string): number => likeness(vectors.get(a)!, vectors.get(b)!);
    expect(alike('both', 'english')).toBeGreaterThan(0.4);
    expect(alike('both', 'chinese')).toBeGreaterThan(0.4);
    expect(alike('both', 'other')).toBe(0);
  });
});

describe('titleLikeness', () => {
  it('finds the same section under another student’s title, and not a different one', () => {
    expect(titleLikeness('Convolutional Neural Networks (CNN) 卷积神经网络', 'Convolutional Neural Networks')).toBeGreaterThan(0.6);
    expect(titleLikeness('Deep Learning Basics 深度学习基础', 'DeepLearning Basis')).toBeGreaterThan(0.6);
    expect(titleLikeness('生成对抗网络', 'GAN 生成对抗网络')).toBeGreaterThan(0.6);
    expect(titleLikeness('Reinforcement Learning 强化学习', 'Large Language Model')).toBeLessThan(0.3);
  });
});
