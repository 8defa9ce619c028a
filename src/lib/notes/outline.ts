/**
 * The structure of one question's body: its parts, answer variants, and which blocks are the
 * question's statement (always shown, also in Test me) and which its answer. Computed from the
 * Markdown tree, so the importer (frontmatter) and the page renderer (part sections, variant tabs,
 * hidden answers) always agree on what is a part and what is an answer.
 *
 * Statement or answer, container by container (the question, each part, each whole-answer variant):
 * - an answer marker (`### Answer`, `**答案：**`, `答：`, `<details><summary>解</summary>`, `:::details 解析`)
 *   ends the statement: blocks before it are statement, it and what follows are answer;
 * - without a marker, what the notes mean depends on where the question's statement is: when the
 *   heading is only a label (`### 试题1`, a list item `1.`), text opens the body and no screenshot stands
 *   for it, the text is the statement (typed out); otherwise (a screenshot, a heading that says the
 *   question, parts that do) text under a part is its answer and text before the first part is the
 *   question's lead-in.
 */
import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Examinability, LabelKind } from '../content/schema.ts';
import { slugify } from '../content/ids.ts';
import { isAnswerRule, type AnswerRule } from '../content/rules.ts';
import { answerSplitIn, answerStartOf, isAnswerLabel, splitParagraph, type SplitPoint } from './answers.ts';
import { inlineAnswersIn } from './inline-answers.ts';
import { OPTION_LABEL } from './vocabulary.ts';
import { inlineText } from './inline-text.ts';
import { createPartNester, parsePartHeading, type PartHeading } from './parts.ts';
import { isAnswerHeading, parseAnswerBy, parseSourceLabel } from './variants.ts';

export { inlineText };

/**
 * What a top-level block of a question body is, for rendering and for "has a written answer": a
 * `separator` (a flashcard's `?` line) is not shown; a `table-row` is a question in one column and
 * its answer in the others.
 */
export type BlockRole = 'screenshot' | 'answer-heading' | 'heading' | 'rule' | 'content' | 'separator' | 'table-row';

export interface PartInfo {
  /** Unique within the question: label keys joined, prefixed by the answer variant if any ("deepseek-a-i"). */
  anchor: string;
  /** Label as written: "(a)", "1.1". */
  label: string;
  kind: LabelKind;
  /** 1 for top-level parts, 2 for sub-parts such as (i) under (a). */
  depth: number;
  points?: number | undefined;
  title: string;
  examinability: Examinability;
  /** Display name of the whole-question answer variant this part belongs to, if any. */
  variant?: string | undefined;
  /** Display names of the answer variants inside this part (`**DeepSeek**` …). */
  sources: string[];
  /** Whether the part has answer text of its own or in its sub-parts. */
  hasAnswer: boolean;
}

export type OutlineNode =
  | {
      type: 'block';
      index: number;
      role: BlockRole;
      /** In the answer (hidden in Test me until revealed); screenshots and rules never are. */
      answer: boolean;
      /** A paragraph whose answer starts at a later line: the lines before are statement. */
      split?: SplitPoint | undefined;
      /** Statement text with its answer inside (cloze blanks, a letter in the stem, a marked option): inline-answers.ts. */
      inline?: boolean | undefined;
    }
  | { type: 'part'; index: number; part: PartInfo; children: OutlineNode[] }
  | { type: 'variants'; scope: 'question' | 'part'; items: VariantItem[] };

export interface VariantItem {
  /** Display name of the source: "DeepSeek", "Gemini & GPT". */
  source: string;
  /** Index of the block that names the source (a heading or a bold paragraph). */
  index: number;
  /** True when the bold paragraph naming the source goes on with answer text after its first line. */
  leadsAnswer: boolean;
  children: OutlineNode[];
}

export interface Outline {
  nodes: OutlineNode[];
  parts: PartInfo[];
  /** Sources of whole-question variants (`### Answer by DS`), in order. */
  variants: string[];
  hasAnswer: boolean;
}

/** Whether a container's next blocks are its statement or its answer. */
/** The statement until an answer marker; parts are "after the answer" only when a marker opened it. */
type Zone = 'statement' | 'answer' | 'answered';

