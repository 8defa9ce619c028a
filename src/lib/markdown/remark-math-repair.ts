/**
 * Two inline formulas written back to back (`$A$$B$`) parse as one inline formula `A$$B`,
 * which KaTeX rejects. A `$` can never stand unescaped inside TeX math, so an inline formula
 * containing `$$` is split back into the two formulas the author wrote. The notes stay as written.
 */
import type { Root } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';

const TOUCHING = /(?<!\\)\$\$/;

export function splitTouchingFormulas(value: string): string[] {
  return value.split(TOUCHING).filter((part) => part.trim() !== '');
}

/**
 * remark-math tells remark-rehype how to render a formula through `data` (a `code.math-inline`
 * element holding the TeX); a new node without it would reach the page as plain text.
 */
function inlineFormula(value: string, like: InlineMath): InlineMath {
  const data = { ...like.data, hChildren: [{ type: 'text' as const, value }] };
  return { type: 'inlineMath', value, data };
}

export default function remarkMathRepair() {
  return (tree: Root): void => {
    visit(tree, 'inlineMath', (node, index, parent) => {
      if (index === undefined || !parent || !TOUCHING.test(node.value)) return;
      const formulas = splitTouchingFormulas(node.value).map((value) => inlineFormula(value, node));
      parent.children.splice(index, 1, ...formulas);
      return index + formulas.length;
    });
  };
}
