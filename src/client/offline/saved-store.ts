/**
 * The saved courses' store (lib/offline/caches.ts), read by the pages and the service worker:
 * which courses are saved (those whose record is in), and a saved file for a request.
 */
import { isSavedRecordUrl, savedCacheName, savedRecordUrl, STORED_ENCODING_HEADER } from '../../lib/offline/caches.ts';
import { isSavedCourse, type SavedCourse } from '../../lib/offline/plan.ts';
import { storedAlternative } from '../../lib/offline/screenshots.ts';

/** The courses saved for offline under `scope` (the site's base as a URL), complete ones only. */
export async function readSavedCourses(scope: string): Promise<SavedCourse[]> {
  // caches.open would create the store: a site never saved keeps none.
  if (!(await caches.has(savedCacheName(scope)))) return [];
  const cache = await caches.open(savedCacheName(scope));
  const records = (await cache.keys()).filter((request) => isSavedRecordUrl(request.url));
  const courses = await Promise.all(
    records.map(async (request) => {
      const value: unknown = await (await cache.match(request))?.json().catch(() => undefined);
      return isSavedCourse(value) ? [value] : [];
    }),
  );
  return courses.flat();
}

/** Whether `course` is saved under `scope`: its record alone, without listing every file of the store as readSavedCourses does. */
export async function isCourseSaved(scope: string, course: string): Promise<boolean> {
  const cacheName = savedCacheName(scope);
  if (!(await caches.has(cacheName))) return false;
  const value: unknown = await (await caches.match(savedRecordUrl(scope, course), { cacheName }))?.json().catch(() => undefined);
  return isSavedCourse(value);
}

/** A saved response as served: unzipped if the store keeps it gzipped (saved-copy.ts). */
function asServed(stored: Response | undefined): Response | undefined {
  if (!stored?.body || stored.headers.get(STORED_ENCODING_HEADER) !== 'gzip') return stored;
  const headers = new Headers(stored.headers);
  headers.delete(STORED_ENCODING_HEADER);
  return new Response(stored.body.pipeThrough(new DecompressionStream('gzip')), {
    status: stored.status,
    statusText: stored.statusText,
    headers,
  });
}

/** The saved copy of `url` (a stored key, see storedUrl), or of another width of the same screenshot. */
export async function matchSaved(scope: string, url: string): Promise<Response | undefined> {
  const cacheName = savedCacheName(scope);
  const stored = asServed(await caches.match(url, { cacheName }));
  if (stored || !url.startsWith(scope)) return stored;
  const courses = await readSavedCourses(scope);
  const paths = new Set(courses.flatMap((course) => course.files.map((file) => file.path)));
  const alternative = storedAlternative(
    url.slice(scope.length),
    courses.flatMap((course) => course.screenshots),
    paths,
  );
  return alternative === undefined ? undefined : asServed(await caches.match(scope + alternative, { cacheName }));
}
