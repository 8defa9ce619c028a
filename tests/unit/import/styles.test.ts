/**
 * Notes written the ways other students write them (tests/fixtures/styles, one file per style):
 * each imports without editing, with the sections, questions, parts and papers a reader finds in
 * it, nothing lost, and the statement kept apart from the answer as Test me shows them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coursePaths } from '../../../src/lib/content/layout.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { parseNotesFolder } from '../../../src/lib/import/folder.ts';
import type { ParsedNotes } from '../../../src/lib/import/parse-notes.ts';
import { ROOT } from '../helpers/cli.ts';
import { splitContentFile } from '../helpers/frontmatter.ts';
import { allQuestions, readNotes } from '../helpers/notes.ts';
import { filesHoldTheChunks, lostLines } from '../helpers/nothing-lost.ts';
import { statementAndAnswer } from '../helpers/statement.ts';

const DIR = join(ROOT, 'tests/fixtures/styles');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

interface QuestionRow {
  id: string;
  paper?: string;
  parts?: string[];
  /** Words Test me shows (the statement) and words it hides until revealed (the answer; none for a question without one). */
  shows: string[];
  hides: string[];
  examinability?: string;
}

interface StyleRow {
  file: string;
  title: string | undefined;
  mode: ParsedNotes['mode'];
  /** Each section as readers see it named: number and heading (or title for "Section N" headings). */
  sections: [number, string][];
  questions: QuestionRow[];
  warnings?: RegExp[];
}

