/**
 * Marks the blocks that scroll sideways when wider than the column (question.css, base.css):
 * display formulas, tables and code. The page makes each one that overflows at the reader's width
 * a tab stop (src/client/scroll-regions.ts), so it can be scrolled from the keyboard.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The attribute the page looks for. */
export const SCROLL_REGION = 'data-scroll-x';

export default function rehypeScrollRegions() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      const classes = node.properties.className;
      const displayFormula = Array.isArray(classes) && classes.includes('katex-display');
      if (displayFormula || node.tagName === 'table' || node.tagName === 'pre') node.properties[SCROLL_REGION] = '';
    });
  };
}
