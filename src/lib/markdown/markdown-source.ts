/**
 * Astro's glob() loader renders every Markdown file when content syncs and keeps the HTML in the
 * data store, which the build embeds as a JavaScript module: with KaTeX's large HTML, thousands of
 * questions made the build peak far above 2 GB. This loader reads the same files (ids, digests,
 * schema and file watching stay glob()'s) but stores only frontmatter and Markdown source; pages
 * render the source when they are built (src/lib/site/render.ts), so rendered HTML is transient.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { visit } from 'unist-util-visit';
import { resolveScreenshot } from './remark-screenshots.ts';
import { screenshotsDigest } from '../content/content-store-stamp.ts';
import { unreadableScreenshots } from '../content/images.ts';
import { parseMarkdown } from '../notes/markdown.ts';

/** glob()'s file types; an entry type without a render function is stored unrendered. Not in Astro's public LoaderContext type. */
type GlobContext = LoaderContext & { entryTypes: Map<string, { getRenderFunction?: unknown }> };

/**
 * The screenshots an entry shows, as the renderer will reference them (relative to the file,
 * decoded as Astro's image collector does), so Astro bundles them as optimised images. Questions
 * and sections list theirs in the frontmatter (written by the import, kept in step with the body
 * by `npm run check`), which spares parsing thousands of bodies; the course file has no list.
 */
export function screenshotImports(
  markdownPath: string,
  data: Record<string, unknown>,
  body: string,
  unreadable: ReadonlySet<string> = new Set(),
): string[] {
  const sources: string[] = [];
  if (Array.isArray(data.images)) {
    for (const image of data.images as { src: string }[]) sources.push(image.src);
  } else if (body.includes('![')) {
    visit(parseMarkdown(body), 'image', (image) => void sources.push(image.url));
  }
  const urls = new Set<string>();
  for (const src of sources) {
    const screenshot = resolveScreenshot(markdownPath, src);
    // An unreadable file would stop Astro's optimiser; the page shows an explained placeholder instead.
    if (screenshot?.found && !unreadable.has(screenshot.target)) urls.add(decodeURI(screenshot.url));
  }
  return [...urls];
}

/**
 * `optional`: a collection most content folders have no file of (other authors' notes), whose
 * emptiness is no news: glob()'s "No files found" warning is left out.
 */
export function markdownSource(options: Parameters<typeof glob>[0] & { optional?: boolean }): Loader {
  const { optional = false, ...globOptions } = options;
  const loader = glob(globOptions);
  return {
    name: 'markdown-source',
    load: async (context) => {
      const { entryTypes, store, config } = context as GlobContext;
      if (!(entryTypes instanceof Map))
        throw new Error(
          'markdown-source: this Astro version no longer gives loaders its file types; see src/lib/markdown/markdown-source.ts',
        );
      const root = fileURLToPath(config.root);
      const contentDir = resolve(root, options.base instanceof URL ? fileURLToPath(options.base) : (options.base ?? '.'));
      const unreadable = await unreadableScreenshots(contentDir);
      const unrendered = new Map([...entryTypes].map(([extension, type]) => [extension, { ...type, getRenderFunction: undefined }]));
      const set: typeof store.set = (entry) => {
        if (!entry.filePath || !entry.body) return store.set(entry);
        return store.set({ ...entry, assetImports: screenshotImports(resolve(root, entry.filePath), entry.data, entry.body, unreadable) });
      };
      // An entry's digest also covers where the content folder is and which screenshots it has: glob()
      // reloads only entries whose digest changed, and a new screenshot changes what an entry shows
      // (and which images Astro bundles) without changing its file. Pages re-render on a new digest.
      const screenshots = screenshotsDigest(contentDir);
      const generateDigest: typeof context.generateDigest = (data) =>
        context.generateDigest(`${typeof data === 'string' ? data : JSON.stringify(data)}\0${screenshots}`);
      const logger: typeof context.logger = optional
        ? Object.assign(Object.create(context.logger) as typeof context.logger, {
            warn: (message: string) => {
              if (!message.startsWith('No files found matching')) context.logger.warn(message);
            },
          })
        : context.logger;
      await loader.load({ ...context, logger, generateDigest, entryTypes: unrendered, store: { ...store, set } } as GlobContext);
    },
  };
}
