/**
 * npm run import -- <notes.md> [--course <id>] [--force] [--content <dir>]
 * Splits a notes file into content/<course>/ and copies the screenshots found beside it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { courseFiles, NOTES_FILE } from '../src/lib/notes/content-files.ts';
import { MANIFEST_FILE, manifestFor, planImport, type Manifest } from '../src/lib/notes/import-plan.ts';
import { paperProblem } from '../src/lib/notes/headings.ts';
import { parseNotes } from '../src/lib/notes/split.ts';
import { decodeNotes, slugify } from '../src/lib/notes/text.ts';
import { imageFolder, imagePath } from '../src/lib/content/images.ts';
import { findHostileHtml } from '../src/lib/markdown/html-safety.ts';
import { readTextIfExists, removeFile, writeFileAtomic } from './lib/files.ts';
import { runCli } from './lib/cli.ts';

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { course: { type: 'string' }, force: { type: 'boolean', default: false }, content: { type: 'string', default: 'content' } },
  });
  const [notesPath] = positionals;
  if (!notesPath || positionals.length > 1) throw new Error('usage: npm run import -- <notes.md> [--course <id>] [--force]');
  const course = values.course ?? slugify(basename(notesPath).replace(/\.[^.]+$/, ''));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(course))
    throw new Error(`course id "${course}" must be lowercase letters, digits and dashes (pass --course <id>)`);

  const text = decodeNotes(readFileSync(notesPath), notesPath);
  const notes = parseNotes(text, notesPath);
  const courseDir = resolve(values.content, course);
  const files = courseFiles(notes, course);
  // The source is kept as written (BOM and line endings normalised) so re-imports and tests can use it.
  files.set(NOTES_FILE, text);

  const manifestText = readTextIfExists(join(courseDir, MANIFEST_FILE));
  const manifest = manifestText === undefined ? undefined : (JSON.parse(manifestText) as Manifest);
  const current = new Map<string, string>();
  for (const path of new Set([...files.keys(), ...Object.keys(manifest?.files ?? {})])) {
    const text = readTextIfExists(join(courseDir, path));
    if (text !== undefined) current.set(path, text);
  }
  const plan = planImport(files, current, manifest);
  const shown = relative(process.cwd(), courseDir) || '.';
  if (plan.handEdited.length > 0 && !values.force) {
    const list = plan.handEdited.map((path) => `  ${join(shown, path)}`).join('\n');
    throw new Error(
      `these files were edited by hand since the last import and would be overwritten:\n${list}\nNothing was changed. Re-run with --force to replace them with the notes' text.`,
    );
  }

  for (const [path, text] of plan.write) writeFileAtomic(join(courseDir, path), text);
  for (const path of plan.remove) removeFile(join(courseDir, path));
  // Unchanged notes must leave every file untouched, the manifest included (builds and editors watch mtimes).
  const nextManifest = `${JSON.stringify(manifestFor(files), null, 2)}\n`;
  if (nextManifest !== manifestText) writeFileAtomic(join(courseDir, MANIFEST_FILE), nextManifest);

  let copied = 0;
  const notesDir = dirname(resolve(notesPath));
  const sources = notes.sections.flatMap((section) => [
    ...section.introImages,
    ...section.questions.flatMap((question) => question.images),
  ]);
  for (const image of sources) {
    const target = imagePath(courseDir, image.src);
    const source = resolve(notesDir, image.src);
    if (target && !existsSync(target) && existsSync(source)) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      copied += 1;
    }
  }

  const questions = notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  console.log(
    `Imported ${questions} questions in ${notes.sections.length} sections into ${shown}: ` +
      `${plan.write.size} written, ${plan.unchanged.length} unchanged, ${plan.remove.length} removed, ${copied} screenshots copied.`,
  );
  const missing = sources.filter((image) => {
    const target = imagePath(courseDir, image.src);
    return target !== undefined && !existsSync(target);
  }).length;
  for (const question of notes.sections.flatMap((section) => section.questions)) {
    const problem = paperProblem(question.heading);
    if (problem !== undefined) console.warn(`warning: ${notesPath}:${question.line}: question "${question.headingText}": ${problem}`);
  }
  for (const { line, message } of findHostileHtml(text))
    console.warn(`warning: ${notesPath}${line === undefined ? '' : `:${line}`}: ${message}`);
  if (missing > 0)
    console.log(
      `${missing} screenshots are not in ${relative(process.cwd(), imageFolder(courseDir))}/ yet: put them there (same relative paths as in the notes).`,
    );
});
