/**
 * A study group's course from two students' notes: the user's (as "hyperloop") and Lin's
 * (tests/fixtures/notes/lin-dasc7606.md: another style, English first with Chinese keywords,
 * 10 questions, 7 of them the user's papers' questions, one answer that disagrees, 3 of Lin's own).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourse } from '../../../src/lib/content/read.ts';
import { shownCourse } from '../../../src/lib/group/group.ts';
import { importCourse, type ImportReport } from '../../../scripts/lib/import-course.ts';
import { ROOT, snapshot } from '../helpers/cli.ts';
import { parseCourseId } from '../../../src/lib/content/paths.ts';

const USER_NOTES = join(ROOT, 'content/dasc7606/notes.md');
const LIN_NOTES = join(ROOT, 'tests/fixtures/notes/lin-dasc7606.md');

/** What a reader of both notes finds: Lin's question → the user's, by question id. */
const SAME = {
  's1-2024-may-abc-q1': 's1-2024-may-abc-q1',
  's1-2024-dec-c-q2': 's1-2024-dec-c-q2',
  's2-2025-may-q1': 's3-2025-may-q1',
  's3-no-paper-q3': 's4-2024-dec-abd-q3',
  's4-2025-may-q1': 's5-2025-may-q1',
  's4-2022-may-2-q3': 's5-2022-may-2-q3',
};
/** Same paper, another label: only the answers say it is the user's Q3; the import asks the students. */
const UNDECIDED = ['lin/s2-2024-dec-abd-q7', 'hyperloop/s3-2024-dec-abd-q3'];

let work: string;
let content: string;
let lin: ImportReport;

const importNotes = (source: string, extra: Partial<Parameters<typeof importCourse>[0]> = {}): ImportReport =>
  importCourse({ source, course: 'dasc7606', contentDir: content, ...extra });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'study-group-'));
  content = join(work, 'content');
  copyFileSync(USER_NOTES, join(work, 'dasc7606-final.md'));
  copyFileSync(LIN_NOTES, join(work, 'lin.md'));
  importNotes(join(work, 'dasc7606-final.md'), { author: 'hyperloop' });
  lin = importNotes(join(work, 'lin.md'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('importing a second student’s notes into a course', () => {
  it('puts them in their own folder, named by the author their front matter gives', () => {
    expect(lin.target).toEqual({ first: false, author: { id: 'lin', name: 'Lin' } });
    expect(lin.importDir).toBe(join(content, 'dasc7606', 'authors', 'lin'));
    const course = readCourse(content, parseCourseId('dasc7606'));
    expect(course.course.data.author).toBe('hyperloop');
    expect(course.authors.map((author) => [author.id, author.data.name])).toEqual([['lin', 'Lin']]);
    expect(course.questions.filter((question) => question.data.author === 'lin')).toHaveLength(10);
  });

  it('matches every question both notes have, with a confidence, and asks about the one it cannot decide', () => {
    const matches = lin.grouping!.matching.matches;
    expect(Object.fromEntries(matches.map((match) => [match.ref.replace('lin/', ''), match.into.replace('hyperloop/', '')]))).toEqual(SAME);
    for (const match of matches) expect(match.confidence).toBeGreaterThanOrEqual(0.7);
    expect(lin.grouping!.matching.undecided.map((entry) => [entry.ref, entry.candidates[0]?.ref])).toEqual([UNDECIDED]);
  });

  it('places Lin’s own questions by section name, by paper, else in a section of Lin’s', () => {
    const placed = Object.fromEntries(
      lin
        .grouping!.matching.placed.filter((entry) => entry.placement !== 'matched')
        .map((entry) => [entry.ref, [entry.section, entry.placement]]),
    );
    expect(placed).toMatchObject({
      'lin/s2-no-paper-q8': [3, 'same name'],
      'lin/s5-2022-may-1-q10': [1, 'paper'],
      'lin/s6-no-paper-q2': [6, 'own section'],
    });
    expect(lin.grouping!.sectionTitles.get(6)).toBe('Reinforcement Learning 强化学习');
  });

  it('flags the answer that disagrees, and no other', () => {
    const { grouped } = shownCourse(readCourse(content, parseCourseId('dasc7606')));
    expect([...grouped.differences]).toEqual([
      [
        's5-2025-may-q1',
        [
          {
            label: '(a)',
            answers: [
              { answer: 'C', authors: ['hyperloop'] },
              { answer: 'A', authors: ['Lin'] },
            ],
          },
        ],
      ],
    ]);
    expect(grouped.onlyIn.get('s2-no-paper-q8-lin')?.name).toBe('Lin');
    expect(grouped.credits.map(({ author, questions }) => [author.name, questions])).toEqual([
      ['hyperloop', 23],
      ['Lin', 10],
    ]);
  });

  it('follows what the students settle in course.md, and --dry-run shows it before anything is written', () => {
    const courseFile = join(content, 'dasc7606', 'course.md');
    const before = readFileSync(courseFile, 'utf8');
    writeFileSync(courseFile, before.replace(/\n---\n/, `\nsame:\n  - [${UNDECIDED.join(', ')}]\n---\n`));
    try {
      const files = snapshot(content);
      const dry = importNotes(join(work, 'lin.md'), { dryRun: true });
      expect(snapshot(content)).toEqual(files);
      expect(dry.grouping!.matching.undecided).toEqual([]);
      expect(dry.grouping!.matching.matches).toContainEqual({ into: UNDECIDED[1], ref: UNDECIDED[0], reason: 'settled', confidence: 1 });
    } finally {
      writeFileSync(courseFile, before);
    }
  });

  it('re-imports one author without touching a byte of the other’s files', () => {
    const course = join(content, 'dasc7606');
    const linFiles = join(course, 'authors', 'lin');
    const linBefore = snapshot(linFiles);
    const userNotes = readFileSync(join(work, 'dasc7606-final.md'), 'utf8');
    writeFileSync(
      join(work, 'dasc7606-final.md'),
      userNotes.replace('## Q1 2024 May ABC', '## Q1 2024 May ABC\n\nRe-read before the exam.'),
    );
    const again = importNotes(join(work, 'dasc7606-final.md'));
    expect(again.target.first).toBe(true);
    expect(again.written.length).toBeGreaterThan(0);
    expect(snapshot(linFiles)).toEqual(linBefore);

    const userBefore = [...snapshot(course)].filter(([path]) => !path.startsWith('authors'));
    writeFileSync(
      join(work, 'lin.md'),
      readFileSync(LIN_NOTES, 'utf8').replace('Why do CNNs use max pooling?', 'Why do CNNs use max pooling at all?'),
    );
    const linAgain = importNotes(join(work, 'lin.md'));
    expect(linAgain.written).toContain('questions/s2-no-paper-q8-lin.md');
    expect([...snapshot(course)].filter(([path]) => !path.startsWith('authors'))).toEqual(userBefore);
  });

  it('refuses, with what to do, notes from another file with no author named, which would replace the first notes', () => {
    const other = join(work, 'someone.md');
    writeFileSync(other, '# Notes\n\n## Q1\n\nWhat is dropout?\n');
    expect(() => importNotes(other)).toThrow(/holds the notes imported from dasc7606-final\.md.*--author <name>.*--force/s);
  });
});
