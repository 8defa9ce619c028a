/**
 * The content contract: the shape of every file the import writes into `content/<course>/`, as zod
 * schemas with one line of documentation per field. Everything else takes its types from here
 * (`z.infer`): the collections (src/content.config.ts), the importer's writer, the content check,
 * the page models, the scripts and the tests. Where the files live is in layout.ts.
 */
import { z } from 'zod';
import { isExamDate } from './exam-date.ts';
import { COURSE_ID, QUESTION_ID, type CourseId, type QuestionId } from './paths.ts';
import { ANSWER_RULES, QUESTION_RULES } from './rules.ts';

/** A string its pattern accepts, read as the branded type it names (content/paths.ts). */
const branded = <T extends string>(pattern: RegExp) => z.string().regex(pattern).transform((text) => text as T);

const courseIdSchema = branded<CourseId>(COURSE_ID);

export const examinabilitySchema = z
  .enum(['unmarked', 'not-examined', 'may-be-examined', 'probably-not-examined'])
  .describe('From the markers (不考) not examined, (可能考) may be examined, (可能不考) probably not examined.');

export type Examinability = z.infer<typeof examinabilitySchema>;

export const screenshotSchema = z.object({
  /** Path as written in the notes, relative to the course's image folder: "./2024MayABC/7.png". */
  src: z.string().min(1),
  /** Alt text as written (often a leftover label such as "Q3", not data). */
  alt: z.string(),
  /** Line of the reference in the notes file. */
  line: z.number().int().nonnegative(),
});

export type Screenshot = z.infer<typeof screenshotSchema>;

export const paperSchema = z.object({
  /** Year the paper was sat (the first year of an academic year such as 2019-2020); absent when the name gives none. */
  year: z.number().int().optional(),
  /** Sitting as written: "May", "Dec", "Midterm"; absent for papers named in other words ("2022年网传往年题"). */
  sitting: z.string().min(1).optional(),
  /** Variant as written: "ABC", "D", "1", "A"; absent for papers without variants ("2025 May"). */
  variant: z.string().optional(),
  /** The paper's name as shown and slugged for its page: "2024 May ABC", "2019-2020 学年秋季学期期中考试卷". */
  label: z.string().min(1),
});

export type Paper = z.infer<typeof paperSchema>;

/** An author's id: the name of their folder under content/<course>/authors/, from their name ("Lin" → "lin"). */
export const AUTHOR_ID = COURSE_ID;

const authorIdSchema = z
  .string()
  .regex(AUTHOR_ID)
  .describe("For a course several students' notes make: the author whose notes this file comes from (authors/<id>/); absent for the course's first notes.");

/** A question as the study group names it when settling matches: "<author id>/<question id in their notes>". */
const questionRefs = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*\/s\d+-[a-z0-9-]+$/, 'write each question as <author>/<question id>, e.g. lin/s1-2024-may-abc-q1'));

export const partSchema = z.object({
  /** Unique within the question, used in the part's permalink: "a", "a-i", "deepseek-b". */
  anchor: z.string().regex(/^[a-z0-9-]+$/),
  /** Label as written: "(a)", "(1)", "1.1", "(i)", "a)". */
  label: z.string().min(1),
  /** Kind of label, which decides nesting: (i) under (a) is a sub-part. */
  kind: z.enum(['number', 'letter', 'upper', 'roman', 'upper-roman', 'dotted']),
  /** 1 for parts, 2 for sub-parts, … */
  depth: z.number().int().positive(),
  /** Marks given in the label, e.g. 9 for "(9 pts)". */
  points: z.number().positive().optional(),
  /** Heading text after label and points, without the examinability marker. */
  title: z.string(),
  examinability: examinabilitySchema,
  /** Source of the whole-question answer this part belongs to ("### Answer by DS" → "DeepSeek"). */
  variant: z.string().optional(),
  /** Sources of alternative answers inside the part (**DeepSeek**, **Gemini** …), in order. */
  sources: z.array(z.string()),
  /** Whether the part has written answer text (its own or its sub-parts'). */
  hasAnswer: z.boolean(),
});

export type Part = z.infer<typeof partSchema>;
export type LabelKind = Part['kind'];

export const examDateSchema = z.preprocess(
  // YAML readers that know timestamps (Astro's does) turn an unquoted 2026-12-15 into a Date at UTC midnight.
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isExamDate, 'an exam date is written 2026-12-15, or 2026-12-15T09:30 with its start time'),
);

/** How a student's notes are read, when they state it; kept by later imports. */
const statedRules = {
  /** How the notes cut into questions, when the student states it (`--questions` or here; the import otherwise infers it): "bold-lines", "cards" … (src/lib/content/rules.ts). */
  questions: z.enum(QUESTION_RULES).optional(),
  /** How the notes set answers apart, when the student states it (`--answers` or here): "after-question-mark", or a list. */
  answers: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.enum(ANSWER_RULES))).optional(),
  /** The heading of the notes' answer key, when it is not one of the usual words ("参考答案", "Answers"). */
  'answer-key': z.string().min(1).optional(),
};

