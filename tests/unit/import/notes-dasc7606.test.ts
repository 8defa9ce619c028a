/**
 * The first user's notes, end to end. The expected table below was written by reading the notes
 * (the copy the import keeps in content/dasc7606/notes.md), not from the parser's output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Examinability } from '../../../src/lib/content/schema.ts';
import type { Paper } from '../../../src/lib/content/schema.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import type { ParsedQuestion } from '../../../src/lib/import/parse-notes.ts';
import { splitContentFile } from '../helpers/frontmatter.ts';
import { ROOT } from '../helpers/cli.ts';
import { allQuestions, readNotes } from '../helpers/notes.ts';

const COURSE_DIR = join(ROOT, 'content/dasc7606');
const NOTES_PATH = join(COURSE_DIR, 'notes.md');
const bytes = readFileSync(NOTES_PATH);
const notes = readNotes(bytes, NOTES_PATH);

const U: Examinability = 'unmarked';
const NO: Examinability = 'not-examined';
const MAY: Examinability = 'may-be-examined';
const PNO: Examinability = 'probably-not-examined';

type PartRow = [anchor: string, depth: number, examinability: Examinability];
interface Row {
  id: string;
  section: number;
  paper: [number, string, string?];
  hasAnswer: boolean;
  images: number;
  parts: PartRow[];
  variants?: string[];
}

const letters = (keys: string, prefix = ''): PartRow[] => [...keys].map((key) => [`${prefix}${key}`, 1, U]);

const EXPECTED: Row[] = [
  // Section 1 DeepLearning Basis
  {
    id: 's1-2024-may-abc-q1',
    section: 1,
    paper: [2024, 'May', 'ABC'],
    hasAnswer: true,
    images: 1,
    parts: [
      ['1', 1, U],
      ['2', 1, U],
      ['3', 1, U],
      ['4', 1, U],
    ],
  },
  {
    id: 's1-2024-dec-c-q2',
    section: 1,
    paper: [2024, 'Dec', 'C'],
    hasAnswer: true,
    images: 1,
    parts: [
      ['a', 1, NO],
      ['b', 1, NO],
      ['c', 1, MAY],
    ],
  },
  {
    id: 's1-2024-may-d-q3',
    section: 1,
    paper: [2024, 'May', 'D'],
    hasAnswer: true,
    images: 6,
    parts: [
      ['1-1', 1, U],
      ['1-2', 1, PNO],
      ['1-3', 1, NO],
    ],
  },
  {
    id: 's1-2023-may-abc-q4',
    section: 1,
    paper: [2023, 'May', 'ABC'],
    hasAnswer: true,
    images: 2,
    parts: [
      ['a', 1, U],
      ['a-i', 2, U],
      ['a-ii', 2, U],
      ['a-iii', 2, U],
      ['b', 1, U],
      ['b-i', 2, U],
      ['b-ii', 2, U],
      ['b-iii', 2, U],
      ['c', 1, U],
    ],
  },
  { id: 's1-2023-may-d-q5', section: 1, paper: [2023, 'May', 'D'], hasAnswer: false, images: 1, parts: [] },
  { id: 's1-2022-may-1-q6', section: 1, paper: [2022, 'May', '1'], hasAnswer: false, images: 1, parts: [] },
  { id: 's1-2022-may-1-q7', section: 1, paper: [2022, 'May', '1'], hasAnswer: false, images: 1, parts: [] },
  // Section 2 NLP
  { id: 's2-2023-may-abc-q1', section: 2, paper: [2023, 'May', 'ABC'], hasAnswer: false, images: 3, parts: [] },
  // Section 3 Convolutional Neural Networks
  { id: 's3-2025-may-q1', section: 3, paper: [2025, 'May'], hasAnswer: true, images: 2, parts: letters('abcdefgh') },
  { id: 's3-2024-may-abc-q2', section: 3, paper: [2024, 'May', 'ABC'], hasAnswer: false, images: 2, parts: [] },
  { id: 's3-2024-dec-abd-q3', section: 3, paper: [2024, 'Dec', 'ABD'], hasAnswer: true, images: 1, parts: letters('abc') },
  { id: 's3-2024-dec-abd-q4', section: 3, paper: [2024, 'Dec', 'ABD'], hasAnswer: false, images: 2, parts: [] },
  { id: 's3-2024-dec-c-q5', section: 3, paper: [2024, 'Dec', 'C'], hasAnswer: false, images: 1, parts: [] },
  { id: 's3-2024-may-d-q6', section: 3, paper: [2024, 'May', 'D'], hasAnswer: false, images: 2, parts: [] },
  { id: 's3-2023-may-abc-q7', section: 3, paper: [2023, 'May', 'ABC'], hasAnswer: false, images: 2, parts: [] },
  { id: 's3-2022-may-1-q8', section: 3, paper: [2022, 'May', '1'], hasAnswer: false, images: 1, parts: [] },
  // Section 4 Large Language Model (no Q4: numbering skips)
  { id: 's4-2025-may-q1', section: 4, paper: [2025, 'May'], hasAnswer: true, images: 2, parts: [['c', 1, U]] },
  { id: 's4-2024-may-abc-q2', section: 4, paper: [2024, 'May', 'ABC'], hasAnswer: false, images: 3, parts: [] },
  {
    id: 's4-2024-dec-abd-q3',
    section: 4,
    paper: [2024, 'Dec', 'ABD'],
    hasAnswer: true,
    images: 3,
    parts: [...letters('abcde', 'deepseek-'), ...letters('abcde', 'gpt-')],
    variants: ['DeepSeek', 'GPT'],
  },
  { id: 's4-2025-may-q5', section: 4, paper: [2025, 'May'], hasAnswer: true, images: 1, parts: letters('abc') },
  // Section 5 Generative Adversarial Networks
  { id: 's5-2025-may-q1', section: 5, paper: [2025, 'May'], hasAnswer: true, images: 1, parts: letters('abc') },
  { id: 's5-2024-may-abc-q2', section: 5, paper: [2024, 'May', 'ABC'], hasAnswer: true, images: 5, parts: letters('abcde') },
  { id: 's5-2022-may-2-q3', section: 5, paper: [2022, 'May', '2'], hasAnswer: true, images: 3, parts: letters('abcd') },
];

const questions = allQuestions(notes);
const byId = new Map<string, ParsedQuestion>(questions.map((question) => [question.id, question]));
const question = (id: string): ParsedQuestion => {
  const found = byId.get(id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('dasc7606-final.md: overall shape', () => {
  it('has the title, the scope and five sections of questions', () => {
    expect(notes.title).toBe('DASC7606 Final - summarized by hyperloop');
    expect(notes.preamble.text).toBe('');
    expect(notes.sections.map((section) => [section.number, section.title, section.scope, section.questions.length])).toEqual([
      [0, 'Scope', true, 0],
      [1, 'DeepLearning Basis', false, 7],
      [2, 'NLP', false, 1],
      [3, 'Convolutional Neural Networks', false, 8],
      [4, 'Large Language Model', false, 4],
      [5, 'Generative Adversarial Networks', false, 3],
    ]);
  });

  it('has a scope page that is one screenshot', () => {
    const [scope] = notes.sections;
    expect(scope?.intro.text).toBe('![Scope](./Scope.png)');
    expect(scope?.introImages).toEqual([{ src: './Scope.png', alt: 'Scope', line: 5 }]);
  });

  it('has all 23 questions in notes order, 11 of them without a written answer', () => {
    expect(questions.map((q) => q.id)).toEqual(EXPECTED.map((row) => row.id));
    expect(questions.filter((q) => !q.outline.hasAnswer)).toHaveLength(11);
  });

  it('references 48 screenshots in all, the scope included', () => {
    const count = notes.sections.reduce(
      (sum, section) => sum + section.introImages.length + section.questions.reduce((n, q) => n + q.images.length, 0),
      0,
    );
    expect(count).toBe(48);
  });
});

describe.each(EXPECTED)('dasc7606 $id', (row) => {
  const q = question(row.id);
  it('has the right section and paper', () => {
    const [year, sitting, variant] = row.paper;
    const label = [year, sitting, variant].filter(Boolean).join(' ');
    const paper: Paper = variant === undefined ? { year, sitting, label } : { year, sitting, variant, label };
    expect(notes.sections.find((section) => section.questions.includes(q))?.number).toBe(row.section);
    expect(q.heading.paper).toEqual(paper);
    expect(q.heading.examinability).toBe('unmarked');
  });
  it('has the right answer status and number of screenshots', () => {
    expect(q.outline.hasAnswer).toBe(row.hasAnswer);
    expect(q.images).toHaveLength(row.images);
  });
  it('has the right parts, depths, examinability and variants', () => {
    expect(q.outline.parts.map((part): PartRow => [part.anchor, part.depth, part.examinability])).toEqual(row.parts);
    expect(q.outline.variants).toEqual(row.variants ?? []);
  });
});

describe('dasc7606: details a careful reader checks', () => {
  it('reads points from part labels', () => {
    expect(
      question('s1-2023-may-abc-q4')
        .outline.parts.filter((part) => part.depth === 1)
        .map((part) => part.points),
    ).toEqual([9, 9, 6]);
    expect(question('s4-2024-dec-abd-q3').outline.parts.map((part) => part.points)).toEqual([6, 4, 6, 3, 4, 6, 4, 6, 3, 4]);
  });

  it('gives Section 4 Q3 two whole-answer variants, each with parts (a)-(e)', () => {
    const parts = question('s4-2024-dec-abd-q3').outline.parts;
    expect(parts.map((part) => [part.label, part.variant])).toEqual([
      ...['(a)', '(b)', '(c)', '(d)', '(e)'].map((label) => [label, 'DeepSeek']),
      ...['(a)', '(b)', '(c)', '(d)', '(e)'].map((label) => [label, 'GPT']),
    ]);
    expect(parts.every((part) => part.hasAnswer)).toBe(true);
  });

  it('gives Section 5 Q1 answer variants inside parts (b) and (c)', () => {
    expect(question('s5-2025-may-q1').outline.parts.map((part) => [part.anchor, part.sources])).toEqual([
      ['a', []],
      ['b', ['DeepSeek', 'Gemini', 'GPT']],
      ['c', ['DeepSeek', 'Gemini & GPT']],
    ]);
  });

  it('keeps Section 1 Q1 as one question despite its "## Answer"', () => {
    const q = question('s1-2024-may-abc-q1');
    expect(q.body.text).toMatch(/^!\[Q3\]\(\.\/2024MayABC\/7\.png\)\n\n## Answer\n/);
    expect(q.outline.parts.map((part) => part.title)).toEqual([
      '训练误差低但测试误差高：原因？哪些动作能改善？',
      '测试误差显著低于训练误差：可能原因？',
      '小 batch 时：batch 越大，达到目标loss所需迭代次数越少，为什么？',
      '大 batch 时：继续增大 batch，迭代次数变化不大，为什么？',
    ]);
  });

  it('keeps the screenshots where they are: part (c) of Section 1 Q4 after (b), pages 6-10 of Q3 at the end', () => {
    expect(question('s1-2023-may-abc-q4').images.map((image) => [image.src, image.alt, image.line])).toEqual([
      ['./2023MayABC/1.png', 'Q9', 168],
      ['./2023MayABC/2.png', 'Q9', 243],
    ]);
    expect(question('s1-2024-may-d-q3').images.map((image) => image.src)).toEqual([
      './2024MayD/1.png',
      ...[6, 7, 8, 9, 10].map((n) => `./2024MayD/${n}.png`),
    ]);
    expect(question('s5-2024-may-abc-q2').images.map((image) => image.src)).toEqual(
      ['8.png', '10.png', '9.png', '11.png', '12.png'].map((name) => `./2024MayABC/${name}`),
    );
  });

  it('ends Section 3 Q3 part (c) at the rule: the filter list after it is not a part', () => {
    const q = question('s3-2024-dec-abd-q3');
    expect(q.outline.parts.map((part) => part.anchor)).toEqual(['a', 'b', 'c']);
    expect(q.body.text).toContain('### Common Convolutional Filters');
    expect(q.body.text).toContain('### 4. $1 \\times 1$ Convolution Filter (Bottleneck/Channel Mixer)');
  });

  it('keeps the run-together words as written', () => {
    expect(question('s3-2024-dec-abd-q3').body.text).toContain('After applying filter F1After applying filter F2');
    expect(question('s3-2024-dec-abd-q3').body.text).toContain('### 3. Sharpening FilterSharpening Filter');
  });
});

describe('dasc7606: nothing lost', () => {
  const QUESTION_HEADING = /^## Q\d+ /;
  const SECTION_HEADING = /^# Section \d+ /;
  /** Blank lines and `---` separators carry nothing; heading lines move into frontmatter. */
  const normalise = (text: string, dropHeadings: boolean): string[] =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '' && line.trim() !== '---')
      .filter((line) => !dropHeadings || !(SECTION_HEADING.test(line) || QUESTION_HEADING.test(line)));

  it('the content files hold every line of the notes, in order', () => {
    const text = new TextDecoder().decode(bytes);
    const [titleLine, ...rest] = text.split('\n');
    expect(titleLine).toBe('# DASC7606 Final - summarized by hyperloop');
    const expected = normalise(rest.join('\n'), true);

    const files = [...courseFiles(notes, 'dasc7606').values()].map(splitContentFile);
    const ordered = files
      .map(({ data, body }) => ({ line: typeof data.line === 'number' ? data.line : 0, body }))
      .sort((a, b) => a.line - b.line);
    const actual = ordered.flatMap(({ body }) => normalise(body, false));
    expect(actual).toEqual(expected);
    expect(files).toHaveLength(1 + 6 + 23);
  });
});

describe('dasc7606: the importer that reads every style still writes this course as before', () => {
  it('gives byte-identical content files (ratings and links key on their ids)', () => {
    // content/dasc7606 was written by the importer before it learned other styles; it is the reference.
    const files = courseFiles(notes, 'dasc7606');
    const committed = [
      'course.md',
      ...['sections', 'questions'].flatMap((folder) => readdirSync(join(COURSE_DIR, folder)).map((name) => `${folder}/${name}`)),
    ];
    expect([...files.keys()].sort()).toEqual(committed.sort());
    for (const [path, text] of files) expect(text, path).toBe(readFileSync(join(COURSE_DIR, path), 'utf8'));
    expect(notes.warnings).toEqual([]);
  });
});
