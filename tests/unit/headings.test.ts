import { describe, expect, it } from 'vitest';
import { paperSlug, questionId } from '../../src/lib/content/ids.ts';
import type { Examinability } from '../../src/lib/content/schema.ts';
import {
  isScopeSection,
  paperLabel,
  parsePaper,
  parseQuestionHeading,
  parseSectionHeading,
  parseSmallNumber,
  splitExaminability,
  type Paper,
  type SectionHeading,
} from '../../src/lib/notes/headings.ts';

describe('parseSectionHeading', () => {
  it.each<[string, SectionHeading | undefined]>([
    ['Section 0 Scope', { number: 0, title: 'Scope' }],
    ['Section 1 DeepLearning Basis', { number: 1, title: 'DeepLearning Basis' }],
    ['Section 3 Convolutional Neural Networks', { number: 3, title: 'Convolutional Neural Networks' }],
    ['Section 2 深度学习', { number: 2, title: '深度学习' }],
    ['Section 1 线性模型', { number: 1, title: '线性模型' }],
    ['section 4: Large Language Model', { number: 4, title: 'Large Language Model' }],
    ['Chapter 5 – GANs', { number: 5, title: 'GANs' }],
    ['Part 2', { number: 2, title: '' }],
    ['第一章 深度学习基础', { number: 1, title: '深度学习基础' }],
    ['第二章：卷积神经网络', { number: 2, title: '卷积神经网络' }],
    ['第十二讲 总结', { number: 12, title: '总结' }],
    ['第 3 节 注意力机制', { number: 3, title: '注意力机制' }],
    ['第二十一章 附录', { number: 21, title: '附录' }],
    ['DASC7606 Final - summarized by hyperloop', undefined],
    ['Sections overview', undefined],
    ['Section A', undefined],
    ['Answer', undefined],
  ])('%j', (text, expected) => {
    expect(parseSectionHeading(text)).toEqual(expected);
  });
});

describe('parseSmallNumber', () => {
  it.each<[string, number | undefined]>([
    ['0', 0],
    ['12', 12],
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['百', undefined],
    ['x', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseSmallNumber(text)).toBe(expected);
  });
});

describe('isScopeSection', () => {
  it.each<[SectionHeading, boolean]>([
    [{ number: 0, title: 'Scope' }, true],
    [{ number: 0, title: '考试范围' }, true],
    [{ number: 7, title: 'Exam Scope' }, true],
    [{ number: 1, title: '考试范围' }, true],
    [{ number: 1, title: 'DeepLearning Basis' }, false],
    [{ number: 2, title: 'Scope of attention' }, false],
  ])('%j → %j', (section, expected) => {
    expect(isScopeSection(section)).toBe(expected);
  });
});

describe('splitExaminability', () => {
  it.each<[string, string, Examinability]>([
    ['零中心激活函数的优势 (不考)', '零中心激活函数的优势', 'not-examined'],
    ['零中心激活函数的优势（不考）', '零中心激活函数的优势', 'not-examined'],
    ['ResNet 相关说法 (可能考)', 'ResNet 相关说法', 'may-be-examined'],
    ['ResNet 相关说法（可能考）', 'ResNet 相关说法', 'may-be-examined'],
    ['一种缓解病态损失函数问题的梯度下降变体 （可能不考）', '一种缓解病态损失函数问题的梯度下降变体', 'probably-not-examined'],
    ['梯度下降变体 (可能不考)', '梯度下降变体', 'probably-not-examined'],
    ['mixed brackets (不考）', 'mixed brackets', 'not-examined'],
    ['LSTM gates (not examined)', 'LSTM gates', 'not-examined'],
    ['Mode collapse (PPT)', 'Mode collapse (PPT)', 'unmarked'],
    ['(不考) only at the end counts', '(不考) only at the end counts', 'unmarked'],
    ['  plain title  ', 'plain title', 'unmarked'],
  ])('%j', (text, title, examinability) => {
    const result = splitExaminability(text);
    expect(result.text).toBe(title);
    expect(result.examinability).toBe(examinability);
  });

  it('keeps the marker as written', () => {
    expect(splitExaminability('变体 （可能不考）').marker).toBe('（可能不考）');
    expect(splitExaminability('title').marker).toBeUndefined();
  });
});

