/**
 * Realistic queries over the user's notes and the question each must return in its top 3,
 * written from reading the notes: English, Chinese, mixed, typos, multi-word.
 */
export interface QueryCase {
  query: string;
  /** "<course>/<question id>" */
  expected: string;
  kind: 'english' | 'chinese' | 'mixed' | 'typo' | 'multi-word';
}

const own = (id: string): string => `dasc7606/${id}`;
/** The second course, imported from tests/fixtures/notes/ml-midterm.md. */
const fixture = (id: string): string => `ml-midterm/${id}`;

export const QUERIES: QueryCase[] = [
  { query: 'mode collapse', expected: own('s5-2024-may-abc-q2'), kind: 'multi-word' },
  { query: '过拟合', expected: own('s1-2024-may-abc-q1'), kind: 'chinese' },
  { query: '梯度裁剪', expected: own('s1-2023-may-abc-q4'), kind: 'chinese' },
  { query: '感受野', expected: own('s3-2025-may-q1'), kind: 'chinese' },
  { query: '遗忘门', expected: own('s1-2024-may-d-q3'), kind: 'chinese' },
  { query: '图灵测试', expected: own('s5-2024-may-abc-q2'), kind: 'chinese' },
  { query: '遮挡敏感性', expected: own('s4-2025-may-q5'), kind: 'chinese' },
  { query: '测试集只用一次', expected: own('s1-2024-may-d-q3'), kind: 'chinese' },
  { query: '测试误差低于训练误差', expected: own('s1-2024-may-abc-q1'), kind: 'chinese' },
  { query: '零中心', expected: own('s1-2024-dec-c-q2'), kind: 'chinese' },
  { query: 'stop training earlier', expected: own('s1-2024-may-abc-q1'), kind: 'multi-word' },
  { query: 'L1 loss', expected: own('s5-2022-may-2-q3'), kind: 'multi-word' },
  { query: 'BERT masking', expected: own('s4-2025-may-q5'), kind: 'multi-word' },
  { query: 'precision recall fire alarm', expected: own('s1-2023-may-abc-q4'), kind: 'multi-word' },
  { query: 'residual connection', expected: own('s3-2025-may-q1'), kind: 'multi-word' },
  { query: 'padding stride', expected: own('s3-2025-may-q1'), kind: 'multi-word' },
  { query: 'ill-conditioned momentum', expected: own('s1-2024-may-d-q3'), kind: 'multi-word' },
  { query: 'encoder decoder attention', expected: own('s4-2024-dec-abd-q3'), kind: 'multi-word' },
  { query: 'query key value supermarket', expected: own('s4-2024-dec-abd-q3'), kind: 'multi-word' },
  { query: 'Uber', expected: own('s4-2024-dec-abd-q3'), kind: 'english' },
  { query: 'horizontal edge detector', expected: own('s3-2024-dec-abd-q3'), kind: 'multi-word' },
  { query: 'Inception GoogleNet', expected: own('s3-2025-may-q1'), kind: 'multi-word' },
  { query: 'U-Net Pix2Pix', expected: own('s5-2024-may-abc-q2'), kind: 'english' },
  { query: 'positional encoding', expected: own('s4-2024-dec-abd-q3'), kind: 'multi-word' },
  { query: 'self attention dog embedding', expected: own('s4-2025-may-q1'), kind: 'multi-word' },
  { query: 'batch size iterations', expected: own('s1-2024-may-abc-q1'), kind: 'multi-word' },
  { query: 'bottelneck', expected: own('s3-2025-may-q1'), kind: 'typo' },
  { query: 'discrimnator loss', expected: own('s5-2022-may-2-q3'), kind: 'typo' },
  { query: 'trasnformer disadvantages', expected: own('s4-2024-dec-abd-q3'), kind: 'typo' },
  { query: 'dataleakage', expected: own('s1-2024-may-abc-q1'), kind: 'typo' },
  { query: 'mode colapse', expected: own('s5-2025-may-q1'), kind: 'typo' },
  { query: '1x1 卷积 降维', expected: own('s3-2025-may-q1'), kind: 'mixed' },
  { query: 'GAN 交叉熵', expected: own('s5-2025-may-q1'), kind: 'mixed' },
  { query: 'ReLU 激活函数', expected: own('s3-2024-dec-abd-q3'), kind: 'mixed' },
  { query: 'exploding gradients 学习率', expected: own('s1-2023-may-abc-q4'), kind: 'mixed' },
];

/** Queries over the second course: search must work for any notes in this style, not only the user's. */
export const FIXTURE_QUERIES: QueryCase[] = [
  { query: '交叉验证', expected: fixture('s1-2023-oct-a-q1'), kind: 'chinese' },
  { query: 'weight decay', expected: fixture('s1-2023-oct-a-q1'), kind: 'multi-word' },
  { query: '信息增益', expected: fixture('s2-2023-oct-a-q1'), kind: 'chinese' },
  { query: 'random forest variance', expected: fixture('s2-2024-mar-b-q2'), kind: 'multi-word' },
  { query: '伪残差', expected: fixture('s2-2023-oct-a-q4'), kind: 'chinese' },
];