const STYLES: StyleRow[] = [
  {
    file: 'algorithms-review.md',
    title: 'CS2040 Algorithms — Final Review',
    mode: 'headings',
    sections: [
      [1, 'Chapter 1 Asymptotics'],
      [4, 'Chapter 4 Sorting'],
    ],
    questions: [
      { id: 's1-no-paper-q1', shows: ['Order these functions by growth rate'], hides: ['Compare them pairwise'] },
      { id: 's1-no-paper-q2', shows: ['Prove that'], hides: ['which lies between'], examinability: 'not-examined' },
      { id: 's4-no-paper-q3', shows: ['Fill in the table', 'Insertion sort'], hides: ['yes'] },
      {
        id: 's4-no-paper-q4',
        parts: ['a', 'b'],
        shows: ['What does this function return', 'sorted(xs', 'Its running time'],
        hides: ['the largest element', 'because of the sort'],
      },
    ],
  },
  {
    file: 'zh-past-paper.md',
    title: '2022年网传往年题',
    mode: 'headings',
    sections: [
      [1, '一、选择题（每小题 2 分，共 20 分）'],
      [2, '二、计算题（共 30 分）'],
    ],
    questions: [
      // The answer follows the options on the next line of the same paragraph: it is cut there.
      { id: 's1-2022-past-q1', paper: '2022年网传往年题', shows: ['主键', 'D. 只能有一个属性'], hides: ['答案： C'] },
      {
        id: 's1-2022-past-q2',
        paper: '2022年网传往年题',
        shows: ['删除表中的数据', 'TRUNCATE TABLE'],
        hides: ['答案：B', '删除整张表'],
      },
      { id: 's2-2022-past-q1', paper: '2022年网传往年题', shows: ['的闭包'], hides: ['解：由'] },
      { id: 's2-2022-past-q3', paper: '2022年网传往年题', shows: ['选修了所有课程'], hides: ['答：用双重', 'NOT EXISTS'] },
    ],
  },
  {
    file: 'list-items.md',
    title: undefined,
    mode: 'numbered',
    sections: [
      [1, '选择题'],
      [2, '计算题'],
    ],
    questions: [
      { id: 's1-no-paper-q1', shows: ['为两个随机事件', 'D. 包含'], hides: ['答案：B'] },
      { id: 's1-no-paper-q2', shows: ['等于（ ）'], hides: ['答案：C'] },
      { id: 's1-no-paper-q3', shows: ['下列哪个是离散分布', '泊松分布'], hides: [] },
      { id: 's2-no-paper-q1', shows: ['的概率密度为'], hides: ['解：'] },
      { id: 's2-no-paper-q2', shows: ['至少一枚正面朝上'], hides: ['解：'] },
    ],
  },
  {
    file: 'co526-2013.md',
    title: 'CO526 2013',
    mode: 'headings',
    sections: [[1, 'CO526 2013']],
    questions: [
      {
        id: 's1-co526-2013-q1',
        paper: 'CO526 2013',
        parts: ['a', 'b'],
        shows: ['Define functional dependency', 'Is the decomposition'],
        hides: ['holds when any two tuples', 'is a key of'],
      },
      {
        id: 's1-co526-2013-q2',
        paper: 'CO526 2013',
        parts: ['a-i', 'a-ii'],
        shows: ['State the ACID properties', 'write-ahead log'],
        hides: ['Solution: Atomicity', 'undo records'],
      },
      {
        id: 's1-co526-2013-q4',
        paper: 'CO526 2013',
        parts: ['b-i'],
        shows: ['Draw the precedence graph'],
        hides: ['not conflict-serialisable'],
      },
    ],
    warnings: [/read "###4 b i\)" as a heading: Markdown needs a space after the #s \(write "### 4 b i\)"\)/],
  },
  {
    file: 'oop-lectures.md',
    title: 'OOP Lecture Q&A',
    mode: 'headings',
    sections: [
      [2, 'Lecture 2: Class & Object'],
      [5, 'Week 5'],
    ],
    questions: [
      { id: 's2-no-paper-q1', shows: ['What is printed?', 'class B extends A'], hides: ['解：', 'superclass constructor runs first'] },
      // Bilingual statement lines stay together as the statement; the container is the answer.
      {
        id: 's2-no-paper-q2',
        shows: ['Chinese: 重载和重写有什么区别？', 'English: What is the difference'],
        hides: ['编译时决定', '动态绑定'],
      },
      { id: 's5-no-paper-q3', shows: ['Which access modifier'], hides: ['protected', 'private < default'] },
    ],
  },
  {
    file: 'ml-papers.md',
    title: '机器学习往年卷',
    mode: 'headings',
    sections: [
      [1, '2019-2020 学年秋季学期期中考试卷'],
      [2, '2023-2024学年上学期期中试卷（A）'],
    ],
    questions: [
      { id: 's1-2019-2020-autumn-midterm-q1', paper: '2019-2020 学年秋季学期期中考试卷', shows: ['权衡'], hides: ['模型越复杂'] },
      { id: 's1-2019-2020-autumn-midterm-q2', paper: '2019-2020 学年秋季学期期中考试卷', shows: ['逻辑回归的损失函数'], hides: ['答：'] },
      {
        id: 's2-2023-2024-sem1-midterm-a-q1',
        paper: '2023-2024学年上学期期中试卷（A）',
        shows: ['什么是过拟合'],
        hides: ['正则化、数据增强'],
      },
      {
        id: 's2-2023-2024-sem1-midterm-a-q2',
        paper: '2023-2024学年上学期期中试卷（A）',
        shows: ['SVM 的对偶问题'],
        hides: [],
        examinability: 'not-examined',
      },
    ],
  },
  {
    file: 'stats-parts.md',
    title: 'STAT2601 Tutorial answers',
    mode: 'headings',
    sections: [
      [1, 'Part A'],
      [2, 'Part B'],
      [3, 'Topic: Hypothesis testing'],
    ],
    questions: [
      { id: 's1-no-paper-q1-1', shows: ['Define the sample variance'], hides: ['Answer:'] },
      { id: 's1-no-paper-q1-2', shows: ['Why divide by'], hides: ['unbiased estimator'] },
      { id: 's2-no-paper-q2-1', shows: ['A fair die is rolled twice'], hides: ['$6/36'] },
      { id: 's2-no-paper-q2-3', shows: ['Give the pmf'], hides: ['for $k = 0, 1, 2'] },
      { id: 's3-no-paper-q1', shows: ['type I error'], hides: ['Rejecting'] },
      { id: 's3-no-paper-q2', shows: ['power of a test'], hides: ['the probability of rejecting'] },
    ],
  },
  {
    file: 'linear-algebra-quiz.md',
    title: '线性代数 单元测验',
    mode: 'headings',
    sections: [
      [3, 'Unit 3 Eigenvalues'],
      [1, '第一部分 选择题(每题 4 分)'],
      [4, '简答题'],
    ],
    questions: [
      { id: 's3-no-paper-q1', shows: ['Find the eigenvalues'], hides: ['is diagonal'] },
      { id: 's3-no-paper-q2', shows: ['what is'], hides: ['Answer:'] },
      { id: 's1-no-paper-q1', shows: ['的秩是'], hides: ['答案：b'] },
      { id: 's1-no-paper-q2', shows: ['等于（ ）'], hides: ['答案：b'] },
      { id: 's4-no-paper-q1', shows: ['什么是正交矩阵'], hides: ['的方阵'] },
    ],
  },
  {
    file: 'physics-notes.md',
    title: 'Physics revision',
    // No question labels: every heading of the deepest level is a question, as its words say.
    mode: 'headings',
    sections: [
      [1, 'Mechanics'],
      [2, 'Waves'],
    ],
    questions: [
      // No question labels: the heading says the question, its text is the answer.
      { id: 's1-no-paper-q1', shows: [], hides: ['the net force equals'] },
      { id: 's1-no-paper-q2', shows: [], hides: ['stays constant'] },
      { id: 's2-no-paper-q1', shows: [], hides: ['Wavelength'] },
    ],
  },
];

function sectionNames(notes: ParsedNotes): [number, string][] {
  return notes.sections.map((section) => [section.number, section.heading ?? `Section ${section.number} ${section.title}`]);
}

function expectQuestions(notes: ParsedNotes, rows: QuestionRow[]): void {
  const files = courseFiles(notes, 'styles');
  expect(allQuestions(notes).map((question) => question.id)).toEqual(rows.map((row) => row.id));
  for (const row of rows) {
    const question = allQuestions(notes).find((candidate) => candidate.id === row.id);
    expect(question?.heading.paper?.label, row.id).toBe(row.paper);
    expect(
      question?.outline.parts.map((part) => part.anchor),
      row.id,
    ).toEqual(row.parts ?? []);
    expect(question?.heading.examinability, row.id).toBe(row.examinability ?? 'unmarked');
    expect(question?.outline.hasAnswer, row.id).toBe(row.hides.length > 0);
    // As the page lays it out, from the content file the import writes.
    const { data, body } = splitContentFile(files.get(coursePaths.question(row.id)) ?? '');
    const shown = statementAndAnswer(body, data);
    for (const words of row.shows) expect(shown.statement, `${row.id} shows "${words}"`).toContain(words);
    for (const words of row.hides) {
      expect(shown.answer, `${row.id} hides "${words}"`).toContain(words);
      expect(shown.statement, `${row.id} does not show "${words}"`).not.toContain(words);
    }
  }
}

describe.each(STYLES)('$file', (row) => {
  const text = read(row.file);
  const notes = readNotes(text);

  it('finds its title, sections and questions', () => {
    expect(notes.title).toBe(row.title);
    expect(notes.mode).toBe(row.mode);
    expect(sectionNames(notes)).toEqual(row.sections);
  });

  it('gives each question its paper and parts, and keeps its statement in view and its answer hidden', () => {
    expectQuestions(notes, row.questions);
  });

  it('loses nothing', () => {
    expect(lostLines(text, notes)).toEqual([]);
    expect(filesHoldTheChunks(notes)).toEqual([]);
  });

  it('warns only where the notes are odd', () => {
    expect(notes.warnings.map((warning) => warning.message)).toEqual((row.warnings ?? []).map((pattern) => expect.stringMatching(pattern)));
  });
});

describe('front matter and comment headers', () => {
  it('take the course title and other fields from the front matter, which never shows as text', () => {
    const notes = readNotes(read('algorithms-review.md'));
    expect(notes.meta).toEqual({ author: 'Lin Wei', date: '2026-11-20', tags: 'algorithms, final' });
    expect(notes.preamble.text).toMatch(/^Revision sheet for the final\./);
    const course = splitContentFile(courseFiles(notes, 'algo').get(coursePaths.course()) ?? '');
    expect(course.data).toMatchObject({ title: 'CS2040 Algorithms — Final Review', meta: { author: 'Lin Wei' } });
    expect(course.body).not.toContain('author:');
  });

  it('keep an HTML comment header above the title without taking the title for text', () => {
    const notes = readNotes(read('zh-past-paper.md'));
    expect(notes.header.text).toMatch(/^<!--\n \* @Author: 小林/);
    expect(notes.preamble.text).toBe('说明：题目来自网络，答案为自己整理，仅供参考。');
  });

  it('read a Typora <img> of a local file as a screenshot', () => {
    const notes = readNotes(read('ml-papers.md'));
    expect(allQuestions(notes)[0]?.images).toEqual([{ src: './img/bias-variance.png', alt: '偏差方差曲线', line: 11 }]);
  });
});

describe('a folder of notes (tests/fixtures/styles/db-chapters)', () => {
  const folder = join(DIR, 'db-chapters');
  const files = readdirSync(folder).map((path) => ({ path, text: readFileSync(join(folder, path), 'utf8') }));
  const notes = parseNotesFolder(files, 'db-chapters');

  it('is one course with the files in natural order (第二章, 第三章, 第十章) and their numbers', () => {
    expect(notes.sections.map((section) => [section.number, section.heading, section.source])).toEqual([
      [2, '第二章 关系模型', '第二章.md'],
      [3, '第三章 SQL', '第三章.md'],
      [10, '第十章 事务', '第十章.md'],
    ]);
    expect(allQuestions(notes).map((question) => question.id)).toEqual([
      's2-no-paper-q1',
      's2-no-paper-q2',
      's3-no-paper-q1',
      's10-no-paper-q1',
      's10-no-paper-q2',
    ]);
  });

  it('loses nothing from any file', () => {
    for (const file of files) {
      const own = {
        ...notes,
        sections: notes.sections.filter((section) => section.source === file.path),
        header: { line: 0, text: '' },
        preamble: { line: 0, text: '' },
      };
      expect(lostLines(file.text, own), file.path).toEqual([]);
    }
    expect(filesHoldTheChunks(notes)).toEqual([]);
  });

  it('numbers sections that clash across files apart, saying so, and names them by their file', () => {
    const clash = parseNotesFolder(
      [
        { path: '2021.md', text: '# 2021 期末试卷\n\n## 一、选择题\n\n### 1.\n\nx\n\n**答案：** A\n\n### 2.\n\ny\n' },
        { path: '2022.md', text: '# 2022 期末试卷\n\n## 一、选择题\n\n### 1.\n\nz\n\n**答案：** B\n\n### 2.\n\nw\n' },
      ],
      'papers',
    );
    expect(clash.sections.map((section) => [section.number, section.heading])).toEqual([
      [1, '2021 期末试卷 · 一、选择题'],
      [2, '2022 期末试卷 · 一、选择题'],
    ]);
    expect(allQuestions(clash).map((question) => question.id)).toEqual([
      's1-2021-final-q1',
      's1-2021-final-q2',
      's2-2022-final-q1',
      's2-2022-final-q2',
    ]);
    expect(clash.warnings).toContainEqual({ file: '2022.md', line: 3, message: expect.stringMatching(/section number 1 appears twice/) });
  });
});
