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
import { contentDirectory, coursePaths, MANIFEST_FILE, NOTES_FILE, NOTES_FOLDER } from '../../src/lib/content/layout.ts';
import { readCourseEntry } from '../../src/lib/content/read.ts';
import { COURSE_ID } from '../../src/lib/content/schema.ts';
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
  /** Called after each file of a folder is read: how far the import is. */
  onFile?: ((done: number, total: number, file: string) => void) | undefined;
}

export interface ImportReport {
  course: string;
  courseDir: string;
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

/** What course.md already keeps (the exam date, rules the student stated), so a plain re-import does not drop it. */
function keptSettings(contentDir: string, course: string): { examDate?: string | undefined; stated: StatedRules } {
  if (!existsSync(join(contentDir, course, coursePaths.course()))) return { stated: {} };
  try {
    const { data } = readCourseEntry(contentDir, course);
    return { examDate: data.examDate, stated: { questions: data.questions, answers: data.answers, answerKey: data['answer-key'] } };
  } catch {
    return { stated: {} };
  }
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
  const kept = keptSettings(contentDir, course);
  const flags = options.stated ?? {};
  const stated: StatedRules = {
    questions: flags.questions ?? kept.stated.questions,
    answers: flags.answers ?? kept.stated.answers,
    answerKey: flags.answerKey ?? kept.stated.answerKey,
  };
  const { notes, copies, folderOf } = readNotesSource(options, stated);
  const isFolder = copies.size !== 1 || !copies.has(NOTES_FILE);
  const files = courseFiles(notes, course, {
    notes: isFolder ? `${NOTES_FOLDER}/` : NOTES_FILE,
    examDate: options.examDate ?? kept.examDate,
    stated,
  });
  // The notes are kept as written (BOM and line endings normalised) so re-imports and tests can use them.
  for (const [path, text] of copies) files.set(path, text);

  const manifestText = readTextIfExists(join(courseDir, MANIFEST_FILE));
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as Manifest);
  const current = new Map<string, string>();
  for (const path of new Set([...files.keys(), ...Object.keys(manifest?.files ?? {})])) {
    const existing = readTextIfExists(join(courseDir, path));
    if (existing !== undefined) current.set(path, existing);
  }
  const plan = planImport(files, current, manifest);
  const shown = relative(process.cwd(), courseDir) || '.';
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
    for (const [path, fileText] of plan.write) writeFileAtomic(join(courseDir, path), fileText);
    for (const path of plan.remove) removeFile(join(courseDir, path));
    // Unchanged notes must leave every file untouched, the manifest included (builds and editors watch mtimes).
    const nextManifest = `${JSON.stringify(manifestFor(files, relative(courseDir, resolve(options.source)).split(sep).join('/')), null, 2)}\n`;
    if (nextManifest !== manifestText) writeFileAtomic(join(courseDir, MANIFEST_FILE), nextManifest);
    for (const { image, from } of screenshots) {
      const target = imagePath(courseDir, image.src);
      if (target && !existsSync(target) && existsSync(from)) {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(from, target);
        copied += 1;
      }
    }
  }
  const missingScreenshots = screenshots.filter(({ image, from }) => {
    const target = imagePath(courseDir, image.src);
    return target !== undefined && !existsSync(target) && !(options.dryRun && existsSync(from));
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

  return {
    course,
    courseDir,
    notes,
    written: [...plan.write.keys()],
    unchanged: plan.unchanged,
    removed: plan.remove,
    copied,
    missingScreenshots,
    warnings,
  };
}
