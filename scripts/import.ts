/**
 * npm run import -- <notes.md | notes-folder/> [--course <id>] [--exam-date 2026-12-15] [--dry-run] [--force] [--content <dir>]
 * Splits notes into content/<course>/ and copies the screenshots found beside them. --dry-run
 * prints the outline found (sections; questions with paper, parts and where the answer starts) and writes nothing.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { imageFolder } from '../src/lib/content/images.ts';
import { describeNotes } from '../src/lib/import/describe.ts';
import { runCli } from './lib/cli.ts';
import { formatImportWarning, importCourse } from './lib/import-course.ts';

const USAGE = 'usage: npm run import -- <notes.md | notes-folder/> [--course <id>] [--exam-date 2026-12-15] [--dry-run] [--force]';

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      course: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'exam-date': { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`${USAGE}\n\nWhat it reads and writes: README.md, "Import your own notes".`);
    return;
  }
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new Error(USAGE);
  const dryRun = values['dry-run'];
  // A folder of many files says how far it has read (stderr, so the outline or summary stays clean).
  const onFile = (done: number, total: number, file: string): void => {
    if (total >= 10) process.stderr.write(`Reading notes ${done}/${total} · ${file}\n`);
  };
  const report = importCourse({
    source,
    course: values.course,
    contentDir: values.content,
    force: values.force,
    dryRun,
    examDate: values['exam-date'],
    onFile,
  });
  const shown = relative(process.cwd(), report.courseDir) || '.';
  if (dryRun) {
    console.log(describeNotes(report.notes, source).join('\n'));
    for (const warning of report.warnings) console.warn(`warning: ${formatImportWarning(warning)}`);
    console.log(`Nothing was written (--dry-run). The import would write ${report.written.length} files into ${shown}.`);
    return;
  }
  const questions = report.notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  console.log(
    `Imported ${questions} questions in ${report.notes.sections.length} sections into ${shown}: ` +
      `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.copied} screenshots copied.`,
  );
  for (const warning of report.warnings) console.warn(`warning: ${formatImportWarning(warning)}`);
  if (report.missingScreenshots > 0) {
    console.log(
      `${report.missingScreenshots} screenshots are not in ${relative(process.cwd(), imageFolder(report.courseDir))}/ yet: put them there (same relative paths as in the notes).`,
    );
  }
});
