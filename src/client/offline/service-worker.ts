/**
 * The offline service worker, bundled by scripts/service-worker.ts into <dist>/sw.js with the
 * build's precache list. One online visit stores the whole site (see PRECACHE_GLOBS); pages still
 * come from the network while it answers, so a new build shows on the next load, and from the
 * store when it does not. A new build's worker takes over at once and drops the old files.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { NETWORK_TIMEOUT_SECONDS, precachedFileUrl } from '../../lib/offline/precache.ts';

declare const self: typeof globalThis & {
  /** Replaced by workbox-build's injectManifest with the precache list. */
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting: () => Promise<void>;
};

registerRoute(
  new NavigationRoute(
    new NetworkOnly({
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [{ handlerDidError: async ({ request }) => (await matchPrecache(precachedFileUrl(request.url))) ?? Response.error() }],
    }),
  ),
);
// Everything else is served from the store; ?highlight=… and ?test=1 name the same file.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
self.addEventListener('install', () => void self.skipWaiting());
clientsClaim();