type Container = { zone: Zone } & (
  | { kind: 'root'; children: OutlineNode[] }
  | { kind: 'question-variant'; children: OutlineNode[]; source: string }
  | { kind: 'part'; children: OutlineNode[]; part: PartInfo }
  | { kind: 'part-variant'; children: OutlineNode[]; group: Extract<OutlineNode, { type: 'variants' }> }
);

export interface OutlineOptions {
  /** The question's heading is only a label (`### 试题1`, `1.`), so its statement is in the body. */
  labelOnly?: boolean | undefined;
  /** How the notes set answers apart beyond markers (answers.ts ANSWER_RULES). */
  rules?: readonly AnswerRule[] | undefined;
}

/** What the outline reads of a question's frontmatter. */
export interface OutlineQuestion {
  /** Words of the heading that say the question; without them the heading is only a label. */
  title?: unknown;
  /** The file's answer rules, as the import stored them. */
  answers?: unknown;
  /** An answer from the notes' answer key. */
  key?: unknown;
}

function isScreenshotParagraph(node: Paragraph): boolean {
  return (
    node.children.some((child) => child.type === 'image') &&
    node.children.every((child) => child.type === 'image' || child.type === 'break' || (child.type === 'text' && child.value.trim() === ''))
  );
}

/**
 * `**DeepSeek**` alone on the first line of a paragraph names the source of the answer that
 * follows. The answer may start on the very next line of the same paragraph (`**GPT**` then
 * `A: …` with no blank line between), so only the first line must be the label.
 */
export function sourceOfParagraph(node: Paragraph): string | undefined {
  return splitSourceParagraph(node)?.source;
}

/** The source label of a paragraph and the answer text that follows it on later lines, if any. */
export function splitSourceParagraph(node: Paragraph): { source: string; label: PhrasingContent; rest: PhrasingContent[] } | undefined {
  const start = node.children.findIndex((child) => !isBlankText(child));
  const label = node.children[start];
  if (label?.type !== 'strong') return undefined;
  const source = parseSourceLabel(inlineText(label.children));
  if (source === undefined) return undefined;
  const rest = afterLabelLine(node.children.slice(start + 1));
  return rest === undefined ? undefined : { source, label, rest };
}

/**
 * What follows a label on later lines; undefined when the label's own line goes on, since
 * `**GPT** says …` is a sentence, not a label. An optional colon may end the label's line.
 */
function afterLabelLine(rest: PhrasingContent[]): PhrasingContent[] | undefined {
  const [first, ...others] = rest;
  if (first === undefined) return [];
  if (first.type === 'break') return others;
  if (first.type !== 'text') return undefined;
  const lineEnd = /^[ \t]*[:：]?[ \t]*(\n|$)/.exec(first.value);
  if (!lineEnd) return undefined;
  if (lineEnd[1] === '\n') {
    const remainder = first.value.slice(lineEnd[0].length);
    return remainder === '' ? others : [{ ...first, value: remainder }, ...others];
  }
  return afterLabelLine(others);
}

function isBlankText(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/** The outline of a question's body, knowing from its frontmatter whether the heading says the question (a `title`) and how answers are set apart. */
export function questionOutline(blocks: RootContent[], question: OutlineQuestion): Outline {
  const rules = Array.isArray(question.answers) ? question.answers.filter(isAnswerRule) : [];
  const outline = buildOutline(blocks, { labelOnly: typeof question.title !== 'string' || question.title === '', rules });
  return question.key === undefined ? outline : { ...outline, hasAnswer: true };
}

/** Kinds and titles of a box that holds a question (and its answer nested inside). */
const QUESTION_BOX =
  /^(?:questions?|quiz|exercises?|example|problems?|tasks?|practice|题目|试题|例题|练习|习题|问题|思考题)(?:\s|\d|$|[:：.])/i;

/** An admonition, callout or `<details>` that holds a question: `???+ question "PTA 9.1"`, `> [!question]`, `<summary>Question 1</summary>`. */
export function isQuestionBox(node: RootContent): node is Extract<RootContent, { type: 'notesContainer' }> {
  return node.type === 'notesContainer' && (QUESTION_BOX.test(node.name) || QUESTION_BOX.test(node.label.trim()));
}

/**
 * A question written as a box of its own is read inside the box: its title first (as the
 * question's first line), then what the box holds, its answer nested in it. The import and the page
 * both outline these blocks (questionOutline's indexes point into them).
 */
export function questionBlocks(blocks: RootContent[]): RootContent[] {
  const [only, ...rest] = blocks;
  if (!only || rest.length > 0 || !isQuestionBox(only)) return blocks;
  const title = only.label || only.name;
  const position = only.position ? { start: only.position.start, end: only.position.start } : undefined;
  // On the page the box already has its title as a first child (remark-notes-dialect.ts): that gives way to the question's.
  const [first, ...others] = only.children;
  const children = (first?.data as { notesTitle?: boolean } | undefined)?.notesTitle ? others : only.children;
  return [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }], position }, ...children];
}

