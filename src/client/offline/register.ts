/**
 * On every page, once it has loaded: registers the offline service worker (built by the build's
 * offline step, scripts/lib/offline.ts), and says in the footer "Available offline" when this
 * page's course is saved for offline (on the site's home and search page: when any course is).
 * A page that was only visited says nothing: it may or may not be there offline. Online, saved
 * courses that a new build changed are brought up to date (update.ts).
 */
import type { SavedCourse } from '../../lib/offline/plan.ts';
import { urls } from '../../lib/site/urls.ts';
import { readSavedCourses } from './saved-store.ts';

/** Says whether this page is part of a saved course (and marks the footer as checked); the saved courses. */
export async function showOfflineStatus(): Promise<SavedCourse[]> {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!('caches' in window)) return [];
  const saved = await readSavedCourses(urls.scope(location.origin));
  const course = status?.dataset.course;
  const available = course ? saved.some((entry) => entry.course === course) : saved.length > 0;
  if (status) {
    status.textContent = available ? 'Available offline' : '';
    status.dataset.checked = '';
  }
  return saved;
}

async function start(container: ServiceWorkerContainer): Promise<void> {
  await container.register(urls.serviceWorker(), { scope: urls.base });
  const saved = await showOfflineStatus();
  if (saved.length > 0 && navigator.onLine) await (await import('./update.ts')).updateSavedCourses();
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
