/**
 * The offline service worker of a built site: src/client/offline/service-worker.ts bundled with
 * Vite, and Workbox's precache list of the built files (each with a revision: a content hash, or
 * the hashed file name) injected into it as <dist>/sw.js. Used by `npm run build` and the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { getManifest, injectManifest } from 'workbox-build';
import { HASHED_FILE, PRECACHE_GLOBS, PRECACHE_IGNORES } from '../../src/lib/offline/precache.ts';
import { urls } from '../../src/lib/site/urls.ts';
import type { StepResult } from './progress.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'src/client/offline/service-worker.ts');

export interface PrecacheSummary {
  files: number;
  bytes: number;
}

/** Workbox's options for the precache list of a built site. */
export function manifestOptions(dist: string) {
  return {
    globDirectory: dist,
    globPatterns: PRECACHE_GLOBS,
    globIgnores: PRECACHE_IGNORES,
    // Built paths are relative to dist/; the site lives under its base.
    modifyURLPrefix: { '': urls.base },
    dontCacheBustURLsMatching: HASHED_FILE,
    // A file left out would be missing offline: PDFs and big pages must fit.
    maximumFileSizeToCacheInBytes: 100 * 1024 * 1024,
  };
}

/** A file Workbox leaves out would be missing offline. (A pattern with no files, say no PDFs yet, is fine.) */
function failOnWarnings(warnings: string[]): void {
  const problems = warnings.filter((warning) => !warning.startsWith("One of the glob patterns doesn't match any files"));
  if (problems.length > 0) throw new Error(`Workbox left files out of the offline copy:\n${problems.join('\n')}`);
}

/** Writes <dist>/sw.js; the site's pages register it (src/client/offline/register.ts). */
export async function writeServiceWorker(dist: string): Promise<PrecacheSummary> {
  const work = mkdtempSync(join(tmpdir(), 'service-worker-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      // Workbox logs every request in development builds.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: work,
        emptyOutDir: true,
        lib: { entry: SOURCE, formats: ['iife'], name: 'serviceWorker', fileName: () => 'sw.js' },
      },
    });
    const { count, size, warnings } = await injectManifest({
      ...manifestOptions(dist),
      swSrc: join(work, 'sw.js'),
      swDest: join(dist, 'sw.js'),
    });
    failOnWarnings(warnings);
    return { files: count, bytes: size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The service worker as a build step, with its summary. */
export async function offlineStep(dist: string): Promise<StepResult> {
  const started = performance.now();
  const { files, bytes } = await writeServiceWorker(dist);
  return {
    name: 'Offline',
    ms: performance.now() - started,
    summary: `${urls.serviceWorker()} stores ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MB) on the first visit, for everything under ${urls.base}`,
  };
}

/** What one visit stores for offline use, without writing anything. */
export async function precacheSummary(dist: string): Promise<PrecacheSummary> {
  const { count, size, warnings } = await getManifest(manifestOptions(dist));
  failOnWarnings(warnings);
  return { files: count, bytes: size };
}
