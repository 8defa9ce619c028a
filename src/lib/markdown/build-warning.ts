/**
 * One format for every problem the Markdown pipeline finds while the site builds:
 * `<kind>: <file>:<line>: <message>`, on a line of its own. Pages render while Astro's build log
 * has written a page's name but not yet its timing, so the warning starts a new line.
 */
import type { VFile } from 'vfile';

export function warnAt(kind: string, file: VFile, line: number | undefined, message: string): void {
  console.warn(`\n${kind}: ${file.path ?? 'unknown file'}${line ? `:${line}` : ''}: ${message}`);
}
