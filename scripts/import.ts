/**
 * npm run import -- <notes.md | notes-folder/> [--course <id>] [--author <name>] [--exam-date 2026-12-15] [--dry-run] [--force] [--content <dir>]
 *   [--questions <rule>] [--answers <rule,…>] [--answer-key <heading>]
 * Splits notes into content/<course>/ and copies the screenshots found beside them. --dry-run
 * prints the outline found (sections; questions with paper, parts and where the answer starts) and writes nothing.
 * --author: another student's notes join the course (authors/<id>/); the import says which of their
 * questions it matched with the course's, how sure it is, and what the students should settle.
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { imageFolder } from '../src/lib/content/images.ts';
import { ANSWER_RULES, isAnswerRule, isQuestionRule, QUESTION_RULES, type AnswerRule } from '../src/lib/content/rules.ts';
import { COURSE_FILE } from '../src/lib/content/layout.ts';
import { describeGrouping } from '../src/lib/group/describe.ts';
import { FIRST_NOTES_ID } from '../src/lib/group/group.ts';
import { describeNotes } from '../src/lib/import/describe.ts';
import { runCli } from './lib/cli.ts';
import { formatImportWarning, importCourse } from './lib/import-course.ts';

const USAGE =
  'usage: npm run import -- <notes.md | notes-folder/> [--course <id>] [--author <name>] [--exam-date 2026-12-15] [--dry-run] [--force]\n' +
  `       [--questions ${QUESTION_RULES.join('|')}]\n` +
  `       [--answers ${ANSWER_RULES.join(',')}] [--answer-key <heading>]`;

/** `--answers a,b`: each must be a rule the importer knows. */
function answerRules(value: string | undefined): AnswerRule[] | undefined {
  if (value === undefined) return undefined;
  const rules = value.split(',').map((rule) => rule.trim());
  const unknown = rules.filter((rule) => !isAnswerRule(rule));
  if (unknown.length > 0) throw new Error(`--answers: ${unknown.join(', ')} is not one of ${ANSWER_RULES.join(', ')}`);
  return rules.filter(isAnswerRule);
}

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      course: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'exam-date': { type: 'string' },
      content: { type: 'string' },
      questions: { type: 'string' },
      answers: { type: 'string' },
      'answer-key': { type: 'string' },
      author: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`${USAGE}\n\nWhat it reads and writes: README.md, "Import your own notes".`);
    return;
  }
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new Error(USAGE);
  const questionRule = values.questions;
  if (questionRule !== undefined && !isQuestionRule(questionRule))
    throw new Error(`--questions: "${questionRule}" is not one of ${QUESTION_RULES.join(', ')}`);
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
    author: values.author,
    stated: { questions: questionRule, answers: answerRules(values.answers), answerKey: values['answer-key'] },
    onFile,
  });
  const shown = relative(process.cwd(), report.importDir) || '.';
  const grouping = (): string[] =>
    report.grouping
      ? describeGrouping(
          report.grouping,
          report.grouping.sectionTitles,
          report.target.author?.id ?? FIRST_NOTES_ID,
          relative(process.cwd(), join(report.courseDir, COURSE_FILE)),
        )
      : [];
  if (dryRun) {
    console.log(describeNotes(report.notes, source).join('\n'));
    for (const warning of report.warnings) console.warn(`warning: ${formatImportWarning(warning)}`);
    for (const line of grouping()) console.log(line);
    console.log(`Nothing was written (--dry-run). The import would write ${report.written.length} files into ${shown}.`);
    return;
  }
  const questions = report.notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  console.log(
    `Imported ${questions} questions in ${report.notes.sections.length} sections into ${shown}: ` +
      `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.copied} screenshots copied.`,
  );
  for (const line of grouping()) console.log(line);
  for (const warning of report.warnings) console.warn(`warning: ${formatImportWarning(warning)}`);
  if (report.missingScreenshots > 0) {
    console.log(
      `${report.missingScreenshots} screenshots are not in ${relative(process.cwd(), imageFolder(report.courseDir))}/ yet: put them there (same relative paths as in the notes).`,
    );
  }
});
