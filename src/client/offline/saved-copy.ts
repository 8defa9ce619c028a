/**
 * Saving, updating and removing a course's offline copy in the browser, as lib/offline/plan.ts
 * plans it. A course's record goes into the store last, once every file is in, so a copy cut short
 * (cancelled, failed, the tab closed) never counts as saved; what such a copy downloaded is deleted.
 */
import { SAVE_REQUEST_HEADER, STORED_ENCODING_HEADER, savedCacheName, savedRecordUrl, visitedCacheName } from '../../lib/offline/caches.ts';
import { isCourseManifest, isOfflineIndex, type CourseManifest, type OfflineFile, type OfflineIndex } from '../../lib/offline/manifest.ts';
import {
  filesNoLongerNeeded,
  filesToDownload,
  filesToSave,
  planUpdate,
  totalBytes,
  type SaveChoice,
  type SavedCourse,
  type Screen,
} from '../../lib/offline/plan.ts';
import { urls } from '../../lib/site/urls.ts';
import { readSavedCourses } from './saved-store.ts';
import type { CourseId, DistPath } from '../../lib/content/paths.ts';

const scope = urls.scope(location.origin);

/** A file that could not be downloaded, named for the reader. */
export class SaveFailed extends Error {
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`${path || 'the home page'}: ${reason}`);
    this.path = path;
  }
}

export interface SaveProgress {
  bytes: number;
  totalBytes: number;
  files: number;
  totalFiles: number;
}

/** The browser asks to save data (a data-saver mode): nothing downloads unless the reader says so. */
export function saveDataRequested(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/** This device's screen: the reading column screenshots are shown in, at the screen's pixel ratio. */
export function currentScreen(): Screen {
  const column = document.querySelector('main')?.clientWidth ?? window.innerWidth;
  return { slotWidth: Math.min(column, window.innerWidth), devicePixelRatio: window.devicePixelRatio || 1 };
}

/** Fetched past the service worker and the HTTP cache: what the server has now. */
function fetchFresh(url: string, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { headers: { [SAVE_REQUEST_HEADER]: '1' }, cache: 'no-cache', ...(signal ? { signal } : {}) });
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetchFresh(url);
  if (!response.ok) throw new SaveFailed(urls.inSite(url) ?? url, `HTTP ${response.status}`);
  return response.json();
}

export async function fetchManifest(course: CourseId): Promise<CourseManifest> {
  const value = await fetchJson(urls.offlineManifest(course));
  if (!isCourseManifest(value)) throw new SaveFailed(urls.inSite(urls.offlineManifest(course)) ?? '', 'not a list of offline files');
  return value;
}

export async function fetchIndex(): Promise<OfflineIndex> {
  const value = await fetchJson(urls.offlineIndex());
  if (!isOfflineIndex(value)) throw new SaveFailed(urls.inSite(urls.offlineIndex()) ?? '', 'not an offline index');
  return value;
}

/** A response as the saved store keeps it: text gzipped (the manifest says which, and its size so), marked for the worker to unzip. */
function asStored(file: OfflineFile, response: Response): Response {
  if (file.stored !== 'gzip' || !response.body) return response;
  const headers = new Headers(response.headers);
  // The body is no longer what these described.
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set(STORED_ENCODING_HEADER, 'gzip');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

const CONCURRENT_DOWNLOADS = 4;

/**
 * Downloads `files` into the saved store, a few at a time. On the first failure, or when `signal`
 * aborts, it stops every download, deletes what it wrote that no course in `keep` needs, and throws.
 */
async function download(
  files: readonly OfflineFile[],
  keep: readonly SavedCourse[],
  options: { signal?: AbortSignal | undefined; onProgress?: ((progress: SaveProgress) => void) | undefined },
): Promise<void> {
  const cache = await caches.open(savedCacheName(scope));
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const written: OfflineFile[] = [];
  const progress: SaveProgress = { bytes: 0, totalBytes: totalBytes(files), files: 0, totalFiles: files.length };
  options.onProgress?.({ ...progress });
  let failure: unknown;
  const queue = [...files];
  const fetchInto = async (file: OfflineFile): Promise<void> => {
    const response = await fetchFresh(urls.at(file.path), signal).catch((error: unknown) => {
      throw signal.aborted ? error : new SaveFailed(file.path, 'the network is not answering');
    });
    if (!response.ok) throw new SaveFailed(file.path, `HTTP ${response.status}`);
    written.push(file);
    await cache.put(urls.at(file.path), asStored(file, response)).catch((error: unknown) => {
      throw signal.aborted ? error : new SaveFailed(file.path, 'the browser has no room left to store it');
    });
    progress.bytes += file.bytes;
    progress.files += 1;
    options.onProgress?.({ ...progress });
  };
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file && !signal.aborted; file = queue.shift()) {
      await fetchInto(file).catch((error: unknown) => {
        failure ??= error;
        stop.abort();
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_DOWNLOADS }, worker));
  if (signal.aborted) {
    // Every download has stopped: what they wrote goes, unless a saved course holds it.
    await deleteFiles(filesNoLongerNeeded(written, keep), [savedCacheName(scope)]);
    throw options.signal?.aborted ? options.signal.reason : failure;
  }
}

