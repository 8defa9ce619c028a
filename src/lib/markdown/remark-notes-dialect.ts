/**
 * The notes' dialect on the page (src/lib/notes/): containers, callouts and admonitions, `###1`
 * headings, Typora images, highlights, clozes and inked text read as the importer reads them. A
 * container that folds (`:::details`, `??? note`, `> [!quote]-`) is a <details>, folded or open as
 * written (open in print, see print.css); others (`:::tip`, `!!! warning`, `> [!note]`) are a titled box.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { applyDialectTo } from '../notes/markdown.ts';

export default function remarkNotesDialect() {
  return (tree: Root, file: VFile): void => {
    applyDialectTo(tree, String(file.value));
    visit(tree, 'notesContainer', (container) => {
      const title = container.label || container.name.charAt(0).toUpperCase() + container.name.slice(1);
      const folds = container.name === 'details' || container.fold !== undefined;
      container.data = folds
        ? {
            hName: 'details',
            hProperties: { className: ['note-details'], dataKind: container.name, ...(container.fold === 'open' ? { open: true } : {}) },
          }
        : { hName: 'div', hProperties: { className: ['callout'], dataKind: container.name } };
      container.children.unshift({
        type: 'paragraph',
        data: folds
          ? { hName: 'summary', notesTitle: true }
          : { hName: 'p', hProperties: { className: ['callout-title'] }, notesTitle: true },
        children: [{ type: 'text', value: title }],
      });
    });
  };
}
