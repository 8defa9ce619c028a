import { describe, expect, it } from 'vitest';
import { paperSlug, questionId } from '../../../src/lib/content/ids.ts';
import type { Examinability, Paper } from '../../../src/lib/content/schema.ts';
import {
  isScopeSection,
  paperLabel,
  parsePaper,
  parsePaperHeading,
  parsePartOnlyHeading,
  parseQuestionHeading,
  parseSectionHeading,
  splitExaminability,
  type SectionHeading,
} from '../../../src/lib/notes/headings.ts';
import { parseSmallNumber } from '../../../src/lib/content/numerals.ts';

describe('parseSectionHeading', () => {
  it.each<[string, SectionHeading | undefined]>([
    ['Section 0 Scope', { number: 0, label: 'Section 0', title: 'Scope' }],
    ['Section 1 DeepLearning Basis', { number: 1, label: 'Section 1', title: 'DeepLearning Basis' }],
    ['Section 3 Convolutional Neural Networks', { number: 3, label: 'Section 3', title: 'Convolutional Neural Networks' }],
    ['Section 2 深度学习', { number: 2, label: 'Section 2', title: '深度学习' }],
    ['section 4: Large Language Model', { number: 4, label: 'section 4', title: 'Large Language Model' }],
    ['Chapter 5 – GANs', { number: 5, label: 'Chapter 5', title: 'GANs' }],
    ['Chapter 4', { number: 4, label: 'Chapter 4', title: '' }],
    ['Part 2', { number: 2, label: 'Part 2', title: '' }],
    ['Part B', { number: 2, label: 'Part B', title: '' }],
    ['Part IV Review', { number: 4, label: 'Part IV', title: 'Review' }],
    ['Part I', { number: 1, label: 'Part I', title: '' }],
    ['Section A', { number: 1, label: 'Section A', title: '' }],
    ['Lecture 2: Class & Object', { number: 2, label: 'Lecture 2', title: 'Class & Object' }],
    ['Week 5', { number: 5, label: 'Week 5', title: '' }],
    ['Unit 3 Eigenvalues', { number: 3, label: 'Unit 3', title: 'Eigenvalues' }],
    ['Topic 7 — Regression', { number: 7, label: 'Topic 7', title: 'Regression' }],
    ['第一章 深度学习基础', { number: 1, label: '第一章', title: '深度学习基础' }],
    ['第3章 卷积', { number: 3, label: '第3章', title: '卷积' }],
    ['第二章：卷积神经网络', { number: 2, label: '第二章', title: '卷积神经网络' }],
    ['第十二讲 总结', { number: 12, label: '第十二讲', title: '总结' }],
    ['第 3 节 注意力机制', { number: 3, label: '第 3 节', title: '注意力机制' }],
    ['第二十一章 附录', { number: 21, label: '第二十一章', title: '附录' }],
    ['第一部分 选择题(每题 4 分)', { number: 1, label: '第一部分', title: '选择题(每题 4 分)' }],
    ['一、选择题（每小题 2 分，共 20 分）', { number: 1, label: '一、', title: '选择题（每小题 2 分，共 20 分）' }],
    ['（三）计算题', { number: 3, label: '（三）', title: '计算题' }],
    ['选择题', { label: '', title: '选择题' }],
    ['计算题（共 30 分）', { label: '', title: '计算题（共 30 分）' }],
    ['简答题', { label: '', title: '简答题' }],
    ['Multiple choice questions', { label: '', title: 'Multiple choice questions' }],
    ['DASC7606 Final - summarized by hyperloop', undefined],
    ['Sections overview', undefined],
    ['Part of speech tagging', undefined],
    ['Chain rule', undefined],
    ['Answer', undefined],
    ['Q1 2024 May ABC', undefined],
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
  it.each<[{ number?: number; title: string }, boolean]>([
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
  const paper = (year: number, sitting: string, variant?: string): Paper => ({
    year,
    sitting,
    ...(variant === undefined ? {} : { variant }),
    label: [year, sitting, variant].filter(Boolean).join(' '),
  });
  it.each<[string, string, Paper | undefined, string, Examinability, boolean]>([
    ['Q1 2024 May ABC', '1', paper(2024, 'May', 'ABC'), '', 'unmarked', true],
    ['Q6 2022 May 1', '6', paper(2022, 'May', '1'), '', 'unmarked', true],
    ['Q3 2022 May 2', '3', paper(2022, 'May', '2'), '', 'unmarked', true],
    ['Q2 2024 Dec C', '2', paper(2024, 'Dec', 'C'), '', 'unmarked', true],
    ['Q3 2024 Dec ABD', '3', paper(2024, 'Dec', 'ABD'), '', 'unmarked', true],
    ['Q1 2025 May', '1', paper(2025, 'May'), '', 'unmarked', true],
    ['Q4 2023 Oct Midterm review', '4', paper(2023, 'Oct'), 'Midterm review', 'unmarked', true],
    ['Q5 2023 May D (不考)', '5', paper(2023, 'May', 'D'), '', 'not-examined', true],
    ['Q12', '12', undefined, '', 'unmarked', true],
    ['Q3b 2024 May', '3b', paper(2024, 'May'), '', 'unmarked', true],
    ['Q7: Backpropagation', '7', undefined, 'Backpropagation', 'unmarked', true],
    ['Q1 (Slide 17): 标题', '1', undefined, '(Slide 17): 标题', 'unmarked', true],
    ['Question 2 2021 Dec', '2', paper(2021, 'Dec'), '', 'unmarked', true],
    ['Question 1', '1', undefined, '', 'unmarked', true],
    ['Problem 3', '3', undefined, '', 'unmarked', true],
    ['Exercise 1.2 (Tutorial 1)', '1.2', undefined, '(Tutorial 1)', 'unmarked', true],
    ['Problem 2-3: Poisson', '2-3', undefined, 'Poisson', 'unmarked', true],
    ['Q1. What is overfitting?', '1', undefined, 'What is overfitting?', 'unmarked', true],
    ['习题 3.2', '3.2', undefined, '', 'unmarked', true],
    ['第3题 2024 May', '3', paper(2024, 'May'), '', 'unmarked', true],
    ['第十题', '10', undefined, '', 'unmarked', true],
    ['试题1', '1', undefined, '', 'unmarked', true],
    ['题目 1', '1', undefined, '', 'unmarked', true],
    ['第2题 (不考)', '2', undefined, '', 'not-examined', true],
    ['1.', '1', undefined, '', 'unmarked', false],
    ['1)', '1', undefined, '', 'unmarked', false],
    ['12、简述过拟合', '12', undefined, '简述过拟合', 'unmarked', false],
    ['1-1', '1-1', undefined, '', 'unmarked', false],
    ['2-3 Poisson', '2-3', undefined, 'Poisson', 'unmarked', false],
    ['1. Vertical Edge Detector', '1', undefined, 'Vertical Edge Detector', 'unmarked', false],
  ])('%j', (text, number, expectedPaper, title, examinability, strong) => {
    const heading = parseQuestionHeading(text);
    expect(heading).toBeDefined();
    expect(heading?.number).toBe(number);
    expect(heading?.paper).toEqual(expectedPaper);
    expect(heading?.title).toBe(title);
    expect(heading?.examinability).toBe(examinability);
    expect(heading?.strong).toBe(strong);
  });

  it('gives no variant key for a paper written without one', () => {
    expect(parseQuestionHeading('Q1 2025 May')?.paper).not.toHaveProperty('variant');
    // Variants are a few letters A-F or a number; a topic word after the sitting is the title.
    expect(parseQuestionHeading('Q1 2025 May GAN')).toMatchObject({
      paper: { year: 2025, sitting: 'May', label: '2025 May' },
      title: 'GAN',
    });
    expect(parseQuestionHeading('Q1 2025 May GAN')?.paper).not.toHaveProperty('variant');
  });

  it.each([
    'Answer',
    'Answer by DS',
    'Quiz 1',
    '中文',
    'Common Convolutional Filters',
    'Q',
    'QA session',
    '1.1 Definitions',
    '2019-2020 学年',
    'Example 1',
  ])('%j is not a question', (text) => {
    expect(parseQuestionHeading(text)).toBeUndefined();
  });
});

describe('parsePaper', () => {
  it.each<[string, Omit<Paper, 'label'> | undefined, string]>([
    ['2024 May ABC', { year: 2024, sitting: 'May', variant: 'ABC' }, ''],
    ['2022 May 1', { year: 2022, sitting: 'May', variant: '1' }, ''],
    ['2025 May', { year: 2025, sitting: 'May' }, ''],
    ['2023 Oct', { year: 2023, sitting: 'Oct' }, ''],
    ['2023 Fall A Regularisation', { year: 2023, sitting: 'Fall', variant: 'A' }, 'Regularisation'],
    ['May 2024', undefined, 'May 2024'],
    ['(2024 May ABC) Overfitting', { year: 2024, sitting: 'May', variant: 'ABC' }, 'Overfitting'],
    ['· 2024 Dec C', { year: 2024, sitting: 'Dec', variant: 'C' }, ''],
    ['(2024 is the year) GANs', undefined, '(2024 is the year) GANs'],
    ['1999 Foo', undefined, '1999 Foo'],
    ['Backprop basics', undefined, 'Backprop basics'],
  ])('%j', (text, paper, title) => {
    const result = parsePaper(text);
    expect(result.paper).toEqual(paper && { ...paper, label: paperLabel(paper) });
    expect(result.title).toBe(title);
  });
});

describe('parsePaperHeading: a heading that names a paper for the questions under it', () => {
  it.each<[string, Paper | undefined]>([
    ['2022年网传往年题', { year: 2022, label: '2022年网传往年题' }],
    ['2019-2020 学年秋季学期期中考试卷', { year: 2019, label: '2019-2020 学年秋季学期期中考试卷' }],
    ['2023-2024学年上学期期中试卷（A）', { year: 2023, variant: 'A', label: '2023-2024学年上学期期中试卷（A）' }],
    ['CO526 2013', { year: 2013, label: 'CO526 2013' }],
    ['2021 Final Exam (B)', { year: 2021, variant: 'B', label: '2021 Final Exam (B)' }],
    ['DASC7606 Final - summarized by hyperloop', undefined],
    ['Section 3 Review of 2024 lectures', undefined],
    ['机器学习往年卷', undefined],
  ])('%j', (text, paper) => {
    expect(parsePaperHeading(text)).toEqual(paper);
  });
});

describe('paper slugs and question ids', () => {
  it.each<[string, string]>([
    ['2024 May ABC', '2024-may-abc'],
    ['2022 May 1', '2022-may-1'],
    ['2025 May', '2025-may'],
    ['CO526 2013', 'co526-2013'],
    ['2019-2020 学年秋季学期期中考试卷', '2019-2020-autumn-midterm'],
    ['2023-2024学年上学期期中试卷（A）', '2023-2024-sem1-midterm-a'],
    ['2022年网传往年题', '2022-past'],
  ])('%j → %j', (label, slug) => {
    expect(paperSlug({ label })).toBe(slug);
  });

  it('keeps two papers apart when their names differ only in Chinese the word table does not know', () => {
    const first = paperSlug({ label: '2021 甲卷' });
    const second = paperSlug({ label: '2021 乙卷' });
    expect(first).toMatch(/^2021-[0-9a-f]{6}$/);
    expect(second).toMatch(/^2021-[0-9a-f]{6}$/);
    expect(first).not.toBe(second);
  });

  it.each<[number, string, string | undefined, string]>([
    [1, '1', '2024 May ABC', 's1-2024-may-abc-q1'],
    [4, '5', '2025 May', 's4-2025-may-q5'],
    [3, '8', '2022 May 1', 's3-2022-may-1-q8'],
    [2, '3b', undefined, 's2-no-paper-q3b'],
    [1, '1-1', undefined, 's1-no-paper-q1-1'],
  ])('section %j, number %j, paper %j → %j', (section, number, label, id) => {
    expect(questionId(section, number, label === undefined ? undefined : { label })).toBe(id);
  });
});

describe('parsePartOnlyHeading: headings that name a question and its part', () => {
  it.each<[string, { question: string; part: string } | undefined]>([
    ['1 a)', { question: '1', part: 'a)' }],
    ['2 aii)', { question: '2', part: 'aii)' }],
    ['4 b i)', { question: '4', part: 'bi)' }],
    ['3(a)', { question: '3', part: '(a)' }],
    ['1 (a)(ii) Explain', { question: '1', part: '(a)(ii) Explain' }],
    ['1.1 为什么', undefined],
    ['1) Intro', undefined],
    ['2 Gaussian Blur', undefined],
    ['1 a', undefined],
  ])('%j', (text, expected) => {
    expect(parsePartOnlyHeading(text)).toEqual(expected);
  });
});
