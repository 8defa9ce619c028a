import { describe, expect, it } from 'vitest';
import type { LabelKind } from '../../../src/lib/content/schema.ts';
import { createPartNester, parsePartHeading, parsePartLabel } from '../../../src/lib/notes/parts.ts';
import type { Examinability } from '../../../src/lib/content/schema.ts';

describe('parsePartHeading', () => {
  it.each<
    [
      string,
      {
        label: string;
        key: string;
        kind: LabelKind;
        ambiguous: boolean;
        points: number | undefined;
        title: string;
        examinability: Examinability;
      },
    ]
  >([
    [
      '(1) 训练误差低但测试误差高：原因？',
      {
        label: '(1)',
        key: '1',
        kind: 'number',
        ambiguous: false,
        points: undefined,
        title: '训练误差低但测试误差高：原因？',
        examinability: 'unmarked',
      },
    ],
    ['(a)', { label: '(a)', key: 'a', kind: 'letter', ambiguous: false, points: undefined, title: '', examinability: 'unmarked' }],
    [
      '(a) (9 pts) 选择 Precision 或 Recall，并解释',
      {
        label: '(a)',
        key: 'a',
        kind: 'letter',
        ambiguous: false,
        points: 9,
        title: '选择 Precision 或 Recall，并解释',
        examinability: 'unmarked',
      },
    ],
    [
      '(c) (6 pts) 题目分析（中文）',
      { label: '(c)', key: 'c', kind: 'letter', ambiguous: false, points: 6, title: '题目分析（中文）', examinability: 'unmarked' },
    ],
    [
      '(e) (4 pts) Transformer架构的缺点',
      { label: '(e)', key: 'e', kind: 'letter', ambiguous: false, points: 4, title: 'Transformer架构的缺点', examinability: 'unmarked' },
    ],
    [
      '(b) (2 marks) Bias',
      { label: '(b)', key: 'b', kind: 'letter', ambiguous: false, points: 2, title: 'Bias', examinability: 'unmarked' },
    ],
    ['(b) (3分) 偏差', { label: '(b)', key: 'b', kind: 'letter', ambiguous: false, points: 3, title: '偏差', examinability: 'unmarked' }],
    [
      '1.1 为什么测试集最好只用一次？',
      {
        label: '1.1',
        key: '1.1',
        kind: 'dotted',
        ambiguous: false,
        points: undefined,
        title: '为什么测试集最好只用一次？',
        examinability: 'unmarked',
      },
    ],
    [
      '1.2 一种缓解病态损失函数问题的梯度下降变体 （可能不考）',
      {
        label: '1.2',
        key: '1.2',
        kind: 'dotted',
        ambiguous: false,
        points: undefined,
        title: '一种缓解病态损失函数问题的梯度下降变体',
        examinability: 'probably-not-examined',
      },
    ],
    [
      '1.3 LSTM 的三个主要门 (不考)',
      {
        label: '1.3',
        key: '1.3',
        kind: 'dotted',
        ambiguous: false,
        points: undefined,
        title: 'LSTM 的三个主要门',
        examinability: 'not-examined',
      },
    ],
    [
      '(c) ResNet 相关说法 (可能考)',
      {
        label: '(c)',
        key: 'c',
        kind: 'letter',
        ambiguous: false,
        points: undefined,
        title: 'ResNet 相关说法',
        examinability: 'may-be-examined',
      },
    ],
    [
      '(i) Detect driver fatigue to prevent any car accidents.',
      {
        label: '(i)',
        key: 'i',
        kind: 'roman',
        ambiguous: true,
        points: undefined,
        title: 'Detect driver fatigue to prevent any car accidents.',
        examinability: 'unmarked',
      },
    ],
    [
      '(ii) Screen thousands of job applications',
      {
        label: '(ii)',
        key: 'ii',
        kind: 'roman',
        ambiguous: false,
        points: undefined,
        title: 'Screen thousands of job applications',
        examinability: 'unmarked',
      },
    ],
    ['(iv)', { label: '(iv)', key: 'iv', kind: 'roman', ambiguous: false, points: undefined, title: '', examinability: 'unmarked' }],
    ['(v) five', { label: '(v)', key: 'v', kind: 'roman', ambiguous: true, points: undefined, title: 'five', examinability: 'unmarked' }],
    [
      '（a） 全角括号 （不考）',
      { label: '（a）', key: 'a', kind: 'letter', ambiguous: false, points: undefined, title: '全角括号', examinability: 'not-examined' },
    ],
    [
      '( b ) spaced',
      { label: '( b )', key: 'b', kind: 'letter', ambiguous: false, points: undefined, title: 'spaced', examinability: 'unmarked' },
    ],
    [
      '(A) upper',
      { label: '(A)', key: 'A', kind: 'upper', ambiguous: false, points: undefined, title: 'upper', examinability: 'unmarked' },
    ],
    [
      'a) closing bracket only',
      {
        label: 'a)',
        key: 'a',
        kind: 'letter',
        ambiguous: false,
        points: undefined,
        title: 'closing bracket only',
        examinability: 'unmarked',
      },
    ],
    [
      '(10) ten',
      { label: '(10)', key: '10', kind: 'number', ambiguous: false, points: undefined, title: 'ten', examinability: 'unmarked' },
    ],
    [
      '(a) $x^2$ with math',
      { label: '(a)', key: 'a', kind: 'letter', ambiguous: false, points: undefined, title: '$x^2$ with math', examinability: 'unmarked' },
    ],
  ])('%j', (text, expected) => {
    expect(parsePartHeading(text)).toEqual(expected);
  });

  it.each([
    '中文题目分析',
    '中文',
    'English',
    'Answer',
    'Answer (i) / 答案 (i)',
    'Common Convolutional Filters',
    '1. Vertical Edge Detector (e.g., Sobel or Prewitt X-axis)',
    '4. $1 \\times 1$ Convolution Filter (Bottleneck/Channel Mixer)',
    '(PPT) slides',
    '(abc) not a label',
    '(3 pts) points without a label',
    '1.1.x',
    'a)b',
  ])('%j is not a part', (text) => {
    expect(parsePartLabel(text)).toBeUndefined();
    expect(parsePartHeading(text)).toBeUndefined();
  });
});

