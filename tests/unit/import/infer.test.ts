/**
 * The inference over small notes, one way of writing questions each: which cutting wins, the
 * questions it finds and the answer rules it takes on; and the rules a student states.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionRule } from '../../../src/lib/content/rules.ts';
import { parseNotes } from '../../../src/lib/import/parse-notes.ts';
import { lines } from '../helpers/notes.ts';

const read = (markdown: string, stated?: Parameters<typeof parseNotes>[1]) => {
  const notes = parseNotes(markdown, stated);
  return { notes, questions: notes.sections.flatMap((section) => section.questions) };
};

describe('inferStructure: the cutting a reader sees', () => {
  it.each<[string, string, QuestionRule | 'fallback', number, string[]]>([
    [
      'question headings',
      lines('# Course', '## Q1 2024 May', 'Why?', '', '**Answer:** because', '## Q2 2024 May', 'How?'),
      'headings',
      2,
      [],
    ],
    [
      'numbered lines without a space, answers in admonitions',
      lines('1.当进程被抢占时？', '', '!!! Answer', '    时间片用完', '', '2.什么是 PCB？', '', '!!! Answer', '    进程控制块'),
      'numbered',
      2,
      [],
    ],
    [
      'paragraphs each followed by a callout',
      lines(
        'Which layer routes packets?',
        '',
        '> [!quote]- Answer',
        '> The network layer.',
        '',
        'Why a three-way handshake?',
        '',
        '> [!quote]- Answer',
        '> Both sides confirm.',
      ),
      'before-answers',
      2,
      // A callout titled Answer is a marker of its own: no rule needed.
      [],
    ],
    [
      'a bank with the letter glued to the stem',
      lines(
        '1.数据库系统的核心是（ ）。B',
        'A.数据库',
        'B.DBMS',
        '',
        '2.关系模型的关键字是（ ）。C',
        'A.x',
        'B.y',
        'C.z',
        '',
        '3.删除表的命令是（ ）。B',
        'A.DELETE',
        'B.DROP',
      ),
      'numbered',
      3,
      ['letter-after-stem'],
    ],
    [
      'flashcards',
      lines(
        'What makes ATP?',
        '?',
        'Mitochondria.',
        '',
        'Osmosis::water diffusion',
        'Diffusion::net movement',
        '',
        'The ==nucleolus== makes rRNA.',
      ),
      'cards',
      4,
      ['after-question-mark', 'after-separator', 'cloze'],
    ],
    [
      'bold lines with an inked option',
      lines(
        '**1. 物质的唯一特性是（ ）**',
        '',
        '<font color="red">A. 客观实在性</font>',
        '',
        'B. 运动性',
        '',
        '**2. 认识的基础是（ ）**',
        '',
        'A. 感性认识',
        '',
        '<font color="red">B. 实践</font>',
      ),
      'bold-lines',
      2,
      ['after-first-paragraph'],
    ],
    [
      'a term table',
      lines(
        '| 名词 | 解释 |',
        '| --- | --- |',
        '| 内聚 | 模块内结合的紧密程度 |',
        '| 耦合 | 模块之间依赖的程度 |',
        '| 原型 | 快速建立的可运行模型 |',
      ),
      'table-rows',
      3,
      ['table-columns'],
    ],
    [
      'Q: and A: lines',
      lines('Q: What is consideration?', 'A: Something of value.', '', 'Q: Is an advert an offer?', 'A: Usually not.'),
      'qa-pairs',
      2,
      ['after-separator'],
    ],
    [
      'questions in boxes of their own',
      lines(
        '## Greedy',
        '',
        '???+ question "Quiz 1"',
        '    Is greedy optimal?',
        '',
        '    ??? success "答案"',
        '        No.',
        '',
        '???+ question "Quiz 2"',
        '    Is DP top-down?',
        '',
        '    ??? success "答案"',
        '        Both.',
      ),
      'question-boxes',
      2,
      [],
    ],
  ])('%s', (_name, markdown, rule, count, answers) => {
    const { notes, questions } = read(markdown);
    expect(notes.mode).toBe(rule);
    expect(questions).toHaveLength(count);
    expect(notes.inference.answers).toEqual(answers);
    expect(questions.filter((question) => question.outline.hasAnswer)).toHaveLength(count - (rule === 'headings' ? 1 : 0));
  });

  it('reads a question heading over the lists in its answer', () => {
    const { notes, questions } = read(
      lines('# Section 1 A', '## Q1 2024 May', '### (a)', '1. first', '2. second', '## Q2 2024 May', 'text'),
    );
    expect([notes.mode, questions.map((question) => question.heading.number)]).toEqual(['headings', ['1', '2']]);
  });

  it('says how sure it is, and names a runner-up that cuts otherwise', () => {
    const { notes } = read(lines('# Notes', '## What is TCP?', 'A protocol.', '## What is UDP?', 'Another.', '', '1. one', '2. two'));
    expect(notes.inference.confidence).toBeGreaterThan(0);
    expect(notes.inference.runnerUp?.rule).toBe('numbered');
  });

  it('follows the rule the student states, and the answer rules with it', () => {
    const markdown = lines('1. What makes ATP?', '?', 'Mitochondria.', '', '2. What is osmosis?', '?', 'Water diffusion.');
    const { notes, questions } = read(markdown, { stated: { questions: 'numbered', answers: ['after-question-mark'] } });
    expect([notes.mode, notes.inference.stated, questions.length]).toEqual(['numbered', true, 2]);
    expect(questions.every((question) => question.outline.hasAnswer)).toBe(true);
  });

  it('takes questions another way where the notes change style (headings, then numbered lines)', () => {
    const { questions } = read(
      lines(
        '## 选择题',
        '### 1. 下列正确的是（ ）',
        'A. x',
        'B. y',
        '### 2. 以下错误的是（ ）',
        'A. x',
        'B. y',
        '## 填空题',
        '',
        '1.SQL中删除表的命令是`DROP TABLE`。',
        '',
        '2.唯一标识元组的最小属性组称为`候选码`。',
      ),
    );
    expect(questions.map((question) => question.headingText)).toEqual(['1. 下列正确的是（ ）', '2. 以下错误的是（ ）', '1.', '2.']);
  });
});
