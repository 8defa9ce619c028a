/**
 * Imports a notes file, or a folder of notes as one course, into `content/<course>/`: the steps
 * behind `npm run import` and the dev server's re-import on save. Writes only files whose text
 * changed, never a file edited by hand since the last import (unless forced), and copies the
 * screenshots found beside the notes.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { slugify } from '../../src/lib/content/ids.ts';
import { imagePath } from '../../src/lib/content/images.ts';
import {
  AUTHOR_FILE,
  authorFolder,
  contentDirectory,
  COURSE_FILE,
  coursePaths,
  MANIFEST_FILE,
  NOTES_FILE,
  NOTES_FOLDER,
  QUESTIONS_FOLDER,
  SECTIONS_FOLDER,
} from '../../src/lib/content/layout.ts';
import { authorIds, parseContentEntry, readCourse, readCourseEntry, type CourseContent } from '../../src/lib/content/read.ts';
import { authorSchema, COURSE_ID, courseSchema, questionSchema, sectionSchema, type CourseData } from '../../src/lib/content/schema.ts';
import { shownCourse, type GroupedCourse } from '../../src/lib/group/group.ts';
import { importTarget, notesAuthor, type CourseSoFar, type ImportTarget } from '../../src/lib/import/author-target.ts';
import { courseFiles } from '../../src/lib/import/content-files.ts';
import { inNotesOrder, parseNotesFolder, type NotesFile } from '../../src/lib/import/folder.ts';
import { paperProblem } from '../../src/lib/notes/headings.ts';
import { manifestFor, planImport, type Manifest } from '../../src/lib/import/import-plan.ts';
import { parseNotes, type ImageRef, type ParsedNotes } from '../../src/lib/import/parse-notes.ts';
import { describeInference } from '../../src/lib/import/describe.ts';
import { UNSURE, type Inference, type StatedRules } from '../../src/lib/import/infer.ts';
import { decodeNotes } from '../../src/lib/import/text.ts';
import { readTextIfExists, removeFile, writeFileAtomic } from './files.ts';

export interface ImportOptions {
  /** The notes: a Markdown file, or a folder whose `.md` files are one course. */
  source: string;
  /** Course id; by default the notes' file or folder name, slugged. */
  course?: string | undefined;
  /** The content folder; by default CONTENT_DIR or content/. */
  contentDir?: string | undefined;
  /** Replace files edited by hand since the last import. */
  force?: boolean | undefined;
  /** Work out everything, write nothing. */
  dryRun?: boolean | undefined;
  /** The exam date to keep in course.md ("2026-12-15"); without it, the one already there stays. */
  examDate?: string | undefined;
  /** How questions and answers are set apart, stated by flags; without them, what course.md states stays (else it is inferred). */
  stated?: StatedRules | undefined;
  /** Who wrote the notes (`--author`); by default the notes' front matter (`author:`). Another author's notes join the course in authors/<id>/. */
  author?: string | undefined;
  /** Called after each file of a folder is read: how far the import is. */
  onFile?: ((done: number, total: number, file: string) => void) | undefined;
}

export interface ImportReport {
  course: string;
  courseDir: string;
  /** Whose notes these are, and whether they are the course's first (the course folder) or another author's (authors/<id>/). */
  target: ImportTarget;
  /** The folder the import filled: the course folder, or the author's. */
  importDir: string;
  /** With several authors, how their questions were matched and placed (src/lib/group/). */
  grouping?: Grouping | undefined;
  notes: ParsedNotes;
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Screenshots copied from beside the notes into the course's image folder. */
  copied: number;
  /** Screenshots the notes use that are not in the image folder. */
  missingScreenshots: number;
  warnings: ImportWarning[];
}

/** A located problem that does not stop the import. */
export interface ImportWarning {
  file: string;
  line?: number | undefined;
  message: string;
}

/** `file:line: message`, as editors and terminals link it. */
export function formatImportWarning({ file, line, message }: ImportWarning): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${message}`;
}

/** Files edited by hand since the last import that this import would overwrite or remove; nothing was changed. */
export class HandEditedError extends Error {
  readonly files: string[];
  constructor(files: string[]) {
    super(
      `these files were edited by hand since the last import and would be overwritten:\n${files.map((file) => `  ${file}`).join('\n')}\n` +
        `Nothing was changed. Re-run with --force to replace them with the notes' text.`,
    );
    this.name = 'HandEditedError';
    this.files = files;
  }
}

