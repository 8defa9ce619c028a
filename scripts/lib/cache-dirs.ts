/**
 * Where build steps keep what lets the next build skip work, outside the built folder (which
 * every build empties): beside Astro's own cache (SITE_CACHE_DIR, as astro.config.mjs reads it).
 * PDF_CACHE_DIR puts the PDF cache elsewhere: the test suite shares one across its sites and runs.
 */
import { resolve } from 'node:path';

/** The steps that keep a cache, and the build's own record of its last run. */
export type CachedStep = 'pdf' | 'katex-fonts' | 'print-fonts' | 'build';

export function stepCacheDir(step: CachedStep, env: NodeJS.ProcessEnv = process.env): string {
  if (step === 'pdf' && env.PDF_CACHE_DIR) return resolve(env.PDF_CACHE_DIR);
  return resolve(env.SITE_CACHE_DIR ?? 'node_modules/.astro', 'build-steps', step);
}
