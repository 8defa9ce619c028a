import { describe, expect, it } from 'vitest';
import { firstWords, NAME_WIDTH, resultName } from '../../../src/lib/search/titles.ts';

/** Columns as the name counts them: two for a Chinese character or CJK punctuation, one for anything else. */
const columns = (text: string): number =>
  [...text].reduce((sum, character) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(character) ? 2 : 1), 0);

describe('firstWords', () => {
  it.each<[string, number, string]>([
    // Short text is kept whole, its spaces tidied.
    ['Mode collapse', 48, 'Mode collapse'],
    ['  Mode \n\n collapse  ', 48, 'Mode collapse'],
    ['', 48, ''],
    // Latin text is cut between words, never inside one.
    ['Sample variations refer to the ability of the GAN to produce diverse outputs.', 30, 'Sample variations refer to the…'],
    ['The discriminator', 16, 'The…'],
    // Chinese is cut between characters, each two columns wide.
    ['模式崩溃是训练失败的一种情况', 10, '模式崩溃是…'],
    ['GAN 的原始论文中，生成器和判别器的优化目标', 20, 'GAN 的原始论文中，生…'],
    ['使用ReLU激活函数', 10, '使用ReLU激…'],
    ['使用ReLU激活函数', 7, '使用…'],
    // No dangling comma, colon, bracket or dash before the ellipsis.
    ['模式崩溃，导致生成样本缺乏多样性', 10, '模式崩溃…'],
    ['Loss value: the generator (G) is trained', 12, 'Loss value…'],
    ['A – the generator', 3, 'A…'],
    // A single word wider than the whole name is cut inside: better than nothing.
    ['Supercalifragilisticexpialidocious', 10, 'Supercalif…'],
  ])('%j in %i columns → %j', (text, width, expected) => {
    expect(firstWords(text, width)).toBe(expected);
  });

  it('never takes more than its width, ellipsis aside, for Latin, Chinese or both', () => {
    const texts = [
      'A: The random noise vector (z) fed into the generator is the source of sample variation.',
      '图灵测试：判断者与一个人和一个机器通过文本交互，如果判断者无法区分机器和人，则机器通过测试。',
      'C 模式崩溃（Mode collapse）是 GAN 训练失败的一种情况，导致生成样本缺乏多样性，因此与多样性有关（负面相关）。',
    ];
    for (const text of texts) {
      const words = firstWords(text);
      expect(words.endsWith('…'), words).toBe(true);
      expect(columns(words.slice(0, -1))).toBeLessThanOrEqual(NAME_WIDTH);
      expect(text.replace(/\s+/g, ' ').startsWith(words.slice(0, -1)), words).toBe(true);
    }
  });
});

describe('resultName', () => {
  it.each<[(string | undefined)[], string | undefined, string]>([
    [['Q1'], 'GAN 训练中 mode collapse…', 'Q1 · GAN 训练中 mode collapse…'],
    [['Q1', '(b)'], 'Mode collapse – the generator…', 'Q1 (b) · Mode collapse – the generator…'],
    [['Q1', '(b)', 'Gemini'], 'Sample variations…', 'Q1 (b) Gemini · Sample variations…'],
    [['Q3', '', 'DeepSeek'], 'Transformer', 'Q3 DeepSeek · Transformer'],
    [['Q1', undefined], '', 'Q1'],
    [['Q1'], '   ', 'Q1'],
    [[], 'Words only', 'Words only'],
  ])('%j and %j → %j', (labels, words, expected) => {
    expect(resultName(labels, words)).toBe(expected);
  });
});
