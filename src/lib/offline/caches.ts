/**
 * Where the offline copies live in the browser's Cache Storage, shared by the pages and the
 * service worker. Names carry the site's scope (its base as a URL), so two sites at one origin
 * ("/" and "/revision/") never touch each other's.
 *
 * - the worker's install store (Workbox's precache): the shell, see precache.ts;
 * - "visited": pages, screenshots, fonts, search files and PDFs as they are used;
 * - "saved": the courses saved for offline, each with its record (a SavedCourse, see plan.ts),
 *   written last, so a course counts as saved only once every file is in. Text files (pages,
 *   styles, scripts) are kept gzipped there, a fifth to a tenth of their size, and served unzipped.
 */

/** Header on the requests Save for offline makes itself: the worker lets them through to the network, and stores nothing. */
export const SAVE_REQUEST_HEADER = 'x-save-for-offline';

export const savedCacheName = (scope: string): string => `offline-saved ${scope}`;
export const visitedCacheName = (scope: string): string => `offline-visited ${scope}`;

/** The key of a saved course's record in the saved store: no URL the site serves. */
export const savedRecordUrl = (scope: string, course: string): string => `${scope}${course}/offline.json?saved`;
export const isSavedRecordUrl = (url: string): boolean => url.endsWith('/offline.json?saved');

/** On a response kept gzipped in the saved store: the worker unzips it to serve it. */
export const STORED_ENCODING_HEADER = 'x-stored-encoding';
