/**
 * Content files are YAML frontmatter between `---` lines, then Markdown. The one reader and the one
 * writer of that format: the import writes with withFrontmatter, everything else reads with splitFrontmatter.
 */
import { parse, stringify } from 'yaml';

export interface FrontmatterFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/**
 * Splits a content file into its frontmatter fields and Markdown body; undefined without frontmatter.
 * Invalid YAML throws YAMLParseError (with its line, counted from the first line after `---`);
 * YAML that is not a set of fields throws FrontmatterShapeError.
 */
export function splitFrontmatter(text: string): FrontmatterFile | undefined {
  const match = /^---\n(?:([\s\S]*?)\n)?---(?:\n|$)/.exec(text);
  if (!match) return undefined;
  const parsed: unknown = parse(match[1] ?? '');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new FrontmatterShapeError();
  return { data: parsed as Record<string, unknown>, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

export class FrontmatterShapeError extends Error {
  constructor() {
    super('the frontmatter is not a set of fields');
    this.name = 'FrontmatterShapeError';
  }
}

/** A content file's text: the fields as YAML frontmatter, then the body (if any) after a blank line. */
export function withFrontmatter(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n${body === '' ? '' : `\n${body}\n`}`;
}
