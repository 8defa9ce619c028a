/**
 * What a Markdown editor renders but CommonMark would read otherwise or choke on, repaired before
 * parsing so that no notes file is ever refused (the notes themselves stay as written; import and
 * render both parse the repaired text, so they agree):
 * - a display formula closed by `$$` with text after it on the same line, or by `$$` at the end of
 *   its last line (Typora writes both): the `$$` gets a line of its own;
 * - a display formula never closed: closed at the next blank line (else it swallows the rest);
 * - a code fence never closed that would swallow a heading: closed before that heading;
 * - a line nesting quotes or lists more than MAX_NESTING deep: the markers past that are text
 *   (thousands deep would overflow the parser's callers' stacks);
 * - a paragraph with more than MAX_EMPHASIS_RUNS runs of `*` or `_`: the later ones are text
 *   (pairing them takes the parser quadratic time).
 * Lines inserted or changed keep a map to the notes' own lines and columns, so every position the
 * parser reports is a position in the notes.
 */
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

/** Deeper than any notes need, and far below what overflows a stack or makes the parser crawl. */
export const MAX_NESTING = 32;
/** Real notes use a few dozen per paragraph; matching them takes the parser quadratic time. */
export const MAX_EMPHASIS_RUNS = 1000;

/** Something repaired that the student should know about (a Typora formula is a style, not a problem, and is not reported). */
export interface Repair {
  /** 1-based line in the notes. */
  line: number;
  message: string;
}

/** Where a line of the repaired text comes from: a line of the notes, and how its columns map back. */
export interface LineOrigin {
  line: number;
  /** Columns (1-based) of the repaired line → columns of the notes' line. */
  column: (column: number) => number;
}

export interface RepairedText {
  text: string;
  /** One origin per repaired line; undefined when nothing was repaired (the text is the notes'). */
  origins: LineOrigin[] | undefined;
  repairs: Repair[];
}

const same = (column: number): number => column;

