/**
 * How well the importer reads a notes file it has never seen: the questions it finds against a
 * count by hand, whether each has a statement to show in Test me (and its answer set apart), and
 * how much of the notes' text reaches the pages (text fidelity). Used by the bench over a corpus
 * of real students' notes (`npm run bench -- --corpus <folder>`) and by the tests over the
 * look-alike fixtures (tests/fixtures/any-style/).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { inNotesOrder, parseNotesFolder } from '../../src/lib/import/folder.ts';
import { parseNotes, type ParsedNotes, type ParsedQuestion } from '../../src/lib/import/parse-notes.ts';
import { decodeNotes } from '../../src/lib/import/text.ts';
import { markdownProcessor } from '../../src/lib/markdown/processor.ts';
import { parseMarkdown } from '../../src/lib/notes/markdown.ts';
import { buildOutline, questionBlocks } from '../../src/lib/notes/outline.ts';
import { courseFiles } from '../../src/lib/import/content-files.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { contentFileKind } from '../../src/lib/content/layout.ts';

export interface NotesReading {
  file: string;
  /** Questions counted by hand. */
  expected: number;
  /** Questions the import found; undefined when it refused the file. */
  found?: number | undefined;
  refused?: string | undefined;
  /** Questions with a statement Test me shows (text, a screenshot, or a heading that asks). */
  withStatement: number;
  /** Questions with an answer set apart (hidden in Test me until shown). */
  answered: number;
  /** Share of the notes' words and characters that reach the pages. */
  fidelity: number;
  rule: string;
  confidence: number;
}

/** Within 10 % of the count by hand. */
export const closeEnough = (reading: Pick<NotesReading, 'found' | 'expected'>): boolean =>
  reading.found !== undefined && Math.abs(reading.found - reading.expected) <= 0.1 * reading.expected;

/** A notes file, or a folder of them, parsed as `npm run import` would. */
export function readNotesPath(path: string): { notes: ParsedNotes; text: string } {
  if (!statSync(path).isDirectory()) {
    const text = decodeNotes(readFileSync(path), path);
    return { notes: parseNotes(text), text };
  }
  const files = inNotesOrder(
    readdirSync(path)
      .filter((name) => /\.(md|markdown)$/i.test(name))
      .map((name) => ({ path: name, text: decodeNotes(readFileSync(join(path, name)), join(path, name)) })),
  );
  return { notes: parseNotesFolder(files, basename(path)), text: files.map((file) => file.text).join('\n') };
}

/** Words (Latin letters and digits) and single CJK characters: what a reader reads, markup aside. */
export function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const token of /\p{Script=Han}/u.test(match[0]) ? (match[0].match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? []) : [match[0]]) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return counts;
}

/** The share of the notes' words that the rendered text holds (each word as often as the notes have it). */
export function fidelity(notes: Map<string, number>, rendered: Map<string, number>): number {
  let total = 0;
  let kept = 0;
  for (const [word, count] of notes) {
    total += count;
    kept += Math.min(count, rendered.get(word) ?? 0);
  }
  return total === 0 ? 1 : kept / total;
}

/** The notes' own text as a reader sees it in an editor: the parse's text, alt texts and formulas included. */
export function notesText(text: string): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    const current = node as { type?: string; value?: unknown; alt?: unknown; children?: unknown[] };
    if (typeof current.value === 'string' && current.type !== 'html') parts.push(current.value);
    if (current.type === 'html' && typeof current.value === 'string') parts.push(current.value.replace(/<[^>]*>/g, ' '));
    if (typeof current.alt === 'string') parts.push(current.alt);
    if (Array.isArray(current.children)) current.children.forEach(walk);
  };
  walk(parseMarkdown(text.replace(/^---\n[\s\S]*?\n---\n/, '')));
  return parts.join(' ');
}

