/**
 * The site's Markdown processor (Astro's `markdown.processor`; src/lib/site/render.ts renders
 * entries with it): unified with the site's plugins (pipeline.ts) in the order Astro's own
 * unified() processor runs them — GFM, the remark plugins, Astro's image collector, HTML, Shiki for
 * code, the rehype plugins, Astro's image references — but without its last step, which parses
 * the whole finished tree again (rehype-raw) to turn raw HTML into elements: the notes' raw HTML is
 * parsed and made safe first (rehype-safe-html.ts), and the only raw nodes left are the formulas
 * KaTeX wrote (rehype-math.ts), which go out as written. That step cost about a fifth of rendering
 * a question. Nor does it collect Astro's list of headings, which no page reads (every heading
 * already has its id, rehype-heading-ids.ts).
 */
import {
  markdownConfigDefaults,
  rehypePrism,
  rehypeShiki,
  remarkCollectImages,
  type AstroMarkdownOptions,
  type MarkdownProcessor,
  type MarkdownRenderer,
} from '@astrojs/markdown-remark';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { rehypePlugins, remarkPlugins } from './pipeline.ts';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown>; localImagePaths?: string[]; remoteImagePaths?: string[] };
}

/** HTML from Markdown; raw HTML stays raw nodes, for rehype-safe-html.ts to parse and check. */
function remarkToHtmlTree() {
  return (tree: MdastRoot, file: VFile): HastRoot => toHast(tree, { allowDangerousHtml: true, file }) as HastRoot;
}

/** Properties that keep their hast names when Astro's image component takes the rest. */
const PRESERVED_PROPERTIES = ['className', 'htmlFor'];

/**
 * Marks each image Astro's image collector found (remarkCollectImages) for Astro's render(), which
 * swaps it for an optimised image, as `@astrojs/markdown-remark`'s own step does (not exported):
 * its properties (widths, sizes, format …) become the options of getImage().
 */
function rehypeImageReferences() {
  return (tree: HastRoot, file: VFile): void => {
    const { localImagePaths = [], remoteImagePaths = [] } = (file.data as AstroFileData).astro ?? {};
    if (localImagePaths.length === 0 && remoteImagePaths.length === 0) return;
    const occurrences = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = decodeURI(node.properties.src);
      const remote = remoteImagePaths.includes(src);
      if (!remote && !localImagePaths.includes(src)) return;
      const image: Record<string, unknown> = { ...node.properties, src };
      // Markdown images have no size: a remote one is measured, unless a plugin gave it one.
      if (remote && !('width' in node.properties && 'height' in node.properties)) image.inferSize = true;
      const kept: Element['properties'] = {};
      for (const key of PRESERVED_PROPERTIES) {
        if (!(key in image)) continue;
        kept[key] = image[key] as Element['properties'][string];
        delete image[key];
      }
      const index = occurrences.get(node.properties.src) ?? 0;
      occurrences.set(node.properties.src, index + 1);
      node.properties = { ...kept, __ASTRO_IMAGE_: JSON.stringify({ ...image, index }) };
    });
  };
}

function htmlCompiler(this: Processor) {
  this.compiler = (tree) => toHtml(tree as HastRoot, { allowDangerousHtml: true });
}

/** The renderer: `render(markdown, { frontmatter, fileURL })` → the HTML and what Astro's render() reads. */
export async function createSiteRenderer(shared: AstroMarkdownOptions = {}): Promise<MarkdownRenderer> {
  const highlight = shared.syntaxHighlight ?? markdownConfigDefaults.syntaxHighlight;
  const highlighter = typeof highlight === 'string' ? highlight : highlight === false ? false : highlight.type;
  const excludeLangs = typeof highlight === 'object' && highlight ? highlight.excludeLangs : undefined;
  // unified's types follow each plugin's tree through the chain; plugins from several packages typed
  // against their own copies of unified do not line up, so the chain is built untyped.
  const processor = unified().use(remarkParse).use(remarkGfm) as unknown as Processor;
  for (const plugin of remarkPlugins) processor.use(plugin as never);
  processor.use(remarkCollectImages as never, shared.image);
  processor.use(remarkToHtmlTree as never);
  if (highlighter === 'shiki') processor.use(rehypeShiki as never, shared.shikiConfig ?? markdownConfigDefaults.shikiConfig, excludeLangs);
  else if (highlighter === 'prism') processor.use(rehypePrism as never, excludeLangs);
  for (const plugin of rehypePlugins) {
    if (Array.isArray(plugin)) processor.use(plugin[0] as never, plugin[1]);
    else processor.use(plugin as never);
  }
  processor.use(rehypeImageReferences as never).use(htmlCompiler as never);
  return {
    async render(content, options) {
      const file = new VFile({ value: content, path: options?.fileURL, data: { astro: { frontmatter: options?.frontmatter ?? {} } } });
      const result = await processor.process(file).catch((error: unknown) => {
        throw new Error(`Failed to render Markdown file "${file.path}": ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      });
      const astro = (result.data as AstroFileData).astro ?? {};
      return {
        code: String(result.value),
        metadata: {
          headings: [],
          localImagePaths: astro.localImagePaths ?? [],
          remoteImagePaths: astro.remoteImagePaths ?? [],
          frontmatter: astro.frontmatter ?? {},
        },
      };
    },
  };
}

export const markdownProcessor: MarkdownProcessor = { name: 'revision-notes', options: {}, createRenderer: createSiteRenderer };
