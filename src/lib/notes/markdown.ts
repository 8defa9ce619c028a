import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { adoptCallouts } from './callouts.ts';
import {
  adoptLocalImages,
  blankContainerFences,
  findContainerFences,
  liftHashHeadings,
  wrapContainers,
  wrapDetails,
  type ContainerFence,
  type HashHeading,
} from './dialect.ts';
import { applyInlineDialect } from './inline-dialect.ts';
import { mapPositions, repairNotes, type LineOrigin, type Repair } from './repairs.ts';

/** The Markdown dialect of notes files and of the site's renderer: CommonMark + GFM + `$` math. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

function parseCommonMark(text: string): Root {
  // remark-math is typed as a plugin returning `undefined`, which makes unified forget the tree type.
  return parser.runSync(parser.parse(text)) as Root;
}

export interface NotesParse {
  tree: Root;
  /** `###1 d i)` lines read as headings (Markdown needs a space after the hashes). */
  hashHeadings: HashHeading[];
  /** What was repaired so that nothing is refused (repairs.ts), by notes line. */
  repairs: Repair[];
}

/**
 * Parses notes or content as students write them: repaired where an editor would render what
 * CommonMark cannot (repairs.ts), then read in the notes' dialect (dialect.ts, callouts.ts,
 * inline-dialect.ts). Every position in the tree is a position in `text`.
 */
export function parseNotesMarkdown(text: string): NotesParse {
  const notesLines = text.split('\n');
  const repaired = repairNotes(text);
  const lines = repaired.origins ? repaired.text.split('\n') : notesLines;
  const { fences, prepared, dedented } = prepareContainers(lines);
  const tree = parseCommonMark(prepared === lines ? repaired.text : prepared.join('\n'));
  const hashHeadings = applyDialect(tree, prepared, fences);
  const origins = lineOrigins(repaired.origins, dedented, prepared.length);
  if (origins) {
    mapPositions(tree, origins, notesLines);
    for (const heading of hashHeadings) heading.line = origins[heading.line - 1]?.line ?? heading.line;
  }
  return { tree, hashHeadings, repairs: repaired.repairs };
}

/** The tree of notes or content in the notes' dialect (parseNotesMarkdown). */
export function parseMarkdown(text: string): Root {
  return parseNotesMarkdown(text).tree;
}

/**
 * The dialect on a tree already parsed from `text` (the site's processor parses before its plugins
 * run): parsed again only when the text needs repairs or has containers, whose fence lines must not join the blocks around them.
 */
export function applyDialectTo(tree: Root, text: string): void {
  const lines = text.split('\n');
  if (findContainerFences(lines).length > 0 || repairNotes(text).origins) tree.children = parseNotesMarkdown(text).tree.children;
  else applyDialect(tree, lines, []);
}

/**
 * The container fences of the lines, and the lines with them blanked and admonition bodies
 * dedented; an admonition nested in another's body (`??? success` inside `???+ question`) is found
 * once its parent's body is dedented.
 */
function prepareContainers(lines: string[]): { fences: ContainerFence[]; prepared: string[]; dedented: Map<number, number> } {
  const fences: ContainerFence[] = [];
  const dedented = new Map<number, number>();
  let prepared = lines;
  for (let found = findContainerFences(lines); found.length > 0; found = findContainerFences(prepared)) {
    fences.push(...found);
    prepared = blankContainerFences(prepared, found, dedented);
  }
  return { fences: fences.sort((a, b) => a.open - b.open), prepared, dedented };
}

function applyDialect(tree: Root, lines: string[], fences: ContainerFence[]): HashHeading[] {
  const headings = liftHashHeadings(tree, lines);
  wrapContainers(tree, fences, lines);
  wrapDetails(tree);
  adoptLocalImages(tree);
  adoptCallouts(tree);
  applyInlineDialect(tree);
  return headings;
}

/** Where each parsed line comes from, when repairs or dedented admonitions moved anything; undefined when nothing moved. */
function lineOrigins(repaired: LineOrigin[] | undefined, dedented: Map<number, number>, count: number): LineOrigin[] | undefined {
  if (!repaired && dedented.size === 0) return undefined;
  return Array.from({ length: count }, (_unused, index) => {
    const base = repaired?.[index] ?? { line: index + 1, column: (column: number) => column };
    const indent = dedented.get(index + 1);
    return indent === undefined ? base : { line: base.line, column: (column: number) => base.column(column + indent) };
  });
}
