/**
 * The notes' dialect on the page (src/lib/notes/dialect.ts): containers, `###1` headings and
 * Typora images read as the importer reads them. A `:::details` container is a collapsible
 * <details> (open in print, see print.css); other containers (`:::tip`, `:::warning` …) are a
 * titled box.
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
      const details = container.name === 'details';
      container.data = details
        ? { hName: 'details', hProperties: { className: ['note-details'] } }
        : { hName: 'div', hProperties: { className: ['callout'], dataKind: container.name } };
      container.children.unshift({
        type: 'paragraph',
        data: details ? { hName: 'summary' } : { hName: 'p', hProperties: { className: ['callout-title'] } },
        children: [{ type: 'text', value: title }],
      });
    });
  };
}