export function courseIdFor(source: string, course?: string): string {
  const id = course ?? slugify(basename(source).replace(/\.[^.]+$/, ''));
  if (!COURSE_ID.test(id)) throw new Error(`course id "${id}" must be lowercase letters, digits and dashes (pass --course <id>)`);
  return id;
}

const EXAM_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** The `.md` files under a folder (hidden folders and node_modules left out), relative, with `/`. */
function markdownFilesIn(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return markdownFilesIn(folder, path);
    return entry.isFile() && /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
  });
}

interface NotesSource {
  notes: ParsedNotes;
  /** The notes kept beside the content: path in the course folder → text. */
  copies: Map<string, string>;
  /** Where a section's screenshots are looked for: the folder of its notes file. */
  folderOf: (source: string | undefined) => string;
}

function readNotesSource(options: ImportOptions, stated: StatedRules): NotesSource {
  const source = resolve(options.source);
  if (!statSync(source).isDirectory()) {
    const text = decodeNotes(readFileSync(source), options.source);
    const notes = parseNotes(text, { stated });
    return { notes, copies: new Map([[NOTES_FILE, text]]), folderOf: () => dirname(source) };
  }
  const paths = inNotesOrder(markdownFilesIn(source).map((path) => ({ path })));
  if (paths.length === 0) throw new Error(`${options.source} has no .md files: import a notes file or a folder of them`);
  const files: NotesFile[] = paths.map(({ path }, index) => {
    const file = { path, text: decodeNotes(readFileSync(join(source, path)), join(options.source, path)) };
    options.onFile?.(index + 1, paths.length, path);
    return file;
  });
  const notes = parseNotesFolder(files, basename(source), stated);
  return {
    notes,
    copies: new Map(files.map((file) => [`${NOTES_FOLDER}/${file.path}`, file.text])),
    folderOf: (file) => dirname(join(source, file ?? '')),
  };
}

interface KeptSettings {
  examDate?: string | undefined;
  stated: StatedRules;
  /** What the study group settled in course.md. */
  settled?: Pick<CourseData, 'same' | 'different'> | undefined;
}

/** What course.md (or the author's author.md) already keeps, so a plain re-import does not drop it. */
function keptSettings(contentDir: string, course: string, target: ImportTarget): KeptSettings {
  const rulesOf = (data: Pick<CourseData, 'questions' | 'answers' | 'answer-key'>): StatedRules => ({
    questions: data.questions,
    answers: data.answers,
    answerKey: data['answer-key'],
  });
  try {
    if (!target.first) {
      const path = join(contentDir, course, authorFolder(target.author.id), AUTHOR_FILE);
      return existsSync(path)
        ? { stated: rulesOf(parseContentEntry(path, readFileSync(path, 'utf8'), authorSchema).data) }
        : { stated: {} };
    }
    if (!existsSync(join(contentDir, course, coursePaths.course()))) return { stated: {} };
    const { data } = readCourseEntry(contentDir, course);
    return { examDate: data.examDate, stated: rulesOf(data), settled: { same: data.same, different: data.different } };
  } catch {
    return { stated: {} };
  }
}

/** The course as it stands before this import: its first notes' author and source, or undefined for a new course. */
function courseSoFar(contentDir: string, courseDir: string, course: string): CourseSoFar | undefined {
  if (!existsSync(join(courseDir, coursePaths.course()))) return undefined;
  const manifestText = readTextIfExists(join(courseDir, MANIFEST_FILE));
  const source = manifestText === undefined ? undefined : (JSON.parse(manifestText) as Manifest).source;
  let author: string | undefined;
  try {
    author = readCourseEntry(contentDir, course).data.author;
  } catch {
    author = undefined; // the content check names what is wrong with course.md
  }
  return { author, source: source === undefined ? undefined : basename(source) };
}

/** When the import is unsure how the notes are cut, what it chose, the alternative, and how to state it. */
function unsureWarning(inference: Inference, course: string): string | undefined {
  if (inference.stated || inference.chosen.rule === 'fallback' || inference.confidence >= UNSURE) return undefined;
  return [
    `not sure how these notes are cut into questions (${Math.round(inference.confidence * 100)} % sure):`,
    ...describeInference(inference).map((line) => line.trim()),
    `check the outline with: npm run import -- <notes> --course ${course} --dry-run; state the rule in content/${course}/course.md (questions: …) to follow it`,
  ].join('\n');
}

