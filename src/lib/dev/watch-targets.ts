/**
 * What `npm run dev` watches for each course, and which course a changed file belongs to: the
 * notes it was imported from (a file, or a folder whose Markdown files are the notes), its image
 * folder, and its content files (a hand edit there is one the next import would overwrite).
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { classifyContentPath, contentFileKind, NOTES_FILE, NOTES_FOLDER } from '../content/layout.ts';
import type { CourseId } from '../content/paths.ts';

/** The files of a folder of notes that the import reads. */
const NOTES_FILE_NAME = /\.(md|markdown)$/i;

export interface CourseWatch {
  course: CourseId;
  /** The course folder: `<content>/<course>`. */
  courseDir: string;
  /** The notes the course is imported from: a file, or a folder of `.md` files. */
  notes: string;
  notesIsFolder: boolean;
}

/** What a change is to its course: its notes, a screenshot, or one of the files the import writes. */
export type ChangeKind = 'notes' | 'image' | 'content';

export interface CourseChange {
  course: string;
  kind: ChangeKind;
}

/**
 * The notes a course is re-imported from: the `source` its last import recorded (relative to the
 * course folder) while it is there, else the copy the import keeps beside the content
 * (`notes.md`, or `notes/` for a folder of notes). Undefined when neither exists.
 */
export function notesSource(
  courseDir: string,
  recordedSource: string | undefined,
  kindOf: (path: string) => 'file' | 'folder' | undefined,
): { path: string; isFolder: boolean } | undefined {
  const candidates = [
    ...(recordedSource === undefined ? [] : [resolve(courseDir, recordedSource)]),
    join(courseDir, NOTES_FILE),
    join(courseDir, NOTES_FOLDER),
  ];
  for (const path of candidates) {
    const kind = kindOf(path);
    if (kind !== undefined) return { path, isFolder: kind === 'folder' };
  }
  return undefined;
}

/** `path` relative to `folder` with `/`, or undefined when it is not inside it. */
function inside(folder: string, path: string): string | undefined {
  const rest = relative(folder, path);
  if (rest === '' || rest.startsWith('..') || isAbsolute(rest)) return undefined;
  return rest.split('\\').join('/');
}

/** Which course's notes, screenshot or content file an absolute path is; undefined for anything else. */
export function courseChange(watches: CourseWatch[], changedPath: string): CourseChange | undefined {
  const path = resolve(changedPath);
  // The notes first: the kept copy of the notes lives in the course folder too.
  for (const watch of watches) {
    if (watch.notesIsFolder ? NOTES_FILE_NAME.test(inside(watch.notes, path) ?? '') : resolve(watch.notes) === path)
      return { course: watch.course, kind: 'notes' };
  }
  for (const watch of watches) {
    const inCourse = inside(watch.courseDir, path);
    if (inCourse === undefined) continue;
    const contentPath = `${watch.course}/${inCourse}`;
    if (classifyContentPath(contentPath)?.kind === 'image') return { course: watch.course, kind: 'image' };
    if (contentFileKind(contentPath) !== undefined) return { course: watch.course, kind: 'content' };
  }
  return undefined;
}
