/**
 * Checks the generated content before a build: formulas KaTeX cannot render, screenshots not
 * yet supplied, empty questions, duplicate ids, frontmatter that no longer matches its body,
 * raw HTML the build removes (scripts, event handlers, unsafe links, embeds) and characters no
 * font can show (private use, unassigned, control characters).
 * Pure: takes the text of each content file and the list of image files, returns diagnostics
 * with lines counted in the content file (frontmatter included), as an editor shows them.
 */
import { isDeepStrictEqual } from 'node:util';
import katex from 'katex';
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { YAMLParseError } from 'yaml';
import { findUnprintable, unprintableMessage } from '../fonts/unprintable.ts';
import { findHostileHtml } from '../markdown/html-safety.ts';
import { katexOptions } from '../markdown/pipeline.ts';
import { splitTouchingFormulas } from '../markdown/remark-math-repair.ts';
import { partData } from '../import/content-files.ts';
import { paperProblem, parseQuestionHeading } from '../notes/headings.ts';
import { parseMarkdown } from '../notes/markdown.ts';
import { inlineText, questionBlocks, questionOutline } from '../notes/outline.ts';
import { collectImages } from '../import/parse-notes.ts';
import { normalizeNewlines } from '../import/text.ts';
import { isAnswerHeading } from '../notes/variants.ts';
import { imagePath } from '../content/images.ts';
import { splitFrontmatter, type FrontmatterFile } from '../content/frontmatter.ts';
import {
  authorFolder,
  classifyContentPath,
  COURSE_FILE,
  IMAGE_FOLDER,
  NOTES_FILE,
  NOTES_FOLDER,
  QUESTIONS_FOLDER,
  SECTIONS_FOLDER,
  type ContentKind,
  type ContentPath,
} from '../content/layout.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the content folder, with `/`: "dasc7606/questions/s1-2024-may-abc-q1.md". */
  file: string;
  /** 1-based line in the content file, frontmatter included. */
  line: number;
  severity: Severity;
  message: string;
}

export interface CheckInput {
  /** Text of each file in the content folder, keyed by its relative path with `/`. Other files than content pages are ignored. */
  files: Map<string, string>;
  /** Image files present, relative to the content folder: "dasc7606/images/2024MayABC/7.png". */
  images: Set<string>;
  /** Image files present that do not decode, with why (see unreadableImage). */
  unreadableImages?: Map<string, string>;
}

type Report = (file: string, line: number, severity: Severity, message: string) => void;

interface CheckedFile {
  path: string;
  course: string;
  /** The folder its screenshots are under: the course's, or an author's inside it ("dasc7606/authors/lin"). */
  folder: string;
  kind: ContentKind;
  data: Record<string, unknown>;
  /** Line of each top-level frontmatter key, for pointing at a field. */
  keyLines: Map<string, number>;
  /** Content-file line of the body's first line, minus one: body line n is content line n + offset. */
  offset: number;
  blocks: RootContent[];
  tree: Root;
  body: string;
}

const REIMPORT =
  're-run the import (npm run import -- <notes.md>); if this file was edited by hand, make the edit in the notes instead and import with --force';

