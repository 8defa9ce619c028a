/**
 * Gives a question's Markdown its structure on the page: each part becomes a <section> with a
 * permalink id and an examinability badge, answer variants become groups of labelled panels
 * (turned into tabs in the browser), and headings get levels that fit under the question's h2.
 * Uses the same outline as the importer, so page and frontmatter agree.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
// Brings in the `data.hName` / `data.hProperties` fields that mdast-util-to-hast adds to mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { EXAMINABILITY_LABELS } from '../content/examinability.ts';
import { splitExaminability } from '../notes/headings.ts';
import { splitParagraph } from '../notes/answers.ts';
import { inlineAnswersIn, markInlineAnswers } from '../notes/inline-answers.ts';
import { parseMarkdown } from '../notes/markdown.ts';
import { questionBlocks, questionOutline, splitSourceParagraph, type OutlineNode, type PartInfo } from '../notes/outline.ts';
import { isAnswerRule } from '../content/rules.ts';
import { questionTitleId } from '../content/ids.ts';
import { contentFileAt } from '../content/layout.ts';
import { frontmatterOf } from './hast-helpers.ts';

/** A container node that mdast-util-to-hast turns into the element named by `data.hName`. */
function element(hName: string, hProperties: Record<string, string | number | string[]>, children: RootContent[]): RootContent {
  return { type: 'paragraph', data: { hName, hProperties }, children } as unknown as RootContent;
}

function badge(examinability: PartInfo['examinability']): PhrasingContent[] {
  if (examinability === 'unmarked') return [];
  const { en, zh } = EXAMINABILITY_LABELS[examinability];
  return [
    { type: 'text', value: ' ' },
    {
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['exam-badge'], dataExaminability: examinability } },
      children: [{ type: 'text', value: `${en} · ${zh}` }],
    },
  ];
}

/** Replaces the `(不考)` marker at the end of a part heading with a badge. */
function decoratePartHeading(heading: Heading, part: PartInfo, id: string): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type === 'text' && part.examinability !== 'unmarked') {
    last.value = `${splitExaminability(last.value).text}`;
  }
  heading.children.push(...badge(part.examinability));
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: `${id}-h`, className: ['part-heading'] } };
}

export default function remarkQuestionLayout() {
  return (tree: Root, file: VFile): void => {
    const content = contentFileAt(file.path);
    if (content?.kind !== 'question') return;
    const questionId = content.name;
    const blocks = questionBlocks(tree.children);
    const frontmatter = frontmatterOf(file);
    const outline = questionOutline(blocks, frontmatter);
    const rules = new Set(Array.isArray(frontmatter.answers) ? frontmatter.answers.filter(isAnswerRule) : []);
    const sourceLines = String(file.value).split('\n');
    let variantGroups = 0;

    /** Lays out a container's nodes; runs of answer blocks are wrapped so Test-me can hide them. */
    const layout = (nodes: OutlineNode[], headingLevel: number): RootContent[] =>
      wrapAnswers(nodes.flatMap((node) => place(node, headingLevel)));

    const place = (node: OutlineNode, headingLevel: number): Placed[] => {
      if (node.type === 'block') {
        const block = blocks[node.index];
        // A flashcard's `?` line only separates question and answer.
        if (!block || node.role === 'separator') return [];
        if (node.role === 'table-row' && block.type === 'paragraph')
          return tableRow(block, sourceLines[(block.position?.start.line ?? 0) - 1] ?? '', frontmatter.table);
        if (node.inline) markInlineAnswers(inlineAnswersIn(block, rules));
        if (block.type === 'heading') block.depth = clampDepth(headingLevel);
        if (node.role === 'answer-heading')
          block.data = { ...block.data, hProperties: { ...block.data?.hProperties, className: ['answer-heading'] } };
        // The statement's lines stay in view; the answer that starts later in the paragraph hides in Test me.
        if (node.split && block.type === 'paragraph') {
          const [statement, answer] = splitParagraph(block, node.split);
          // A `?` line at a paragraph's end leaves its answer to the blocks after it.
          return [{ node: statement, answer: false }, ...(answer.children.length > 0 ? [{ node: answer, answer: true }] : [])];
        }
        return [{ node: block, answer: node.answer }];
      }
      if (node.type === 'part') {
        const heading = blocks[node.index];
        const id = `${questionId}--${node.part.anchor}`;
        if (heading?.type !== 'heading') return [];
        heading.depth = clampDepth(headingLevel);
        decoratePartHeading(heading, node.part, id);
        const section = element(
          'section',
          {
            className: ['part'],
            id,
            dataPart: node.part.anchor,
            dataDepth: node.part.depth,
            dataExaminability: node.part.examinability,
            // Named by question and part ("Q1 2024 May (a)"): landmarks of the same name in several questions are ambiguous.
            ariaLabelledby: `${questionTitleId(questionId)} ${id}-h`,
          },
          [heading, ...layout(node.children, headingLevel + 1)],
        );
        return [{ node: section, answer: false }];
      }
      // The tabs are in the HTML from the start (shown only with JavaScript, before first paint), so
      // turning the panels into tabs never moves the page; src/client/variant-tabs.ts wires them up.
      variantGroups += 1;
      const groupId = `${questionId}--variants-${variantGroups}`;
      const tabs = element(
        'div',
        { className: ['variant-tabs', 'js-only'], role: 'tablist', ariaLabel: 'Answer sources' },
        node.items.map((item, index) =>
          element(
            'button',
            {
              type: 'button',
              role: 'tab',
              className: ['variant-tab'],
              id: `${groupId}-tab-${index}`,
              ariaControls: `${groupId}-panel-${index}`,
              ariaSelected: String(index === 0),
              tabIndex: index === 0 ? 0 : -1,
            },
            [{ type: 'text', value: item.source }],
          ),
        ),
      );
      const group = element('div', { className: ['variants'], dataScope: node.scope }, [
        tabs,
        ...node.items.map((item, index) => {
          const marker = blocks[item.index];
          const answerStart = marker?.type === 'paragraph' && item.leadsAnswer ? splitLabelLine(marker) : [];
          if (marker?.type === 'heading') marker.depth = clampDepth(headingLevel);
          if (marker) marker.data = { ...marker.data, hProperties: { ...marker.data?.hProperties, className: ['variant-label'] } };
          const childLevel = marker?.type === 'heading' ? headingLevel + 1 : headingLevel;
          const inner = containsPart(item.children)
            ? [...answerStart, ...layout(item.children, childLevel)]
            : [...answerStart, ...item.children.flatMap((child) => place(child, childLevel)).map((placed) => placed.node)];
          const panel = {
            className: ['variant'],
            dataSource: item.source,
            id: `${groupId}-panel-${index}`,
            role: 'tabpanel',
            ariaLabelledby: `${groupId}-tab-${index}`,
            tabIndex: 0,
          };
          return element('section', panel, [...(marker ? [marker] : []), ...inner]);
        }),
      ]);
      // Alternative answers to one part are an answer; whole-question variants hold parts, each with its own.
      return [{ node: group, answer: !node.items.some((item) => containsPart(item.children)) }];
    };

    const key = keyAnswer(frontmatter.key);
    tree.children = [element('div', { className: ['question-body'] }, [...layout(outline.nodes, 3), ...key])];
  };
}

