import { parse } from 'yaml';

/** Splits a generated content file into its YAML frontmatter (parsed) and its Markdown body. */
export function splitContentFile(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { data: parse(match[1] ?? '') as Record<string, unknown>, body: text.slice(match[0].length) };
}
