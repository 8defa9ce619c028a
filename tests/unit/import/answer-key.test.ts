import { describe, expect, it } from 'vitest';
import { isKeyHeading, keyEntries } from '../../../src/lib/import/answer-key.ts';
import { parseNotes } from '../../../src/lib/import/parse-notes.ts';
import { lines } from '../helpers/notes.ts';

describe('answer keys', () => {
  it.each<[string, string[], [number, string][]]>([
    [
      'ranges of letters',
      ['1-5 CABDC 6-8 BAA'],
      [
        [1, 'C'],
        [2, 'A'],
        [3, 'B'],
        [4, 'D'],
        [5, 'C'],
        [6, 'B'],
        [7, 'A'],
        [8, 'A'],
      ],
    ],
    [
      'numbered letters on a line',
      ['1. A 2.C （3）B 4、√', '5：错'],
      [
        [1, 'A'],
        [2, 'C'],
        [3, 'B'],
        [4, '√'],
        [5, '错'],
      ],
    ],
    [
      'a table of numbers over answers',
      ['| 1 | 2 | 3 |', '| --- | --- | --- |', '| A | C | B |'],
      [
        [1, 'A'],
        [2, 'C'],
        [3, 'B'],
      ],
    ],
    [
      'an entry under a heading of its own',
      ['## 1.', '**Answer: B.** Median', '', '## 2.', 'Sample answer: a paragraph.'],
      [
        [1, '**Answer: B.** Median'],
        [2, 'Sample answer: a paragraph.'],
      ],
    ],
    [
      'written answers',
      ['3. 答：三次握手', '4. 答：拥塞控制'],
      [
        [3, '答：三次握手'],
        [4, '答：拥塞控制'],
      ],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(keyEntries(text, 10).map((entry) => [entry.number, entry.text])).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['参考答案', true],
    ['## Answer Key and Explanations', true],
    ['三、参考答案', true],
    ['Answers', true],
    ['Key concepts', false],
    ['答题技巧', false],
  ])('"%s" names a key: %s', (heading, named) => {
    expect(isKeyHeading(heading)).toBe(named);
  });

  it('gives each question its answer from the key, and keeps the key as its section text, none of it a question', () => {
    const notes = parseNotes(
      lines(
        '# 测验',
        '',
        '1. 私有地址是（ ）',
        'A. 10.1.2.3 B. 11.0.0.1',
        '',
        '2. UDP 可靠吗？（ ）',
        '',
        '## 参考答案',
        '',
        '1. A',
        '2. ×',
      ),
    );
    const questions = notes.sections.flatMap((section) => section.questions);
    expect(questions.map((question) => question.key?.text)).toEqual(['A', '×']);
    const key = notes.sections.find((section) => section.headingText === '参考答案');
    expect([key?.questions.length, key?.intro.text]).toEqual([0, '1. A\n2. ×']);
    expect(notes.warnings).toEqual([]);
  });

  it('follows a key the student names in course.md', () => {
    const notes = parseNotes(lines('1. 私有地址是（ ）', '', '2. UDP 可靠吗？', '', '## 我的答案', '', '1-2 AB'), {
      stated: { answerKey: '我的答案' },
    });
    expect(notes.sections.flatMap((section) => section.questions).map((question) => question.key?.text)).toEqual(['A', 'B']);
  });
});
