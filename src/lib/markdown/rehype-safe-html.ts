/**
 * Makes the raw HTML of notes harmless before anything else renders (see html-safety.ts), and
 * prints file and line for each hostile construct, as the math errors do.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { warnAt } from './build-warning.ts';
import { makeHtmlSafe } from './html-safety.ts';

export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile): Root => {
    const { tree: safe, findings } = makeHtmlSafe(tree, file);
    for (const { line, message } of findings) warnAt('html warning', file, line, message);
    return safe;
  };
}
