// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/pipeline.ts';

/**
 * Astro caches rendered Markdown until its config changes, but not when our plugins' code does.
 * A digest of that code inside the config makes a plugin change re-render every page.
 */
function markdownCodeDigest() {
  const hash = createHash('sha256');
  for (const dir of ['src/lib/markdown', 'src/lib/notes', 'src/lib/content']) {
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(`${dir}/${name}`));
  }
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  output: 'static',
  // The e2e suite builds a site from other content into another folder.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default engine (Sätteri) runs no remark/rehype plugins and would render display math as code.
    processor: unified({ remarkPlugins, rehypePlugins: [...rehypePlugins], smartypants: false }),
  },
  vite: {
    define: { __MARKDOWN_CODE_DIGEST__: JSON.stringify(markdownCodeDigest()) },
  },
});
