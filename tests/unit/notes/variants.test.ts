import { describe, expect, it } from 'vitest';
import { isAnswerHeading, parseAnswerBy, parseSourceLabel } from '../../../src/lib/notes/variants.ts';

describe('parseSourceLabel', () => {
  it.each<[string, string | undefined]>([
    ['DeepSeek', 'DeepSeek'],
    ['deepseek', 'DeepSeek'],
    ['DS', 'DeepSeek'],
    ['DeepSeek-R1', 'DeepSeek'],
    ['GPT', 'GPT'],
    ['ChatGPT', 'GPT'],
    ['GPT-4o', 'GPT'],
    ['GPT:', 'GPT'],
    ['GPT：', 'GPT'],
    ['o3-mini', 'GPT'],
    ['Gemini', 'Gemini'],
    ['Gemini 2.5', 'Gemini'],
    ['Claude', 'Claude'],
    ['Kimi', 'Kimi'],
    ['豆包', '豆包'],
    ['Gemini&GPT', 'Gemini & GPT'],
    ['Gemini & GPT', 'Gemini & GPT'],
    ['DeepSeek / GPT', 'DeepSeek & GPT'],
    ['DS + Gemini', 'DeepSeek & Gemini'],
    ['GPT and Claude', 'GPT & Claude'],
    ['原因：过拟合（overfitting）', undefined],
    ['English answer', undefined],
    ['中文答案', undefined],
    ['Gemini & my tutor', undefined],
    ['Recall', undefined],
    ['', undefined],
    ['GPT &', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseSourceLabel(text)).toBe(expected);
  });
});

describe('parseAnswerBy', () => {
  it.each<[string, string | undefined]>([
    ['Answer by DS', 'DeepSeek'],
    ['Answer by GPT', 'GPT'],
    ['Answer by Gemini&GPT', 'Gemini & GPT'],
    ['answer from ChatGPT', 'GPT'],
    ['Answer by my tutor', 'my tutor'],
    ['Answer (GPT)', 'GPT'],
    ['Answer（DeepSeek）', 'DeepSeek'],
    ['Answer: DeepSeek', 'DeepSeek'],
    ['答案来自 DeepSeek', 'DeepSeek'],
    ['Answer', undefined],
    ['Answer (i)', undefined],
    ['Answer (i) / 答案 (i)', undefined],
    ['Answer (ii) / 答案 (ii)', undefined],
    ['Answers', undefined],
    ['中文', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseAnswerBy(text)).toBe(expected);
  });
});

describe('isAnswerHeading', () => {
  it.each<[string, boolean]>([
    ['Answer', true],
    ['Answers', true],
    ['answer:', true],
    ['答案', true],
    ['参考答案', true],
    ['Answer by DS', true],
    ['Answer by GPT', true],
    ['Answer (i) / 答案 (i)', false],
    ['中文', false],
    ['English', false],
    ['(a)', false],
    ['Answer the question', false],
  ])('%j → %j', (text, expected) => {
    expect(isAnswerHeading(text)).toBe(expected);
  });
});
