/**
 * Registers the offline service worker (built by scripts/service-worker.ts) once the page has
 * loaded, then says so in the footer: "Available offline" once every page, font, PDF and the
 * search index are stored. When a new build's worker takes over a page that an older one
 * controlled, the student is told the notes were updated.
 */
import { urls } from '../../lib/site/urls.ts';

const status = document.querySelector<HTMLElement>('[data-offline-status]');
const notice = document.querySelector<HTMLElement>('[data-update-notice]');

function showUpdateNotice(): void {
  if (!notice) return;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button';
  dismiss.textContent = 'OK';
  dismiss.addEventListener('click', () => notice.replaceChildren(), { once: true });
  notice.replaceChildren(Object.assign(document.createElement('span'), { textContent: 'Updated to the latest notes' }), dismiss);
}

async function register(container: ServiceWorkerContainer): Promise<void> {
  // An older build's worker controlling this page at load means the next worker is an update.
  const updating = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (updating) showUpdateNotice();
  });
  await container.register(urls.serviceWorker(), { scope: urls.base });
  // Ready: a worker is active, so its install (storing the whole site) has finished.
  await container.ready;
  if (status) status.textContent = 'Available offline';
}

if (import.meta.env.DEV && 'serviceWorker' in navigator) {
  // npm run dev serves pages as you write them: a worker left by `npm start` on the same address would serve stored ones.
  void navigator.serviceWorker
    .getRegistrations()
    .then((registrations) => registrations.forEach((registration) => void registration.unregister()));
} else if ('serviceWorker' in navigator) {
  const start = (): void => {
    // No service worker over plain http (other than localhost) or when storage is refused: the site
    // still works online, it just says nothing about offline.
    register(navigator.serviceWorker).catch(() => undefined);
  };
  // After load: storing the site must not compete with the page's own downloads.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