export function importCourse(options: ImportOptions): ImportReport {
  const course = courseIdFor(options.source, options.course);
  if (options.examDate !== undefined && !EXAM_DATE.test(options.examDate)) {
    throw new Error(`--exam-date "${options.examDate}" is not a date: write it as 2026-12-15, or 2026-12-15T09:30 with the time`);
  }
  const contentDir = resolve(options.contentDir ?? contentDirectory());
  const courseDir = join(contentDir, course);
  const soFar = courseSoFar(contentDir, courseDir, course);
  const flags = options.stated ?? {};
  // Whose notes they are may be in their front matter: read them once as flagged, again only if the
  // rules their author stated before differ.
  const read = (kept: KeptSettings): { stated: StatedRules } & NotesSource => {
    const stated: StatedRules = {
      questions: flags.questions ?? kept.stated.questions,
      answers: flags.answers ?? kept.stated.answers,
      answerKey: flags.answerKey ?? kept.stated.answerKey,
    };
    return { stated, ...readNotesSource(options, stated) };
  };
  const keptFirst = keptSettings(contentDir, course, { first: true });
  let source = read(keptFirst);
  const named = options.author ?? notesAuthor(source.notes.meta);
  const target = importTarget(named, basename(resolve(options.source)), soFar);
  const kept = target.first ? keptFirst : keptSettings(contentDir, course, target);
  if (!target.first && JSON.stringify(kept.stated) !== JSON.stringify(keptFirst.stated)) source = read(kept);
  if (
    named === undefined &&
    soFar?.source !== undefined &&
    soFar.source !== basename(resolve(options.source)) &&
    !options.force &&
    !options.dryRun
  )
    throw new Error(
      `${relative(process.cwd(), courseDir) || '.'} holds the notes imported from ${soFar.source}, not ${basename(options.source)}. ` +
        `If these are another student's notes, name their author: --author <name> (or author: in their front matter). ` +
        `If they replace ${soFar.source}, re-run with --force.`,
    );
  const { notes, copies, folderOf, stated } = source;
  const importDir = join(courseDir, target.first ? '' : authorFolder(target.author.id));
  const isFolder = copies.size !== 1 || !copies.has(NOTES_FILE);
  const files = courseFiles(notes, course, {
    notes: isFolder ? `${NOTES_FOLDER}/` : NOTES_FILE,
    examDate: target.first ? (options.examDate ?? kept.examDate) : undefined,
    stated,
    author: target.author && { ...target.author, first: target.first },
    settled: kept.settled,
  });
  // The notes are kept as written (BOM and line endings normalised) so re-imports and tests can use them.
  for (const [path, text] of copies) files.set(path, text);

  const manifestText = readTextIfExists(join(importDir, MANIFEST_FILE));
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as Manifest);
  const current = new Map<string, string>();
  for (const path of new Set([...files.keys(), ...Object.keys(manifest?.files ?? {})])) {
    const existing = readTextIfExists(join(importDir, path));
    if (existing !== undefined) current.set(path, existing);
  }
  const plan = planImport(files, current, manifest);
  const shown = relative(process.cwd(), importDir) || '.';
  if (plan.handEdited.length > 0 && !options.force && !options.dryRun) {
    throw new HandEditedError(plan.handEdited.map((path) => join(shown, path)));
  }

  const screenshots: { image: ImageRef; from: string }[] = notes.sections.flatMap((section) =>
    [...section.introImages, ...section.questions.flatMap((question) => question.images)].map((image) => ({
      image,
      from: resolve(folderOf(section.source), image.src),
    })),
  );
  let copied = 0;
  if (!options.dryRun) {
    for (const [path, fileText] of plan.write) writeFileAtomic(join(importDir, path), fileText);
    for (const path of plan.remove) removeFile(join(importDir, path));
    // Unchanged notes must leave every file untouched, the manifest included (builds and editors watch mtimes).
    const nextManifest = `${JSON.stringify(manifestFor(files, relative(importDir, resolve(options.source)).split(sep).join('/')), null, 2)}\n`;
    if (nextManifest !== manifestText) writeFileAtomic(join(importDir, MANIFEST_FILE), nextManifest);
    for (const { image, from } of screenshots) {
      const copy = imagePath(importDir, image.src);
      if (copy && !existsSync(copy) && existsSync(from)) {
        mkdirSync(dirname(copy), { recursive: true });
        copyFileSync(from, copy);
        copied += 1;
      }
    }
  }
  const missingScreenshots = screenshots.filter(({ image, from }) => {
    const copy = imagePath(importDir, image.src);
    return copy !== undefined && !existsSync(copy) && !(options.dryRun && existsSync(from));
  }).length;

  const fileOf = (source: string | undefined): string => (source === undefined ? options.source : join(options.source, source));
  const warnings: ImportWarning[] = notes.warnings.map(({ file, line, message }) => ({ file: fileOf(file), line, message }));
  const unsure = unsureWarning(notes.inference, course);
  if (unsure !== undefined) warnings.unshift({ file: options.source, message: unsure });
  for (const section of notes.sections) {
    for (const question of section.questions) {
      const problem = paperProblem(question.heading);
      if (problem !== undefined)
        warnings.push({ file: fileOf(section.source), line: question.line, message: `question "${question.headingText}": ${problem}` });
    }
  }

  const grouping = groupingAfter(contentDir, course, target, files, warnings);
  return {
    course,
    courseDir,
    target,
    importDir,
    grouping,
    notes,
    written: [...plan.write.keys()],
    unchanged: plan.unchanged,
    removed: plan.remove,
    copied,
    missingScreenshots,
    warnings,
  };
}

