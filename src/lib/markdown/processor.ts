/** The site's Markdown processor: Astro's unified() renderer with the site's plugins (pipeline.ts). */
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './pipeline.ts';

// Astro 7's default engine (Sätteri) runs no remark/rehype plugins and would render display math as code.
export const markdownProcessor = unified({ remarkPlugins, rehypePlugins: [...rehypePlugins], smartypants: false });
