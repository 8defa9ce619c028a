/**
 * Splits a notes file into its course title, sections and questions, each question with its
 * Markdown body exactly as written and its outline (parts, variants, images).
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { NotesError } from './errors.ts';
import { questionId } from '../content/ids.ts';
import { isScopeSection, paperLabel, parseQuestionHeading, parseSectionHeading, type QuestionHeading } from './headings.ts';
import { parseMarkdown } from './markdown.ts';
import { buildOutline, inlineText, type Outline } from './outline.ts';

/** A run of lines from the notes, as written. */
export interface Chunk {
  /** 1-based line of the chunk's first line in the notes file (0 when empty). */
  line: number;
  text: string;
}

export interface ImageRef {
  /** The path as written in the notes, e.g. "./2024MayABC/7.png". */
  src: string;
  alt: string;
  /** 1-based line in the notes file. */
  line: number;
}

export interface ParsedQuestion {
  id: string;
  heading: QuestionHeading;
  /** The heading as written, without the leading `## `. */
  headingText: string;
  line: number;
  body: Chunk;
  outline: Outline;
  images: ImageRef[];
}

export interface ParsedSection {
  number: number;
  title: string;
  line: number;
  /** True for the exam-scope page (Section 0). */
  scope: boolean;
  /** What stands between the section heading and its first question (the whole page for the scope). */
  intro: Chunk;
  introImages: ImageRef[];
  questions: ParsedQuestion[];
}

export interface ParsedNotes {
  title?: string | undefined;
  /** Line of the title heading (0 without one); it becomes frontmatter unless text above it puts it in the preamble. */
  titleLine: number;
  /** What stands between the title and the first section. */
  preamble: Chunk;
  sections: ParsedSection[];
}

/** Parses decoded notes text (LF line endings, no BOM); throws NotesError naming file and line. */
export function parseNotes(text: string, file: string): ParsedNotes {
  const lines = text.split('\n');
  assertNestingShallow(lines, file);
  assertFewEmphasisMarkers(lines, file);
  const tree = parseMarkdown(text);
  assertFencesClosed(tree, lines, file);

  const ruleLines = new Set<number>();
  for (const node of tree.children) if (node.type === 'thematicBreak') ruleLines.add(startLine(node));
  const chunkOf = (from: number, to: number): Chunk => trimChunk(lines, from, to, ruleLines);
  const blocksIn = (chunk: Chunk): RootContent[] => {
    const end = chunk.line + chunk.text.split('\n').length - 1;
    return chunk.text === '' ? [] : tree.children.filter((node) => startLine(node) >= chunk.line && startLine(node) <= end);
  };

  let title: string | undefined;
  let titleLine = 0;
  const sections: (Omit<ParsedSection, 'intro' | 'introImages' | 'questions' | 'scope'> & {
    questions: { heading: QuestionHeading; headingText: string; line: number }[];
  })[] = [];
  const structural: number[] = [];

  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth > 2 || !isAtxHeading(node, lines)) continue;
    const line = startLine(node);
    const headingText = inlineText(node.children).trim();
    if (node.depth === 1) {
      const section = parseSectionHeading(headingText);
      if (section) {
        // Each section becomes sections/s<N>.md and the page /s<N>/: a repeated number would overwrite the first.
        const earlier = sections.find((other) => other.number === section.number);
        if (earlier)
          throw new NotesError(
            file,
            line,
            `section ${section.number} appears twice (also at line ${earlier.line}): give each section its own number`,
          );
        sections.push({ ...section, line, questions: [] });
      } else if (title === undefined && sections.length === 0) {
        title = headingText;
        titleLine = line;
      } else {
        throw new NotesError(
          file,
          line,
          `top-level heading "# ${headingText}" is not a section: write it as "# Section <number> ${headingText}"`,
        );
      }
      structural.push(line);
      continue;
    }
    const heading = parseQuestionHeading(headingText);
    if (!heading) continue; // e.g. `## Answer` one level too high: it stays in the question's body
    const section = sections[sections.length - 1];
    if (!section) {
      throw new NotesError(
        file,
        line,
        `question "## ${headingText}" comes before any section: add a "# Section <number> <title>" heading above it`,
      );
    }
    section.questions.push({ heading, headingText, line });
    structural.push(line);
  }

  if (sections.length === 0) {
    // Point at the first heading after the title: it is most likely the section written wrongly.
    const firstHeading = tree.children.find((node) => node.type === 'heading' && startLine(node) !== titleLine);
    throw new NotesError(
      file,
      firstHeading ? startLine(firstHeading) : Math.max(1, titleLine),
      'found no sections: notes need "# Section <number> <title>" headings with "## Q<number> <year> <sitting>" questions under them',
    );
  }

  const nextStructural = (line: number): number => structural.find((other) => other > line) ?? lines.length + 1;
  const seen = new Map<string, number>();
  const imagesIn = (blocks: RootContent[]): ImageRef[] => collectImages(blocks);

  const parsedSections: ParsedSection[] = sections.map((section) => {
    const intro = chunkOf(section.line + 1, nextStructural(section.line));
    const questions = section.questions.map((question): ParsedQuestion => {
      const id = questionId(
        section.number,
        question.heading.number,
        question.heading.paper && { label: paperLabel(question.heading.paper) },
      );
      const previous = seen.get(id);
      if (previous !== undefined) {
        throw new NotesError(
          file,
          question.line,
          `question "${question.headingText}" in section ${section.number} repeats the question at line ${previous} (same section, paper and number)`,
        );
      }
      seen.set(id, question.line);
      const body = chunkOf(question.line + 1, nextStructural(question.line));
      const blocks = blocksIn(body);
      return {
        id,
        heading: question.heading,
        headingText: question.headingText,
        line: question.line,
        body,
        outline: buildOutline(blocks),
        images: imagesIn(blocks),
      };
    });
    return {
      number: section.number,
      title: section.title,
      line: section.line,
      scope: questions.length === 0 && isScopeSection(section),
      intro,
      introImages: imagesIn(blocksIn(intro)),
      questions,
    };
  });

  const firstSectionLine = sections[0]?.line ?? lines.length + 1;
  // Text above the title would otherwise fall between the cracks: keep it, with the title line, in the preamble.
  const textAboveTitle = lines.slice(0, Math.max(0, titleLine - 1)).some((line) => line.trim() !== '');
  return { title, titleLine, preamble: chunkOf(textAboveTitle ? 1 : titleLine + 1, firstSectionLine), sections: parsedSections };
}

