/** What a question shows in Test me (its statement) and what it hides (its answer), as the page lays it out. */
import type { Nodes, RootContent } from 'mdast';
import { splitParagraph } from '../../../src/lib/notes/answers.ts';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { questionOutline, type OutlineNode } from '../../../src/lib/notes/outline.ts';

export interface Shown {
  /** Text always in view: statement blocks, part headings, screenshots' alt text (math as `$…$`, code in backticks). */
  statement: string;
  /** Text hidden until revealed. */
  answer: string;
}

/** A block's text with math and code marked as in the notes, so a test can tell what reads the same on the page. */
function textOf(node: Nodes): string {
  if (node.type === 'inlineMath') return `$${node.value}$`;
  if (node.type === 'math') return `$$${node.value}$$`;
  if (node.type === 'inlineCode') return `\`${node.value}\``;
  if (node.type === 'code') return `\`\`\`${node.value}\`\`\``;
  if ('value' in node) return node.value;
  // A container's title shows with it (a <details> summary, a callout's title).
  if (node.type === 'notesContainer') return [node.label, ...node.children.map((child) => textOf(child))].join('\n');
  if ('children' in node)
    return node.children
      .map((child) => textOf(child))
      .join(node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? '' : '\n');
  return '';
}

/** Splits a question body (content file body) the way remark-question-layout does. */
export function statementAndAnswer(body: string, frontmatter: { title?: unknown }): Shown {
  const blocks = parseMarkdown(body).children;
  const outline = questionOutline(blocks, frontmatter);
  const shown: Shown = { statement: '', answer: '' };
  const add = (where: keyof Shown, node: RootContent | undefined): void => {
    if (node) shown[where] += `${textOf(node)}\n`;
  };
  const walk = (nodes: OutlineNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'part') {
        add('statement', blocks[node.index]);
        walk(node.children);
      } else if (node.type === 'variants') {
        for (const item of node.items) {
          add('answer', blocks[item.index]);
          walk(item.children);
        }
      } else {
        const block = blocks[node.index];
        if (node.split && block?.type === 'paragraph') {
          const [before, after] = splitParagraph(block, node.split);
          add('statement', before);
          add('answer', after);
        } else add(node.answer ? 'answer' : 'statement', block);
      }
    }
  };
  walk(outline.nodes);
  return shown;
}
