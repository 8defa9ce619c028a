/**
 * A formula KaTeX cannot parse must stay visible and explained, never blank: its TeX source is
 * shown in a styled box with KaTeX's message, and the build prints file and line for each one.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warnAt } from './build-warning.ts';

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** "KaTeX parse error: Expected 'EOF', got '$' at position 37" → without the prefix. */
export function katexProblem(title: string): string {
  return title.replace(/^(ParseError: )?KaTeX parse error: /, '').trim();
}

export default function rehypeMathErrors() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.includes('katex-error')) return;
      const tex = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      const problem = katexProblem(String(node.properties.title ?? 'unknown error'));
      node.properties = { className: ['math-error'], role: 'note' };
      node.children = [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-error-label'] },
          children: [text(`Formula could not be rendered (${problem}):`)],
        },
        text(' '),
        { type: 'element', tagName: 'code', properties: {}, children: [text(tex)] },
      ];
    });
    for (const message of file.messages) {
      if (message.source !== 'rehype-katex') continue;
      const line = message.place && 'start' in message.place ? message.place.start.line : message.place?.line;
      warnAt('math error', file, line, message.cause instanceof Error ? message.cause.message : message.reason);
    }
  };
}
