/**
 * After a new build: each saved course the build changed downloads only its changed files
 * (saved-copy.ts), and the footer's notice says so. When the browser asks to save data, nothing
 * downloads by itself: the notice offers the update, with its size.
 */
import { formatBytes } from '../../lib/offline/plan.ts';
import { applyUpdate, currentScreen, pendingUpdates, saveDataRequested, type PendingUpdate } from './saved-copy.ts';

function showNotice(message: string, action?: { label: string; run: () => Promise<void> }): void {
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  if (!notice) return;
  const button = (label: string, onClick: () => void): HTMLButtonElement => {
    const element = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: label });
    element.addEventListener('click', onClick, { once: true });
    return element;
  };
  const text = Object.assign(document.createElement('span'), { textContent: message });
  const dismiss = button(action ? 'Not now' : 'OK', () => notice.replaceChildren());
  notice.replaceChildren(text, ...(action ? [button(action.label, () => void action.run())] : []), dismiss);
}

const fileCount = (count: number): string => `${count} changed file${count === 1 ? '' : 's'}`;

async function apply(updates: PendingUpdate[]): Promise<void> {
  const screen = currentScreen();
  for (const update of updates) await applyUpdate(update, screen);
  const files = updates.reduce((sum, update) => sum + update.files, 0);
  showNotice(`Offline copy updated to the latest notes (${fileCount(files)})`);
}

export async function updateSavedCourses(): Promise<void> {
  const updates = await pendingUpdates(currentScreen());
  if (updates.length === 0) return;
  if (!saveDataRequested()) return apply(updates);
  const files = updates.reduce((sum, update) => sum + update.files, 0);
  const bytes = updates.reduce((sum, update) => sum + update.bytes, 0);
  showNotice(`New notes: the offline copy is out of date (${fileCount(files)}, ${formatBytes(bytes)})`, {
    label: 'Update',
    run: () => apply(updates).catch(() => showNotice('The offline copy could not be updated: it stays as it was.')),
  });
}
