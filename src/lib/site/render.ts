/**
 * Renders a content entry's Markdown when a page is built (Astro glue). The content store keeps
 * only Markdown source (src/lib/markdown/markdown-source.ts); a question shows on its section page
 * and its paper page, so each version of an entry is rendered once and reused (twice when it opens
 * one page and not the other).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { getCollection, render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { createSiteRenderer } from '../markdown/processor.ts';
import { createRenderPool } from '../markdown/render-pool.ts';
import { buildThreads } from './build-options.ts';
import { LEADS_PAGE } from '../markdown/rehype-screenshot-sources.ts';
import type { RenderedEntry } from '../markdown/csp.ts';

/** Astro's render() result, with the metadata the page's Content-Security-Policy reads (csp.ts). */
type Rendered = Awaited<ReturnType<typeof render>> & Required<RenderedEntry>;

let renderer: Promise<MarkdownRenderer> | undefined;

/** Questions a site has at least for a build to render them on worker threads: each takes a few seconds to start. */
const POOL_FROM_QUESTIONS = 200;

/**
 * A large site's build renders on worker threads (render-pool.ts); a small one, and the dev
 * server (where an edited plugin takes effect at once), in this process. The worker runs from the
 * project's source (this module is bundled elsewhere by the build), which Node runs as it is;
 * astro runs in the project's folder.
 */
async function markdownRenderer(): Promise<MarkdownRenderer> {
  const threads = buildThreads();
  if (import.meta.env.DEV || threads < 2 || (await getCollection('questions')).length < POOL_FROM_QUESTIONS) return createSiteRenderer();
  return createRenderPool(new URL('src/lib/markdown/render-worker.ts', pathToFileURL(`${process.cwd()}/`)), threads);
}
const rendered = new Map<string, Promise<Rendered>>();

export interface RenderOptions {
  /** The entry opens its page: its first screenshot loads at once (rehype-screenshot-sources.ts). */
  leadsPage?: boolean;
}

async function renderSource(entry: CollectionEntry<CollectionKey>, { leadsPage = false }: RenderOptions): Promise<Rendered> {
  if (!entry.filePath) throw new Error(`${entry.collection} ${entry.id}: no source file to render`);
  // Astro's shared Markdown options (syntax highlighting, remote images) stay at their defaults, as in astro.config.mjs.
  renderer ??= markdownRenderer();
  const { code, metadata } = await (
    await renderer
  ).render(entry.body ?? '', {
    frontmatter: { ...entry.data, [LEADS_PAGE]: leadsPage },
    fileURL: pathToFileURL(resolve(entry.filePath)),
  });
  // Astro's render() turns rendered HTML into a component and swaps image references for optimised images.
  const result = await render({
    ...entry,
    rendered: { html: code, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } },
  });
  return { ...result, rendered: { metadata } };
}

export function renderEntry(entry: CollectionEntry<CollectionKey>, options: RenderOptions = {}): Promise<Rendered> {
  // The digest changes with the file, so `astro dev` never shows an edited entry's old rendering.
  const key = `${entry.collection}/${entry.id}/${String(entry.digest)}${options.leadsPage ? '/leads' : ''}`;
  let result = rendered.get(key);
  if (!result) {
    // Leading a page changes only how its first screenshot loads: an entry without one renders once.
    result = options.leadsPage
      ? renderEntry(entry).then((plain) => (hasScreenshots(plain) ? renderSource(entry, options) : plain))
      : renderSource(entry, options);
    rendered.set(key, result);
  }
  return result;
}

function hasScreenshots({ rendered }: Rendered): boolean {
  const images = rendered?.metadata?.localImagePaths;
  return !Array.isArray(images) || images.length > 0;
}
