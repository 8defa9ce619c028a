/**
 * Synthetic revision notes in the style of the user's: sections of past-paper questions with
 * screenshots, bilingual answers, inline and display math at the same density, parts with
 * examinability markers, answer variants, tables. Deterministic for a seed, for the benchmark.
 */

/** Mulberry32: a small seeded generator, so every run benchmarks the same notes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS: [string, string][] = [
  ['overfitting', '过拟合'],
  ['regularization', '正则化'],
  ['gradient descent', '梯度下降'],
  ['learning rate', '学习率'],
  ['batch normalization', '批归一化'],
  ['dropout', '随机失活'],
  ['receptive field', '感受野'],
  ['residual connection', '残差连接'],
  ['attention', '注意力'],
  ['embedding', '嵌入'],
  ['cross-entropy loss', '交叉熵损失'],
  ['mode collapse', '模式崩溃'],
  ['vanishing gradient', '梯度消失'],
  ['gradient clipping', '梯度裁剪'],
  ['data augmentation', '数据增强'],
  ['early stopping', '提前停止'],
  ['bias-variance tradeoff', '偏差方差权衡'],
  ['cross-validation', '交叉验证'],
  ['convolution', '卷积'],
  ['pooling', '池化'],
  ['recurrent network', '循环网络'],
  ['transformer', '变换器'],
  ['generator', '生成器'],
  ['discriminator', '判别器'],
];
const EN = [
  'The key idea is that {t} changes how the model generalizes to unseen data.',
  'In practice, {t} is tuned on a validation set rather than on the test set.',
  'A common mistake is to confuse {t} with {u}; the two address different problems.',
  'When training is unstable, check {t} first, then look at {u}.',
  'The exam usually asks why {t} helps and what it costs in computation.',
];
const ZH = [
  '核心思想是{t}会改变模型在未见数据上的泛化能力。',
  '实际中{t}应在验证集上调整，而不是在测试集上。',
  '常见错误是把{t}和{u}混为一谈，二者解决的问题不同。',
  '训练不稳定时，先检查{t}，再看{u}。',
  '考试常问{t}为什么有效，以及它的计算代价。',
];
const INLINE = [
  '$\\frac{1}{N}\\sum_{i=1}^{N} x_i$',
  '$O(n^2)$',
  '$\\lambda \\|W\\|^2$',
  '$-\\log(1 - D(G(z)))$',
  '$3 \\times 3$',
  '$\\sigma(x)$',
  '$\\mathbf{W}x + b$',
];
const DISPLAY = [
  'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i) \\right]',
  '\\begin{pmatrix} 1 & 0 & -1 \\\\ 2 & 0 & -2 \\\\ 1 & 0 & -1 \\end{pmatrix}',
  'H_{out} = \\frac{H_{in} + 2P - K}{S} + 1',
  '\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L(\\theta_t)',
];
const SITTINGS = ['May', 'Dec'];
const VARIANTS = ['ABC', 'D', 'C', '1', '2', undefined];
const MARKERS = ['', '', '', '', '', '', '', ' (不考)', ' (可能考)', ' （可能不考）'];

export interface SyntheticCourse {
  title: string;
  questions: number;
  seed: number;
}

export function syntheticNotes({ title, questions, seed }: SyntheticCourse): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const term = (): [string, string] => pick(TERMS);
  const sentence = (bank: string[], zh: boolean): string => {
    const [a, b] = [term(), term()];
    return pick(bank)
      .replace('{t}', zh ? a[1] : a[0])
      .replace('{u}', zh ? b[1] : b[0]);
  };
  const paragraph = (zh: boolean): string => {
    const parts = [sentence(zh ? ZH : EN, zh), sentence(zh ? ZH : EN, zh)];
    if (next() < 0.6) parts.push(`${zh ? '例如' : 'For example,'} ${pick(INLINE)} ${zh ? '给出' : 'gives'} ${pick(INLINE)}.`);
    return parts.join(zh ? '' : ' ');
  };
  const lines: string[] = [`# ${title}`, '', '# Section 0 Scope', '', '![Scope](./Scope.png)', ''];
  const sectionCount = Math.max(1, Math.min(10, Math.round(questions / 30)));
  let made = 0;
  for (let section = 1; section <= sectionCount; section++) {
    const inSection = Math.round((questions * section) / sectionCount) - made;
    const [topic] = term();
    lines.push(`# Section ${section} ${topic.replace(/\b\w/g, (c) => c.toUpperCase())}`, '');
    for (let number = 1; number <= inSection; number++) {
      made += 1;
      const year = 2019 + Math.floor(next() * 7);
      const sitting = pick(SITTINGS);
      const variant = pick(VARIANTS);
      const folder = `${year}${sitting}${variant ?? ''}`;
      lines.push(`## Q${number} ${year} ${sitting}${variant ? ` ${variant}` : ''}`, '');
      const shots = 1 + Math.floor(next() * 2);
      for (let shot = 1; shot <= shots; shot++) lines.push(`![Q${number}](./${folder}/${made}-${shot}.png)`);
      lines.push('');
      if (next() < 0.48) continue; // about half the questions are screenshots only, like the user's
      lines.push('### Answer', '');
      const byModel = next() < 0.05;
      const models = byModel ? ['DS', 'GPT'] : [undefined];
      for (const model of models) {
        if (model) lines.push(`### Answer by ${model}`, '');
        const partCount = 2 + Math.floor(next() * 4);
        for (let part = 0; part < partCount; part++) {
          const label = String.fromCharCode(97 + part);
          lines.push(`### (${label}) ${sentence(EN, false).split(' ').slice(0, 6).join(' ')}${pick(MARKERS)}`, '');
          if (!byModel && next() < 0.15) {
            lines.push('**DeepSeek**', '', paragraph(true), '', '**GPT**', paragraph(false), '');
          } else {
            lines.push(paragraph(true), '', paragraph(true), '', paragraph(false), '', paragraph(false), '');
          }
          if (next() < 0.35) lines.push('$$', pick(DISPLAY), '$$', '');
          if (next() < 0.25) lines.push(`1. **${term()[0]}**：${sentence(ZH, true)}`, `2. **${term()[0]}**: ${sentence(EN, false)}`, '');
        }
        if (next() < 0.05) {
          lines.push(
            '| Concept | What it is |',
            '| --- | --- |',
            `| **${term()[0]}** | ${sentence(EN, false)} |`,
            `| **${term()[0]}** | ${sentence(EN, false)} |`,
            '',
          );
        }
        if (model) lines.push('---', '');
      }
      lines.push('---', '');
    }
  }
  return `${lines.join('\n')}\n`;
}