/** The answer the notes' answer key gives, after the question: hidden in Test me like any answer. */
function keyAnswer(key: unknown): RootContent[] {
  if (typeof key !== 'object' || key === null || typeof (key as { text?: unknown }).text !== 'string') return [];
  const [first, ...rest] = parseMarkdown((key as { text: string }).text).children;
  const label: PhrasingContent = {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['key-label'] } },
    children: [{ type: 'text', value: 'Answer key: ' }],
  };
  // The label leads the key's first paragraph (`Answer key: C`); a longer answer follows as written.
  const lead: RootContent[] =
    first?.type === 'paragraph'
      ? [{ ...first, children: [label, ...first.children] }]
      : [{ type: 'paragraph', children: [label] }, ...(first ? [first] : [])];
  return [element('div', { className: ['answer', 'key-answer'] }, [...lead, ...rest])];
}

/**
 * A question that is a table row (`| 过拟合 | 模型在训练集上… |`): its question cell as the
 * statement, the other cells as its answer, each named by its column where there are several.
 */
function tableRow(row: Paragraph, rowSource: string, table: unknown): Placed[] {
  const { columns = [], question = 0 } = (typeof table === 'object' && table !== null ? table : {}) as {
    columns?: string[];
    question?: number;
  };
  // The row is read as a table under its own header, so its cells keep their Markdown (bold, code, math).
  const header = columns.length > 0 ? columns : ['', ''];
  const source = `| ${header.map((name) => name.replace(/\|/g, '\\|')).join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|\n${rowSource}`;
  const parsed = parseMarkdown(source).children[0];
  const cells = parsed?.type === 'table' ? (parsed.children[1]?.children ?? []) : [];
  if (cells.length === 0) return [{ node: row, answer: false }];
  const answers = cells.flatMap((cell, index): RootContent[] => {
    if (index === question || cell.children.length === 0) return [];
    const name = columns[index];
    const label: PhrasingContent[] =
      cells.length > 2 && name
        ? [
            { type: 'strong', children: [{ type: 'text', value: name }] },
            { type: 'text', value: '：' },
          ]
        : [];
    return [{ type: 'paragraph', children: [...label, ...cell.children] }];
  });
  return [
    { node: { type: 'paragraph', children: cells[question]?.children ?? [] }, answer: false },
    ...answers.map((node) => ({ node, answer: true })),
  ];
}

interface Placed {
  node: RootContent;
  /** Answer text, hidden in Test-me mode until revealed; screenshots and parts are not. */
  answer: boolean;
}

function containsPart(nodes: OutlineNode[]): boolean {
  return nodes.some((node) => node.type === 'part' || (node.type === 'variants' && node.items.some((item) => containsPart(item.children))));
}

/** Wraps each run of answer blocks in <div class="answer">. */
function wrapAnswers(placed: Placed[]): RootContent[] {
  const out: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(element('div', { className: ['answer'] }, run));
    run = [];
  };
  for (const { node, answer } of placed) {
    if (answer) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

/** `**GPT**` followed on the next line by answer text: the label keeps its own paragraph, so tabs can hide it. */
function splitLabelLine(marker: Paragraph): RootContent[] {
  const split = splitSourceParagraph(marker);
  if (!split || split.rest.length === 0) return [];
  marker.children = [split.label];
  return [{ type: 'paragraph', children: split.rest }];
}

function clampDepth(depth: number): Heading['depth'] {
  return Math.min(6, Math.max(3, depth)) as Heading['depth'];
}
