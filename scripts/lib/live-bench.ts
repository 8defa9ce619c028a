/**
 * The benchmark's `npm run dev` row: how long from saving the notes to the open page showing the
 * change, measured in Chromium. A copy of the notes is imported into a folder of its own (with a
 * stand-in for each screenshot it names), the dev
 * server started on it and a question's section page opened; then a question in the middle of the
 * notes (the first there with a line of plain text) is edited again and again, two ways: text
 * changed within a line, and a new line added (which moves every later question's line in the notes).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readCourse } from '../../src/lib/content/read.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { launchChromium } from './chromium.ts';
import { startDevServer, waitForText } from './dev-server.ts';
import { importCourse } from './import-course.ts';
import { writeMissingScreenshots } from './stand-in-screenshots.ts';
import { parseCourseId } from '../../src/lib/content/paths.ts';

export interface LiveEditFigures {
  questions: number;
  /** The machine's 1-minute load average when the saves began: other work slows every figure. */
  load: number;
  /** Save → shown, in ms, for each edit of text within a line. */
  inLine: number[];
  /** Save → shown, in ms, for each edit that adds a line. */
  newLine: number[];
}

/** A pause between saves, as between a student's: the server finishes the last one (its content check) first. */
const PAUSE_MS = 5_000;

/** Edits a question of `notes` `edits` times each way, on `npm run dev`, in `work` (emptied first). */
export async function benchLiveEdits(work: string, notes: string, edits: number): Promise<LiveEditFigures> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const source = join(work, 'notes.md');
  const content = join(work, 'content');
  writeFileSync(source, notes);
  const course = parseCourseId('live');
  importCourse({ source, course, contentDir: content });
  // As the benchmark's other rows of the user's notes: a stand-in for each screenshot they name.
  await writeMissingScreenshots(content, course);
  const questions = readCourse(content, course).questions;
  const lines = readFileSync(source, 'utf8').split('\n');
  // From the middle of the notes, the first question with a line of plain text of its own to edit.
  const plainText = /^\p{L}[^$`*_[\]|<>#!\\~]{15,}$/u;
  const edited = questions
    .slice(Math.floor(questions.length / 2))
    .map((question, index, later) => {
      const end = later[index + 1]?.data.line ?? lines.length;
      const textLine = lines.findIndex((line, at) => at >= question.data.line && at < end - 1 && plainText.test(line));
      return { question: question.data, textLine };
    })
    .find(({ textLine }) => textLine >= 0);
  if (!edited) throw new Error('no question in the second half of the notes has a line of plain text');
  const { question, textLine } = edited;

  const server = await startDevServer({ CONTENT_DIR: content, SITE_OUT_DIR: join(work, 'dist'), SITE_CACHE_DIR: join(work, 'cache') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + urls.section(course, question.section));
    const save = async (edit: (lines: string[], marker: string) => void): Promise<number> => {
      const marker = `Saved${Date.now()}`;
      const current = readFileSync(source, 'utf8').split('\n');
      edit(current, marker);
      const saved = performance.now();
      writeFileSync(source, current.join('\n'));
      await waitForText(page, marker);
      const shown = performance.now() - saved;
      await page.waitForLoadState('load');
      await new Promise((done) => setTimeout(done, PAUSE_MS));
      return shown;
    };
    const inLine = (current: string[], marker: string): void => {
      current[textLine] = `${lines[textLine] ?? ''} ${marker}`;
    };
    // After the question's heading, which stays where it was: every later question moves down.
    const newLine = (current: string[], marker: string): void => {
      current.splice(question.line, 0, '', `${marker} was added.`);
    };
    // The first save after the start warms the server up (modules loaded, pages rendered once).
    await save(inLine);
    const figures: LiveEditFigures = { questions: questions.length, load: loadavg()[0] ?? 0, inLine: [], newLine: [] };
    for (let edit = 0; edit < edits; edit++) figures.inLine.push(await save(inLine));
    for (let edit = 0; edit < edits; edit++) figures.newLine.push(await save(newLine));
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}
