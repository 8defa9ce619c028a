/**
 * A question's body as the import writes it (its lines as written, or a numbered item's without
 * its label and indent) and as Markdown blocks, for the outline (parse-notes.ts) and for scoring a
 * candidate structure (infer.ts). Blocks come from the notes' own parse where the body starts and
 * ends with whole blocks; otherwise (a numbered item, a card that is one line of a paragraph) the
 * body is parsed on its own. A question in a box of its own is read inside the box (outline.ts questionBlocks).
 */
import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from '../notes/markdown.ts';
import { questionBlocks } from '../notes/outline.ts';
import { partitionPoint } from './sorted.ts';
import type { QuestionPlan } from './structure.ts';

/** A run of lines from the notes, as written. */
export interface Chunk {
  /** 1-based line of the chunk's first line in the notes file (0 when empty). */
  line: number;
  text: string;
}

/** The notes as the import reads them: their lines and their parse. */
export interface NotesDocument {
  lines: string[];
  tree: Root;
  /** Lines of `---` rules at the top level: separators, not text of the chunks around them. */
  ruleLines: Set<number>;
  /** Whether the top-level blocks' start and end lines never go back, so a body's blocks are found by bisection. */
  ordered: boolean;
  /** Bodies already read, by where they start and end: every candidate cutting reads many of the same (questionBody). */
  bodies: Map<string, QuestionBody>;
}

export function notesDocument(lines: string[], tree: Root): NotesDocument {
  const ruleLines = new Set<number>();
  for (const node of tree.children) if (node.type === 'thematicBreak') ruleLines.add(startLine(node));
  const ordered = tree.children.every(
    (node, index, all) =>
      index === 0 ||
      (startLine(node) >= startLine(all[index - 1] as RootContent) && endLine(node) >= endLine(all[index - 1] as RootContent)),
  );
  return { lines, tree, ruleLines, ordered, bodies: new Map() };
}

export const startLine = (node: { position?: RootContent['position'] }): number => node.position?.start.line ?? 0;
const endLine = (node: { position?: RootContent['position'] }): number => node.position?.end.line ?? 0;

/** Lines [from, to) without the blank lines and separator rules (`---`) around them. */
export function chunkOf(document: NotesDocument, from: number, to: number): Chunk {
  const { lines, ruleLines } = document;
  const isPadding = (line: number): boolean => (lines[line - 1] ?? '').trim() === '' || ruleLines.has(line);
  let start = from;
  let end = to - 1;
  while (start <= end && isPadding(start)) start++;
  while (end >= start && isPadding(end)) end--;
  if (start > end) return { line: 0, text: '' };
  return { line: start, text: lines.slice(start - 1, end).join('\n') };
}

/** The top-level blocks that start within a chunk. */
export function blocksIn(document: NotesDocument, chunk: Chunk): RootContent[] {
  if (chunk.text === '') return [];
  const end = chunk.line + chunk.text.split('\n').length - 1;
  const { children } = document.tree;
  if (!document.ordered) return children.filter((node) => startLine(node) >= chunk.line && startLine(node) <= end);
  return children.slice(
    partitionPoint(children, (node) => startLine(node) < chunk.line),
    partitionPoint(children, (node) => startLine(node) <= end),
  );
}

/** The first top-level block that ends at or after `line`. */
function firstEndingFrom(document: NotesDocument, line: number): RootContent | undefined {
  const { children } = document.tree;
  if (!document.ordered) return children.find((node) => endLine(node) >= line);
  return children[partitionPoint(children, (node) => endLine(node) < line)];
}

export interface QuestionBody {
  body: Chunk;
  blocks: RootContent[];
  /** Add to a block's line to get its line in the notes (for a body parsed on its own). */
  lineOffset: number;
}

/** The body of the question starting at `plan`, up to line `end` (exclusive); read once per document (nothing changes the blocks it gives). */
export function questionBody(document: NotesDocument, plan: QuestionPlan, end: number): QuestionBody {
  const key = `${plan.kind} ${plan.line} ${end} ${plan.kind === 'numbered' && plan.item ? `${plan.item.labelWidth} ${plan.item.indent}` : ''}`;
  let body = document.bodies.get(key);
  if (body === undefined) {
    body = readBody(document, plan, end);
    document.bodies.set(key, body);
  }
  return body;
}

function readBody(document: NotesDocument, plan: QuestionPlan, end: number): QuestionBody {
  if (plan.kind === 'numbered' && plan.item) {
    // A numbered item's text without its label and with its indent taken off, so it reads as blocks of its own.
    const body = itemBody(document.lines, plan.line, end, plan.item);
    return { body, blocks: body.text === '' ? [] : questionBlocks(parseMarkdown(body.text).children), lineOffset: body.line - 1 };
  }
  const body = chunkOf(document, plan.kind === 'heading' ? plan.line + 1 : plan.line, end);
  if (body.text === '') return { body, blocks: [], lineOffset: 0 };
  const blocks = blocksIn(document, body);
  const last = body.line + body.text.split('\n').length - 1;
  const first = firstEndingFrom(document, body.line);
  // A body that starts or ends inside a block (one line of a paragraph of cards) is read on its own.
  const whole = first !== undefined && startLine(first) === body.line && blocks.every((node) => endLine(node) <= last);
  if (whole) return { body, blocks: questionBlocks(blocks), lineOffset: 0 };
  return { body, blocks: questionBlocks(parseMarkdown(body.text).children), lineOffset: body.line - 1 };
}

/** Lines [from, to) of a numbered item: its label taken off the first line, its indent off the lines after. */
function itemBody(lines: string[], from: number, to: number, item: { labelWidth: number; indent: number }): Chunk {
  const text = lines.slice(from - 1, to - 1).map((line, index) => {
    if (index === 0) return line.slice(item.labelWidth);
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    return line.slice(Math.min(indent.length, item.indent));
  });
  while (text.length > 0 && (text[text.length - 1] ?? '').trim() === '') text.pop();
  return text.length === 0 || text.every((line) => line.trim() === '') ? { line: 0, text: '' } : { line: from, text: text.join('\n') };
}
