/** Splits a content file into its YAML frontmatter and Markdown body (1-based line where the body starts). */
import { parse } from 'yaml';

export interface ContentFile {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

export function splitFrontmatter(text: string): ContentFile {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const parsed: unknown = parse(match[1] ?? '');
  const data = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