/** How a study group's notes were put together after this import: what matched, what the students must settle, where the rest went. */
export interface Grouping {
  matching: GroupedCourse<unknown, unknown>['matching'];
  /** Each section's title as the site shows it, by number. */
  sectionTitles: Map<number, string>;
  credits: GroupedCourse<unknown, unknown>['credits'];
}

/**
 * The course as it will be with these files (written or, with --dry-run, not), grouped as the site
 * groups it; undefined while the course has one author's notes. Refs in course.md's `same:` /
 * `different:` that name no question are warnings.
 */
function groupingAfter(
  contentDir: string,
  course: string,
  target: ImportTarget,
  files: Map<string, string>,
  warnings: ImportWarning[],
): Grouping | undefined {
  const author = target.first ? undefined : target.author.id;
  // The first author's notes alone group as they are: no need to read the course back.
  if (author === undefined && authorIds(contentDir, course).length === 0) return undefined;
  const folder = [course, authorFolder(author)].filter(Boolean).join('/');
  const parse = <S extends Parameters<typeof parseContentEntry>[2]>(path: string, schema: S) =>
    parseContentEntry(`${folder}/${path}`, files.get(path) ?? '', schema);
  const ofKind = (kind: string): string[] => [...files.keys()].filter((path) => path.startsWith(`${kind}/`) && path.endsWith('.md'));
  let before: CourseContent | undefined;
  try {
    before = existsSync(join(contentDir, course, COURSE_FILE)) ? readCourse(contentDir, course) : undefined;
  } catch {
    return undefined; // the content check names the file that does not read
  }
  const course_ = target.first ? parse(coursePaths.course(), courseSchema) : before?.course;
  if (!course_) return undefined;
  const authors = (before?.authors ?? []).filter((other) => other.id !== author);
  if (author !== undefined) authors.push({ id: author, ...parse(AUTHOR_FILE, authorSchema) });
  if (authors.length === 0) return undefined;
  authors.sort((a, b) => a.id.localeCompare(b.id));
  const theirs = <T extends { data: { author?: string | undefined } }>(entries: T[] | undefined): T[] =>
    (entries ?? []).filter((entry) => entry.data.author !== author);
  const shown = shownCourse({
    id: course,
    course: course_,
    authors,
    sections: [...theirs(before?.sections), ...ofKind(SECTIONS_FOLDER).map((path) => parse(path, sectionSchema))],
    questions: [...theirs(before?.questions), ...ofKind(QUESTIONS_FOLDER).map((path) => parse(path, questionSchema))].sort(
      (a, b) => a.data.order - b.data.order,
    ),
  });
  const { matching, sections, credits } = shown.grouped;
  if (matching.unknown.length > 0)
    warnings.push({
      file: join(contentDir, course, COURSE_FILE),
      message: `same: / different: name questions this course does not have: ${matching.unknown.join(', ')} (write each as <author>/<question id>)`,
    });
  return { matching, credits, sectionTitles: new Map(sections.map((section) => [section.data.number, section.data.title])) };
}
