/**
 * Marks the blocks that scroll sideways when wider than the column (question.css, base.css):
 * display formulas, tables and code. The page makes each one that overflows at the reader's width
 * a tab stop (src/client/scroll-regions.ts), so it can be scrolled from the keyboard.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { hasClass } from './hast-helpers.ts';

/** The attribute the page looks for. */
export const SCROLL_REGION = 'data-scroll-x';

export default function rehypeScrollRegions() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (hasClass(node, 'katex-display') || node.tagName === 'table' || node.tagName === 'pre') node.properties[SCROLL_REGION] = '';
    });
  };
}