/** What the site shows of the notes: each content file rendered as the pages render it, and the names it shows. */
async function siteText(notes: ParsedNotes): Promise<string> {
  const renderer = await markdownProcessor.createRenderer({});
  // The renderer's warnings (an image from another site …) are the build's to report, not this measurement's.
  const warn = console.warn;
  console.warn = () => undefined;
  const parts: string[] = [notes.title ?? '', ...Object.values(notes.meta ?? {})];
  for (const [path, text] of courseFiles(notes, 'corpus')) {
    if (contentFileKind(`corpus/${path}`) === undefined) continue;
    const split = splitFrontmatter(text);
    if (!split) continue;
    const { data, body } = split;
    for (const field of ['heading', 'title']) if (typeof data[field] === 'string') parts.push(data[field]);
    const { code } = await renderer.render(body, { frontmatter: data, fileURL: pathToFileURL(join('/corpus-content/corpus', path)) });
    parts.push(toText(fromHtml(code, { fragment: true })));
  }
  console.warn = warn;
  return parts.join(' ');
}

function hasStatement(question: ParsedQuestion, blocks: ReturnType<typeof parseMarkdown>['children']): boolean {
  if ((question.heading.title ?? '') !== '' || question.images.length > 0 || question.outline.parts.length > 0) return true;
  const outline = buildOutline(blocks, { labelOnly: true, rules: question.answers ?? [] });
  return outline.nodes.some(
    (node) => node.type === 'block' && (!node.answer || node.split !== undefined) && node.role !== 'separator' && node.role !== 'rule',
  );
}

/** Reads one notes file (or folder) as the import does, and measures it. */
export async function readNotesFile(path: string, expected: number): Promise<NotesReading> {
  let reading: { notes: ParsedNotes; text: string };
  try {
    reading = readNotesPath(path);
  } catch (error) {
    return {
      file: path,
      expected,
      refused: error instanceof Error ? error.message : String(error),
      withStatement: 0,
      answered: 0,
      fidelity: 0,
      rule: '',
      confidence: 0,
    };
  }
  const { notes, text } = reading;
  const questions = notes.sections.flatMap((section) => section.questions);
  return {
    file: path,
    expected,
    found: questions.length,
    withStatement: questions.filter((question) => hasStatement(question, questionBlocks(parseMarkdown(question.body.text).children)))
      .length,
    answered: questions.filter((question) => question.outline.hasAnswer).length,
    fidelity: fidelity(words(notesText(text)), words(await siteText(notes))),
    rule: notes.inference.chosen.rule,
    confidence: notes.inference.confidence,
  };
}

/** A Markdown table of readings (README's corpus section), with a line of totals. */
export function corpusTable(rows: (NotesReading & { source: string; style: string })[]): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
  const lines = [
    '| # | notes (source) | style | by hand | found | statements | answered | text fidelity | rule (how sure) |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row, index) => {
      const found = row.found === undefined ? 'refused' : `${row.found}${closeEnough(row) ? '' : ' ✗'}`;
      const style = row.style.length > 80 ? `${row.style.slice(0, 79)}…` : row.style;
      return `| ${index + 1} | ${row.source.replace(/\|/g, '\\|')} | ${style.replace(/\|/g, '\\|')} | ${row.expected} | ${found} | ${row.withStatement} | ${row.answered} | ${percent(row.fidelity)} | ${row.rule} (${Math.round(row.confidence * 100)} %) |`;
    }),
  ];
  const close = rows.filter(closeEnough).length;
  const refused = rows.filter((row) => row.found === undefined).length;
  const faithful = rows.filter((row) => row.fidelity >= 0.97).length;
  const lowest = Math.min(...rows.map((row) => row.fidelity));
  lines.push(
    '',
    `${close} of ${rows.length} files within 10 % of the count by hand; ${refused} refused; text fidelity ≥ 97 % in ${faithful} of ${rows.length} (lowest ${percent(lowest)}).`,
  );
  return lines.join('\n');
}
