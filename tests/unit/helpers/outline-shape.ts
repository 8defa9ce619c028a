/** A compact, readable picture of an outline, so tests can state the expected structure directly. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { buildOutline, type Outline, type OutlineNode } from '../../../src/lib/notes/outline.ts';

export type Shape =
  string | { part: string; children: Shape[] } | { variants: 'question' | 'part'; items: { source: string; children: Shape[] }[] };

/** `block` nodes become "role: first words", parts `{ part: anchor }`, variant groups `{ variants }`. */
export function shapeOf(nodes: OutlineNode[], blocks: RootContent[]): Shape[] {
  return nodes.map((node): Shape => {
    if (node.type === 'block') {
      const block = blocks[node.index];
      const text = block ? toString(block).trim().split('\n')[0]?.slice(0, 40) : '';
      return node.role === 'rule' || node.role === 'screenshot' ? node.role : `${node.role}: ${text ?? ''}`;
    }
    if (node.type === 'part') return { part: node.part.anchor, children: shapeOf(node.children, blocks) };
    return { variants: node.scope, items: node.items.map((item) => ({ source: item.source, children: shapeOf(item.children, blocks) })) };
  });
}

export function outlineOf(markdown: string): { outline: Outline; blocks: RootContent[]; shape: Shape[] } {
  const blocks = parseMarkdown(markdown).children;
  const outline = buildOutline(blocks);
  return { outline, blocks, shape: shapeOf(outline.nodes, blocks) };
}