/** A paragraph that is one row of a table (`| term | explanation |`): a question of a table of questions. */
export function isTableRow(block: RootContent): boolean {
  return block.type === 'paragraph' && /^\s*\|.*\|\s*$/.test(inlineText(block.children)) && !inlineText(block.children).includes('\n');
}

export function buildOutline(blocks: RootContent[], options: OutlineOptions = {}): Outline {
  const rules: ReadonlySet<AnswerRule> = new Set(options.rules ?? []);
  const texts = blocks.map((block) => (block.type === 'heading' ? inlineText(block.children) : undefined));
  // Each part heading's label, so an ambiguous `(i)` can look at the label after it.
  const partLabels = blocks.map((_block, index) => {
    const text = texts[index];
    return text !== undefined && !isAnswerHeading(text) ? parsePartHeading(text) : undefined;
  });
  const opensAnswer = (block: RootContent, index: number): boolean =>
    (texts[index] !== undefined && isAnswerHeading(texts[index])) || answerStartOf(block, rules) !== undefined;
  const firstStructure = blocks.findIndex((block, index) => partLabels[index] !== undefined || opensAnswer(block, index));
  const leadIn = blocks.slice(0, firstStructure === -1 ? blocks.length : firstStructure);
  // The statement is typed in the body when the heading only labels the question, text opens the body and no
  // screenshot stands for the statement (a question going straight to `### (a)` has its statements in the part headings).
  const isScreenshot = (block: RootContent): boolean => block.type === 'paragraph' && isScreenshotParagraph(block);
  const typed =
    options.labelOnly === true && leadIn.length > 0 && !leadIn.some(isScreenshot) && leadIn.some((block) => block.type !== 'thematicBreak');
  /** Whether a part's own blocks (up to the next part heading or rule) hold an answer marker. */
  const partHasMarker = (heading: number): boolean => {
    for (let index = heading + 1; index < blocks.length; index++) {
      const block = blocks[index] as RootContent;
      const text = texts[index];
      // The next part, a rule or another whole-answer variant ends this part's own blocks.
      if (partLabels[index] !== undefined || block.type === 'thematicBreak' || (text !== undefined && parseAnswerBy(text) !== undefined))
        return false;
      if (opensAnswer(block, index)) return true;
    }
    return false;
  };

  const root: Container = { kind: 'root', children: [], zone: typed || firstStructure !== -1 ? 'statement' : 'answer' };
  const stack: Container[] = [root];
  const parts: PartInfo[] = [];
  const variants: string[] = [];
  let nestPart = createPartNester();
  let variantPrefix = '';
  const top = (): Container => stack[stack.length - 1] ?? root;
  const popWhile = (test: (container: Container) => boolean): void => {
    while (stack.length > 1 && test(top())) stack.pop();
  };
  const isPartLevel = (container: Container): boolean => container.kind === 'part' || container.kind === 'part-variant';
  const place = (index: number, role: BlockRole, answer: boolean, split?: SplitPoint, inline = false): void => {
    top().children.push({ type: 'block', index, role, answer, ...(split ? { split } : {}), ...(inline ? { inline } : {}) });
  };
  const nextPartLabel = (index: number): PartHeading | undefined => partLabels.slice(index + 1).find((label) => label !== undefined);

  blocks.forEach((block, index) => {
    const text = texts[index];
    if (block.type === 'heading' && text !== undefined) {
      const answerBy = parseAnswerBy(text);
      if (answerBy !== undefined) {
        openQuestionVariant(answerBy, index);
        return;
      }
      const partHeading = partLabels[index];
      if (partHeading) {
        openPart(partHeading, index);
        return;
      }
      if (isAnswerHeading(text)) {
        // An "Answer" heading frames what follows: it stays in view, the answer under it hides.
        top().zone = 'answered';
        place(index, 'answer-heading', false);
        return;
      }
      place(index, 'heading', top().zone !== 'statement');
      return;
    }
    if (block.type === 'thematicBreak') {
      // A rule ends the part it follows: what comes after belongs to the question again.
      popWhile(isPartLevel);
      place(index, 'rule', false);
      return;
    }
    if (block.type === 'paragraph') {
      const labelled = splitSourceParagraph(block);
      if (labelled !== undefined) {
        openPartVariant(labelled.source, index, labelled.rest.length > 0);
        return;
      }
      if (isScreenshotParagraph(block)) {
        place(index, 'screenshot', false);
        return;
      }
      if (rules.has('table-columns') && isTableRow(block)) {
        place(index, 'table-row', false, undefined, true);
        return;
      }
    }
    const start = answerStartOf(block, rules);
    if (start?.kind === 'separator') {
      top().zone = 'answered';
      place(index, 'separator', false);
      return;
    }
    const current = top();
    if (start) current.zone = 'answered';
    // What follows the question's first paragraph answers it, its options (`A. …`) aside.
    else if (
      rules.has('after-first-paragraph') &&
      current.zone === 'statement' &&
      current.children.some(isContentBlock) &&
      !startsWithOption(block)
    )
      current.zone = 'answered';
    // A block with its answer inside (options, one marked) stays in view, unless a marker already opened the answer.
    const inline = current.zone !== 'answered' && inlineAnswersIn(block, rules).length > 0;
    // Options right under a heading that asks (`### 1. 以下…（）。` then `A. …`) are the question's, not its answer.
    const options = current.zone === 'answer' && !start && startsWithOption(block) && !current.children.some(isAnswerContent);
    place(index, 'content', current.zone !== 'statement' && !inline && !options, start?.kind === 'split' ? start.at : undefined, inline);
    // `**Answer:**` run on as the last line of a list (a lazy continuation line): what follows is the answer.
    if (!start && block.type === 'list' && endsWithAnswerLabel(block)) current.zone = 'answered';
  });

  function openQuestionVariant(source: string, index: number): void {
    stack.length = 1;
    const last = root.children[root.children.length - 1];
    const item: VariantItem = { source, index, leadsAnswer: false, children: [] };
    if (last?.type === 'variants' && last.scope === 'question') last.items.push(item);
    else root.children.push({ type: 'variants', scope: 'question', items: [item] });
    stack.push({ kind: 'question-variant', children: item.children, source, zone: 'answer' });
    variants.push(source);
    variantPrefix = slugify(source);
    nestPart = createPartNester();
  }

  function openPart(partHeading: PartHeading, index: number): void {
    // `2 aii)` opens sub-part ii of part a, which has no heading of its own.
    if (partHeading.outer) nestPart(partHeading.outer);
    const { kind, depth, path } = nestPart(partHeading, nextPartLabel(index));
    popWhile((container) => container.kind === 'part-variant' || (container.kind === 'part' && container.part.depth >= depth));
    const questionVariant = stack.find((container) => container.kind === 'question-variant');
    const part: PartInfo = {
      anchor: [variantPrefix, ...path.map(slugify)].filter(Boolean).join('-'),
      label: partHeading.label,
      kind,
      depth,
      points: partHeading.points,
      title: partHeading.title,
      examinability: partHeading.examinability,
      variant: questionVariant?.kind === 'question-variant' ? questionVariant.source : undefined,
      sources: [],
      hasAnswer: false,
    };
    const node: OutlineNode = { type: 'part', index, part, children: [] };
    const parent = top();
    parent.children.push(node);
    // Typed statements: a part asks until its marker. Otherwise a part's text is its answer, unless a marker says where that starts.
    const zone: Zone = parent.zone === 'answered' || (!typed && !partHasMarker(index)) ? 'answer' : 'statement';
    // Text after the parts (not in a part) is answer text in notes whose parts hold answers.
    if (!typed && parent.zone === 'statement') parent.zone = 'answer';
    stack.push({ kind: 'part', children: node.children, part, zone });
    parts.push(part);
  }

  function openPartVariant(source: string, index: number, leadsAnswer: boolean): void {
    const current = top();
    const item: VariantItem = { source, index, leadsAnswer, children: [] };
    if (current.kind === 'part-variant') {
      stack.pop();
      current.group.items.push(item);
      stack.push({ kind: 'part-variant', children: item.children, group: current.group, zone: 'answer' });
    } else {
      const group: Extract<OutlineNode, { type: 'variants' }> = {
        type: 'variants',
        scope: current.kind === 'part' ? 'part' : 'question',
        items: [item],
      };
      current.children.push(group);
      stack.push({ kind: 'part-variant', children: item.children, group, zone: 'answer' });
    }
    const part = [...stack].reverse().find((container) => container.kind === 'part');
    if (part?.kind === 'part') part.part.sources.push(source);
  }

  hoistTrailingScreenshots(root.children);
  for (const node of root.children)
    if (node.type === 'variants' && node.scope === 'question') for (const item of node.items) hoistTrailingScreenshots(item.children);
  markAnswers(root.children);
  return { nodes: root.children, parts, variants, hasAnswer: containsAnswer(root.children) };
}

