/**
 * What the offline service worker stores when it installs, read by the build step that writes it
 * (scripts/lib/offline.ts) and by the worker itself (src/client/offline/service-worker.ts).
 * Only the shell: everything else is stored when it is used, or by "Save for offline" (a course).
 */

/**
 * Files of the built site (relative to it) the worker stores on install: the styles and scripts
 * pages run with. The math fonts are not among them: 20 faces, over 130 KB, would alone break a
 * first visit's 150 KB; they are stored when a page draws them, and by "Save for offline"
 * (lib/offline/manifest.ts), as is the favicon.
 */
export const SHELL_GLOBS = ['_astro/**/*.{js,css}'];

/** Files whose names carry a hash of their content: their URL is their revision, so a stored copy never goes stale. */
export const HASHED_FILE = /(^|\/)(_astro|pagefind\/(full\/)?(index|fragment|filter))\/|\.pf_meta$/;

/**
 * How long a page may take from the network before the stored copy is shown: on a train's
 * weak signal the student still gets the page, not a spinner.
 */
export const NETWORK_TIMEOUT_SECONDS = 4;

/** The key a request is stored under: no query or anchor (?highlight=…, ?test=1 and #q3 show the same file). */
export function storedUrl(requestUrl: string): string {
  const url = new URL(requestUrl);
  url.search = '';
  url.hash = '';
  return url.href;
}
