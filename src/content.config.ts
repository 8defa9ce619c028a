/**
 * The collections the site is built from: the files `npm run import` writes into `content/<course>/`
 * (or the folder named by CONTENT_DIR). Their shape, with every field documented, is the content
 * contract in src/lib/content/schema.ts; a file with a bad field fails the build with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { COLLECTION_PATTERNS, contentDirectory } from './lib/content/layout.ts';
import { markdownSource } from './lib/markdown/markdown-source.ts';
import { courseSchema, questionSchema, sectionSchema } from './lib/content/schema.ts';

const base = contentDirectory();

/** One per course; the body is any text before the first section. */
const courses = defineCollection({
  loader: markdownSource({ pattern: COLLECTION_PATTERNS.courses, base, generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
  schema: courseSchema,
});

/** One per section; the body is the text before the section's first question. */
const sections = defineCollection({
  loader: markdownSource({
    pattern: COLLECTION_PATTERNS.sections,
    base,
    generateId: ({ data }) => `${String(data.course)}/s${String(data.number)}`,
  }),
  schema: sectionSchema,
});

/** One per question; the body is the question's notes as written. */
const questions = defineCollection({
  loader: markdownSource({
    pattern: COLLECTION_PATTERNS.questions,
    base,
    generateId: ({ data }) => `${String(data.course)}/${String(data.id)}`,
  }),
  schema: questionSchema,
});

export const collections = { courses, sections, questions };
