import katex from 'katex';
import type { Root } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkMathRepair, { splitTouchingFormulas } from '../../../src/lib/markdown/remark-math-repair.ts';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';

const P1 = '\\begin{pmatrix} 3 & 3 \\\\ -3 & -3 \\end{pmatrix}';
const P2 = '\\begin{pmatrix} -3 & -3 \\\\ 3 & 3 \\end{pmatrix}';

describe('splitTouchingFormulas', () => {
  it.each<[string, string[]]>([
    ['a$$b', ['a', 'b']],
    [`${P1}$$${P2}`, [P1, P2]],
    ['a$$b$$c', ['a', 'b', 'c']],
    ['x^2', ['x^2']],
    ['\\$$5', ['\\$$5']],
    ['a$$ ', ['a']],
  ])('%j', (value, expected) => {
    expect(splitTouchingFormulas(value)).toEqual(expected);
  });
});

function repaired(markdown: string): InlineMath[] {
  const tree: Root = parseMarkdown(markdown);
  remarkMathRepair()(tree);
  const found: InlineMath[] = [];
  visit(tree, 'inlineMath', (node) => {
    found.push(node);
  });
  return found;
}

describe('remarkMathRepair', () => {
  it('splits two touching inline formulas back into the two the author wrote', () => {
    const nodes = repaired(`Filters: $${P1}$$${P2}$ done`);
    expect(nodes.map((node) => node.value)).toEqual([P1, P2]);
  });

  it('gives the new formulas what remark-rehype needs to render them as math, not plain text', () => {
    for (const node of repaired('$a^2$$b_1$')) {
      expect(node.data?.hName).toBe('code');
      expect(node.data?.hProperties?.className).toEqual(['language-math', 'math-inline']);
      expect(node.data?.hChildren).toEqual([{ type: 'text', value: node.value }]);
    }
  });

  it('leaves the formulas KaTeX can render where the joined one fails', () => {
    const [joined] = repaired('x');
    expect(joined).toBeUndefined();
    expect(() => katex.renderToString(`${P1}$$${P2}`, { throwOnError: true })).toThrow(/KaTeX parse error/);
    for (const node of repaired(`$${P1}$$${P2}$`)) expect(() => katex.renderToString(node.value, { throwOnError: true })).not.toThrow();
  });

  it('keeps single formulas and display math untouched', () => {
    const tree = parseMarkdown('Cost $x^2$ and\n\n$$\na$$b\n$$\n');
    const before = JSON.stringify(tree);
    remarkMathRepair()(tree);
    expect(JSON.stringify(tree)).toBe(before);
  });
});
