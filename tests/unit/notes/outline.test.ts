import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { inlineText, sourceOfParagraph, splitSourceParagraph } from '../../../src/lib/notes/outline.ts';
import { outlineOf, type Shape } from '../helpers/outline-shape.ts';

const md = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('buildOutline: structure', () => {
  it.each<[string, string, Shape[]]>([
    [
      'numbered parts after a wrong-level "## Answer"',
      md('![Q3](./2024MayABC/7.png)', '', '## Answer', '', '### (1) 原因？', 'text one', '', '### (2) 为什么？', 'text two'),
      [
        'screenshot',
        'answer-heading: Answer',
        { part: '1', children: ['content: text one'] },
        { part: '2', children: ['content: text two'] },
      ],
    ],
    [
      'a question going straight to its parts, with non-part headings and sub-parts',
      md(
        '![Q9](./2023MayABC/1.png)',
        '',
        '### (a) (9 pts) 选择',
        '',
        '### 中文题目分析',
        '核心',
        '',
        '### (i) Detect',
        'Recall',
        '',
        '### (ii) Screen',
        'Precision',
        '',
        '### (b) (9 pts) 训练',
        '',
        '### (i) Training',
        'Underfitting',
      ),
      [
        'screenshot',
        {
          part: 'a',
          children: [
            'heading: 中文题目分析',
            'content: 核心',
            { part: 'a-i', children: ['content: Recall'] },
            { part: 'a-ii', children: ['content: Precision'] },
          ],
        },
        { part: 'b', children: [{ part: 'b-i', children: ['content: Underfitting'] }] },
      ],
    ],
    [
      '"### Answer (i) / 答案 (i)" and "### 中文" are headings inside the part, not parts',
      md(
        '### (c) (6 pts) 题目分析（中文）',
        'intro',
        '',
        '### Answer (i) / 答案 (i)',
        '### 中文',
        '对抗样本',
        '',
        '### English',
        'Adversarial',
        '',
        '### Answer (ii) / 答案 (ii)',
        '### 中文',
        '特征',
      ),
      [
        {
          part: 'c',
          children: [
            'content: intro',
            'heading: Answer (i) / 答案 (i)',
            'heading: 中文',
            'content: 对抗样本',
            'heading: English',
            'content: Adversarial',
            'heading: Answer (ii) / 答案 (ii)',
            'heading: 中文',
            'content: 特征',
          ],
        },
      ],
    ],
    [
      '"---" ends a part: headings after it belong to the question again',
      md(
        '### (c)',
        'ReLU',
        '',
        '---',
        '',
        '### Common Convolutional Filters',
        '',
        '### 1. Vertical Edge Detector',
        'Sobel',
        '',
        '### 4. $1 \\times 1$ Convolution Filter',
        'bottleneck',
      ),
      [
        { part: 'c', children: ['content: ReLU'] },
        'rule',
        'heading: Common Convolutional Filters',
        'heading: 1. Vertical Edge Detector',
        'content: Sobel',
        'heading: 4. 1 \\times 1 Convolution Filter',
        'content: bottleneck',
      ],
    ],
    [
      'part-level variants, including a joint "Gemini&GPT" source',
      md(
        '### (b)',
        '',
        '**DeepSeek**',
        '',
        'A 对',
        '',
        '**Gemini**',
        '',
        'A and D',
        '',
        '### (c)',
        '',
        '**DeepSeek**',
        '',
        '* B 对',
        '',
        '**Gemini&GPT**',
        '',
        'Select D',
      ),
      [
        {
          part: 'b',
          children: [
            {
              variants: 'part',
              items: [
                { source: 'DeepSeek', children: ['content: A 对'] },
                { source: 'Gemini', children: ['content: A and D'] },
              ],
            },
          ],
        },
        {
          part: 'c',
          children: [
            {
              variants: 'part',
              items: [
                { source: 'DeepSeek', children: ['content: B 对'] },
                { source: 'Gemini & GPT', children: ['content: Select D'] },
              ],
            },
          ],
        },
      ],
    ],
    [
      'a source label followed by its answer on the next line of the same paragraph',
      md('### (b)', '', '**Gemini**', '', 'A and D', '', '**GPT**', 'A: The random noise vector', '', 'So the best set: A, C, D'),
      [
        {
          part: 'b',
          children: [
            {
              variants: 'part',
              items: [
                { source: 'Gemini', children: ['content: A and D'] },
                { source: 'GPT', children: ['content: So the best set: A, C, D'] },
              ],
            },
          ],
        },
      ],
    ],
    [
      'question-level "Answer by" variants, each with its own parts',
      md(
        '![Q4](./2024DecABD/7.png)',
        '',
        '### Answer by DS',
        '',
        '### (a) (6 pts) 优点',
        '答案',
        '',
        '![Q4](./2024DecABD/9.png)',
        '',
        '### (b) (4 pts) 如何解决',
        '答案',
        '',
        '---',
        '',
        '### Answer by GPT',
        '',
        '### (a) (6 pts) Advantages',
        'Parallel',
        '',
        '### (b) (4 pts) How',
        'Removes',
      ),
      [
        'screenshot',
        {
          variants: 'question',
          items: [
            {
              source: 'DeepSeek',
              children: [
                { part: 'deepseek-a', children: ['content: 答案', 'screenshot'] },
                { part: 'deepseek-b', children: ['content: 答案'] },
                'rule',
              ],
            },
            {
              source: 'GPT',
              children: [
                { part: 'gpt-a', children: ['content: Parallel'] },
                { part: 'gpt-b', children: ['content: Removes'] },
              ],
            },
          ],
        },
      ],
    ],
    [
      'bold paragraphs that are not sources stay content',
      md(
        '### (1) 原因',
        '**原因：过拟合（overfitting）**  ',
        '模型容量',
        '',
        '**English answer**：  ',
        'Because',
        '',
        '**GPT** says something else',
      ),
      [
        {
          part: '1',
          children: [
            'content: 原因：过拟合（overfitting）模型容量',
            'content: English answer：Because',
            'content: GPT says something else',
          ],
        },
      ],
    ],
    ['screenshots only', md('![Q2](./2023MayABC/5.png)', '![Q2](./2023MayABC/6.png)', '![Q2](./2023MayABC/7.png)'), ['screenshot']],
  ])('%s', (_name, markdown, expected) => {
    expect(outlineOf(markdown).shape).toEqual(expected);
  });
});

