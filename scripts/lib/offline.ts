/**
 * Offline use of a built site, written by the build's last step (offlineStep, scripts/lib/build-steps.ts):
 * - <dist>/sw.js: src/client/offline/service-worker.ts bundled with Vite, with Workbox's list of the
 *   shell it stores on install (lib/offline/precache.ts, each file with a revision);
 * - <dist>/<course>/offline.json: what Save for offline stores for each course
 *   (lib/offline/manifest.ts decides, from the files read here);
 * - <dist>/offline.json: each course manifest's revision, so a saved course sees a new build.
 * Used by `npm run build` (also after any step run alone with `--only`) and the bench.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { build } from 'vite';
import { getManifest, injectManifest } from 'workbox-build';
import {
  courseManifest,
  storedGzipped,
  type BuiltSite,
  type CourseManifest,
  type FileFacts,
  type ImageSource,
  type OfflineIndex,
} from '../../src/lib/offline/manifest.ts';
import { pageImages } from '../../src/lib/offline/page-images.ts';
import { formatBytes, REPORTED_SCREEN, saveSizes } from '../../src/lib/offline/plan.ts';
import { HASHED_FILE, SHELL_GLOBS } from '../../src/lib/offline/precache.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { fileInDist, findCourses } from './built-pages.ts';
import type { StepResult } from './progress.ts';
import { distPaths, type DistPath } from '../../src/lib/content/paths.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'src/client/offline/service-worker.ts');

export interface StoredSummary {
  files: number;
  bytes: number;
}

/** Workbox's options for the shell the worker stores on install. */
export function shellOptions(dist: string) {
  return {
    globDirectory: dist,
    globPatterns: SHELL_GLOBS,
    // Built paths are relative to dist/; the site lives under its base.
    modifyURLPrefix: { '': urls.base },
    dontCacheBustURLsMatching: HASHED_FILE,
  };
}

/** A file Workbox leaves out would be missing offline. (A pattern with no files is fine.) */
function failOnWarnings(warnings: string[]): void {
  const problems = warnings.filter((warning) => !warning.startsWith("One of the glob patterns doesn't match any files"));
  if (problems.length > 0) throw new Error(`Workbox left files out of the offline shell:\n${problems.join('\n')}`);
}

/** What the worker stores when it installs, without writing anything. */
export async function shellSummary(dist: string): Promise<StoredSummary> {
  const { count, size, warnings } = await getManifest(shellOptions(dist));
  failOnWarnings(warnings);
  return { files: count, bytes: size };
}

const revisionOf = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex').slice(0, 16);

/** Files the offline copies never hold: the worker itself and the offline manifests. */
const NOT_STORED = /^sw\.js$|(^|\/)offline\.json$/;

/** Gzips on libuv's threads, a few files at once: all cores busy, and never a large site's pages all in memory. */
const gzipped = promisify(gzip);
const FILES_IN_FLIGHT = 8;

/**
 * The built site as lib/offline/manifest.ts needs it: every file's size as the saved store keeps it
 * (text gzipped, at the level browsers' CompressionStream uses, so the size is what it will take),
 * its hash, and pages' images.
 */
export async function readBuiltSite(dist: string): Promise<BuiltSite> {
  const files = new Map<DistPath, FileFacts>();
  const screenshots = new Map<DistPath, ImageSource[][]>();
  const queue = readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort();
  const read = async (name: string): Promise<void> => {
    const file = distPaths.file(name.split(sep).join('/'));
    const path = join(dist, name);
    if (NOT_STORED.test(file) || !statSync(path).isFile()) return;
    const content = readFileSync(path);
    const facts: FileFacts = { bytes: content.length, revision: revisionOf(content) };
    files.set(file, facts);
    // Most pages of a large site show no image: a one-byte string (no decoding) says so.
    if (file.endsWith('.html') && /<img\b/i.test(content.toString('latin1'))) screenshots.set(file, pageImages(content.toString('utf8')));
    if (storedGzipped(file)) Object.assign(facts, { bytes: (await gzipped(content)).length, stored: 'gzip' });
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: FILES_IN_FLIGHT }, async () => {
      while (next < queue.length) await read(queue[next++] ?? '');
    }),
  );
  // In the listing's order, whichever finished first.
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), screenshots, inSite: urls.inSite };
}

/** Every course's manifest, each written to urls.offlineManifest, and the index of their revisions. */
export async function writeOfflineManifests(dist: string): Promise<CourseManifest[]> {
  const site = await readBuiltSite(dist);
  const index: OfflineIndex = { courses: {} };
  const manifests = findCourses(dist).map((course) => courseManifest(site, course));
  for (const manifest of manifests) {
    const json = JSON.stringify(manifest);
    writeFileSync(fileInDist(dist, distPaths.offlineManifest(manifest.course)), json);
    index.courses[manifest.course] = revisionOf(json);
  }
  writeFileSync(fileInDist(dist, distPaths.offlineIndex()), JSON.stringify(index));
  return manifests;
}

/** Writes <dist>/sw.js with its shell list; says what the shell holds. */
export async function writeServiceWorker(dist: string): Promise<StoredSummary> {
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
      ...shellOptions(dist),
      swSrc: join(work, 'sw.js'),
      swDest: join(dist, 'sw.js'),
    });
    failOnWarnings(warnings);
    return { files: count, bytes: size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The offline step of the build: the worker with its shell, then what Save for offline stores per course. */
/** Courses named one by one in the summary; more are summed up by their range of sizes. */
const COURSES_NAMED = 4;

export async function offlineStep(dist: string): Promise<StepResult> {
  const started = performance.now();
  const shell = await writeServiceWorker(dist);
  const saves = (await writeOfflineManifests(dist)).map((manifest) => ({
    course: manifest.course,
    ...saveSizes(manifest, REPORTED_SCREEN),
  }));
  const range = (sizes: number[]): string => {
    const [least, most] = [Math.min(...sizes), Math.max(...sizes)].map(formatBytes);
    return least === most ? `${least}` : `${least} to ${most}`;
  };
  const courses =
    saves.length === 0
      ? 'no courses'
      : saves.length <= COURSES_NAMED
        ? saves.map((save) => `${save.course} ${formatBytes(save.withoutPdfs)} (with PDFs ${formatBytes(save.withPdfs)})`).join(', ')
        : `${saves.length} courses, ${range(saves.map((save) => save.withoutPdfs))} each (with PDFs ${range(saves.map((save) => save.withPdfs))})`;
  return {
    name: 'Offline',
    ms: performance.now() - started,
    summary: `${urls.serviceWorker()} stores the shell on install (${shell.files} files, ${formatBytes(shell.bytes)}); Save for offline: ${courses}`,
  };
}
