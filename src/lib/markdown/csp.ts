/**
 * Content-Security-Policy sources the site computes itself (Astro's security.csp hashes only the
 * scripts and styles it bundles): inline scripts we write, and inline style attributes in rendered
 * Markdown (KaTeX sizes and positions every glyph with `style="height:…"`).
 */
import { createHash } from 'node:crypto';

export type CspHash = `sha256-${string}`;

/** A CSP hash source without quotes, as Astro's `security.csp` takes it: "sha256-…". */
export function cspHash(text: string): CspHash {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Where the Markdown pipeline leaves a rendered entry's style-attribute hashes (remarkPluginFrontmatter). */
export const STYLE_HASHES_KEY = 'cspStyleAttributeHashes';

/** A rendered content entry, as far as its style-attribute hashes go. */
export interface RenderedEntry {
  rendered?: { metadata?: Record<string, unknown> } | undefined;
}

function isHashList(value: unknown): value is CspHash[] {
  return Array.isArray(value) && value.every((hash) => typeof hash === 'string' && hash.startsWith('sha256-'));
}

/** The distinct style-attribute hashes of the entries a page shows. */
export function styleAttributeHashes(entries: Iterable<RenderedEntry>): CspHash[] {
  const hashes = new Set<CspHash>();
  for (const entry of entries) {
    const frontmatter = entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
    const list = frontmatter?.[STYLE_HASHES_KEY];
    if (isHashList(list)) for (const hash of list) hashes.add(hash);
  }
  return [...hashes].sort();
}
