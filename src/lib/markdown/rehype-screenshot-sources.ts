/**
 * Right-sized screenshots: each one remark-screenshots.ts let through gets the widths of its
 * `srcset` and its `sizes` (Astro's image pipeline makes the files), and a twin for print, one
 * JPEG at print resolution that no screen loads (hidden, lazy) and print shows once it has loaded
 * (print.css, src/client/print-images.ts). Runs after the raw-HTML step, whose re-parse would
 * turn the list of widths into text.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { COLUMN_SIZES, PRINT, printSize, screenSources } from './screenshot-sizes.ts';
import { frontmatterOf, hasClass } from './hast-helpers.ts';

/**
 * Set in the frontmatter given to the renderer (src/lib/site/render.ts) for the entry that opens its
 * page: its first screenshot is likely in the first screen, often its largest paint, so it loads at
 * once and before other images instead of waiting for layout as lazy ones do.
 */
export const LEADS_PAGE = 'leadsPage';

export default function rehypeScreenshotSources() {
  return (tree: Root, file: VFile): void => {
    const shown = file.data.screenshotSizes;
    if (!shown) return;
    let leading = frontmatterOf(file)[LEADS_PAGE] === true;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !hasClass(node, 'screenshot') || parent === undefined || index === undefined) return;
      const { src, alt } = node.properties;
      // The URL as Astro's image collector matches it (mdast-util-to-hast percent-encoded it).
      const original = typeof src === 'string' ? shown.get(decodeURI(src)) : undefined;
      if (!original) return;
      const { widths, width } = screenSources(original);
      // Options of Astro's getImage(), which reads `widths` as numbers (hast's types know only SVG's string attribute).
      const sources: { width: number; widths: number[]; sizes: string } = { width, widths, sizes: COLUMN_SIZES };
      Object.assign(node.properties, sources, leading ? { loading: 'eager', fetchpriority: 'high' } : {});
      leading = false;
      const twin: Element = {
        type: 'element',
        tagName: 'img',
        properties: {
          className: ['screenshot-print'],
          src,
          alt,
          width: printSize(original).width,
          format: 'jpeg',
          quality: PRINT.jpegQuality,
          loading: 'lazy',
          decoding: 'async',
        },
        children: [],
      };
      parent.children.splice(index + 1, 0, twin);
      return [SKIP, index + 2];
    });
  };
}
