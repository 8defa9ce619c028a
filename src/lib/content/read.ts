/**
 * Reads the content folder outside Astro (search index, PDFs, checks, tests): every course with its
 * sections and questions, each validated against the contract (schema.ts), so scripts get the same
 * typed data the pages get. Other authors' files (authors/<id>/) come with the course's own, their
 * `author` field set; src/lib/group/ places them as the site shows them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { splitFrontmatter } from './frontmatter.ts';
import { isCourseId, type CourseId } from './paths.ts';
import { AUTHOR_FILE, AUTHORS_FOLDER, authorFolder, COURSE_FILE, coursePaths, QUESTIONS_FOLDER, SECTIONS_FOLDER } from './layout.ts';
import {
  AUTHOR_ID,
  authorSchema,
  courseSchema,
  questionSchema,
  sectionSchema,
  type AuthorData,
  type CourseData,
  type QuestionData,
  type SectionData,
} from './schema.ts';

export interface ContentEntry<T> {
  /** Path relative to the content folder, with `/`: "dasc7606/sections/s1.md". */
  path: string;
  data: T;
  /** The Markdown after the frontmatter. */
  body: string;
}

export interface CourseContent {
  id: CourseId;
  course: ContentEntry<CourseData>;
  /** The other students whose notes joined the course, by id (their folder's name), in id order. */
  authors: (ContentEntry<AuthorData> & { id: string })[];
  /** In number order, the course's own first, then each author's. */
  sections: ContentEntry<SectionData>[];
  /** In the notes' order, the course's own first, then each author's. */
  questions: ContentEntry<QuestionData>[];
}

/** A content file's entry from its text, validated: a bad field names the file and the field. */
export function parseContentEntry<S extends z.ZodType>(path: string, text: string, schema: S, shownPath = path): ContentEntry<z.infer<S>> {
  const file = splitFrontmatter(text);
  if (!file) throw new Error(`${shownPath}: no frontmatter between "---" lines`);
  const { data, body } = file;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${shownPath}: frontmatter field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  return { path, data: parsed.data as z.infer<S>, body };
}

function readEntry<S extends z.ZodType>(dir: string, path: string, schema: S): ContentEntry<z.infer<S>> {
  return parseContentEntry(path, readFileSync(join(dir, path), 'utf8'), schema, join(dir, path));
}

function markdownIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
}

/** The id of every course in the content folder (folders holding a course.md), sorted. */
export function courseIds(dir: string): CourseId[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, COURSE_FILE)))
    .map((entry) => entry.name)
    .filter(isCourseId)
    .sort();
}

/** The ids of the other authors whose notes joined a course (folders under authors/ holding an author.md), sorted. */
export function authorIds(dir: string, course: string): string[] {
  const folder = join(dir, course, AUTHORS_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && AUTHOR_ID.test(entry.name) && existsSync(join(folder, entry.name, AUTHOR_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** Every course in the content folder, sorted by id. */
export function readContentFolder(dir: string): CourseContent[] {
  return courseIds(dir).map((id) => readCourse(dir, id));
}

/** A course's own entry (course.md), without reading its sections and questions. */
export function readCourseEntry(dir: string, id: string): ContentEntry<CourseData> {
  return readEntry(dir, `${id}/${coursePaths.course()}`, courseSchema);
}

export function readCourse(dir: string, id: CourseId): CourseContent {
  const authors = authorIds(dir, id);
  const folders = [undefined, ...authors].map((author) => [id, authorFolder(author)].filter(Boolean).join('/'));
  const inFolder = (folder: string, kind: string, name: string): string => `${folder}/${kind}/${name}`;
  return {
    id,
    course: readCourseEntry(dir, id),
    authors: authors.map((author) => ({ id: author, ...readEntry(dir, `${id}/${authorFolder(author)}/${AUTHOR_FILE}`, authorSchema) })),
    sections: folders.flatMap((folder) =>
      markdownIn(join(dir, folder, SECTIONS_FOLDER))
        .map((name) => readEntry(dir, inFolder(folder, SECTIONS_FOLDER, name), sectionSchema))
        .sort((a, b) => a.data.number - b.data.number),
    ),
    questions: folders.flatMap((folder) =>
      markdownIn(join(dir, folder, QUESTIONS_FOLDER))
        .map((name) => readEntry(dir, inFolder(folder, QUESTIONS_FOLDER, name), questionSchema))
        .sort((a, b) => a.data.order - b.data.order),
    ),
  };
}
