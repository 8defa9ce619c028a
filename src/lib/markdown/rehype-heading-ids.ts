/**
 * Headings from many files share one page (a section lists all its questions), so ids such as
 * "中文" would repeat. Every heading without an id gets one prefixed by its question's id.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { contentFileAt } from '../content/layout.ts';

export default function rehypeScopedHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const content = contentFileAt(file.path);
    const prefix = content?.kind === 'question' ? content.name : content?.kind === 'section' ? `section-${content.name}` : 'page';
    let count = 0;
    visit(tree, 'element', (node) => {
      if (!/^h[1-6]$/.test(node.tagName) || node.properties.id !== undefined) return;
      count += 1;
      node.properties.id = `${prefix}--h${count}`;
    });
  };
}
