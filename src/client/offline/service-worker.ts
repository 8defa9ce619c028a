/**
 * The offline service worker, bundled by the build's offline step (scripts/lib/offline.ts) into
 * <dist>/sw.js with the build's shell list. Installing it stores only the shell (styles and
 * scripts, see lib/offline/precache.ts), so a first visit stays light. After that:
 * - pages come from the network while it answers (a new build shows on the next load), and are
 *   kept as they are visited; without the network, the visited or saved copy is shown;
 * - screenshots, fonts and search files are kept as they are used; files named by their content
 *   hash come from the store first, the others from the network first;
 * - a course saved for offline (saved-copy.ts) is served from its store, and its
 *   downloads pass straight through (SAVE_REQUEST_HEADER).
 * A new build's worker takes over at once and drops the old shell.
 */
import { clientsClaim, type RouteMatchCallbackOptions, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { SAVE_REQUEST_HEADER, savedCacheName, visitedCacheName } from '../../lib/offline/caches.ts';
import { HASHED_FILE, NETWORK_TIMEOUT_SECONDS, storedUrl } from '../../lib/offline/precache.ts';
import { matchSaved } from './saved-store.ts';

declare const self: typeof globalThis & {
  /** Replaced by workbox-build's injectManifest with the shell list. */
  __WB_MANIFEST: (string | PrecacheEntry)[];
  registration: ServiceWorkerRegistration;
  skipWaiting: () => Promise<void>;
};

const scope = self.registration.scope;
const visited = visitedCacheName(scope);

const storedKeys: WorkboxPlugin = {
  // ?highlight=…, ?test=1 and #anchors open the same stored page.
  cacheKeyWillBeUsed: async ({ request }) => storedUrl(request.url),
  // A file not kept as visited may be in a saved course.
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? matchSaved(scope, storedUrl(request.url)),
  // Kept once: what a saved course holds is not stored again as visited.
  cacheWillUpdate: async ({ request, response }) =>
    response.status === 200 && !(await caches.match(storedUrl(request.url), { cacheName: savedCacheName(scope) })) ? response : null,
};

/** Requests of this site that the worker answers: not other sites', not Save for offline's own downloads. */
const ours = ({ url, request }: RouteMatchCallbackOptions): boolean =>
  url.href.startsWith(scope) && request.method === 'GET' && !request.headers.has(SAVE_REQUEST_HEADER);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  (options) => ours(options) && options.request.mode === 'navigate',
  new NetworkFirst({ cacheName: visited, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [storedKeys] }),
);
registerRoute(
  (options) => ours(options) && HASHED_FILE.test(options.url.pathname),
  new CacheFirst({ cacheName: visited, plugins: [storedKeys] }),
);
registerRoute(ours, new NetworkFirst({ cacheName: visited, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [storedKeys] }));

self.addEventListener('install', () => void self.skipWaiting());
clientsClaim();
