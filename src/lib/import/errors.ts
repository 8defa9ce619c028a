/** A problem in a notes file, located so the user can fix it in their editor. */
export class NotesError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'NotesError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
