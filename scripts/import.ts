/**
 * npm run import -- <notes.md> [--course <id>] [--force] [--content <dir>]
 * Splits a notes file into content/<course>/ and copies the screenshots found beside it.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { imageFolder } from '../src/lib/content/images.ts';
import { runCli } from './lib/cli.ts';
import { importCourse } from './lib/import-course.ts';

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { course: { type: 'string' }, force: { type: 'boolean', default: false }, content: { type: 'string' } },
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new Error('usage: npm run import -- <notes.md> [--course <id>] [--force]');
  const report = importCourse({ source, course: values.course, contentDir: values.content, force: values.force });
  const shown = relative(process.cwd(), report.courseDir) || '.';
  const questions = report.notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  console.log(
    `Imported ${questions} questions in ${report.notes.sections.length} sections into ${shown}: ` +
      `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.copied} screenshots copied.`,
  );
  for (const { file, line, message } of report.warnings)
    console.warn(`warning: ${file}${line === undefined ? '' : `:${line}`}: ${message}`);
  if (report.missingScreenshots > 0) {
    console.log(
      `${report.missingScreenshots} screenshots are not in ${relative(process.cwd(), imageFolder(report.courseDir))}/ yet: put them there (same relative paths as in the notes).`,
    );
  }
});