async function deleteFiles(paths: readonly DistPath[], cacheNames: readonly string[]): Promise<void> {
  for (const name of cacheNames) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    await Promise.all(paths.map((path) => cache.delete(urls.at(path))));
  }
}

function recordOf(manifest: CourseManifest, revision: string, choice: SaveChoice, files: OfflineFile[]): SavedCourse {
  return {
    course: manifest.course,
    revision,
    includePdfs: choice.includePdfs,
    savedAt: new Date().toISOString(),
    files,
    screenshots: manifest.screenshots
      .filter((candidates) => candidates.length > 1)
      .map((candidates) => candidates.map((file) => file.path)),
  };
}

async function writeRecord(record: SavedCourse): Promise<void> {
  const cache = await caches.open(savedCacheName(scope));
  await cache.put(
    savedRecordUrl(scope, record.course),
    new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }),
  );
}

/** An empty saved store goes: no saved course, nothing kept. */
async function dropEmptyStore(): Promise<void> {
  if ((await readSavedCourses(scope)).length === 0) await caches.delete(savedCacheName(scope));
}

/** Saves a course (or adds its PDFs to its copy). Files other saved courses hold are not downloaded again. */
export async function saveCourse(
  manifest: CourseManifest,
  revision: string,
  choice: SaveChoice,
  options: { signal?: AbortSignal; onProgress?: (progress: SaveProgress) => void } = {},
): Promise<SavedCourse> {
  const saved = await readSavedCourses(scope);
  const previous = saved.find((course) => course.course === manifest.course);
  const files = filesToSave(manifest, choice, new Set(previous?.files.map((file) => file.path)));
  try {
    await download(filesToDownload(files, saved), saved, options);
  } catch (error) {
    await dropEmptyStore();
    throw error;
  }
  const record = recordOf(manifest, revision, choice, files);
  await writeRecord(record);
  return record;
}

/** Removes a course's copy: its record first (it no longer claims to be saved), then every file no other saved course needs. */
export async function removeCourse(course: string): Promise<void> {
  const saved = await readSavedCourses(scope);
  const target = saved.find((entry) => entry.course === course);
  if (!target) return;
  const others = saved.filter((entry) => entry !== target);
  if (others.length === 0) {
    await caches.delete(savedCacheName(scope));
  } else {
    await (await caches.open(savedCacheName(scope))).delete(savedRecordUrl(scope, course));
    await deleteFiles(filesNoLongerNeeded(target.files, others), [savedCacheName(scope)]);
  }
  // Copies kept as the course was visited go too: nothing of it stays behind.
  await deleteFiles(filesNoLongerNeeded(target.files, others), [visitedCacheName(scope)]);
}

/** A saved course a new build changed: what updating it downloads. */
export interface PendingUpdate {
  course: string;
  manifest: CourseManifest;
  revision: string;
  files: number;
  bytes: number;
}

/** Saved courses that a new build changed (a course gone from the site has its copy removed). */
export async function pendingUpdates(screen: Screen): Promise<PendingUpdate[]> {
  const saved = await readSavedCourses(scope);
  if (saved.length === 0) return [];
  const index = await fetchIndex();
  const pending: PendingUpdate[] = [];
  for (const course of saved) {
    const revision = index.courses[course.course];
    if (revision === course.revision) continue;
    if (revision === undefined) {
      await removeCourse(course.course);
      continue;
    }
    const manifest = await fetchManifest(course.course);
    const others = saved.filter((entry) => entry !== course);
    const plan = planUpdate(course, manifest, { ...screen, includePdfs: course.includePdfs }, others);
    pending.push({ course: course.course, manifest, revision, files: plan.download.length, bytes: totalBytes(plan.download) });
  }
  return pending;
}

/** Brings a saved course to the new build: downloads what changed, then its new record, then deletes what it no longer has. */
export async function applyUpdate(update: PendingUpdate, screen: Screen): Promise<void> {
  const saved = await readSavedCourses(scope);
  const course = saved.find((entry) => entry.course === update.course);
  if (!course) return;
  const others = saved.filter((entry) => entry !== course);
  const choice = { ...screen, includePdfs: course.includePdfs };
  const plan = planUpdate(course, update.manifest, choice, others);
  await download(plan.download, saved, {});
  await writeRecord(recordOf(update.manifest, update.revision, choice, plan.files));
  await deleteFiles(plan.remove, [savedCacheName(scope)]);
}
