// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/pipeline.ts';

/**
 * Astro keeps rendered Markdown in node_modules/.astro/data-store.json until its config changes,
 * but not when our plugins' code does. When a digest of that code changes, drop the store, so a
 * plugin change re-renders every page instead of serving stale HTML.
 */
function dropStaleMarkdownCache() {
  const hash = createHash('sha256');
  for (const dir of ['src/lib/markdown', 'src/lib/notes', 'src/lib/content']) {
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(`${dir}/${name}`));
  }
  const digest = hash.digest('hex');
  const stamp = 'node_modules/.astro/markdown-code-digest';
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  rmSync('node_modules/.astro/data-store.json', { force: true });
  mkdirSync('node_modules/.astro', { recursive: true });
  writeFileSync(stamp, digest);
}

dropStaleMarkdownCache();

/**
 * KaTeX's stylesheet offers each font as woff2, woff and ttf. Every browser the site supports
 * takes woff2, so the others are dropped from the CSS and never bundled.
 * @returns {import('vite').Plugin}
 */
function katexWoff2Only() {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/].*\.css($|\?)/.test(id)) return null;
      return { code: code.replace(/,url\([^)]*\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, ''), map: null };
    },
  };
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
  vite: { plugins: [katexWoff2Only()] },
});
