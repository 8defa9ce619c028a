/**
 * What `npm run dev` serves from the last `npm run build` instead of making it: the search index
 * (Pagefind runs over the built pages) and the PDFs (Chromium prints them). Making either on each
 * save would hold up the page; both are as fresh as the last build.
 */
import type { DistPath } from '../content/paths.ts';
import { SEARCH_ROOT } from '../search/indexes.ts';

export type LastBuildFile = 'search' | 'pdf';

/** What the last build made at a path inside the built folder ("pagefind/pagefind.js", "dasc7606/pdf/s3.pdf"); undefined for pages. */
export function lastBuildFile(path: DistPath): LastBuildFile | undefined {
  if (path.startsWith(SEARCH_ROOT)) return 'search';
  if (/^[^/]+\/pdf\/[^/]+\.pdf$/.test(path)) return 'pdf';
  return undefined;
}

/** What the dev server answers for a PDF the last build did not print. */
export const NO_PDF_YET =
  'No PDF of this page yet: PDFs are printed by `npm run build` (or `npm start`, which builds and serves). ' +
  'While `npm run dev` runs, "Print / Save as PDF" on the page prints it with the same layout.';

/** The search dialog in `npm run dev`, over the last build's index. */
export const SEARCHING_LAST_BUILD = 'Searching the notes as of your last npm run build: edits since then are found after the next build.';

/** The search dialog in `npm run dev` when nothing was built yet. */
export const NO_INDEX_IN_DEV =
  'Search runs on the built site: run npm run build (or npm start) once, and the dev server searches that build.';
