/**
 * The problems `npm run dev` shows while you write, in the browser and the terminal: why the last
 * import of a course failed (a problem in the notes, a hand-edited content file, an unreadable
 * file) and what the content check finds in what was imported (KaTeX errors, missing screenshots …).
 * Pure, shared by the dev server and the page's banner.
 */
import type { Diagnostic, Severity } from '../check/content-check.ts';

export interface LiveProblem {
  course: string;
  severity: Severity;
  /** As the terminal shows it: relative to the project when inside it. */
  file: string;
  line?: number | undefined;
  message: string;
}

/** The dev server's message to its pages (payload: NotesStatus), and a page's request for the current one. */
export const STATUS_EVENT = 'revision:notes-status';
export const STATUS_REQUEST = 'revision:notes-status-request';

/** What the dev server sends each page: every course's problems, errors first. */
export interface NotesStatus {
  problems: LiveProblem[];
  /** Courses whose last import failed: their pages show the notes as last imported without errors. */
  stale: string[];
}

/** Why an import changed nothing. */
export type ImportFailure =
  /** The notes cannot be imported as written (NotesError). */
  | { kind: 'notes'; file: string; line?: number | undefined; problem: string }
  /** Content files edited since the last import, which it would overwrite (HandEditedError). */
  | { kind: 'hand-edited'; files: string[]; notes: string }
  /** Anything else: the notes file is gone, cannot be read … */
  | { kind: 'failed'; file: string; message: string };

export function importProblems(course: string, failure: ImportFailure): LiveProblem[] {
  switch (failure.kind) {
    case 'notes':
      return [{ course, severity: 'error', file: failure.file, line: failure.line, message: failure.problem }];
    case 'hand-edited':
      return failure.files.map((file) => ({
        course,
        severity: 'error',
        file,
        message:
          'edited by hand since the last import, so the import stopped rather than overwrite it and the pages do not show your latest notes. ' +
          `Make the edit in the notes, then replace this file with their text: npm run import -- ${failure.notes} --course ${course} --force`,
      }));
    case 'failed':
      return [{ course, severity: 'error', file: failure.file, message: failure.message }];
  }
}

/** What the import read in a way the student may not expect, or repaired (it imported anyway): warnings. */
export function importWarnings(course: string, warnings: { file: string; line?: number | undefined; message: string }[]): LiveProblem[] {
  return warnings.map(({ file, line, message }) => ({ course, severity: 'warning', file, line, message }));
}

/**
 * The content check's diagnostics (paths relative to the content folder) with their files as shown,
 * and where in the notes each content file comes from, when known ("question Q1 2024 May at notes.md:9"):
 * the notes are what you edit.
 */
export function checkProblems(
  course: string,
  diagnostics: Diagnostic[],
  shown: (contentPath: string) => string,
  fromNotes: (contentPath: string) => string | undefined = () => undefined,
): LiveProblem[] {
  return diagnostics.map(({ file, line, severity, message }) => {
    const origin = fromNotes(file);
    return { course, severity, file: shown(file), line, message: origin === undefined ? message : `${message} (${origin})` };
  });
}

/** Errors before warnings, then by file and line. */
export function sortProblems(problems: LiveProblem[]): LiveProblem[] {
  const rank = (problem: LiveProblem): number => (problem.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** "content/x/notes.md:12", as editors and terminals link it. */
export function problemLocation(problem: LiveProblem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}

/** One line, as `npm run check` prints: "notes.md:12: error: unclosed $$". */
export function formatProblem(problem: LiveProblem): string {
  return `${problemLocation(problem)}: ${problem.severity}: ${problem.message}`;
}

/** "1 error, 2 warnings"; empty when there is nothing. */
export function problemCounts(problems: LiveProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean).join(', ');
}
