// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import { liveNotes } from './scripts/lib/live-notes.ts';
import { contentStoreDigest, dropStaleContentStore } from './src/lib/content/content-store-stamp.ts';
import { contentDirectory } from './src/lib/content/layout.ts';
import { outDirectory } from './src/lib/site/build-options.ts';
import { markdownProcessor } from './src/lib/markdown/processor.ts';
import { cspHash } from './src/lib/markdown/csp.ts';
import { INLINE_SCRIPTS } from './src/lib/site/inline-scripts.ts';
import { normalizeBase } from './src/lib/content/paths.ts';

/** Builds from other content (tests, benchmark) keep their own cache, so they never evict the site's. */
const CACHE_DIR = process.env.SITE_CACHE_DIR ?? 'node_modules/.astro';
// A new loader code or screenshot invalidates Astro's cached content store (see the module).
dropStaleContentStore(CACHE_DIR, contentStoreDigest(process.cwd(), contentDirectory()));

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
  outDir: outDirectory(),
  cacheDir: CACHE_DIR,
  // SITE_BASE=/revision/ builds a site served under that path (GitHub Pages: /<repository>/).
  base: normalizeBase(process.env.SITE_BASE),
  trailingSlash: 'always',
  markdown: {
    processor: markdownProcessor,
  },
  // npm run dev: re-imports the notes on save and shows the change in the open page (scripts/lib/live-notes.ts).
  integrations: [liveNotes()],
  // Astro's own dev toolbar is for site developers; it would sit over the notes' problems panel.
  devToolbar: { enabled: false },
  // Screenshots' print copies are JPEG (src/lib/markdown/screenshot-sizes.ts): mozjpeg makes them a
  // quarter smaller at the same quality, and PDFs embed them as they are. Its deringing keeps
  // black text on white free of ringing at the low quality they are made at.
  image: { service: sharpImageService({ jpeg: { mozjpeg: true, overshootDeringing: true } }) },
  vite: {
    plugins: [katexWoff2Only()],
    // Fonts stay files, never data: URLs inlined in the CSS, so the CSP's font-src can stay 'self'.
    build: { assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined) },
  },
  // A Content-Security-Policy <meta> on every page: scripts and styles only from the site itself or
  // by hash (Astro adds its bundles'; each page adds its print header and KaTeX's style attributes,
  // see Layout.astro). Nothing inline runs unless hashed; nothing loads from another origin.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        // Pagefind's index, fragments and WebAssembly, and the typo vocabulary.
        "connect-src 'self'",
        // Screenshots; the missing-screenshot icon is a data: SVG mask in base.css.
        "img-src 'self' data:",
        // The self-hosted KaTeX fonts.
        "font-src 'self'",
        // The offline service worker, a same-origin script.
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
      ],
      // Pagefind searches with WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval': no eval()).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: INLINE_SCRIPTS.map(cspHash) },
    },
  },
});
