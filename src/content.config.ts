/**
 * The collections the site is built from: the files `npm run import` writes into `content/<course>/`
 * (or the folder named by CONTENT_DIR). Their shape, with every field documented, is the content
 * contract in src/lib/content/schema.ts; a file with a bad field fails the build with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { COLLECTION_PATTERNS, contentDirectory } from './lib/content/layout.ts';
import { markdownSource } from './lib/markdown/markdown-source.ts';
import { authorSchema, courseSchema, questionSchema, sectionSchema } from './lib/content/schema.ts';

const base = contentDirectory();

/** One per course; the body is any text before the first section. */
const courses = defineCollection({
  loader: markdownSource({ pattern: COLLECTION_PATTERNS.courses, base, generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
  schema: courseSchema,
});

/** One per other student whose notes joined a course (authors/<id>/author.md); the body is their notes' preamble. */
const authors = defineCollection({
  loader: markdownSource({
    pattern: COLLECTION_PATTERNS.authors,
    optional: true,
    base,
    generateId: ({ entry }) => {
      const [course, , author] = entry.split('/');
      return `${String(course)}/${String(author)}`;
    },
  }),
  schema: authorSchema,
});

/** One per section of each author's notes; the body is the text before the section's first question. */
const sections = defineCollection({
  loader: markdownSource({
    pattern: COLLECTION_PATTERNS.sections,
    base,
    generateId: ({ data }) =>
      [data.course, data.author, `s${String(data.number)}`]
        .filter((part) => part !== undefined)
        .map(String)
        .join('/'),
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

export const collections = { courses, authors, sections, questions };
