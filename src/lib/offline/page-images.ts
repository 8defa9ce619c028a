/**
 * The images a built page shows, read from its HTML at build: each <img> with its src and srcset
 * candidates, and those of the <source> elements of its <picture>. (Build only: it parses HTML.)
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { ImageSource } from './manifest.ts';
import { parseSrcset } from './screenshots.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : '');

function sourcesOf(element: Element): ImageSource[] {
  const src = text(element.properties.src);
  return [...(src === '' ? [] : [{ url: src }]), ...parseSrcset(text(element.properties.srcSet))];
}

/** One list of sources per image of the page, in page order. */
export function pageImages(html: string): ImageSource[][] {
  const images: ImageSource[][] = [];
  visit(fromHtml(html), 'element', (node, _index, parent) => {
    if (node.tagName !== 'img') return;
    const picture = parent?.type === 'element' && parent.tagName === 'picture' ? parent : undefined;
    const alternatives = (picture?.children ?? []).filter(
      (child): child is Element => child.type === 'element' && child.tagName === 'source',
    );
    const sources = [...alternatives.flatMap(sourcesOf), ...sourcesOf(node)];
    if (sources.length > 0) images.push(sources);
  });
  return images;
}
