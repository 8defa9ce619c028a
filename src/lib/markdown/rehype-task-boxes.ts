/**
 * Task-list checkboxes (`- [x] pwd`) become drawn boxes: a disabled <input> with no label fails
 * WCAG's "form elements must have labels", and its tick cannot be hidden in Test me. A box states
 * its tick to screen readers, except among options the notes tick as the answer, where the
 * answer's own mark says it (question.css) and Test me can hide it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { hasClass } from './hast-helpers.ts';

const isCheckbox = (node: ElementContent): node is Element =>
  node.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';

const items = (list: Element): Element[] =>
  list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');

export default function rehypeTaskBoxes() {
  return (tree: Root): void => {
    visit(tree, 'element', (list) => {
      if (list.tagName !== 'ul' && list.tagName !== 'ol') return;
      const answered = items(list).some((item) => hasClass(item, 'answer-mark'));
      for (const item of items(list)) {
        // The box leads its item, or the item's first paragraph when the list is loose.
        const first = item.children.find((child) => child.type === 'element');
        const holder = first?.type === 'element' && first.tagName === 'p' ? first : item;
        const index = holder.children.findIndex(isCheckbox);
        const checkbox = holder.children[index];
        if (checkbox?.type !== 'element') continue;
        const ticked = checkbox.properties.checked === true;
        holder.children[index] = {
          type: 'element',
          tagName: 'span',
          properties: {
            className: ['task-box'],
            ...(ticked ? { dataTicked: '' } : {}),
            ...(answered ? { ariaHidden: 'true' } : { role: 'img', ariaLabel: ticked ? 'ticked' : 'not ticked' }),
          },
          children: [],
        };
      }
    });
  };
}