describe('createPartNester', () => {
  const nest = (labels: string[]): { depth: number; kind: LabelKind; path: string }[] => {
    const nester = createPartNester();
    return labels.map((label) => {
      const part = parsePartLabel(label);
      if (!part) throw new Error(`not a label: ${label}`);
      const { depth, kind, path } = nester(part);
      return { depth, kind, path: path.join('-') };
    });
  };

  it.each<[string, string[], [number, LabelKind, string][]]>([
    [
      'numbered parts',
      ['(1)', '(2)', '(3)', '(4)'],
      [
        [1, 'number', '1'],
        [1, 'number', '2'],
        [1, 'number', '3'],
        [1, 'number', '4'],
      ],
    ],
    [
      'dotted parts',
      ['1.1', '1.2', '1.3'],
      [
        [1, 'dotted', '1.1'],
        [1, 'dotted', '1.2'],
        [1, 'dotted', '1.3'],
      ],
    ],
    [
      'roman sub-parts under letters (Section 1 Q4)',
      ['(a)', '(i)', '(ii)', '(iii)', '(b)', '(i)', '(ii)', '(iii)', '(c)'],
      [
        [1, 'letter', 'a'],
        [2, 'roman', 'a-i'],
        [2, 'roman', 'a-ii'],
        [2, 'roman', 'a-iii'],
        [1, 'letter', 'b'],
        [2, 'roman', 'b-i'],
        [2, 'roman', 'b-ii'],
        [2, 'roman', 'b-iii'],
        [1, 'letter', 'c'],
      ],
    ],
    [
      '(i) after (h) is the next letter',
      ['(g)', '(h)', '(i)', '(j)'],
      [
        [1, 'letter', 'g'],
        [1, 'letter', 'h'],
        [1, 'letter', 'i'],
        [1, 'letter', 'j'],
      ],
    ],
    [
      '(i) after (a) is a roman sub-part',
      ['(a)', '(i)'],
      [
        [1, 'letter', 'a'],
        [2, 'roman', 'a-i'],
      ],
    ],
    [
      '(v) after (u) is a letter',
      ['(t)', '(u)', '(v)'],
      [
        [1, 'letter', 't'],
        [1, 'letter', 'u'],
        [1, 'letter', 'v'],
      ],
    ],
    [
      '(v) after (iv) is roman',
      ['(a)', '(iv)', '(v)'],
      [
        [1, 'letter', 'a'],
        [2, 'roman', 'a-iv'],
        [2, 'roman', 'a-v'],
      ],
    ],
    [
      '(x) after (w) is a letter',
      ['(w)', '(x)'],
      [
        [1, 'letter', 'w'],
        [1, 'letter', 'x'],
      ],
    ],
    [
      'roman parts on their own are top level',
      ['(i)', '(ii)', '(iii)'],
      [
        [1, 'roman', 'i'],
        [1, 'roman', 'ii'],
        [1, 'roman', 'iii'],
      ],
    ],
    [
      'three levels: number, letter, roman',
      ['(1)', '(a)', '(i)', '(ii)', '(b)', '(2)', '(a)'],
      [
        [1, 'number', '1'],
        [2, 'letter', '1-a'],
        [3, 'roman', '1-a-i'],
        [3, 'roman', '1-a-ii'],
        [2, 'letter', '1-b'],
        [1, 'number', '2'],
        [2, 'letter', '2-a'],
      ],
    ],
    [
      'full-width brackets nest like half-width ones',
      ['（a）', '（i）', '(b)'],
      [
        [1, 'letter', 'a'],
        [2, 'roman', 'a-i'],
        [1, 'letter', 'b'],
      ],
    ],
  ])('%s', (_name, labels, expected) => {
    expect(nest(labels)).toEqual(expected.map(([depth, kind, path]) => ({ depth, kind, path })));
  });

  it('starts afresh for each nester', () => {
    const first = createPartNester();
    const a = parsePartLabel('(a)');
    const i = parsePartLabel('(i)');
    if (!a || !i) throw new Error('labels should parse');
    first(a);
    expect(first(i).depth).toBe(2);
    expect(createPartNester()(i).depth).toBe(1);
  });
});

