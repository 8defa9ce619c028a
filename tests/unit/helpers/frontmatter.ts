import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';

/** A generated content file's frontmatter fields and Markdown body; a file without frontmatter fails the test. */
export function splitContentFile(text: string): { data: Record<string, unknown>; body: string } {
  const file = splitFrontmatter(text);
  if (!file) throw new Error('no frontmatter');
  return { data: file.data, body: file.body };
}