export function checkContent(input: CheckInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, line: number, severity: Severity, message: string): void => {
    diagnostics.push({ file, line, severity, message });
  };
  const missingImages = new Map<string, { count: number; first: { file: string; line: number; src: string } }>();
  const questionIds = new Map<string, string>();

  const sections = new Map<string, CheckedFile>();
  const questions: CheckedFile[] = [];
  for (const [path, text] of [...input.files].sort(([a], [b]) => a.localeCompare(b))) {
    const content = classifyContentPath(path);
    if (content?.kind !== 'course' && content?.kind !== 'section' && content?.kind !== 'question') {
      // Markdown beside the content that no page reads (the kept notes copy aside) is text a student might expect to see.
      if (
        content?.kind === 'other' &&
        path.endsWith('.md') &&
        content.name !== NOTES_FILE &&
        !content.name.startsWith(`${NOTES_FOLDER}/`)
      ) {
        report(
          path,
          1,
          'warning',
          `no page shows this file: the site reads ${content.course}/${COURSE_FILE}, ${SECTIONS_FOLDER}/ and ${QUESTIONS_FOLDER}/ only; put its text in the notes and re-import`,
        );
      }
      continue;
    }
    const kind = content.kind;
    const file = readContentFile({ ...content, path }, text, report);
    if (!file) continue;
    if (kind === 'section') sections.set(`${file.course}/${String(file.data.number)}`, file);
    if (kind === 'question') questions.push(file);

    checkMath(file, report);
    // Kept as written; the pages mark each one (lib/markdown/rehype-unprintable-characters.ts).
    for (const { character, line } of findUnprintable(normalizeNewlines(text)))
      report(path, line, 'warning', unprintableMessage(character));
    // The build removes these; the warning says where, so the notes can be fixed.
    for (const { line, message } of findHostileHtml(file.body)) report(path, (line ?? 1) + file.offset, 'warning', message);
    for (const image of bodyImages(file)) {
      const target = imagePath(file.folder, image.src)?.split('\\').join('/');
      if (/^[a-z][a-z0-9+.-]*:/i.test(image.src)) continue; // a URL: the build reports it (notes load nothing from elsewhere)
      const unreadable = target === undefined ? undefined : input.unreadableImages?.get(target);
      if (target === undefined) {
        report(
          path,
          image.line,
          'error',
          `screenshot "${image.src}" points outside ${file.folder}/${IMAGE_FOLDER}/: use a path relative to the notes, such as ./2024May/1.png`,
        );
      } else if (unreadable !== undefined) {
        report(
          path,
          image.line,
          'warning',
          `screenshot "${image.src}" cannot be shown: ${unreadable}; the site shows a placeholder until you replace ${target}`,
        );
      } else if (!input.images.has(target)) {
        const entry = missingImages.get(file.folder);
        if (entry) entry.count += 1;
        else missingImages.set(file.folder, { count: 1, first: { file: path, line: image.line, src: image.src } });
      }
    }
    if (kind === 'section' || kind === 'question') checkFrontmatterMatchesBody(file, report);
    if (kind === 'question') {
      checkQuestionHasContent(file, report);
      const heading = typeof file.data.heading === 'string' ? parseQuestionHeading(file.data.heading) : undefined;
      const problem = heading && file.data.paper === undefined ? paperProblem(heading) : undefined;
      if (problem !== undefined)
        report(path, file.keyLines.get('heading') ?? 1, 'warning', `question "${String(file.data.heading)}": ${problem}`);
      const id = file.data.id;
      if (typeof id === 'string') {
        const key = `${file.course}/${id}`;
        const first = questionIds.get(key);
        if (first === undefined) questionIds.set(key, path);
        else
          report(
            path,
            file.keyLines.get('id') ?? 1,
            'error',
            `duplicate question id "${id}": ${first} has it too; every question of a course needs its own id`,
          );
      }
    }
  }

  for (const question of questions) {
    const section = sections.get(`${question.course}/${String(question.data.section)}`);
    if (section && section.data.scope !== true) continue;
    const why = section ? 'is the exam-scope page, which lists no questions' : 'has no file in sections/';
    report(
      question.path,
      question.keyLines.get('section') ?? 1,
      'warning',
      `no page shows this question: its section ${String(question.data.section)} ${why}; ${REIMPORT}`,
    );
  }

  for (const [folder, { count, first }] of missingImages) {
    report(
      first.file,
      first.line,
      'warning',
      `${count} screenshot${count === 1 ? ' is' : 's are'} not in ${folder}/${IMAGE_FOLDER}/ yet (first: ${first.src}); the site shows a placeholder for each until you put them there, with the paths the notes use`,
    );
  }
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function readContentFile(path: ContentPath & { path: string }, raw: string, report: Report): CheckedFile | undefined {
  const text = normalizeNewlines(raw);
  let file: FrontmatterFile | undefined;
  try {
    file = splitFrontmatter(text);
  } catch (error) {
    // YAML counts lines from the first line after the opening `---`.
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 0) + 1 : 2;
    const problem =
      error instanceof YAMLParseError ? `is not valid YAML (${error.message.split('\n')[0] ?? ''})` : 'is not a set of fields';
    report(path.path, line, 'error', `the frontmatter ${problem}: ${REIMPORT}`);
    return undefined;
  }
  if (!file) {
    report(path.path, 1, 'error', `no frontmatter between "---" lines: ${REIMPORT}`);
    return undefined;
  }
  const keyLines = new Map<string, number>();
  text
    .split('\n')
    .slice(1, file.bodyLine - 2)
    .forEach((line, index) => {
      const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
      if (key !== undefined && !keyLines.has(key)) keyLines.set(key, index + 2);
    });
  const tree = parseMarkdown(file.body);
  return {
    path: path.path,
    course: path.course,
    folder: [path.course, authorFolder(path.author)].filter(Boolean).join('/'),
    kind: path.kind as ContentKind,
    data: file.data,
    keyLines,
    offset: file.bodyLine - 1,
    blocks: tree.children,
    tree,
    body: file.body,
  };
}

