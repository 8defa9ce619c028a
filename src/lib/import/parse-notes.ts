/**
 * Splits a notes file into its course title, sections and questions, each question with its
 * Markdown body as written and its outline (parts, variants, statement and answer, images). The
 * structure comes from structure.ts; this module cuts the text along it, numbers sections, makes
 * ids and says what it could not place.
 */
import type { Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { visit } from 'unist-util-visit';
import { questionId } from '../content/ids.ts';
import { hostileHtmlIn } from '../markdown/html-safety.ts';
import type { Paper } from '../content/schema.ts';
import { isScopeSection, type QuestionHeading } from '../notes/headings.ts';
import type { AnswerRule } from '../content/rules.ts';
import { parseNotesMarkdown } from '../notes/markdown.ts';
import { questionOutline, type Outline, type OutlineNode } from '../notes/outline.ts';
import { chunkOf, blocksIn, notesDocument, questionBody, startLine, type Chunk, type NotesDocument } from './bodies.ts';
import { inferStructure, type Inference, type StatedRules } from './infer.ts';
import { nextLineAfter } from './sorted.ts';
import { headingEntries, type NotesStructure, type QuestionPlan, type SectionPlan } from './structure.ts';

export type { Chunk };

export interface ImageRef {
  /** The path as written in the notes, e.g. "./2024MayABC/7.png". */
  src: string;
  alt: string;
  /** 1-based line in the notes file. */
  line: number;
}

/** Something the import read in a way the student may not expect; it does not stop the import. */
export interface NotesWarning {
  /** For a folder of notes: the file, relative to the folder. */
  file?: string | undefined;
  line: number | undefined;
  message: string;
}

export interface ParsedQuestion {
  /** Assigned with the section numbers (numberAndIdentify): section, paper and number. */
  id: string;
  heading: Omit<QuestionHeading, 'strong'>;
  /** The heading as written, without the leading hashes ("Q1 2024 May ABC"), or a numbered item's label ("1."). */
  headingText: string;
  line: number;
  body: Chunk;
  outline: Outline;
  images: ImageRef[];
  /** Line in the notes where the answer starts, if the question has one. */
  answerLine?: number | undefined;
  /** How the notes set answers apart beyond markers (the file's rules, written into the frontmatter). */
  answers?: AnswerRule[] | undefined;
  /** The answer the notes' answer key gives. */
  key?: QuestionPlan['key'];
  /** For a question that is a table row: the table's columns and which holds the question. */
  table?: QuestionPlan['table'];
}

export interface ParsedSection {
  /** Assigned once all sections are known (numberAndIdentify): as written when free, else the next free number. */
  number: number;
  /** The number its heading gives, if any. */
  writtenNumber?: number | undefined;
  /** The heading as written (not stored: `heading` is, where the site's "Section <number> · <title>" would not say the same). */
  headingText?: string | undefined;
  /** For a folder of notes: the file it comes from, relative to the folder. */
  source?: string | undefined;
  title: string;
  /** The heading as written (with any group headings over it), when it is not "Section <number> <title>". */
  heading?: string | undefined;
  /** Line of the section heading (0 for the section made for questions without one). */
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
  /** Fields of the YAML front matter other than `title`, as text. */
  meta?: Record<string, string> | undefined;
  /** HTML comments above the title (an editor's `<!-- @Author … -->` header): kept, shown as nothing. */
  header: Chunk;
  /** What stands between the title and the first section. */
  preamble: Chunk;
  /** How the questions were found: headings, numbered items, bold lines … or (nothing looked like a question) one per heading. */
  mode: NotesStructure['mode'];
  /** What the inference chose, the runner-up and how sure it is (for a folder: its least sure file's). */
  inference: Inference;
  sections: ParsedSection[];
  warnings: NotesWarning[];
}

export interface ParseOptions {
  /** A name for the notes when they have no title: the file's name. */
  fallbackTitle?: string | undefined;
  /** How questions and answers are set apart, as the student stated it (course.md or flags). */
  stated?: StatedRules | undefined;
}

/** Parses decoded notes text (LF line endings, no BOM). Never refuses: what it repaired or could not place is a warning with its line. */
export function parseNotes(text: string, options: ParseOptions = {}): ParsedNotes {
  const notes = parseNotesFile(text, options);
  numberAndIdentify(notes.sections, notes.warnings);
  return notes;
}

/** One file's notes, with sections not yet numbered and questions without ids: a folder numbers all its files' together. */
export function parseNotesFile(text: string, options: ParseOptions = {}): ParsedNotes {
  const lines = text.split('\n');
  const warnings: NotesWarning[] = [];
  const frontMatter = readFrontMatter(lines, warnings);
  // Front matter lines are blanked for parsing (its `---` would read as a rule and a heading), keeping line numbers.
  const parsed = frontMatter ? [...lines.slice(0, frontMatter.end).map(() => ''), ...lines.slice(frontMatter.end)].join('\n') : text;
  const { tree, hashHeadings, repairs } = parseNotesMarkdown(parsed);
  warnings.push(...repairs);
  // Raw HTML the site will remove or show as text, found in this parse (before the structure takes the tree apart).
  warnings.push(...hostileHtmlIn(tree, parsed));
  for (const heading of hashHeadings) {
    warnings.push({
      line: heading.line,
      message: `read "${heading.text}" as a heading: Markdown needs a space after the #s (write "${heading.text.replace(/^(#+)/, '$1 ')}"), or other apps show it as text`,
    });
  }
  const structuralTree: Root = {
    type: 'root',
    children: tree.children.filter((node) => node.type !== 'heading' || isStructuralHeading(node, lines)),
  };
  const document = notesDocument(lines, tree);
  const { structure, inference } = inferStructure(document, headingEntries(structuralTree), options.stated);
  if (structure.mode === 'fallback') {
    warnings.push({
      line: structure.sections[0]?.heading?.line,
      message:
        'no questions recognised (they look like "## Q1", "### 试题1", "#### 1." headings or "1. …" list items), so each top heading became a section and each heading below it a question: check the outline with --dry-run',
    });
  }

  const contentStart = frontMatter ? frontMatter.end + 1 : 1;
  const ends = [...structure.structuralLines];
  const nextStructural = (line: number): number => nextLineAfter(ends, line, lines.length + 1);

  const title = frontMatter?.title ?? structure.title?.text ?? options.fallbackTitle;
  const sections = structure.sections.map((plan): ParsedSection => {
    const headingLine = plan.heading?.line ?? 0;
    const firstQuestion = plan.questions[0]?.line;
    const intro = plan.heading ? chunkOf(document, headingLine + 1, firstQuestion ?? nextStructural(headingLine)) : { line: 0, text: '' };
    const questions = plan.questions.map((question) =>
      parseQuestion(question, plan, document, question.end ?? nextStructural(question.line), question.answers ?? structure.answers ?? []),
    );
    const named = sectionNames(plan, title);
    const section: ParsedSection = {
      number: 0,
      writtenNumber: plan.parsed?.number,
      headingText: plan.heading?.text,
      ...named,
      line: headingLine,
      scope: questions.length === 0 && isScopeSection({ number: plan.parsed?.number, title: named.title }),
      intro,
      introImages: collectImages(blocksIn(document, intro)),
      questions,
    };
    const firstLine = plan.questions[0]?.line;
    if (!plan.heading && firstLine !== undefined && structure.sections.some((other) => other.heading && !other.key)) {
      warnings.push({
        line: firstLine,
        message: `question "${plan.questions[0]?.headingText ?? ''}" comes before the first section, so it is in a section of its own; move it under a section heading if it belongs to one`,
      });
    }
    if (questions.length === 0 && !section.scope && !plan.key && plan.heading) {
      warnings.push({
        line: headingLine,
        message: `"${plan.heading.text}" is a section, but no questions were found under it; questions look like "### 试题1", "## Q1" or "1. …" list items (its text still shows on its section page)`,
      });
    }
    return section;
  });

  // The title heading is the title unless the front matter names another; then its line stays as text.
  const titleHeading =
    structure.title && (frontMatter?.title === undefined || frontMatter.title === structure.title.text) ? structure.title : undefined;
  const titleLine = titleHeading?.line ?? 0;
  const firstStructural = ends.find((line) => line !== structure.title?.line) ?? lines.length + 1;
  // Text above the title would otherwise fall between the cracks: keep it, with the title line, in the preamble.
  // HTML comments above it (an editor's `<!-- @Author … -->` header) are kept apart, so the title stays the title.
  const commentLines = new Set<number>();
  for (const node of tree.children) {
    if (node.type === 'html' && node.value.trimStart().startsWith('<!--') && node.position) {
      for (let line = node.position.start.line; line <= node.position.end.line; line++) commentLines.add(line);
    }
  }
  const above = lines.slice(contentStart - 1, Math.max(contentStart - 1, titleLine - 1));
  const textAboveTitle = above.some((line, index) => line.trim() !== '' && !commentLines.has(contentStart + index));
  const commentsAboveTitle = titleLine > 0 && !textAboveTitle && above.some((line) => line.trim() !== '');
  const header = commentsAboveTitle ? chunkOf(document, contentStart, titleLine) : { line: 0, text: '' };
  const preamble = chunkOf(document, titleLine === 0 || textAboveTitle ? contentStart : titleLine + 1, firstStructural);

  return {
    title,
    titleLine,
    meta: frontMatter?.meta,
    header,
    preamble,
    mode: structure.mode,
    inference,
    sections,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

function parseQuestion(
  plan: QuestionPlan,
  section: SectionPlan,
  document: NotesDocument,
  end: number,
  answers: AnswerRule[],
): ParsedQuestion {
  const paper: Paper | undefined = plan.heading.paper ?? section.paper;
  const { body, blocks, lineOffset } = questionBody(document, plan, end);
  const outline = questionOutline(blocks, { title: plan.heading.title, answers, key: plan.key });
  const answerBlock = firstAnswerBlock(outline.nodes);
  const answerAt = answerBlock === undefined ? undefined : startLine(blocks[answerBlock] as RootContent);
  return {
    id: '',
    heading: { ...plan.heading, ...(paper ? { paper } : {}) },
    headingText: plan.headingText,
    line: plan.line,
    body,
    outline,
    images: collectImages(blocks).map((image) => ({ ...image, line: image.line + lineOffset })),
    answerLine: answerAt === undefined ? plan.key?.line : answerAt + lineOffset,
    ...(answers.length > 0 ? { answers } : {}),
    ...(plan.key ? { key: plan.key } : {}),
    ...(plan.table ? { table: plan.table } : {}),
  };
}

/** The block where the answer starts, in reading order. */
function firstAnswerBlock(nodes: OutlineNode[]): number | undefined {
  for (const node of nodes) {
    if (node.type === 'block' && node.answer) return node.index;
    if (node.type === 'block' && node.role === 'answer-heading') return node.index;
    const inner = node.type === 'part' ? firstAnswerBlock(node.children) : node.type === 'variants' ? node.items[0]?.index : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** "line 12", or "第二章.md:12" in a folder of notes. */
const where = (source: string | undefined, line: number): string => (source === undefined ? `line ${line}` : `${source}:${line}`);

/**
 * Numbers the sections (as written when no earlier section has that number, else the next after the
 * highest) and gives each question its id from section, paper and number. A question with the same
 * id as an earlier one gets a suffix and a warning: its file would otherwise overwrite the other.
 */
export function numberAndIdentify(sections: ParsedSection[], warnings: NotesWarning[]): void {
  const used = new Map<number, ParsedSection>();
  const unnumbered: ParsedSection[] = [];
  for (const section of sections) {
    const written = section.writtenNumber;
    const earlier = written === undefined ? undefined : used.get(written);
    if (written !== undefined && earlier === undefined) {
      used.set(written, section);
      section.number = written;
      continue;
    }
    if (written !== undefined && earlier) {
      warnings.push({
        file: section.source,
        line: section.line,
        message: `section number ${written} appears twice (also at ${where(earlier.source, earlier.line)}): this one gets the next free number, so its page has another address`,
      });
    }
    unnumbered.push(section);
  }
  let next = Math.max(0, ...used.keys()) + 1;
  for (const section of unnumbered) {
    section.number = next++;
    // "Section 1" renumbered to 2 keeps its heading as written, so the reader still sees "Section 1".
    if (section.heading === undefined && section.headingText !== undefined && section.writtenNumber !== undefined)
      section.heading = section.headingText;
  }

  const seen = new Map<string, ParsedQuestion & { source?: string | undefined }>();
  for (const section of sections) {
    for (const question of section.questions) {
      const base = questionId(section.number, question.heading.number, question.heading.paper);
      let id = base;
      for (let suffix = 2; seen.has(id); suffix++) id = `${base}-${suffix}`;
      const earlier = seen.get(base);
      if (earlier) {
        warnings.push({
          file: section.source,
          line: question.line,
          message: `question "${question.headingText}" has the same section, paper and number as the question at ${where(earlier.source, earlier.line)}: imported as ${id}; give it its own number so its id (and your ratings of it) stay put`,
        });
      }
      question.id = id;
      seen.set(id, { ...question, source: section.source });
    }
  }
}

/** Title and heading as the contract wants them: no heading for the classic "Section 3 Title". */
function sectionNames(plan: SectionPlan, notesTitle: string | undefined): { title: string; heading?: string } {
  if (!plan.heading) {
    const name = plan.paper?.label ?? notesTitle ?? 'Questions';
    return { title: name, heading: name };
  }
  const groups = plan.groups.map((group) => group.text);
  const written = [...groups, plan.heading.text].join(' · ');
  const title = plan.parsed?.title || plan.heading.text;
  const classic = groups.length === 0 && /^section\s*\d+$/i.test(plan.parsed?.label ?? '');
  return classic ? { title } : { title, heading: written };
}

/**
 * Structure comes from `#` headings (and `###1` lines read as headings). A paragraph followed by
 * `---` is also a level-2 heading in Markdown (setext), but in notes that rule is a separator.
 */
function isStructuralHeading(node: RootContent, lines: string[]): boolean {
  const start = node.position?.start;
  if (!start) return false;
  const first = (lines[start.line - 1] ?? '').slice(start.column - 1);
  if (first.startsWith('#')) return true;
  const underline = lines[(node.position?.end.line ?? 0) - 1] ?? '';
  return /^ {0,3}=+\s*$/.test(underline);
}

interface FrontMatter {
  /** Line of the closing `---`. */
  end: number;
  title?: string | undefined;
  meta?: Record<string, string> | undefined;
}

/** A YAML front matter block at the very top (`---` … `---`): its title and other fields. */
function readFrontMatter(lines: string[], warnings: NotesWarning[]): FrontMatter | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) return undefined;
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'));
  } catch (error) {
    warnings.push({
      line: 1,
      message: `the front matter is not valid YAML (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''}), so it is kept as text`,
    });
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const meta: Record<string, string> = {};
  let title: string | undefined;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const text = Array.isArray(value)
      ? value.map(String).join(', ')
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : String(value ?? '');
    if (key.toLowerCase() === 'title' && text.trim() !== '') title = text.trim();
    else if (text.trim() !== '') meta[key] = text;
  }
  return { end: close + 1, title, meta: Object.keys(meta).length > 0 ? meta : undefined };
}

export function collectImages(blocks: RootContent[]): ImageRef[] {
  const images: ImageRef[] = [];
  const root: Root = { type: 'root', children: blocks };
  visit(root, 'image', (image) => {
    images.push({ src: image.url, alt: image.alt ?? '', line: image.position?.start.line ?? 0 });
  });
  return images;
}