/**
 * Screenshots after the answer of a question's last part are further pages of the question
 * (2024 May D Q3 ends part 1.3 with pages 6-10), not that part's statement: they move out of
 * the part, so hiding a part (not examined) never hides them.
 */
function hoistTrailingScreenshots(nodes: OutlineNode[]): void {
  const isBlock = (node: OutlineNode | undefined, role: BlockRole): boolean => node?.type === 'block' && node.role === role;
  let last = nodes.length - 1;
  while (last >= 0 && isBlock(nodes[last], 'rule')) last -= 1;
  const part = nodes[last];
  if (part?.type !== 'part') return;
  hoistTrailingScreenshots(part.children);
  let cut = part.children.length;
  while (cut > 0 && isBlock(part.children[cut - 1], 'screenshot')) cut -= 1;
  const answeredBefore = part.children.slice(0, cut).some((node) => node.type !== 'block' || node.role === 'content');
  if (cut === part.children.length || !answeredBefore) return;
  nodes.splice(last + 1, 0, ...part.children.splice(cut));
}

const isContentBlock = (node: OutlineNode): boolean => node.type === 'block' && node.role === 'content';
const isAnswerContent = (node: OutlineNode): boolean => isContentBlock(node) && node.type === 'block' && node.answer;

/** A list whose last item ends with a line that is only an answer label (`**Answer:**`). */
function endsWithAnswerLabel(list: List): boolean {
  const last = list.children[list.children.length - 1]?.children.at(-1);
  if (last?.type === 'list') return endsWithAnswerLabel(last);
  if (last?.type !== 'paragraph') return false;
  const split = answerSplitIn(last);
  if (!split) return false;
  const [, answer] = splitParagraph(last, split);
  return (
    inlineText(answer.children)
      .trim()
      .replace(/[:：]$/, '')
      .trim()
      .split('\n').length === 1 &&
    isAnswerLabel(
      inlineText(answer.children)
        .trim()
        .replace(/[:：]\s*$/, ''),
      true,
    )
  );
}

/** A paragraph (or list) that starts with an option label: `A. …`, `（B）…`, `- C、…`. */
function startsWithOption(block: RootContent): boolean {
  if (block.type === 'paragraph') return OPTION_LABEL.test(inlineText(block.children));
  if (block.type === 'list') return block.children[0]?.children[0] !== undefined && startsWithOption(block.children[0].children[0]);
  return false;
}

function containsAnswer(nodes: OutlineNode[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'block') return (node.role === 'content' && node.answer) || node.inline === true;
    if (node.type === 'part') return node.part.hasAnswer;
    return node.items.some((item) => item.leadsAnswer || containsAnswer(item.children));
  });
}

function markAnswers(nodes: OutlineNode[]): void {
  for (const node of nodes) {
    if (node.type === 'part') {
      markAnswers(node.children);
      node.part.hasAnswer = containsAnswer(node.children);
    } else if (node.type === 'variants') {
      for (const item of node.items) markAnswers(item.children);
    }
  }
}
