/**
 * The images a built page shows, read from its HTML at build: each <img> with its src and srcset
 * candidates, and those of the <source> elements of its <picture>. (Build only: it parses HTML.)
 * A screenshot's print twin (img.screenshot-print, lib/markdown/rehype-screenshot-sources.ts) is
 * not one of them: no screen shows it, so Save for offline leaves it out (offline, print shows the
 * screen image instead, and the PDFs are the saved copy's print-quality choice).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { ImageSource } from './manifest.ts';
import { parseSrcset } from './screenshots.ts';

/**
 * A picture with its sources, or an image on its own. Only these are parsed, not whole pages
 * (a large site has hundreds of pages of several hundred KB); the site's HTML holds no raw "<img"
 * anywhere else: text is escaped, and notes' raw HTML is sanitised at build.
 */
const IMAGE_MARKUP = /<picture\b[\s\S]*?<\/picture>|<img\b[^>]*>/gi;

const PRINT_TWIN = 'screenshot-print';

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : '');

function sourcesOf(element: Element): ImageSource[] {
  const src = text(element.properties.src);
  return [...(src === '' ? [] : [{ url: src }]), ...parseSrcset(text(element.properties.srcSet))];
}

/** One list of sources per image of the page, in page order. */
export function pageImages(html: string): ImageSource[][] {
  const images: ImageSource[][] = [];
  for (const [markup] of html.matchAll(IMAGE_MARKUP)) {
    const alternatives: Element[] = [];
    visit(fromHtml(markup, { fragment: true }), 'element', (node) => {
      if (node.tagName === 'source') alternatives.push(node);
      if (node.tagName !== 'img') return;
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes(PRINT_TWIN)) return;
      const sources = [...alternatives.flatMap(sourcesOf), ...sourcesOf(node)];
      if (sources.length > 0) images.push(sources);
    });
  }
  return images;
}
