import { describe, expect, it } from 'vitest';
import { classifyText, languageRuns, type BlockLanguage } from '../../../src/lib/markdown/language.ts';

describe('classifyText', () => {
  it.each<[string, BlockLanguage]>([
    // Chinese
    ['训练误差低但测试误差高', 'zh'],
    ['如果输出是零中心的，梯度下降会被限制在“好”的方向，从而收敛更快', 'zh'],
    ['正确选项：1, 2, 4', 'zh'],
    ['→ 正确，这正是 BP 的核心作用。', 'zh'],
    ['ResNet 的主要目标是任意逼近恒等函数', 'zh'],
    // Chinese with English glosses in brackets, full-width or not
    ['过拟合（overfitting）是指模型在训练集上表现好', 'zh'],
    ['过拟合 (overfitting) 是指模型在训练集上表现好但测试集差', 'zh'],
    ['模式崩溃（Mode collapse）是 GAN 训练失败的一种情况，导致生成样本缺乏多样性', 'zh'],
    ['二元交叉熵（Binary cross-entropy）的形式', 'zh'],
    // English
    ['The model overfits the training data.', 'en'],
    ['Sample variations refer to the ability of the GAN to produce diverse outputs.', 'en'],
    ['GAN', 'en'],
    ['A. Input in the generator component of a GAN', 'en'],
    // English with a single Chinese word or gloss
    ['The model overfits the training data, which the notes call 过拟合.', 'en'],
    ['Overfitting (过拟合) happens when the model memorises noise in the training set.', 'en'],
    // No words: math, numbers, single-letter variables
    ['27C² < 49C²', 'neutral'],
    ['0.916', 'neutral'],
    ['x = 3, y = 4', 'neutral'],
    ['z', 'neutral'],
    ['(a) (b) (c)', 'neutral'],
    ['→ ✅ ❌ …', 'neutral'],
    ['', 'neutral'],
    ['   ', 'neutral'],
    // Both
    ['Answer (i) / 答案 (i)', 'mixed'],
    ['Batch Normalization 批归一化', 'mixed'],
    ['Use ReLU 激活函数', 'mixed'],
    ['stop training earlier（提前停止/early stopping）：✅ 防止后期开始记忆噪声', 'mixed'],
  ])('%j → %s', (text, expected) => {
    expect(classifyText(text)).toBe(expected);
  });

  it.each<[string, BlockLanguage]>([
    // A gloss only counts as such next to Chinese: in English text brackets are words.
    ['(overfitting) (regularisation) (dropout)', 'en'],
    // A bracket with Chinese in it is not a gloss: its English counts.
    ['过拟合（overfitting 过拟合 regularisation dropout normalisation）', 'mixed'],
  ])('%j → %s', (text, expected) => {
    expect(classifyText(text)).toBe(expected);
  });
});

describe('languageRuns', () => {
  it('splits Chinese runs, with their CJK punctuation, from the rest, losing nothing', () => {
    const text = 'GAN 的原始论文中，生成器 (G) 写成二元交叉熵（Binary cross-entropy）。Done';
    const runs = languageRuns(text);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs).toEqual([
      { text: 'GAN ', zh: false },
      { text: '的原始论文中，生成器', zh: true },
      { text: ' (G) ', zh: false },
      { text: '写成二元交叉熵（', zh: true },
      // Punctuation after English is not Chinese.
      { text: 'Binary cross-entropy）。Done', zh: false },
    ]);
  });

  it('gives one run for text in one language, and none for empty text', () => {
    expect(languageRuns('only English')).toEqual([{ text: 'only English', zh: false }]);
    expect(languageRuns('只有中文。')).toEqual([{ text: '只有中文。', zh: true }]);
    expect(languageRuns('')).toEqual([]);
  });
});
