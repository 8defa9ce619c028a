/**
 * Records the hash of every distinct inline style attribute (KaTeX writes `style="height:0.6444em;"`
 * on its boxes) in the entry's metadata, so each page's Content-Security-Policy can allow exactly
 * those values (`style-src-attr 'unsafe-hashes' 'sha256-…'`) and no other inline style.
 * Runs last, so it sees the attributes as they are served.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cspHash, STYLE_HASHES_KEY } from './csp.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeStyleHashes() {
  return (tree: Root, file: VFile): void => {
    const values = new Set<string>();
    visit(tree, 'element', (node) => {
      const style = node.properties.style;
      if (typeof style === 'string') values.add(style);
    });
    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter[STYLE_HASHES_KEY] = [...values].sort().map(cspHash);
  };
}
