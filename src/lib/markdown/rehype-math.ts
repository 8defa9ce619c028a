/**
 * Renders the formulas remark-math found with KaTeX (HTML for the eye, MathML for screen readers).
 * KaTeX's HTML goes into the tree as one `raw` node per formula, kept whole and written out as it
 * is: a formula is a hundred or more elements, and parsing them into the tree only for every later
 * step to walk them and the serialiser to write them back cost about two thirds of rendering a
 * question. The node keeps its TeX (`data.tex`) for the steps that care about formulas; a display
 * formula stays a `.katex-display` element (rehype-scroll-regions marks it) around its raw node.
 *
 * A formula KaTeX cannot parse must stay visible and explained, never blank: its TeX source is
 * shown in a styled box with KaTeX's message, and the build prints file and line for each one.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { warnAt } from './build-warning.ts';

/** A rendered formula in the tree: KaTeX's HTML, with its TeX. */
export interface FormulaNode {
  type: 'raw';
  value: string;
  data: { tex: string; display: boolean };
}

export function isFormula(node: Nodes | undefined): node is FormulaNode & ElementContent {
  return node?.type === 'raw' && typeof (node.data as { tex?: unknown } | undefined)?.tex === 'string';
}

/** "KaTeX parse error: Expected 'EOF', got '$' at position 37" → without the prefix. */
export function katexProblem(title: string): string {
  return title.replace(/^(ParseError: )?KaTeX parse error: /, '').trim();
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** The box a formula KaTeX cannot render becomes: what went wrong, then the TeX as written. */
function mathError(tex: string, problem: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math-error'], role: 'note' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['math-error-label'] },
        children: [text(`Formula could not be rendered (${problem}):`)],
      },
      text(' '),
      { type: 'element', tagName: 'code', properties: {}, children: [text(tex)] },
    ],
  };
}

const DISPLAY_OPEN = '<span class="katex-display">';
const CLOSE = '</span>';

/** A formula as the tree holds it: a raw node, inside a `.katex-display` element when displayed. */
function formula(tex: string, display: boolean, options: KatexOptions): ElementContent {
  const html = katex.renderToString(tex, { ...options, displayMode: display, throwOnError: true });
  if (!display || !html.startsWith(DISPLAY_OPEN) || !html.endsWith(CLOSE)) {
    return { type: 'raw', value: html, data: { tex, display } } as FormulaNode & ElementContent;
  }
  const inner: FormulaNode = { type: 'raw', value: html.slice(DISPLAY_OPEN.length, -CLOSE.length), data: { tex, display } };
  return { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [inner as ElementContent] };
}

export default function rehypeMath(options: KatexOptions = {}) {
  return (tree: Root, file: VFile): void => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      const languageMath = classes.includes('language-math');
      let display = classes.includes('math-display');
      if (!languageMath && !display && !classes.includes('math-inline')) return undefined;
      let parent = parents.at(-1);
      let scope: Element = element;
      // Display math is <pre><code class="language-math math-display">: the <pre> goes too.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2);
        display = true;
      }
      if (!parent) return undefined;
      const tex = toText(scope, { whitespace: 'pre' });
      let replacement: ElementContent;
      try {
        replacement = formula(tex, display, options);
      } catch (error) {
        const cause = error instanceof Error ? error : new Error(String(error));
        warnAt('math error', file, element.position?.start.line, cause.message);
        replacement = mathError(tex, katexProblem(String(error)));
      }
      parent.children.splice(parent.children.indexOf(scope as never), 1, replacement as never);
      return SKIP;
    });
  };
}
