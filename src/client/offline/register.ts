/**
 * On every page, once it has loaded: registers the offline service worker (built by the build's
 * offline step, scripts/lib/offline.ts), and says in the footer "Available offline" when this
 * page's course is saved for offline (on the site's home and search page: when any course is).
 * A page that was only visited says nothing: it may or may not be there offline. Online, saved
 * courses that a new build changed are brought up to date (update.ts).
 */
import { urls } from '../../lib/site/urls.ts';
import { isCourseSaved, readSavedCourses } from './saved-store.ts';

/** Says whether this page is part of a saved course, and marks the footer as checked. */
export async function showOfflineStatus(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!status || !('caches' in window)) return;
  const scope = urls.scope(location.origin);
  const course = status.dataset.course;
  // A course's page reads its course's record only: listing the whole store takes long on a slow device.
  const available = course ? await isCourseSaved(scope, course) : (await readSavedCourses(scope)).length > 0;
  status.textContent = available ? 'Available offline' : '';
  status.dataset.checked = '';
}

async function start(container: ServiceWorkerContainer): Promise<void> {
  // The footer first, from the store alone: offline, registering can take seconds (it queues behind
  // the worker's update checks), and the footer would say nothing meanwhile.
  await showOfflineStatus().catch(() => undefined);
  await container.register(urls.serviceWorker(), { scope: urls.base });
  if (navigator.onLine && (await readSavedCourses(urls.scope(location.origin))).length > 0)
    await (await import('./update.ts')).updateSavedCourses();
}

if (import.meta.env.DEV && 'serviceWorker' in navigator) {
  // npm run dev serves pages as you write them: a worker left by `npm start` on the same address would serve stored ones.
  void navigator.serviceWorker
    .getRegistrations()
    .then((registrations) => registrations.forEach((registration) => void registration.unregister()));
} else if ('serviceWorker' in navigator) {
  const begin = (): void => {
    // No service worker over plain http (other than localhost) or when storage is refused: the site
    // still works online, it just says nothing about offline.
    start(navigator.serviceWorker).catch(() => undefined);
  };
  // After load: the worker's install must not compete with the page's own downloads.
  if (document.readyState === 'complete') begin();
  else window.addEventListener('load', begin, { once: true });
}
