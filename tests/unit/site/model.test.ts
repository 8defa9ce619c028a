import type { Paper } from '../../../src/lib/content/schema.ts';
import { describe, expect, it } from 'vitest';
import type { Examinability } from '../../../src/lib/content/schema.ts';
import {
  byNotesOrder,
  leadingEntry,
  neighbours,
  summarisePapers,
  summariseSections,
  type QuestionData,
  type SectionData,
} from '../../../src/lib/site/model.ts';
import { parseCourseId, parseQuestionId } from '../../../src/lib/content/paths.ts';

const paper = (year: number, sitting: string, variant?: string): Paper => ({
  year,
  sitting,
  variant,
  label: [year, sitting, variant].filter(Boolean).join(' '),
});

const COURSE = parseCourseId('c');

let order = 0;
function question(id: string, section: number, overrides: Partial<QuestionData> = {}): QuestionData {
  order += 1;
  return {
    id: parseQuestionId(id),
    course: COURSE,
    section,
    number: id.replace(/\D+/g, '') || '1',
    heading: id,
    examinability: 'unmarked',
    order,
    hasAnswer: true,
    parts: [],
    ...overrides,
  };
}
const parts = (...examinability: Examinability[]): QuestionData['parts'] =>
  examinability.map((value) => ({ examinability: value, depth: 1 }));

const sections: SectionData[] = [
  { course: COURSE, number: 3, title: 'CNN', scope: false, line: 30 },
  { course: COURSE, number: 0, title: 'Scope', scope: true, line: 1 },
  { course: COURSE, number: 1, title: 'Basics', scope: false, line: 10 },
  { course: COURSE, number: 2, title: 'Empty', scope: false, line: 20 },
];

describe('summariseSections', () => {
  const questions = [
    question('s3-x-q2', 3, { order: 20, hasAnswer: false, parts: parts('not-examined', 'unmarked') }),
    question('s1-x-q1', 1, { order: 1, parts: parts('not-examined', 'not-examined', 'may-be-examined') }),
    question('s3-x-q1', 3, { order: 10, parts: parts('probably-not-examined') }),
    question('s1-x-q2', 1, { order: 2, hasAnswer: false }),
    question('s1-x-q3', 1, { order: 3, parts: parts('unmarked', 'not-examined') }),
    question('s9-x-q1', 9, { order: 30 }), // no such section: on no section page
  ];
  const summaries = summariseSections(sections, questions);

  it('lists the question sections in the notes order, without the scope page', () => {
    expect(summaries.map(({ number, title, slug }) => [number, title, slug])).toEqual([
      [1, 'Basics', 's1'],
      [2, 'Empty', 's2'],
      [3, 'CNN', 's3'],
    ]);
  });

  it.each<[number, string[], number, number]>([
    // [section, questions in notes order, answered, parts not examined]
    [1, ['s1-x-q1', 's1-x-q2', 's1-x-q3'], 2, 3],
    [2, [], 0, 0],
    [3, ['s3-x-q1', 's3-x-q2'], 1, 1], // "probably not examined" is not "not examined"
  ])('section %i: %j, %i answered, %i parts not examined', (number, ids, answered, notExaminedParts) => {
    const summary = summaries.find((candidate) => candidate.number === number);
    expect(summary?.questions.map((q) => q.id)).toEqual(ids);
    expect(summary?.answered).toBe(answered);
    expect(summary?.notExaminedParts).toBe(notExaminedParts);
  });

  it("follows the notes, not the numbers, and a folder's files in natural order", () => {
    const unordered: SectionData[] = [
      { course: COURSE, number: 4, title: '简答题', heading: '简答题', scope: false, line: 40 },
      { course: COURSE, number: 3, title: 'Eigenvalues', heading: 'Unit 3 Eigenvalues', scope: false, line: 3 },
      { course: COURSE, number: 1, title: '选择题', heading: '第一部分 选择题', scope: false, line: 20 },
      { course: COURSE, number: 10, title: '事务', heading: '第十章 事务', scope: false, line: 1, source: '第十章.md' },
      { course: COURSE, number: 2, title: '关系', heading: '第二章 关系', scope: false, line: 5, source: '第二章.md' },
    ];
    expect(summariseSections(unordered, []).map((section) => section.number)).toEqual([3, 1, 4, 2, 10]);
    expect(summariseSections(unordered, []).map((section) => section.name)).toEqual([
      'Unit 3 Eigenvalues',
      '第一部分 选择题',
      '简答题',
      '第二章 关系',
      '第十章 事务',
    ]);
  });

  it('changes neither input', () => {
    const sectionsCopy = structuredClone(sections);
    const questionsCopy = structuredClone(questions);
    summariseSections(sections, questions);
    expect(sections).toEqual(sectionsCopy);
    expect(questions).toEqual(questionsCopy);
  });

  it('keeps extra question fields (the pages’ entries)', () => {
    const extended = [{ ...question('s1-x-q9', 1), extra: 'kept' }];
    expect(summariseSections(sections, extended)[0]?.questions[0]?.extra).toBe('kept');
  });
});

