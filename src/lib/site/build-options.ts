import { availableParallelism } from 'node:os';

/**
 * Choices a build is made with, read from the environment of `npm run build` (scripts/build.ts
 * sets them for Astro's process from its flags).
 */

/** Whether the build prints each page's PDF: `npm run build -- --no-pdfs` (SITE_PDFS=off) leaves them out, and pages link none. */
export const PDFS_BUILT = (typeof process === 'undefined' ? undefined : process.env.SITE_PDFS) !== 'off';

/** The folder the site is built into: SITE_OUT_DIR (the tests and the benchmark build elsewhere), or dist/. */
export function outDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_OUT_DIR ?? 'dist';
}

/** Threads a build's parallel work runs on (Markdown, search indexes, PDFs): SITE_BUILD_THREADS, or one per core. */
export function buildThreads(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.SITE_BUILD_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
}
