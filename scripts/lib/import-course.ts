/**
 * Imports a notes file into `content/<course>/`: the steps behind `npm run import` and the dev
 * server's re-import on save. Writes only files whose text changed, never a file edited by hand
 * since the last import (unless forced), and copies the screenshots found beside the notes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { slugify } from '../../src/lib/content/ids.ts';
import { imagePath } from '../../src/lib/content/images.ts';
import { contentDirectory, MANIFEST_FILE, NOTES_FILE } from '../../src/lib/content/layout.ts';
import { COURSE_ID } from '../../src/lib/content/schema.ts';
import { findHostileHtml } from '../../src/lib/markdown/html-safety.ts';
import { courseFiles } from '../../src/lib/notes/content-files.ts';
import { paperProblem } from '../../src/lib/notes/headings.ts';
import { manifestFor, planImport, type Manifest } from '../../src/lib/notes/import-plan.ts';
import { parseNotes, type ParsedNotes } from '../../src/lib/notes/split.ts';
import { decodeNotes } from '../../src/lib/notes/text.ts';
import { readTextIfExists, removeFile, writeFileAtomic } from './files.ts';

export interface ImportOptions {
  /** The notes file. */
  source: string;
  /** Course id; by default the notes' file name, slugged. */
  course?: string | undefined;
  /** The content folder; by default CONTENT_DIR or content/. */
  contentDir?: string | undefined;
  /** Replace files edited by hand since the last import. */
  force?: boolean | undefined;
}

/** A located problem that does not stop the import. */
export interface ImportWarning {
  file: string;
  line?: number | undefined;
  message: string;
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

export function importCourse(options: ImportOptions): ImportReport {
  const course = courseIdFor(options.source, options.course);
  const text = decodeNotes(readFileSync(options.source), options.source);
  const notes = parseNotes(text, options.source);
  const courseDir = resolve(options.contentDir ?? contentDirectory(), course);
  const files = courseFiles(notes, course);
  // The source is kept as written (BOM and line endings normalised) so re-imports and tests can use it.
  files.set(NOTES_FILE, text);

  const manifestText = readTextIfExists(join(courseDir, MANIFEST_FILE));
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as Manifest);
  const current = new Map<string, string>();
  for (const path of new Set([...files.keys(), ...Object.keys(manifest?.files ?? {})])) {
    const existing = readTextIfExists(join(courseDir, path));
    if (existing !== undefined) current.set(path, existing);
  }
  const plan = planImport(files, current, manifest);
  const shown = relative(process.cwd(), courseDir) || '.';
  if (plan.handEdited.length > 0 && !options.force) throw new HandEditedError(plan.handEdited.map((path) => join(shown, path)));

  for (const [path, fileText] of plan.write) writeFileAtomic(join(courseDir, path), fileText);
  for (const path of plan.remove) removeFile(join(courseDir, path));
  // Unchanged notes must leave every file untouched, the manifest included (builds and editors watch mtimes).
  const nextManifest = `${JSON.stringify(manifestFor(files, relative(courseDir, resolve(options.source))), null, 2)}\n`;
  if (nextManifest !== manifestText) writeFileAtomic(join(courseDir, MANIFEST_FILE), nextManifest);

  const notesDir = dirname(resolve(options.source));
  const screenshots = notes.sections.flatMap((section) => [
    ...section.introImages,
    ...section.questions.flatMap((question) => question.images),
  ]);
  let copied = 0;
  for (const image of screenshots) {
    const target = imagePath(courseDir, image.src);
    const from = resolve(notesDir, image.src);
    if (target && !existsSync(target) && existsSync(from)) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(from, target);
      copied += 1;
    }
  }
  const missingScreenshots = screenshots.filter((image) => {
    const target = imagePath(courseDir, image.src);
    return target !== undefined && !existsSync(target);
  }).length;

  const warnings: ImportWarning[] = [];
  for (const question of notes.sections.flatMap((section) => section.questions)) {
    const problem = paperProblem(question.heading);
    if (problem !== undefined)
      warnings.push({ file: options.source, line: question.line, message: `question "${question.headingText}": ${problem}` });
  }
  for (const { line, message } of findHostileHtml(text)) warnings.push({ file: options.source, line, message });

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
