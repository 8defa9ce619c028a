import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, snapshot } from '../helpers/cli.ts';
import { lines } from '../helpers/notes.ts';

const NOTES = lines(
  '# Demo Course',
  '',
  '# Section 0 Scope',
  '',
  '![Scope](./Scope.png)',
  '',
  '# Section 1 Basics',
  '',
  '## Q1 2024 May ABC',
  '',
  '![Q1](./2024May/1.png)',
  '',
  '### (a) 正则化',
  'L2 shrinks the weights.',
  '',
  '## Q2 2024 May ABC',
  '',
  '![Q2](./2024May/2.png)',
);
// Tiny but real PNG bytes are not needed here: the importer copies files as they are.
const SCREENSHOT = Buffer.from('fake png bytes for 2024May/1.png');

let work: string;
let notesPath: string;
let content: string;
let courseDir: string;

const importNotes = (...extra: string[]) => runScript('scripts/import.ts', [notesPath, '--course', 'demo', '--content', content, ...extra]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'import-cli-'));
  notesPath = join(work, 'notes', 'demo.md');
  content = join(work, 'content');
  courseDir = join(content, 'demo');
  mkdirSync(join(work, 'notes', '2024May'), { recursive: true });
  writeFileSync(notesPath, NOTES);
  writeFileSync(join(work, 'notes', '2024May', '1.png'), SCREENSHOT);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// The steps build on each other, as a user's re-imports do.
