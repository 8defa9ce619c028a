/**
 * Records the hash of every distinct inline style attribute (KaTeX writes `style="height:0.6444em;"`
 * on its boxes) in the entry's metadata, so each page's Content-Security-Policy can allow exactly
 * those values (`style-src-attr 'unsafe-hashes' 'sha256-…'`) and no other inline style.
 * Runs last, so it sees the attributes as they are served: on elements, and in the HTML of the
 * formulas rehype-math.ts keeps as written by KaTeX (double-quoted, escaped as KaTeX escapes).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cspHash, STYLE_HASHES_KEY } from './csp.ts';
import { isFormula } from './rehype-math.ts';

const KATEX_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
const unescape = (value: string): string => value.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => KATEX_ESCAPES[entity] ?? entity);

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeStyleHashes() {
  return (tree: Root, file: VFile): void => {
    const values = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'element' && typeof node.properties.style === 'string') values.add(node.properties.style);
      if (isFormula(node)) for (const [, style = ''] of node.value.matchAll(/ style="([^"]*)"/g)) values.add(unescape(style));
    });
    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter[STYLE_HASHES_KEY] = [...values].sort().map(cspHash);
  };
}