describe('createPartNester with look-ahead and upper case', () => {
  const nest = (keys: string[]): [string, number][] => {
    const labels = keys.map((key) => parsePartLabel(`(${key})`)!);
    const nester = createPartNester();
    return labels.map((label, index) => {
      const { kind, depth } = nester(label, labels[index + 1]);
      return [kind, depth];
    });
  };

  it.each([
    [
      ['a', 'h', 'i', 'j'],
      [
        ['letter', 1],
        ['letter', 1],
        ['letter', 1],
        ['letter', 1],
      ],
    ],
    [
      ['h', 'i', 'ii'],
      [
        ['letter', 1],
        ['roman', 2],
        ['roman', 2],
      ],
    ],
    [
      ['a', 'i', 'ii', 'b'],
      [
        ['letter', 1],
        ['roman', 2],
        ['roman', 2],
        ['letter', 1],
      ],
    ],
    [
      ['I', 'II', 'III'],
      [
        ['upper-roman', 1],
        ['upper-roman', 1],
        ['upper-roman', 1],
      ],
    ],
    [
      ['A', 'I', 'II', 'B'],
      [
        ['upper', 1],
        ['upper-roman', 2],
        ['upper-roman', 2],
        ['upper', 1],
      ],
    ],
    [
      ['H', 'I', 'J'],
      [
        ['upper', 1],
        ['upper', 1],
        ['upper', 1],
      ],
    ],
  ])('%j nests as %j', (keys, expected) => {
    expect(nest(keys)).toEqual(expected);
  });
});
