/**
 * The structure of one question's body: its parts, answer variants and the role of each block.
 * Computed from the Markdown tree, so the importer (frontmatter) and the page renderer (part
 * sections, variant tabs) always agree on what is a part and what is an answer.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Examinability, LabelKind } from '../content/schema.ts';
import { createPartNester, parsePartHeading, type PartHeading } from './parts.ts';
import { slugify } from '../content/ids.ts';
import { isAnswerHeading, parseAnswerBy, parseSourceLabel } from './variants.ts';

/** What a top-level block of a question body is, for rendering and for "has a written answer". */
export type BlockRole = 'screenshot' | 'answer-heading' | 'heading' | 'rule' | 'content';

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
  | { type: 'block'; index: number; role: BlockRole }
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

type Container =
  | { kind: 'root'; children: OutlineNode[] }
  | { kind: 'question-variant'; children: OutlineNode[]; source: string }
  | { kind: 'part'; children: OutlineNode[]; part: PartInfo }
  | { kind: 'part-variant'; children: OutlineNode[]; group: Extract<OutlineNode, { type: 'variants' }> };

/** Text of a heading or paragraph with inline math kept as `$…$` and code as `` `…` ``. */
export function inlineText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'inlineMath') return `$${node.value}$`;
      if (node.type === 'inlineCode') return `\`${node.value}\``;
      if ('value' in node) return node.value;
      if ('children' in node) return inlineText(node.children);
      return '';
    })
    .join('');
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

export function buildOutline(blocks: RootContent[]): Outline {
  const root: Container = { kind: 'root', children: [] };
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
  // Each part heading's label, so an ambiguous `(i)` can look at the label after it.
  const partLabels = blocks.map((block) =>
    block.type === 'heading' && !isAnswerHeading(inlineText(block.children)) ? parsePartHeading(inlineText(block.children)) : undefined,
  );
  const nextPartLabel = (index: number): PartHeading | undefined => partLabels.slice(index + 1).find((label) => label !== undefined);

  blocks.forEach((block, index) => {
    if (block.type === 'heading') {
      const text = inlineText(block.children);
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
      top().children.push({ type: 'block', index, role: isAnswerHeading(text) ? 'answer-heading' : 'heading' });
      return;
    }
    if (block.type === 'thematicBreak') {
      // A rule ends the part it follows: what comes after belongs to the question again.
      popWhile(isPartLevel);
      top().children.push({ type: 'block', index, role: 'rule' });
      return;
    }
    if (block.type === 'paragraph') {
      const labelled = splitSourceParagraph(block);
      if (labelled !== undefined) {
        openPartVariant(labelled.source, index, labelled.rest.length > 0);
        return;
      }
      top().children.push({ type: 'block', index, role: isScreenshotParagraph(block) ? 'screenshot' : 'content' });
      return;
    }
    top().children.push({ type: 'block', index, role: 'content' });
  });

  function openQuestionVariant(source: string, index: number): void {
    stack.length = 1;
    const last = root.children[root.children.length - 1];
    const item: VariantItem = { source, index, leadsAnswer: false, children: [] };
    if (last?.type === 'variants' && last.scope === 'question') last.items.push(item);
    else root.children.push({ type: 'variants', scope: 'question', items: [item] });
    stack.push({ kind: 'question-variant', children: item.children, source });
    variants.push(source);
    variantPrefix = slugify(source);
    nestPart = createPartNester();
  }

  function openPart(partHeading: PartHeading, index: number): void {
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
    top().children.push(node);
    stack.push({ kind: 'part', children: node.children, part });
    parts.push(part);
  }

  function openPartVariant(source: string, index: number, leadsAnswer: boolean): void {
    const current = top();
    const item: VariantItem = { source, index, leadsAnswer, children: [] };
    if (current.kind === 'part-variant') {
      stack.pop();
      current.group.items.push(item);
      stack.push({ kind: 'part-variant', children: item.children, group: current.group });
    } else {
      const group: Extract<OutlineNode, { type: 'variants' }> = {
        type: 'variants',
        scope: current.kind === 'part' ? 'part' : 'question',
        items: [item],
      };
      current.children.push(group);
      stack.push({ kind: 'part-variant', children: item.children, group });
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

function containsAnswer(nodes: OutlineNode[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'block') return node.role === 'content';
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