/** A container prefix (quote markers, list markers, indentation) before a line's own text. */
const PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)*[ \t]*/;
const CODE_FENCE = /^(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

interface Output {
  text: string;
  origin: LineOrigin;
}

/** The notes with what an editor would render repaired; `origins` maps the result back. */
export function repairNotes(text: string): RepairedText {
  const lines = text.split('\n');
  const repairs: Repair[] = [];
  const out: Output[] = [];
  let changed = false;
  const keep = (index: number, line = lines[index] ?? '', column = same): void => {
    out.push({ text: line, origin: { line: index + 1, column } });
  };

  let emphasisRuns = 0;
  let emphasisReported = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const prefix = PREFIX.exec(line)?.[0] ?? '';
    const own = line.slice(prefix.length);

    const fence = CODE_FENCE.exec(own)?.[1];
    // ```x``` on one line is inline code, not a fence: a backtick fence's info string has no backtick.
    if (fence !== undefined && !(fence.startsWith('`') && own.slice(fence.length).includes('`'))) {
      const close = findClose(lines, index, (other) => {
        const body = other.slice((PREFIX.exec(other)?.[0] ?? '').length).trimEnd();
        return body.startsWith(fence[0] ?? '`') && /^(`{3,}|~{3,})$/.test(body) && body.length >= fence.length;
      });
      const end = close ?? lines.length;
      const heading = lines.findIndex((other, at) => at > index && at < end && HEADING.test(other));
      for (let at = index; at < (close === undefined && heading !== -1 ? heading : end + (close === undefined ? 0 : 1)); at++) keep(at);
      if (close === undefined && heading !== -1) {
        // Never closed, it would run to the end of the notes and swallow every heading after it.
        out.push({ text: `${prefix}${fence}`, origin: { line: heading, column: () => 1 } });
        repairs.push({
          line: index + 1,
          message: `this code block (opened with "${fence}") is never closed, so it would swallow the rest of the notes: it ends before line ${heading + 1}; add a closing "${fence}" line`,
        });
        changed = true;
        index = heading - 1;
      } else index = end;
      emphasisRuns = 0;
      continue;
    }

    if (own.trimEnd().startsWith('$$') && !closesOnOpeningLine(own)) {
      changed = displayMath(lines, index, prefix, out, repairs) || changed;
      index = (out[out.length - 1]?.origin.line ?? index + 1) - 1;
      emphasisRuns = 0;
      continue;
    }

    if (line.trim() === '') {
      emphasisRuns = 0;
      emphasisReported = false;
      keep(index);
      continue;
    }

    let repaired = line;
    let column = same;
    const nested = escapeDeepNesting(line);
    if (nested !== undefined) {
      repaired = nested.text;
      column = (at) => (at > nested.at ? at - 1 : at);
      repairs.push({
        line: index + 1,
        message: `this line nests quotes or lists more than ${MAX_NESTING} levels deep: from there on its markers show as text (notes need far fewer, so it is probably pasted by mistake)`,
      });
    }
    const runs = repaired.match(/[*_]+/g)?.length ?? 0;
    if (emphasisRuns + runs > MAX_EMPHASIS_RUNS) {
      const allowed = Math.max(0, MAX_EMPHASIS_RUNS - emphasisRuns);
      const escaped = escapeRunsAfter(repaired, allowed);
      const before = column;
      column = (at) => before(escaped.origin(at));
      repaired = escaped.text;
      if (!emphasisReported) {
        repairs.push({
          line: index + 1,
          message: `this paragraph has more than ${MAX_EMPHASIS_RUNS} runs of "*" or "_" by this line: the later ones show as text, not bold or italic (notes need far fewer, so it is probably pasted by mistake)`,
        });
        emphasisReported = true;
      }
    }
    emphasisRuns += runs;
    if (repaired !== line) changed = true;
    keep(index, repaired, column);
  }
  if (!changed) return { text, origins: undefined, repairs };
  return { text: out.map((line) => line.text).join('\n'), origins: out.map((line) => line.origin), repairs };
}

/** `$$ x $$` (or `$$x$$ and more`) on one line is not a block. */
function closesOnOpeningLine(own: string): boolean {
  return /^\$\$.*[^\\]\$\$/.test(own.trim());
}

function findClose(lines: string[], open: number, isClose: (line: string) => boolean): number | undefined {
  for (let at = open + 1; at < lines.length; at++) if (isClose(lines[at] ?? '')) return at;
  return undefined;
}

/**
 * A display formula from its opening `$$` line: copied up to its closing line, which Typora may
 * write as `$$text` or end a formula line with; one never closed ends at the next blank line.
 * Returns whether anything was repaired.
 */
function displayMath(lines: string[], open: number, prefix: string, out: Output[], repairs: Repair[]): boolean {
  out.push({ text: lines[open] ?? '', origin: { line: open + 1, column: same } });
  for (let at = open + 1; at < lines.length; at++) {
    const line = lines[at] ?? '';
    const linePrefix = PREFIX.exec(line)?.[0] ?? '';
    const own = line.slice(linePrefix.length).trimEnd();
    if (own === '$$') {
      out.push({ text: line, origin: { line: at + 1, column: same } });
      return false;
    }
    if (own.startsWith('$$')) {
      // Typora: `$$其中 x 是…` closes the formula and goes on with text.
      const rest = line.slice(linePrefix.length + 2);
      out.push({ text: `${linePrefix}$$`, origin: { line: at + 1, column: same } });
      out.push({
        text: `${linePrefix}${rest}`,
        origin: { line: at + 1, column: (column) => (column > linePrefix.length ? column + 2 : column) },
      });
      return true;
    }
    if (own.endsWith('$$') && !own.endsWith('\\$$') && own.length > 2) {
      // Typora: a formula's last line ending `…$$` closes it.
      const cut = linePrefix.length + own.length - 2;
      out.push({ text: line.slice(0, cut), origin: { line: at + 1, column: same } });
      out.push({
        text: `${linePrefix}$$`,
        origin: { line: at + 1, column: (column) => (column > linePrefix.length ? cut + column - linePrefix.length : column) },
      });
      return true;
    }
    if (line.trim() === '') {
      out.push({ text: `${prefix}$$`, origin: { line: at, column: () => 1 } });
      out.push({ text: line, origin: { line: at + 1, column: same } });
      repairs.push({
        line: open + 1,
        message: `display math opened with "$$" is never closed: it ends at the blank line ${at + 1}; add a closing "$$" line`,
      });
      return true;
    }
    out.push({ text: line, origin: { line: at + 1, column: same } });
  }
  out.push({ text: `${prefix}$$`, origin: { line: lines.length, column: () => 1 } });
  repairs.push({
    line: open + 1,
    message: 'display math opened with "$$" is never closed: it ends with the notes; add a closing "$$" line',
  });
  return true;
}

/** One quote or list marker at the start of the rest of a line, with the spaces after it. */
const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;

/** The line with a `\` before the marker that nests past MAX_NESTING (indentation before a marker counts, about two columns a level). */
function escapeDeepNesting(line: string): { text: string; at: number } | undefined {
  let rest = line;
  let depth = 0;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)?.[0] ?? '';
    const marker = CONTAINER_MARKER.exec(rest.slice(indent.length))?.[0];
    if (marker === undefined) return undefined;
    depth += Math.floor(indent.replace(/\t/g, '    ').length / 2) + 1;
    if (depth > MAX_NESTING) {
      const at = line.length - rest.length + indent.length;
      return { text: `${line.slice(0, at)}\\${line.slice(at)}`, at: at + 1 };
    }
    rest = rest.slice(indent.length + marker.length);
  }
}

/** The line with every run of `*`/`_` after the first `allowed` escaped, and a map of its columns back. */
function escapeRunsAfter(line: string, allowed: number): { text: string; origin: (column: number) => number } {
  let seen = 0;
  const inserted: number[] = [];
  let text = '';
  for (let at = 0; at < line.length; at++) {
    const character = line[at] ?? '';
    const startsRun = (character === '*' || character === '_') && line[at - 1] !== character;
    if (startsRun) seen += 1;
    if ((character === '*' || character === '_') && seen > allowed && line[at - 1] !== '\\') {
      inserted.push(text.length + 1);
      text += '\\';
    }
    text += character;
  }
  return { text, origin: (column) => column - inserted.filter((at) => at < column).length };
}

/** Moves every position in a tree parsed from repaired or dedented text onto the notes' own lines and columns. */
export function mapPositions(tree: Root, origins: LineOrigin[], notesLines: string[]): void {
  const lineStarts: number[] = [0];
  for (const line of notesLines) lineStarts.push((lineStarts[lineStarts.length - 1] ?? 0) + line.length + 1);
  const map = (point: Point): Point => {
    const origin = origins[point.line - 1];
    if (!origin) return point;
    const column = Math.max(1, origin.column(point.column));
    return { line: origin.line, column, offset: (lineStarts[origin.line - 1] ?? 0) + column - 1 };
  };
  visit(tree, (node) => {
    if (node.position) node.position = { start: map(node.position.start), end: map(node.position.end) };
  });
}
