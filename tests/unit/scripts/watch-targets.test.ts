import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCourse } from '../../../scripts/lib/import-course.ts';
import { MANIFEST_FILE } from '../../../src/lib/content/layout.ts';
import type { Manifest } from '../../../src/lib/import/import-plan.ts';
import { ROOT } from '../helpers/cli.ts';
import { courseChange, notesSource, type CourseWatch } from '../../../src/lib/dev/watch-targets.ts';
import { parseCourseId } from '../../../src/lib/content/paths.ts';

const CONTENT = resolve('/home/student/site/content');
const NOTES_DIR = resolve('/home/student/notes');

/** A file system of the given files and folders, for notesSource's `kindOf`. */
function disk(files: string[], folders: string[] = []) {
  return (path: string): 'file' | 'folder' | undefined => (files.includes(path) ? 'file' : folders.includes(path) ? 'folder' : undefined);
}

describe('notesSource: which notes a course is re-imported from', () => {
  const courseDir = join(CONTENT, 'dasc7606');

  it('is the file the last import recorded, resolved against the course folder', () => {
    const recorded = join(NOTES_DIR, 'dl.md');
    expect(notesSource(courseDir, '../../../notes/dl.md', disk([recorded, join(courseDir, 'notes.md')]))).toEqual({
      path: recorded,
      isFolder: false,
    });
  });

  it('is a folder of notes when the import recorded one', () => {
    const folder = join(NOTES_DIR, 'dl');
    expect(notesSource(courseDir, '../../../notes/dl', disk([], [folder]))).toEqual({ path: folder, isFolder: true });
  });

  it('falls back to the copy kept beside the content when the recorded file is gone or none was recorded', () => {
    const kept = join(courseDir, 'notes.md');
    expect(notesSource(courseDir, '../../../notes/moved-away.md', disk([kept]))).toEqual({ path: kept, isFolder: false });
    expect(notesSource(courseDir, undefined, disk([kept]))).toEqual({ path: kept, isFolder: false });
  });

  it('falls back to the kept folder copy of a folder of notes', () => {
    const kept = join(courseDir, 'notes');
    expect(notesSource(courseDir, undefined, disk([], [kept]))).toEqual({ path: kept, isFolder: true });
  });

  it('is undefined when there are no notes at all', () => {
    expect(notesSource(courseDir, 'gone.md', disk([]))).toBeUndefined();
  });
});

describe('notesSource after a real import', () => {
  it("is the folder a folder of notes was imported from, and each of its files is that course's notes", () => {
    const work = mkdtempSync(join(tmpdir(), 'watch-targets-'));
    try {
      const folder = join(work, 'db-chapters');
      cpSync(join(ROOT, 'tests', 'fixtures', 'styles', 'db-chapters'), folder, { recursive: true });
      const report = importCourse({ source: folder, course: 'db', contentDir: join(work, 'content') });
      const manifest = JSON.parse(readFileSync(join(report.courseDir, MANIFEST_FILE), 'utf8')) as Manifest;
      const kindOf = (path: string) => (existsSync(path) ? (statSync(path).isDirectory() ? 'folder' : 'file') : undefined);
      const source = notesSource(report.courseDir, manifest.source, kindOf);
      expect(source).toEqual({ path: folder, isFolder: true });
      const watch: CourseWatch = { course: parseCourseId('db'), courseDir: report.courseDir, notes: folder, notesIsFolder: true };
      for (const file of readdirSync(folder)) expect(courseChange([watch], join(folder, file))).toEqual({ course: 'db', kind: 'notes' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('courseChange: which course a changed file belongs to, and what it is', () => {
  const watches: CourseWatch[] = [
    { course: parseCourseId('dasc7606'), courseDir: join(CONTENT, 'dasc7606'), notes: join(NOTES_DIR, 'dl.md'), notesIsFolder: false },
    { course: parseCourseId('comp3314'), courseDir: join(CONTENT, 'comp3314'), notes: join(NOTES_DIR, 'comp3314'), notesIsFolder: true },
    { course: parseCourseId('kept'), courseDir: join(CONTENT, 'kept'), notes: join(CONTENT, 'kept', 'notes.md'), notesIsFolder: false },
  ];

  it('finds a notes file and the Markdown files at any depth of a notes folder', () => {
    expect(courseChange(watches, join(NOTES_DIR, 'dl.md'))).toEqual({ course: 'dasc7606', kind: 'notes' });
    expect(courseChange(watches, join(NOTES_DIR, 'comp3314', 'week1.md'))).toEqual({ course: 'comp3314', kind: 'notes' });
    expect(courseChange(watches, join(NOTES_DIR, 'comp3314', 'part 2', 'trees.md'))).toEqual({ course: 'comp3314', kind: 'notes' });
    expect(courseChange(watches, join(NOTES_DIR, 'comp3314', 'Week 3.MARKDOWN'))).toEqual({ course: 'comp3314', kind: 'notes' });
  });

  it('ignores other files beside the notes, and a notes file of the same name elsewhere', () => {
    expect(courseChange(watches, join(NOTES_DIR, 'comp3314', 'scan.png'))).toBeUndefined();
    expect(courseChange(watches, join(NOTES_DIR, 'dl.md.swp'))).toBeUndefined();
    expect(courseChange(watches, join(NOTES_DIR, 'other', 'dl.md'))).toBeUndefined();
    expect(courseChange(watches, join(NOTES_DIR, 'comp3314-old', 'week1.md'))).toBeUndefined();
  });

  it('takes the copy kept in the course folder for the notes when it is what the course is imported from', () => {
    expect(courseChange(watches, join(CONTENT, 'kept', 'notes.md'))).toEqual({ course: 'kept', kind: 'notes' });
    // Otherwise the kept copy is the import's own output.
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'notes.md'))).toBeUndefined();
  });

  it('finds screenshots in the image folder, at any depth', () => {
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'images', '2024MayABC', '7.png'))).toEqual({
      course: 'dasc7606',
      kind: 'image',
    });
    expect(courseChange(watches, join(CONTENT, 'comp3314', 'images', 'scope.jpg'))).toEqual({ course: 'comp3314', kind: 'image' });
  });

  it('finds the content files the import writes, but not its manifest or files of other folders', () => {
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'questions', 's1-2024-may-abc-q1.md'))).toEqual({
      course: 'dasc7606',
      kind: 'content',
    });
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'sections', 's3.md'))).toEqual({ course: 'dasc7606', kind: 'content' });
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'course.md'))).toEqual({ course: 'dasc7606', kind: 'content' });
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'import-manifest.json'))).toBeUndefined();
    expect(courseChange(watches, join(CONTENT, 'dasc7606', 'questions', 's1-q1.md.1234.tmp'))).toBeUndefined();
    expect(courseChange(watches, join(CONTENT, 'dasc7606-old', 'questions', 's1-2024-may-abc-q1.md'))).toBeUndefined();
    expect(courseChange(watches, join(CONTENT, 'unwatched', 'course.md'))).toBeUndefined();
  });
});
