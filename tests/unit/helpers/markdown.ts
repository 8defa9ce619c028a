/** The site's Markdown pipeline (src/lib/markdown/pipeline.ts) in Astro's processor, as pages render it. */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from '../../../src/lib/markdown/pipeline.ts';

export function siteMarkdown(): ReturnType<typeof createMarkdownProcessor> {
  return createMarkdownProcessor({ remarkPlugins, rehypePlugins: [...rehypePlugins], smartypants: false, syntaxHighlight: false });
}