/** Every formula as the site renders it: `$A$$B$` split back into two, each through KaTeX with the site's options. */
function checkMath(file: CheckedFile, report: Report): void {
  visit(file.tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    const line = (node.position?.start.line ?? 1) + file.offset;
    const formulas = node.type === 'inlineMath' ? splitTouchingFormulas(node.value) : [node.value];
    for (const tex of formulas) {
      try {
        katex.renderToString(tex, { ...katexOptions, displayMode: node.type === 'math', throwOnError: true });
      } catch (error) {
        const problem = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
        const delimiter = node.type === 'math' ? '$$' : '$';
        report(file.path, line, 'error', `KaTeX cannot render ${delimiter}${shorten(tex)}${delimiter}: ${problem}`);
      }
    }
  });
}

function shorten(tex: string): string {
  const flat = tex.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

function bodyImages(file: CheckedFile): { src: string; alt: string; line: number }[] {
  return collectImages(file.blocks).map((image) => ({ ...image, line: image.line + file.offset }));
}

/** The importer computed parts, variants, hasAnswer and images from this very body: they must still agree. */
function checkFrontmatterMatchesBody(file: CheckedFile, report: Report): void {
  const mismatch = (field: string, detail: string): void => {
    report(
      file.path,
      file.keyLines.get(field) ?? 1,
      'error',
      `frontmatter field "${field}" does not match the body (${detail}): ${REIMPORT}`,
    );
  };
  const images = bodyImages(file).map(({ src, alt }) => ({ src, alt }));
  const listed = Array.isArray(file.data.images) ? file.data.images.map((image: unknown) => pick(image, ['src', 'alt'])) : undefined;
  if (!isDeepStrictEqual(listed, images))
    mismatch('images', `frontmatter lists ${describeList(listed, 'src')}, the body has ${describeList(images, 'src')}`);
  if (file.kind !== 'question') return;

  const outline = questionOutline(questionBlocks(file.blocks), file.data);
  if (file.data.hasAnswer !== outline.hasAnswer)
    mismatch(
      'hasAnswer',
      `frontmatter says ${String(file.data.hasAnswer)}, the body ${outline.hasAnswer ? 'has' : 'has no'} written answer`,
    );
  const parts = partData(outline.parts);
  const listedParts = Array.isArray(file.data.parts) ? (file.data.parts as unknown[]) : undefined;
  if (!isDeepStrictEqual(listedParts, parts)) {
    const anchors = (list: unknown[] | undefined): string => describeList(list, 'anchor');
    const detail =
      anchors(listedParts) === anchors(parts)
        ? `part ${firstDifference(listedParts ?? [], parts)}`
        : `frontmatter lists ${anchors(listedParts)}, the body has ${anchors(parts)}`;
    mismatch('parts', detail);
  }
  if (!isDeepStrictEqual(file.data.variants, outline.variants))
    mismatch('variants', `frontmatter lists ${JSON.stringify(file.data.variants)}, the body has ${JSON.stringify(outline.variants)}`);
}

function pick(value: unknown, keys: string[]): Record<string, unknown> {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/** "3 (a, b, c)" or "none" for a list of records, naming each by `key`. */
function describeList(list: unknown[] | undefined, key: string): string {
  if (list === undefined) return 'nothing';
  if (list.length === 0) return 'none';
  return `${list.length} (${list.map((item) => String(pick(item, [key])[key])).join(', ')})`;
}

function firstDifference(listed: unknown[], computed: Record<string, unknown>[]): string {
  const index = computed.findIndex((part, i) => !isDeepStrictEqual(listed[i], part));
  const part = computed[index] ?? {};
  const other = pick(listed[index], Object.keys(part));
  const field = Object.keys(part).find((key) => !isDeepStrictEqual(other[key], part[key])) ?? 'fields';
  return `"${String(part.anchor)}": ${field} is ${JSON.stringify(other[field])} in the frontmatter but ${JSON.stringify(part[field])} in the body`;
}

/** A question page needs its statement: a screenshot or some text (not just "### Answer" or rules). */
function checkQuestionHasContent(file: CheckedFile, report: Report): void {
  // A heading that says the question ("## What is overfitting?") is a question even before its answer is written.
  if (collectImages(file.blocks).length > 0 || (typeof file.data.title === 'string' && file.data.title !== '')) return;
  const meaningful = file.blocks.filter((block) => {
    if (block.type === 'thematicBreak' || block.type === 'html') return false;
    if (block.type === 'heading') return !isAnswerHeading(inlineText(block.children));
    return true;
  });
  if (meaningful.length > 0) return;
  const heading = typeof file.data.heading === 'string' ? `"${file.data.heading}"` : 'its heading';
  report(
    file.path,
    file.offset + 1,
    'error',
    `question has neither text nor screenshots: add its screenshot or text under ${heading} in the notes, or delete the question there, then re-run the import`,
  );
}