describe('summarisePapers', () => {
  it.each<[string, QuestionData[], string[]]>([
    ['no papers', [question('s1-x-qa', 1)], []],
    [
      'newest year first',
      [
        question('s1-x-q1', 1, { paper: paper(2022, 'May') }),
        question('s1-x-q2', 1, { paper: paper(2025, 'May') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'May') }),
      ],
      ['2025-may', '2024-may', '2022-may'],
    ],
    [
      'within a year, the later sitting first',
      [
        question('s1-x-q1', 1, { paper: paper(2024, 'Mar') }),
        question('s1-x-q2', 1, { paper: paper(2024, 'Dec') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'May') }),
        question('s1-x-q4', 1, { paper: paper(2023, 'Oct') }),
      ],
      ['2024-dec', '2024-may', '2024-mar', '2023-oct'],
    ],
    [
      'sittings written out or abbreviated, any case',
      [
        question('s1-x-q1', 1, { paper: paper(2024, 'january') }),
        question('s1-x-q2', 1, { paper: paper(2024, 'SEPTEMBER') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'June') }),
      ],
      ['2024-september', '2024-june', '2024-january'],
    ],
    [
      'within a sitting, variants in order',
      [
        question('s1-x-q1', 1, { paper: paper(2024, 'May', 'D') }),
        question('s1-x-q2', 1, { paper: paper(2024, 'May', 'ABC') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'Dec', 'C') }),
        question('s1-x-q4', 1, { paper: paper(2024, 'Dec', 'ABD') }),
      ],
      ['2024-dec-abd', '2024-dec-c', '2024-may-abc', '2024-may-d'],
    ],
    [
      'numbered variants in number order',
      [
        question('s1-x-q1', 1, { paper: paper(2022, 'May', '10') }),
        question('s1-x-q2', 1, { paper: paper(2022, 'May', '2') }),
        question('s1-x-q3', 1, { paper: paper(2022, 'May', '1') }),
      ],
      ['2022-may-1', '2022-may-2', '2022-may-10'],
    ],
    // Terms and a term's sittings, as the notes' headings allow ("2024 Final", "2024 Fall").
    [
      'a term’s sittings, the latest first',
      [
        question('s1-x-q1', 1, { paper: paper(2024, 'Midterm') }),
        question('s1-x-q2', 1, { paper: paper(2024, 'Final') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'Resit') }),
        question('s1-x-q4', 1, { paper: paper(2024, 'Mock') }),
      ],
      ['2024-resit', '2024-final', '2024-mock', '2024-midterm'],
    ],
    [
      'terms, the latest in the year first',
      [
        question('s1-x-q1', 1, { paper: paper(2024, 'Spring') }),
        question('s1-x-q2', 1, { paper: paper(2024, 'Fall') }),
        question('s1-x-q3', 1, { paper: paper(2024, 'Winter') }),
        question('s1-x-q4', 1, { paper: paper(2024, 'Summer') }),
      ],
      ['2024-fall', '2024-summer', '2024-spring', '2024-winter'],
    ],
  ])('%s', (_, questions, slugs) => {
    expect(summarisePapers(questions).map((summary) => summary.slug)).toEqual(slugs);
  });

  it('groups a paper’s questions in notes order (section, then number), across sections', () => {
    const may = paper(2024, 'May', 'ABC');
    const questions = [
      question('s3-x-q7', 3, { order: 30, paper: may }),
      question('s1-x-q1', 1, { order: 1, paper: may }),
      question('s1-x-q9', 1, { order: 5, paper: paper(2023, 'May') }),
      question('s2-x-q4', 2, { order: 12, paper: { ...may } }), // an equal paper, another object
      question('s2-x-q5', 2, { order: 13 }), // no paper
    ];
    const [first, second] = summarisePapers(questions);
    expect(first?.paper).toEqual(may);
    expect(first?.questions.map((q) => q.id)).toEqual(['s1-x-q1', 's2-x-q4', 's3-x-q7']);
    expect(second?.questions.map((q) => q.id)).toEqual(['s1-x-q9']);
  });
});

describe('byNotesOrder', () => {
  it.each<[number[], number[]]>([
    [[], []],
    [
      [3, 1, 2],
      [1, 2, 3],
    ],
    [
      [10, 2, 33, 4],
      [2, 4, 10, 33],
    ],
  ])('%j → %j', (orders, expected) => {
    const questions = orders.map((value, index) => question(`s1-x-q${index}`, 1, { order: value }));
    expect(byNotesOrder(questions).map((q) => q.order)).toEqual(expected);
    expect(questions.map((q) => q.order)).toEqual(orders); // a sorted copy
  });
});

describe('neighbours', () => {
  it.each<[string[], number, { previous?: string | undefined; next?: string | undefined }]>([
    [['a', 'b', 'c'], 0, { previous: undefined, next: 'b' }],
    [['a', 'b', 'c'], 1, { previous: 'a', next: 'c' }],
    [['a', 'b', 'c'], 2, { previous: 'b', next: undefined }],
    [['a'], 0, { previous: undefined, next: undefined }],
    [[], 0, { previous: undefined, next: undefined }],
  ])('%j at %i', (items, index, expected) => {
    expect(neighbours(items, index)).toEqual(expected);
  });
});

describe('leadingEntry', () => {
  const entry = (name: string, images: number) => ({ name, data: { images: Array.from({ length: images }, () => ({})) } });
  it.each([
    ['the first entry, with a screenshot', [entry('intro', 1), entry('q1', 2)], 'intro'],
    ['the second, when the first has none', [entry('intro', 0), entry('q1', 1)], 'q1'],
    ['none further down: it may be off screen', [entry('q1', 0), entry('q2', 0), entry('q3', 1)], undefined],
    ['none on an empty page', [], undefined],
  ])('%s', (_case, entries, expected) => {
    expect(leadingEntry(entries)?.name).toBe(expected);
  });
});
