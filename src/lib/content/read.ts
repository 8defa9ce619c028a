/**
 * Reads the content folder outside Astro (search index, PDFs, checks, tests): every course with its
 * sections and questions, each validated against the contract (schema.ts), so scripts get the same
 * typed data the pages get.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { splitFrontmatter } from './frontmatter.ts';
import { COURSE_FILE, coursePaths, QUESTIONS_FOLDER, SECTIONS_FOLDER } from './layout.ts';
import { COURSE_ID, courseSchema, questionSchema, sectionSchema, type CourseData, type QuestionData, type SectionData } from './schema.ts';

export interface ContentEntry<T> {
  /** Path relative to the content folder, with `/`: "dasc7606/sections/s1.md". */
  path: string;
  data: T;
  /** The Markdown after the frontmatter. */
  body: string;
}

export interface CourseContent {
  id: string;
  course: ContentEntry<CourseData>;
  /** In number order. */
  sections: ContentEntry<SectionData>[];
  /** In the notes' order. */
  questions: ContentEntry<QuestionData>[];
}

function readEntry<S extends z.ZodType>(dir: string, path: string, schema: S): ContentEntry<z.infer<S>> {
  const file = splitFrontmatter(readFileSync(join(dir, path), 'utf8'));
  if (!file) throw new Error(`${join(dir, path)}: no frontmatter between "---" lines`);
  const { data, body } = file;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${join(dir, path)}: frontmatter field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  return { path, data: parsed.data as z.infer<S>, body };
}

function markdownIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
}

/** The id of every course in the content folder (folders holding a course.md), sorted. */
export function courseIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && COURSE_ID.test(entry.name) && existsSync(join(dir, entry.name, COURSE_FILE)))
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

export function readCourse(dir: string, id: string): CourseContent {
  const inCourse = (folder: string, name: string): string => `${id}/${folder}/${name}`;
  return {
    id,
    course: readCourseEntry(dir, id),
    sections: markdownIn(join(dir, id, SECTIONS_FOLDER))
      .map((name) => readEntry(dir, inCourse(SECTIONS_FOLDER, name), sectionSchema))
      .sort((a, b) => a.data.number - b.data.number),
    questions: markdownIn(join(dir, id, QUESTIONS_FOLDER))
      .map((name) => readEntry(dir, inCourse(QUESTIONS_FOLDER, name), questionSchema))
      .sort((a, b) => a.data.order - b.data.order),
  };
}