describe('buildOutline: parts, variants and answers', () => {
  it('lists parts with depth, points, examinability, variant and sources', () => {
    const { outline } = outlineOf(
      md(
        '### Answer by DS',
        '### (a) (6 pts) 优点 (不考)',
        'x',
        '### (i) 细节',
        'y',
        '### Answer by GPT',
        '### (a) (6 pts) Advantages （可能不考）',
        '**DeepSeek**',
        '',
        'p',
        '',
        '**GPT**',
        '',
        'q',
      ),
    );
    expect(outline.variants).toEqual(['DeepSeek', 'GPT']);
    expect(outline.parts).toEqual([
      {
        anchor: 'deepseek-a',
        label: '(a)',
        kind: 'letter',
        depth: 1,
        points: 6,
        title: '优点',
        examinability: 'not-examined',
        variant: 'DeepSeek',
        sources: [],
        hasAnswer: true,
      },
      {
        anchor: 'deepseek-a-i',
        label: '(i)',
        kind: 'roman',
        depth: 2,
        points: undefined,
        title: '细节',
        examinability: 'unmarked',
        variant: 'DeepSeek',
        sources: [],
        hasAnswer: true,
      },
      {
        anchor: 'gpt-a',
        label: '(a)',
        kind: 'letter',
        depth: 1,
        points: 6,
        title: 'Advantages',
        examinability: 'probably-not-examined',
        variant: 'GPT',
        sources: ['DeepSeek', 'GPT'],
        hasAnswer: true,
      },
    ]);
  });

  it.each<[string, string, boolean, boolean[]]>([
    ['screenshots only', md('![Q1](./a.png)', '![Q1](./b.png)'), false, []],
    ['an answer heading with nothing under it', md('![Q1](./a.png)', '', '### Answer'), false, []],
    ['parts with headings but no text', md('### (a)', '### (b)', '![x](./c.png)'), false, [false, false]],
    ['text under one part only', md('### (a)', 'answer', '### (b)'), true, [true, false]],
    ['a parent part whose sub-part has the answer', md('### (a)', '### (i)', 'answer'), true, [true, true]],
    ['text with no parts at all', md('![Q1](./a.png)', '', 'The answer is 42.'), true, []],
    ['a variant whose only text shares the label paragraph', md('### (a)', '**GPT**', 'The answer'), true, [true]],
    ['a variant label with nothing after it', md('### (a)', '**GPT**'), false, [false]],
    ['only a rule', md('---'), false, []],
  ])('hasAnswer for %s', (_name, markdown, hasAnswer, partAnswers) => {
    const { outline } = outlineOf(markdown);
    expect(outline.hasAnswer).toBe(hasAnswer);
    expect(outline.parts.map((part) => part.hasAnswer)).toEqual(partAnswers);
  });

  it('gives every part an anchor that is unique within the question', () => {
    const { outline } = outlineOf(
      md(
        '### Answer by DS',
        '### (a)',
        'x',
        '### (i)',
        'x',
        '### (b)',
        '### (i)',
        'x',
        '### Answer by GPT',
        '### (a)',
        'x',
        '### (i)',
        'x',
      ),
    );
    const anchors = outline.parts.map((part) => part.anchor);
    expect(anchors).toEqual(['deepseek-a', 'deepseek-a-i', 'deepseek-b', 'deepseek-b-i', 'gpt-a', 'gpt-a-i']);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('paragraph source labels', () => {
  const paragraph = (markdown: string): Paragraph => {
    const [first] = parseMarkdown(markdown).children;
    if (first?.type !== 'paragraph') throw new Error('expected a paragraph');
    return first;
  };

  it.each<[string, string | undefined, string]>([
    ['**DeepSeek**', 'DeepSeek', ''],
    ['**Gemini&GPT**', 'Gemini & GPT', ''],
    ['**GPT**\nA: The random noise vector', 'GPT', 'A: The random noise vector'],
    ['**GPT**  \nhard break then text', 'GPT', 'hard break then text'],
    ['**GPT**:\ncolon then text', 'GPT', 'colon then text'],
    ['**GPT：**', 'GPT', ''],
    ['**GPT** says so', undefined, ''],
    ['**GPT**: on the same line', undefined, ''],
    ['**English answer**：  \nBecause', undefined, ''],
    ['Plain **GPT**', undefined, ''],
  ])('%j', (markdown, source, rest) => {
    const node = paragraph(markdown);
    expect(sourceOfParagraph(node)).toBe(source);
    const split = splitSourceParagraph(node);
    expect(split?.source).toBe(source);
    if (split) expect(inlineText(split.rest)).toBe(rest);
  });
});

describe('inlineText', () => {
  it.each([
    ['Filter $1 \\times 1$ Convolution', 'Filter $1 \\times 1$ Convolution'],
    ['use `L2` **weight** *decay*', 'use `L2` weight decay'],
    ['[link](http://x) text', 'link text'],
  ])('%j', (markdown, expected) => {
    const [first] = parseMarkdown(markdown).children;
    expect(first?.type === 'paragraph' ? inlineText(first.children) : undefined).toBe(expected);
  });
});

describe('buildOutline: screenshots after the last part', () => {
  it.each<[string, string, Shape[]]>([
    [
      'further pages after the last answered part move out of it (2024 May D Q3)',
      md(
        '### 1.2 变体',
        'Momentum',
        '',
        '### 1.3 LSTM 的三个主要门 (不考)',
        'Input gate',
        '',
        '![Q8](./2024MayD/6.png)',
        '![Q8](./2024MayD/7.png)',
        '',
        '---',
      ),
      [{ part: '1-2', children: ['content: Momentum'] }, { part: '1-3', children: ['content: Input gate'] }, 'screenshot', 'rule'],
    ],
    [
      "a screenshot before the last part's answer stays its statement",
      md('### (a)', 'text', '', '### (b)', '![Q2](./x/1.png)', '', 'answer'),
      [
        { part: 'a', children: ['content: text'] },
        { part: 'b', children: ['screenshot', 'content: answer'] },
      ],
    ],
    [
      'screenshots inside an earlier part stay there (GAN Q2 (a))',
      md('### (a)', 'text', '', '![Q2](./x/10.png)', '', '### (b)', 'more'),
      [
        { part: 'a', children: ['content: text', 'screenshot'] },
        { part: 'b', children: ['content: more'] },
      ],
    ],
  ])('%s', (_name, markdown, expected) => {
    expect(outlineOf(markdown).shape).toEqual(expected);
  });
});