/**
 * Sections and questions are `#` / `##` lines. A paragraph followed by `---` is also a level-2
 * heading in Markdown (setext), but in notes that rule is a separator: it stays in the body.
 */
function isAtxHeading(node: RootContent, lines: string[]): boolean {
  const start = node.position?.start;
  return start !== undefined && (lines[start.line - 1] ?? '').slice(start.column - 1).startsWith('#');
}

function startLine(node: RootContent): number {
  return node.position?.start.line ?? 0;
}

export function collectImages(blocks: RootContent[]): ImageRef[] {
  const images: ImageRef[] = [];
  const root: Root = { type: 'root', children: blocks };
  visit(root, 'image', (image) => {
    images.push({ src: image.url, alt: image.alt ?? '', line: image.position?.start.line ?? 0 });
  });
  return images;
}

/** Lines [from, to) without the blank lines and separator rules (`---`) around them. */
function trimChunk(lines: string[], from: number, to: number, ruleLines: Set<number>): Chunk {
  const isPadding = (line: number): boolean => (lines[line - 1] ?? '').trim() === '' || ruleLines.has(line);
  let start = from;
  let end = to - 1;
  while (start <= end && isPadding(start)) start++;
  while (end >= start && isPadding(end)) end--;
  if (start > end) return { line: 0, text: '' };
  return { line: start, text: lines.slice(start - 1, end).join('\n') };
}

/** Deeper than any notes need, and far below what overflows the parser's stack or makes it crawl. */
export const MAX_NESTING = 32;
/** One block-quote marker or list-item marker at the start of a line, with the spaces after it. */
const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;

/**
 * Block quotes and lists nested thousands deep (`> > > …`, `- - - …`) overflow the Markdown
 * parser's stack or take minutes; refuse them with their line instead. Indentation counts too:
 * about two columns open a nested list.
 */
function assertNestingShallow(lines: string[], file: string): void {
  lines.forEach((line, index) => {
    let rest = line;
    let depth = 0;
    for (;;) {
      const indent = /^[ \t]*/.exec(rest)?.[0] ?? '';
      depth += Math.floor(indent.replace(/\t/g, '    ').length / 2);
      rest = rest.slice(indent.length);
      const marker = CONTAINER_MARKER.exec(rest)?.[0];
      if (marker === undefined || depth > MAX_NESTING) break;
      depth += 1;
      rest = rest.slice(marker.length);
    }
    if (depth > MAX_NESTING) {
      throw new NotesError(
        file,
        index + 1,
        `this line nests block quotes, lists or indentation more than ${MAX_NESTING} levels deep: notes need far fewer, so it is probably pasted by mistake`,
      );
    }
  });
}

/** Real notes use a few dozen per paragraph; matching them takes the parser quadratic time. */
export const MAX_EMPHASIS_RUNS = 1000;

/**
 * A paragraph with tens of thousands of `*` or `_` runs (`**a**a**a…`) keeps the Markdown parser
 * busy for minutes pairing them up; refuse it, naming the line where the count runs over.
 */
function assertFewEmphasisMarkers(lines: string[], file: string): void {
  let runs = 0;
  lines.forEach((line, index) => {
    runs = line.trim() === '' ? 0 : runs + (line.match(/[*_]+/g)?.length ?? 0);
    if (runs > MAX_EMPHASIS_RUNS) {
      throw new NotesError(
        file,
        index + 1,
        `this paragraph has more than ${MAX_EMPHASIS_RUNS} runs of "*" or "_" by this line: notes need far fewer, so it is probably pasted by mistake`,
      );
    }
  });
}

/** An unclosed `$$` or code fence swallows every heading after it; stop with its line instead. */
function assertFencesClosed(tree: Root, lines: string[], file: string): void {
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'code') return;
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return;
    const opening = (lines[start.line - 1] ?? '').slice(start.column - 1).trim();
    const closing = (lines[end.line - 1] ?? '').trim();
    const fence = node.type === 'math' ? '$$' : (/^(`{3,}|~{3,})/.exec(opening)?.[1] ?? '');
    if (fence === '') return; // indented code has no fence
    const closed =
      end.line > start.line
        ? closing.startsWith(fence) || closing.endsWith(fence)
        : opening.length > fence.length * 2 - 1 && opening.endsWith(fence);
    if (!closed) {
      const what = node.type === 'math' ? 'display math opened with "$$"' : `code block opened with "${fence}"`;
      throw new NotesError(file, start.line, `${what} is never closed: add a closing "${fence}" line`);
    }
  });
}
