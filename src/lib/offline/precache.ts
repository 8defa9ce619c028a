/**
 * What the offline service worker keeps, read by the build step that writes it
 * (scripts/service-worker.ts) and by the worker itself (src/client/offline/service-worker.ts).
 */

/**
 * Files of the built site (relative to it) that one online visit stores for offline use: every
 * page, its styles, scripts, KaTeX fonts and screenshots, the PDFs, and what search needs for any
 * query (Pagefind's runtime, its index, fragments, filters and our typo vocabulary).
 */
export const PRECACHE_GLOBS = [
  '**/*.html',
  '_astro/**/*.{js,css,woff2,webp,avif,png,jpg,jpeg,gif,svg}',
  '*/pdf/*.pdf',
  // The print fonts' stylesheet (its fonts are in _astro/): the Print button prints with them offline too.
  'fonts/print.css',
  'favicon.*',
  // Both indexes: the Latin one in pagefind/, the full one in pagefind/full/ (lib/search/indexes.ts).
  'pagefind/**/pagefind.js',
  'pagefind/**/pagefind-entry.json',
  'pagefind/**/*.pf_meta',
  'pagefind/**/wasm.*.pagefind',
  'pagefind/**/{index,fragment,filter}/*',
  'pagefind/vocabulary.json',
];

/**
 * Built files the site never loads: Pagefind's own UIs and its worker (search runs on the main
 * thread, see src/client/search/pagefind.ts), and the service worker itself.
 */
export const PRECACHE_IGNORES = [
  'pagefind/**/pagefind-*ui.*',
  'pagefind/**/pagefind-highlight.js',
  'pagefind/**/pagefind-worker.js',
  'sw.js',
];

/** Files whose names carry a hash of their content: their URL is their revision. */
export const HASHED_FILE = /(^|\/)(_astro|pagefind\/(full\/)?(index|fragment|filter))\/|\.pf_meta$/;

/**
 * How long a page may take from the network before the stored copy is shown: on a train's
 * weak signal the student still gets the page, not a spinner.
 */
export const NETWORK_TIMEOUT_SECONDS = 4;

/** The precached file a page request stands for: no query or anchor, and a folder is its index.html. */
export function precachedFileUrl(requestUrl: string): string {
  const url = new URL(requestUrl);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}
