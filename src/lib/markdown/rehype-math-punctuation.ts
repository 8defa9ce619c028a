/**
 * Punctuation written right after an inline formula ("… find $P(D\mid +)$.") stays on the
 * formula's line: the formula and the punctuation are wrapped in one unbreakable span, so a narrow
 * screen never starts a line with a lone "." or "，". Only short formulas: a long one must keep the
 * line breaks KaTeX allows after its relations and operators (Chromium breaks after a formula's last
 * piece whatever follows it, so the wrapper cannot keep those and bind the punctuation too).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { hasClass } from './hast-helpers.ts';
import { isFormula } from './rehype-math.ts';

/** The longest formula (in TeX characters) kept whole with its punctuation: well under a phone's line. */
const SHORT_TEX = 24;

/** Closing punctuation, Latin and Chinese: what may not begin a line. */
const TRAILING = /^[.,;:!?)\]}’”%…，。、；：！？）》」』】〉]+/;

/** An inline formula (rehype-math.ts) short enough to keep whole, by its TeX source. */
function isShortFormula(node: ElementContent | undefined): boolean {
  return isFormula(node) && !node.data.display && node.data.tex.trim().length <= SHORT_TEX;
}

export default function rehypeMathPunctuation() {
  return (tree: Root): void => {
    visit(tree, 'element', (parent: Element) => {
      if (hasClass(parent, 'math-nowrap')) return;
      for (let index = 0; index < parent.children.length - 1; index++) {
        const formula = parent.children[index];
        const next = parent.children[index + 1];
        if (!formula || !isShortFormula(formula) || next?.type !== 'text') continue;
        const punctuation = TRAILING.exec(next.value)?.[0];
        if (!punctuation) continue;
        const rest: Text = { type: 'text', value: next.value.slice(punctuation.length) };
        const wrapper: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-nowrap'] },
          children: [formula, { type: 'text', value: punctuation }],
        };
        parent.children.splice(index, 2, wrapper, ...(rest.value === '' ? [] : [rest]));
      }
    });
  };
}
