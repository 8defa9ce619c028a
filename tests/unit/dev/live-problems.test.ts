import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCourse } from '../../../scripts/lib/import-course.ts';
import { importFailure, shown } from '../../../scripts/lib/live-notes.ts';
import { checkContent } from '../../../src/lib/check/content-check.ts';
import {
  checkProblems,
  importWarnings,
  formatProblem,
  importProblems,
  problemCounts,
  problemLocation,
  sortProblems,
  type LiveProblem,
} from '../../../src/lib/dev/problems.ts';
import { lines } from '../helpers/notes.ts';

const work = mkdtempSync(join(tmpdir(), 'live-problems-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = lines(
  '# Demo',
  '',
  '# Section 1 Basics',
  '',
  '## Q1 2024 May',
  '',
  'What is $x$?',
  '',
  '### Answer',
  '',
  'It is $x = 1$.',
  '',
  '## Q2 2024 May',
  '',
  'And $y$?',
);

/** What the dev server shows for an import of `notes` that fails. */
function failedImport(notes: string, content: string): LiveProblem[] {
  try {
    importCourse({ source: notes, course: 'demo', contentDir: content });
  } catch (error) {
    return importProblems('demo', importFailure(error, notes));
  }
  throw new Error('expected the import to fail');
}

describe('problems while writing, as the dev server shows them', () => {
  it('notes that are not text: the notes file, its line and the problem', () => {
    const notes = join(work, 'binary.md');
    const content = join(work, 'binary-content');
    writeFileSync(notes, GOOD);
    importCourse({ source: notes, course: 'demo', contentDir: content });
    writeFileSync(notes, Buffer.concat([Buffer.from(GOOD), Buffer.from([0xff, 0xfe, 0x0a])]));
    const [problem, ...rest] = failedImport(notes, content);
    expect(rest).toEqual([]);
    const line = GOOD.split('\n').length;
    expect(problem).toEqual({
      course: 'demo',
      severity: 'error',
      file: shown(notes),
      line,
      message: expect.stringMatching(/not valid UTF-8/),
    });
    expect(formatProblem(problem!)).toBe(`${shown(notes)}:${line}: error: ${problem!.message}`);
  });

  it('a problem in the notes the import repaired: a warning with the notes file and its line, the pages updated', () => {
    const notes = join(work, 'unclosed.md');
    const content = join(work, 'unclosed-content');
    const broken = GOOD.replace('It is $x = 1$.', () => '$$\nx = 1');
    writeFileSync(notes, broken);
    const report = importCourse({ source: notes, course: 'demo', contentDir: content });
    const line = broken.split('\n').indexOf('$$') + 1;
    expect(
      importWarnings(
        'demo',
        report.warnings.map((warning) => ({ ...warning, file: shown(warning.file) })),
      ),
    ).toContainEqual({
      course: 'demo',
      severity: 'warning',
      file: shown(notes),
      line,
      message: expect.stringMatching(/never closed/),
    });
  });

  it('a hand-edited content file the import would overwrite: each file, and how to replace it', () => {
    const notes = join(work, 'hand.md');
    const content = join(work, 'hand-content');
    writeFileSync(notes, GOOD);
    const report = importCourse({ source: notes, course: 'demo', contentDir: content });
    const question = join(report.courseDir, 'questions', 's1-2024-may-q1.md');
    writeFileSync(question, readFileSync(question, 'utf8').replace('It is', 'By hand, it is'));
    writeFileSync(notes, GOOD.replace('It is', 'In the notes, it is'));
    const problems = failedImport(notes, content);
    expect(problems).toEqual([
      {
        course: 'demo',
        severity: 'error',
        file: shown(question),
        message: expect.stringContaining(`npm run import -- ${shown(notes)} --course demo --force`),
      },
    ]);
    expect(problemLocation(problems[0]!)).toBe(problems[0]!.file);
  });

  it('notes that cannot be read: the file and why', () => {
    const missing = join(work, 'moved-away.md');
    const [problem] = failedImport(missing, join(work, 'missing-content'));
    expect(problem).toMatchObject({ severity: 'error', file: shown(missing), message: expect.stringMatching(/ENOENT/) });
    expect(problem?.line).toBeUndefined();
  });

  it("the content check's findings: KaTeX errors and missing screenshots, with content files as the terminal shows them", () => {
    const files = new Map([
      [
        'demo/questions/s1-2024-may-q1.md',
        lines('---', 'id: s1-2024-may-q1', '---', '', 'Broken $\\frac{1}{$ formula.', '', '![Q1](./2024May/1.png)'),
      ],
    ]);
    const problems = checkProblems('demo', checkContent({ files, images: new Set() }), (path) => `content/${path}`);
    const katex = problems.find((problem) => problem.message.startsWith('KaTeX cannot render'));
    expect(katex).toMatchObject({ course: 'demo', severity: 'error', file: 'content/demo/questions/s1-2024-may-q1.md', line: 5 });
    expect(problems.find((problem) => /screenshot is not in demo\/images\//.test(problem.message))).toMatchObject({
      severity: 'warning',
      line: 7,
    });
    // Where the content file comes from in the notes, when known, follows the message.
    const located = checkProblems(
      'demo',
      checkContent({ files, images: new Set() }),
      (path) => path,
      (path) => `question "Q1" at notes.md:9 (${path})`,
    );
    expect(located[0]?.message).toMatch(/ \(question "Q1" at notes\.md:9 \(demo\/questions\/s1-2024-may-q1\.md\)\)$/);
  });

  it('a character no font can show: its content file, line and the fix', () => {
    const files = new Map([
      ['demo/questions/s1-2024-may-q1.md', lines('---', 'id: s1-2024-may-q1', '---', '', 'Pasted \u{10FE4D} from a PDF.')],
    ]);
    const problems = checkProblems('demo', checkContent({ files, images: new Set() }), (path) => `content/${path}`);
    expect(problems.filter((problem) => problem.message.includes('no font'))).toEqual([
      {
        course: 'demo',
        severity: 'warning',
        file: 'content/demo/questions/s1-2024-may-q1.md',
        line: 5,
        message: expect.stringMatching(/^U\+10FE4D is a private-use character that no font can show: .*retype it in the notes$/),
      },
    ]);
  });

  it('lists errors before warnings, and counts them', () => {
    const warning: LiveProblem = { course: 'a', severity: 'warning', file: 'a.md', line: 1, message: 'w' };
    const error2: LiveProblem = { course: 'a', severity: 'error', file: 'b.md', line: 9, message: 'e' };
    const error1: LiveProblem = { course: 'a', severity: 'error', file: 'b.md', line: 2, message: 'e' };
    expect(sortProblems([warning, error2, error1])).toEqual([error1, error2, warning]);
    expect(problemCounts([warning, error2, error1])).toBe('2 errors, 1 warning');
    expect(problemCounts([warning])).toBe('1 warning');
    expect(problemCounts([])).toBe('');
  });
});

describe('shown: paths as the terminal shows them', () => {
  it('is relative inside the project and absolute outside it', () => {
    expect(shown(join(process.cwd(), 'content', 'dasc7606', 'notes.md'))).toBe('content/dasc7606/notes.md');
    expect(shown(join(work, 'notes.md'))).toBe(join(work, 'notes.md'));
  });
});