describe('parseQuestionHeading', () => {
  it.each<[string, string, Paper | undefined, string, Examinability]>([
    ['Q1 2024 May ABC', '1', { year: 2024, sitting: 'May', variant: 'ABC' }, '', 'unmarked'],
    ['Q6 2022 May 1', '6', { year: 2022, sitting: 'May', variant: '1' }, '', 'unmarked'],
    ['Q3 2022 May 2', '3', { year: 2022, sitting: 'May', variant: '2' }, '', 'unmarked'],
    ['Q2 2024 Dec C', '2', { year: 2024, sitting: 'Dec', variant: 'C' }, '', 'unmarked'],
    ['Q3 2024 Dec ABD', '3', { year: 2024, sitting: 'Dec', variant: 'ABD' }, '', 'unmarked'],
    ['Q1 2025 May', '1', { year: 2025, sitting: 'May' }, '', 'unmarked'],
    ['Q4 2023 Oct Midterm review', '4', { year: 2023, sitting: 'Oct' }, 'Midterm review', 'unmarked'],
    ['Q5 2023 May D (不考)', '5', { year: 2023, sitting: 'May', variant: 'D' }, '', 'not-examined'],
    ['Q12', '12', undefined, '', 'unmarked'],
    ['Q3b 2024 May', '3b', { year: 2024, sitting: 'May' }, '', 'unmarked'],
    ['Q7: Backpropagation', '7', undefined, 'Backpropagation', 'unmarked'],
    ['Question 2 2021 Dec', '2', { year: 2021, sitting: 'Dec' }, '', 'unmarked'],
    ['第3题 2024 May', '3', { year: 2024, sitting: 'May' }, '', 'unmarked'],
  ])('%j', (text, number, paper, title, examinability) => {
    const heading = parseQuestionHeading(text);
    expect(heading).toBeDefined();
    expect(heading?.number).toBe(number);
    expect(heading?.paper).toEqual(paper);
    expect(heading?.title).toBe(title);
    expect(heading?.examinability).toBe(examinability);
  });

  it('gives no variant key for a paper written without one', () => {
    expect(parseQuestionHeading('Q1 2025 May')?.paper).not.toHaveProperty('variant');
    // Variants are a few letters A-F or a number; a topic word after the sitting is the title.
    expect(parseQuestionHeading('Q1 2025 May GAN')).toMatchObject({ paper: { year: 2025, sitting: 'May' }, title: 'GAN' });
    expect(parseQuestionHeading('Q1 2025 May GAN')?.paper).not.toHaveProperty('variant');
  });

  it.each(['Answer', 'Answer by DS', 'Quiz 1', '中文', 'Common Convolutional Filters', 'Q', 'QA session'])(
    '%j is not a question',
    (text) => {
      expect(parseQuestionHeading(text)).toBeUndefined();
    },
  );
});

describe('parsePaper', () => {
  it.each<[string, Paper | undefined, string]>([
    ['2024 May ABC', { year: 2024, sitting: 'May', variant: 'ABC' }, ''],
    ['2022 May 1', { year: 2022, sitting: 'May', variant: '1' }, ''],
    ['2025 May', { year: 2025, sitting: 'May' }, ''],
    ['2023 Oct', { year: 2023, sitting: 'Oct' }, ''],
    ['2023 Fall A Regularisation', { year: 2023, sitting: 'Fall', variant: 'A' }, 'Regularisation'],
    ['May 2024', undefined, 'May 2024'],
    ['1999 Foo', undefined, '1999 Foo'],
    ['Backprop basics', undefined, 'Backprop basics'],
  ])('%j', (text, paper, title) => {
    const result = parsePaper(text);
    expect(result.paper).toEqual(paper);
    expect(result.title).toBe(title);
  });
});

describe('paper labels and question ids', () => {
  it.each<[Paper, string, string]>([
    [{ year: 2024, sitting: 'May', variant: 'ABC' }, '2024 May ABC', '2024-may-abc'],
    [{ year: 2022, sitting: 'May', variant: '1' }, '2022 May 1', '2022-may-1'],
    [{ year: 2025, sitting: 'May' }, '2025 May', '2025-may'],
  ])('%j', (paper, label, slug) => {
    expect(paperLabel(paper)).toBe(label);
    expect(paperSlug({ label })).toBe(slug);
  });

  it.each<[number, string, Paper | undefined, string]>([
    [1, '1', { year: 2024, sitting: 'May', variant: 'ABC' }, 's1-2024-may-abc-q1'],
    [4, '5', { year: 2025, sitting: 'May' }, 's4-2025-may-q5'],
    [3, '8', { year: 2022, sitting: 'May', variant: '1' }, 's3-2022-may-1-q8'],
    [2, '3b', undefined, 's2-no-paper-q3b'],
  ])('section %j, number %j, %j → %j', (section, number, paper, id) => {
    expect(questionId(section, number, paper && { label: paperLabel(paper) })).toBe(id);
  });
});
