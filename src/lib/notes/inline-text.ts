import type { PhrasingContent } from 'mdast';

/** Text of a heading or paragraph with inline math kept as `$…$` and code as `` `…` ``. */
export function inlineText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'inlineMath') return `$${node.value}$`;
      if (node.type === 'inlineCode') return `\`${node.value}\``;
      if ('value' in node) return node.value;
      if ('children' in node) return inlineText(node.children);
      return '';
    })
    .join('');
}