/** `content/<course>/course.md`; the body is any text before the first section (the notes' preamble). */
export const courseSchema = z.object({
  /** The notes' title: their title heading, the `title:` of their front matter, or the course id. */
  title: z.string().min(1),
  /** The copy of the imported notes kept beside the content: "notes.md", or "notes/" for a folder of notes. */
  notes: z.string(),
  /** Other fields of the notes' YAML front matter (author, date …), shown on the course home. */
  meta: z.record(z.string(), z.string()).optional(),
  /** When the exam is, in local time: `--exam-date` at import ("2026-12-15", or "2026-12-15T09:30"), kept by later imports; readers can set their own. */
  examDate: examDateSchema.optional(),
  ...statedRules,
  /** Who wrote the course's first notes (`--author` or the notes' front matter), named where other students' notes join them. */
  author: z.string().min(1).optional(),
  /** Questions of different authors' notes that are the same, as the students settled it: each a list of `<author>/<question id>`. */
  same: z.array(questionRefs).optional(),
  /** Questions that look alike but are not the same, as the students settled it. */
  different: z.array(questionRefs).optional(),
});

export type CourseData = z.infer<typeof courseSchema>;

/** `content/<course>/authors/<id>/author.md`, another student's notes in the course; the body is any text before their first section. */
export const authorSchema = z.object({
  /** The author's name as given (`--author Lin`, or their notes' front matter), shown on their answers. */
  name: z.string().min(1),
  /** The notes' title, as courseSchema's. */
  title: z.string().min(1),
  /** The copy of their notes beside their content: "notes.md", or "notes/" for a folder. */
  notes: z.string(),
  /** Other fields of their notes' front matter. */
  meta: z.record(z.string(), z.string()).optional(),
  /** How their notes cut into questions and set answers apart, when stated: each student writes in their own style. */
  ...statedRules,
});

export type AuthorData = z.infer<typeof authorSchema>;

/** `content/<course>/sections/s<N>.md`; the body is the text between the section heading and its first question. */
export const sectionSchema = z.object({
  /** Course id: the name of the course folder. */
  course: courseIdSchema,
  /** The section's number: as written ("Section 3", "第三章", "一、", "Part B" → 2) when free, else the next free one. 0 is usually the exam scope. */
  number: z.number().int().nonnegative(),
  /** Section title without its number word: "Convolutional Neural Networks", "选择题（每小题 2 分，共 20 分）". */
  title: z.string(),
  /** The heading as written, when the notes do not write "Section <number> <title>": "一、选择题（每小题 2 分）", "Lecture 2: Class & Object". */
  heading: z.string().optional(),
  /** True for the exam-scope page (Section 0, no questions). */
  scope: z.boolean(),
  /** Line of the section heading in the notes file (0 when the notes have no section headings). */
  line: z.number().int().nonnegative(),
  /** For a folder of notes: the file the section comes from, relative to the folder. */
  source: z.string().optional(),
  author: authorIdSchema.optional(),
  /** Screenshots in the section's own text (the scope page is usually one screenshot). */
  images: z.array(screenshotSchema),
});

export type SectionData = z.infer<typeof sectionSchema>;

/** `content/<course>/questions/<id>.md`; the body is the question's notes as written. */
export const questionSchema = z.object({
  /** Stable id within the course from section, paper and number: "s1-2024-may-abc-q1" (and the author's id for another author's: "s1-2024-may-abc-q1-lin"). Ratings and links key on it. */
  id: branded<QuestionId>(QUESTION_ID),
  /** Course id: the name of the course folder. */
  course: courseIdSchema,
  /** Number of the section the question is in. */
  section: z.number().int().nonnegative(),
  /** Question number as written, without its label word: "1", "5", "1-1". */
  number: z.string().min(1),
  /** The question heading as written: "Q1 2024 May ABC", "试题1", "1." (a list-item question). */
  heading: z.string().min(1),
  /** The past paper the question comes from: named in its heading, or by a heading above it. */
  paper: paperSchema.optional(),
  /** Words in the heading after number and paper, if any. */
  title: z.string().optional(),
  /** Marker on the question heading itself, if any. */
  examinability: examinabilitySchema,
  /** Position of the question in the notes (1-based, across sections): the reading order. */
  order: z.number().int().positive(),
  /** Line of the question heading in the notes file. */
  line: z.number().int().positive(),
  /** For a folder of notes: the file the question comes from, relative to the folder. */
  source: z.string().optional(),
  author: authorIdSchema.optional(),
  /** Whether the notes give a written answer (many questions are screenshots only). */
  hasAnswer: z.boolean(),
  /** The question's screenshots: they are (part of) the question statement. */
  images: z.array(screenshotSchema),
  /** Sources of whole-question alternative answers ("### Answer by DS" …), in order. */
  variants: z.array(z.string()),
  /** The question's parts in order, with sub-parts after their parent. */
  parts: z.array(partSchema),
  /**
   * How the notes set answers apart beyond markers such as `### Answer` or `答案：`, for the whole
   * file (src/lib/notes/answers.ts ANSWER_RULES: "containers", "after-question-mark", "letter-after-stem" …).
   */
  answers: z.array(z.enum(ANSWER_RULES)).optional(),
  /** The answer the notes' answer key gives this question (`参考答案 1-5 ACBDA`), with the key's line. */
  key: z.object({ text: z.string().min(1), line: z.number().int().positive() }).optional(),
  /** For a question that is a table row: the table's column names, and which column holds the question (the others hold its answer). */
  table: z.object({ columns: z.array(z.string()), question: z.number().int().nonnegative() }).optional(),
});

export type QuestionData = z.infer<typeof questionSchema>;
