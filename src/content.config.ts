/**
 * The typed content the site is built from, written by `npm run import` into
 * `content/<course>/` (or the folder named by CONTENT_DIR). Every field is documented here;
 * a file with a bad field fails the build with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { markdownSource } from './lib/content/markdown-source.ts';

export const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

const examinability = z
  .enum(['unmarked', 'not-examined', 'may-be-examined', 'probably-not-examined'])
  .describe('From the markers (不考) not examined, (可能考) may be examined, (可能不考) probably not examined.');

const screenshot = z.object({
  /** Path as written in the notes, relative to the course's image folder: "./2024MayABC/7.png". */
  src: z.string().min(1),
  /** Alt text as written (often a leftover label such as "Q3", not data). */
  alt: z.string(),
  /** Line of the reference in the notes file. */
  line: z.number().int().nonnegative(),
});

/** One per course: `content/<course>/course.md`; the body is any text before the first section. */
const courses = defineCollection({
  loader: markdownSource({ pattern: '*/course.md', base: CONTENT_DIR, generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
  schema: z.object({
    /** The notes' title line, e.g. "DASC7606 Final - summarized by hyperloop". */
    title: z.string().min(1),
    /** The imported notes file, kept beside the content as the import's source. */
    notes: z.string(),
  }),
});

/** The course's section list: `content/<course>/sections/s<N>.md`; the body is the text before the first question. */
const sections = defineCollection({
  loader: markdownSource({
    pattern: '*/sections/*.md',
    base: CONTENT_DIR,
    generateId: ({ data }) => `${String(data.course)}/s${String(data.number)}`,
  }),
  schema: z.object({
    /** Course id: the name of the course folder. */
    course: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Section number as written ("# Section 3 …"); 0 is usually the exam scope. */
    number: z.number().int().nonnegative(),
    /** Section title as written, e.g. "Convolutional Neural Networks" or "深度学习基础". */
    title: z.string(),
    /** True for the exam-scope page (Section 0, no questions). */
    scope: z.boolean(),
    /** Line of the section heading in the notes file. */
    line: z.number().int().nonnegative(),
    /** Screenshots in the section's own text (the scope page is usually one screenshot). */
    images: z.array(screenshot),
  }),
});

const part = z.object({
  /** Unique within the question, used in the part's permalink: "a", "a-i", "deepseek-b". */
  anchor: z.string().regex(/^[a-z0-9-]+$/),
  /** Label as written: "(a)", "(1)", "1.1", "(i)". */
  label: z.string().min(1),
  /** Kind of label, which decides nesting: (i) under (a) is a sub-part. */
  kind: z.enum(['number', 'letter', 'upper', 'roman', 'upper-roman', 'dotted']),
  /** 1 for parts, 2 for sub-parts, … */
  depth: z.number().int().positive(),
  /** Marks given in the label, e.g. 9 for "(9 pts)". */
  points: z.number().positive().optional(),
  /** Heading text after label and points, without the examinability marker. */
  title: z.string(),
  examinability,
  /** Source of the whole-question answer this part belongs to ("### Answer by DS" → "DeepSeek"). */
  variant: z.string().optional(),
  /** Sources of alternative answers inside the part (**DeepSeek**, **Gemini** …), in order. */
  sources: z.array(z.string()),
  /** Whether the part has written answer text (its own or its sub-parts'). */
  hasAnswer: z.boolean(),
});

/** One per question: `content/<course>/questions/<id>.md`; the body is the question's notes as written. */
const questions = defineCollection({
  loader: markdownSource({
    pattern: '*/questions/*.md',
    base: CONTENT_DIR,
    generateId: ({ data }) => `${String(data.course)}/${String(data.id)}`,
  }),
  schema: z.object({
    /** Stable id within the course from section, paper and number: "s1-2024-may-abc-q1". Ratings and links key on it. */
    id: z.string().regex(/^s\d+-[a-z0-9-]+-q[a-z0-9]+$/),
    /** Course id: the name of the course folder. */
    course: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Number of the section the question is in. */
    section: z.number().int().nonnegative(),
    /** Question number as written, without "Q": "1", "5". */
    number: z.string().min(1),
    /** The question heading as written: "Q1 2024 May ABC". */
    heading: z.string().min(1),
    /** The past paper the question comes from, parsed from the heading. */
    paper: z
      .object({
        /** e.g. 2024 */
        year: z.number().int(),
        /** As written: "May", "Dec". */
        sitting: z.string().min(1),
        /** As written: "ABC", "D", "1"; absent for papers without variants ("2025 May"). */
        variant: z.string().optional(),
        /** "2024 May ABC" */
        label: z.string().min(1),
      })
      .optional(),
    /** Words in the heading after number and paper, if any. */
    title: z.string().optional(),
    /** Marker on the question heading itself, if any. */
    examinability,
    /** Position of the question in the notes (1-based, across sections): the reading order. */
    order: z.number().int().positive(),
    /** Line of the question heading in the notes file. */
    line: z.number().int().positive(),
    /** Whether the notes give a written answer (many questions are screenshots only). */
    hasAnswer: z.boolean(),
    /** The question's screenshots: they are the question statement. */
    images: z.array(screenshot),
    /** Sources of whole-question alternative answers ("### Answer by DS" …), in order. */
    variants: z.array(z.string()),
    /** The question's parts in order, with sub-parts after their parent. */
    parts: z.array(part),
  }),
});

export const collections = { courses, sections, questions };
