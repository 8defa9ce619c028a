/**
 * What a long build step says while it works and when it ends. On a terminal, one line that
 * updates in place ("Printing PDFs 7/14 · s3"); in a log (CI, a pipe), plain lines, one per item
 * when there are few and one per tenth when there are many, so a log never fills with thousands.
 * Each step ends with a summary; the build prints them all, one line per step with its time.
 */

/** Where progress goes: process.stderr, or a stand-in in tests. */
export interface ProgressOutput {
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  write(text: string): unknown;
}

export interface StepResult {
  name: string;
  ms: number;
  /** What the step did, in a few words: "14 PDFs: 2 printed, 12 unchanged". */
  summary: string;
}

export interface Step {
  /** One more item done; `label` names it ("s3"). */
  advance(label?: string): void;
  /** Ends the step: clears the live line and returns its time and summary. */
  finish(summary: string): StepResult;
}

/** Up to this many items, a log gets one line each; above, one line per tenth. */
const EACH_ITEM_UP_TO = 50;

export function progressLine(activity: string, done: number, total: number, label?: string): string {
  return `${activity} ${done}/${total}${label ? ` · ${label}` : ''}`;
}

/** Whether a log (not a terminal) gets a line after item `done` of `total`. */
export function logsItem(done: number, total: number): boolean {
  if (done === total || total <= EACH_ITEM_UP_TO) return true;
  return Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total);
}

export function formatDuration(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** A step's result on one line, as a single step's command prints it. */
export function stepLine(result: StepResult): string {
  return `${result.name}: ${result.summary} (${formatDuration(result.ms)})`;
}

/** The end-of-build lines: each step's name, time and summary in columns, then the total. */
export function summaryLines(results: StepResult[]): string[] {
  const width = Math.max(5, ...results.map((result) => result.name.length));
  const times = results.map((result) => formatDuration(result.ms));
  const timeWidth = Math.max(...times.map((time) => time.length), formatDuration(sumMs(results)).length);
  const line = (name: string, time: string, summary: string): string =>
    `  ${name.padEnd(width)}  ${time.padStart(timeWidth)}${summary ? `  ${summary}` : ''}`;
  return [
    ...results.map((result, index) => line(result.name, times[index]!, result.summary)),
    line('Total', formatDuration(sumMs(results)), ''),
  ];
}

function sumMs(results: StepResult[]): number {
  return results.reduce((sum, result) => sum + result.ms, 0);
}

/**
 * Starts a step of `total` items. `name` heads its summary line ("PDFs"); `activity` is what the
 * live line says it is doing ("Printing PDFs").
 */
export function startStep(name: string, activity: string, total: number, output: ProgressOutput = process.stderr): Step {
  const started = performance.now();
  const live = output.isTTY === true;
  let done = 0;
  let shown = false;
  const show = (text: string): void => {
    const width = Math.max(20, (output.columns ?? 80) - 1);
    output.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  if (live && total > 0) show(progressLine(activity, 0, total));
  return {
    advance(label) {
      done += 1;
      const text = progressLine(activity, done, total, label);
      if (live) show(text);
      else if (logsItem(done, total)) output.write(`${text}\n`);
    },
    finish(summary) {
      if (shown) output.write('\r\x1b[2K');
      return { name, ms: performance.now() - started, summary };
    },
  };
}