describe('scripts/import.ts', () => {
  it('writes the course files on the first import', () => {
    const run = importNotes();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Imported 2 questions in 2 sections into .*: 6 written, 0 unchanged, 0 removed, 1 screenshots copied\./);
    expect(run.stdout).toMatch(/2 screenshots are not in .*images\/ yet/);
    expect([...snapshot(courseDir).keys()].sort()).toEqual([
      'course.md',
      'images/2024May/1.png',
      'import-manifest.json',
      'notes.md',
      'questions/s1-2024-may-abc-q1.md',
      'questions/s1-2024-may-abc-q2.md',
      'sections/s0.md',
      'sections/s1.md',
    ]);
    expect(readFileSync(join(courseDir, 'notes.md'), 'utf8')).toBe(NOTES);
    expect(readFileSync(join(courseDir, 'questions/s1-2024-may-abc-q1.md'), 'utf8')).toContain(
      '\n### (a) 正则化\nL2 shrinks the weights.\n',
    );
  });

  it('copies the screenshots found beside the notes into content/<course>/images/', () => {
    expect(readFileSync(join(courseDir, 'images', '2024May', '1.png'))).toEqual(SCREENSHOT);
    expect(existsSync(join(courseDir, 'images', '2024May', '2.png'))).toBe(false);
  });

  it('changes no file when the notes have not changed', async () => {
    const before = snapshot(courseDir);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const run = importNotes();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0 written, 6 unchanged, 0 removed, 0 screenshots copied/);
    expect(snapshot(courseDir)).toEqual(before);
  });

  it('refuses to overwrite a hand-edited file, names it and changes nothing', () => {
    const edited = join(courseDir, 'questions', 's1-2024-may-abc-q1.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nMy own extra note.\n`);
    const before = snapshot(courseDir);
    const run = importNotes();
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/^error: these files were edited by hand since the last import and would be overwritten:\n/);
    expect(run.stderr).toContain(join('demo', 'questions', 's1-2024-may-abc-q1.md'));
    expect(run.stderr).toContain('--force');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(courseDir)).toEqual(before);
  });

  it('overwrites hand edits with --force', () => {
    const run = importNotes('--force');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 written, 5 unchanged, 0 removed/);
    expect(readFileSync(join(courseDir, 'questions', 's1-2024-may-abc-q1.md'), 'utf8')).not.toContain('My own extra note.');
    expect(importNotes().status).toBe(0);
  });

  it('removes the files of a question deleted from the notes', () => {
    writeFileSync(notesPath, NOTES.replace(/## Q2 2024 May ABC\n\n!\[Q2\]\(\.\/2024May\/2\.png\)\n/, ''));
    const run = importNotes();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Imported 1 questions .*: 1 written, 4 unchanged, 1 removed/);
    expect(existsSync(join(courseDir, 'questions', 's1-2024-may-abc-q2.md'))).toBe(false);
  });

  it('imports notes with an unterminated "$$" (closed at the next blank line) and warns with "<file>:<line>: …"', () => {
    const bad = join(work, 'notes', 'bad.md');
    writeFileSync(bad, lines('# Section 1 A', '', '## Q1 2024 May', '', '$$', 'x = 1', '', '## Q2 2024 May'));
    const run = runScript('scripts/import.ts', [bad, '--content', content]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^warning: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: display math opened with "\\$\\$" is never closed`, 'm'),
    );
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(join(content, 'bad', 'questions', 's1-2024-may-q1.md'))).toBe(true);
    expect(existsSync(join(content, 'bad', 'questions', 's1-2024-may-q2.md'))).toBe(true);
  });

  it.each<[string, string, number, RegExp, string[]]>([
    [
      'a question before the first section',
      lines('# Title', '## Q1 2024 May', 'x', '# Section 1 A', '## Q2 2024 May', 'y'),
      2,
      /comes before the first section, so it is in a section of its own/,
      ['questions/s2-2024-may-q1.md', 'questions/s1-2024-may-q2.md'],
    ],
    [
      'a repeated question',
      lines('# Section 1 A', '## Q1 2024 May', 'x', '## Q1 2024 May', 'y'),
      4,
      /same section, paper and number as the question at line 2: imported as s1-2024-may-q1-2/,
      ['questions/s1-2024-may-q1.md', 'questions/s1-2024-may-q1-2.md'],
    ],
  ])('imports %s, warning with file and line, losing nothing', (_name, text, line, message, files) => {
    const notes = join(work, 'notes', 'odd.md');
    writeFileSync(notes, text);
    const run = runScript('scripts/import.ts', [notes, '--content', content, '--course', 'odd', '--force']);
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    for (const file of files) expect(existsSync(join(content, 'odd', file)), file).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`^warning: ${notes.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: .*${message.source}`, 'm'));
  });

  it('prints the outline found with --dry-run and writes nothing', () => {
    const before = snapshot(courseDir);
    const run = importNotes('--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`"Demo Course", 2 sections, 1 questions (questions are headings)`);
    expect(run.stdout).toMatch(/^ {2}s0 Section 0 Scope \(line 3\): exam scope, with an introduction$/m);
    expect(run.stdout).toMatch(
      /^ {4}s1-2024-may-abc-q1 {2}"Q1 2024 May ABC" {2}line 9 · paper 2024 May ABC · parts \(a\) · answer from line 14 · 1 screenshot$/m,
    );
    expect(run.stdout).toMatch(/Nothing was written \(--dry-run\)/);
    expect(snapshot(courseDir)).toEqual(before);
  });

  it('keeps the exam date given once through later imports', () => {
    expect(importNotes('--exam-date', '2026-12-15').status).toBe(0);
    expect(readFileSync(join(courseDir, 'course.md'), 'utf8')).toMatch(/^examDate: 2026-12-15$/m);
    expect(importNotes().stdout).toMatch(/0 written/);
    expect(readFileSync(join(courseDir, 'course.md'), 'utf8')).toMatch(/^examDate: 2026-12-15$/m);
    const bad = importNotes('--exam-date', '15/12/2026');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^error: --exam-date "15\/12\/2026" is not a date: write it as 2026-12-15/);
  });

  it('imports a folder of notes as one course, files in natural order, each section saying where it is from', () => {
    const folder = join(work, 'chapters');
    mkdirSync(join(folder, 'img'), { recursive: true });
    writeFileSync(join(folder, '第十章.md'), lines('# 第十章 事务', '', '## 1.', '', '什么是 2PL？', '', '**答案：** 两阶段锁。'));
    writeFileSync(
      join(folder, '第二章.md'),
      lines('# 第二章 关系', '', '## 1.', '', '![图](./img/a.png)', '', '**答案：** 选择。', '', '## 2.', 'x'),
    );
    writeFileSync(join(folder, 'img', 'a.png'), SCREENSHOT);
    const run = runScript('scripts/import.ts', [folder, '--content', content, '--course', 'db']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Imported 3 questions in 2 sections into .*, 1 screenshots copied\.$/m);
    const dir = join(content, 'db');
    expect(readFileSync(join(dir, 'course.md'), 'utf8')).toMatch(/^notes: notes\/$/m);
    expect(readFileSync(join(dir, 'notes', '第十章.md'), 'utf8')).toContain('两阶段锁');
    expect(readFileSync(join(dir, 'sections', 's2.md'), 'utf8')).toMatch(/^source: 第二章\.md$/m);
    expect(readFileSync(join(dir, 'questions', 's10-no-paper-q1.md'), 'utf8')).toMatch(/^source: 第十章\.md$/m);
    expect(readFileSync(join(dir, 'images', 'img', 'a.png'))).toEqual(SCREENSHOT);
    expect(JSON.parse(readFileSync(join(dir, 'import-manifest.json'), 'utf8')).source).toMatch(/chapters$/);
  });

  it('reports binary input with its line and no stack trace', () => {
    const bad = join(work, 'notes', 'binary.md');
    writeFileSync(bad, Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x00, 0xff, 0xfe]));
    const run = runScript('scripts/import.ts', [bad, '--content', content]);
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd()).toBe(`error: ${bad}:2: the file contains a NUL byte: it is binary, not a Markdown text file`);
  });

  it('explains its usage when the notes file is missing from the command', () => {
    const run = runScript('scripts/import.ts', ['--content', content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: usage: npm run import -- <notes.md \| notes-folder\/>/);
  });
});
