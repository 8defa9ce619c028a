/**
 * One format for every problem the Markdown pipeline finds while the site builds:
 * `<kind>: <file>:<line>: <message>`, on a line of its own. Pages render while Astro's build log
 * has written a page's name but not yet its timing, so the warning starts a new line.
 */
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { splitFrontmatter } from '../content/frontmatter.ts';

/**
 * The line in the content file of a line of the Markdown the pipeline renders, which is the file's
 * body (as Astro hands it over, blank lines after the frontmatter left out): the frontmatter's
 * lines come first in the file, as an editor and `npm run check` count them.
 */
function fileLine(file: VFile, bodyLine: number): number {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch {
    return bodyLine;
  }
  const at = typeof file.value === 'string' && file.value !== '' ? text.indexOf(file.value) : -1;
  if (at >= 0) return bodyLine + text.slice(0, at).split('\n').length - 1;
  return bodyLine + (text.startsWith('---') ? (splitFrontmatter(text.replace(/\r\n?/g, '\n'))?.bodyLine ?? 1) - 1 : 0);
}

export function warnAt(kind: string, file: VFile, line: number | undefined, message: string): void {
  console.warn(`\n${kind}: ${file.path ?? 'unknown file'}${line ? `:${fileLine(file, line)}` : ''}: ${message}`);
}
