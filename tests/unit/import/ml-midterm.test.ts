/**
 * The second course's notes (tests/fixtures/notes/ml-midterm.md): saved with a BOM and CRLF line
 * endings, Chinese section titles, variants, math (one formula deliberately broken) and a table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content-check.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import type { Examinability } from '../../../src/lib/content/schema.ts';
import { allQuestions, readNotes } from '../helpers/notes.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/notes/ml-midterm.md', import.meta.url));
const bytes = readFileSync(FIXTURE);
const notes = readNotes(bytes, FIXTURE);
const questions = allQuestions(notes);
const question = (id: string) => {
  const found = questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('ml-midterm.md as saved', () => {
  it('starts with a UTF-8 BOM and uses CRLF line endings only', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(200);
    expect(/[^\r]\n/.test(text)).toBe(false);
  });

  it('has the screenshot of Q1 beside it as a real 400x240 PNG', () => {
    const png = readFileSync(fileURLToPath(new URL('../../fixtures/notes/2023Oct/1.png', import.meta.url)));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([400, 240]);
  });
});

describe('ml-midterm.md structure', () => {
  it('has a title, a scope and two sections with Chinese titles', () => {
    expect(notes.title).toBe('COMP3314 Machine Learning Midterm - 复习笔记');
    expect(notes.sections.map((section) => [section.number, section.title, section.scope, section.questions.length])).toEqual([
      [0, 'Scope', true, 0],
      [1, '线性模型', false, 4],
      [2, '决策树与集成', false, 4],
    ]);
    expect(notes.sections[0]?.introImages.map((image) => image.src)).toEqual(['./Scope.png']);
    expect(notes.sections[0]?.intro.text).toContain('期中考试范围');
  });

  const U: Examinability = 'unmarked';
  it.each<[string, [number, string, string?], boolean, number, [string, number, Examinability][], string[]]>([
    [
      's1-2023-oct-a-q1',
      [2023, 'Oct', 'A'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, U],
        ['c', 1, U],
      ],
      [],
    ],
    [
      's1-2023-oct-a-q2',
      [2023, 'Oct', 'A'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, U],
      ],
      [],
    ],
    ['s1-2022-dec-q3', [2022, 'Dec'], false, 2, [], []],
    [
      's1-2024-mar-b-q5',
      [2024, 'Mar', 'B'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, U],
        ['b-i', 2, U],
        ['b-ii', 2, U],
        ['b-iii', 2, U],
        ['c', 1, 'may-be-examined'],
        ['d', 1, 'not-examined'],
        ['e', 1, 'probably-not-examined'],
      ],
      [],
    ],
    [
      's2-2023-oct-a-q1',
      [2023, 'Oct', 'A'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, U],
      ],
      [],
    ],
    [
      's2-2024-mar-b-q2',
      [2024, 'Mar', 'B'],
      true,
      1,
      [
        ['deepseek-a', 1, U],
        ['deepseek-b', 1, U],
        ['gpt-a', 1, U],
        ['gpt-b', 1, U],
      ],
      ['DeepSeek', 'GPT'],
    ],
    [
      's2-2022-dec-q3',
      [2022, 'Dec'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, U],
      ],
      [],
    ],
    [
      's2-2023-oct-a-q4',
      [2023, 'Oct', 'A'],
      true,
      1,
      [
        ['a', 1, U],
        ['b', 1, 'may-be-examined'],
      ],
      [],
    ],
  ])('%s', (id, [year, sitting, variant], hasAnswer, images, parts, variants) => {
    const q = question(id);
    const label = [year, sitting, variant].filter(Boolean).join(' ');
    expect(q.heading.paper).toEqual(variant === undefined ? { year, sitting, label } : { year, sitting, variant, label });
    expect(q.outline.hasAnswer).toBe(hasAnswer);
    expect(q.images).toHaveLength(images);
    expect(q.outline.parts.map((part) => [part.anchor, part.depth, part.examinability])).toEqual(parts);
    expect(q.outline.variants).toEqual(variants);
  });

  it('lists the questions in notes order, with a gap in the numbering of Section 1', () => {
    expect(questions.map((q) => q.id)).toEqual([
      's1-2023-oct-a-q1',
      's1-2023-oct-a-q2',
      's1-2022-dec-q3',
      's1-2024-mar-b-q5',
      's2-2023-oct-a-q1',
      's2-2024-mar-b-q2',
      's2-2022-dec-q3',
      's2-2023-oct-a-q4',
    ]);
  });

  it('has part-level variants, one of them starting on the label line', () => {
    expect(question('s1-2023-oct-a-q2').outline.parts.map((part) => part.sources)).toEqual([[], ['DeepSeek', 'GPT']]);
    expect(question('s1-2023-oct-a-q2').body.text).toMatch(/\*\*GPT\*\*\nSetting the gradient to zero/);
    expect(question('s2-2022-dec-q3').outline.parts.map((part) => part.sources)).toEqual([['DeepSeek', 'GPT'], []]);
  });

  it('reads points from the part labels', () => {
    expect(question('s1-2023-oct-a-q1').outline.parts.map((part) => part.points)).toEqual([4, 3, 3]);
    expect(question('s2-2024-mar-b-q2').outline.parts.map((part) => part.points)).toEqual([3, 3, 3, 3]);
  });

  it('is bilingual and searchable by the words the site is tested with', () => {
    const text = bytes.toString('utf8');
    for (const words of ['正则化', '交叉验证', '梯度下降', 'bias-variance tradeoff', 'early stopping']) expect(text).toContain(words);
  });

  it('has a pipe table, display math inside a list item and screenshot references beside the notes', () => {
    expect(question('s2-2023-oct-a-q1').body.text).toContain('| --- | --- | --- | --- | --- |');
    expect(question('s1-2023-oct-a-q2').body.text).toMatch(/\n {3}\$\$\n {3}\\hat\{p\}_i = /);
    const refs = notes.sections
      .flatMap((section) => [...section.introImages, ...section.questions.flatMap((q) => q.images)])
      .map((image) => image.src);
    expect(refs).toHaveLength(10);
    const present = refs.filter((src) => existsSync(fileURLToPath(new URL(`../../fixtures/notes/${src}`, import.meta.url))));
    expect(present).toEqual(['./2023Oct/1.png']);
  });

  it('has exactly one formula KaTeX cannot render, which the content check reports', () => {
    const files = new Map([...courseFiles(notes, 'ml-midterm')].map(([path, text]) => [`ml-midterm/${path}`, text]));
    const diagnostics = checkContent({ files, images: new Set(['ml-midterm/images/2023Oct/1.png']) });
    expect(diagnostics.map(({ file, severity }) => [file, severity])).toEqual([
      ['ml-midterm/questions/s1-2022-dec-q3.md', 'warning'],
      ['ml-midterm/questions/s2-2022-dec-q3.md', 'error'],
    ]);
    expect(diagnostics[0]?.message).toMatch(/^9 screenshots are not in ml-midterm\/images\/ yet/);
    expect(diagnostics[1]?.message).toMatch(
      /^KaTeX cannot render \$\\alpha_t = \\frac\{1\}\{2\}\\ln\\frac\{1-\\varepsilon_t\}\{\\varepsilon_t\$: .*expected '\}'/,
    );
  });
});
