/** The reader's progress in localStorage, read once per page with any notices shown to the reader. */
import { emptyProgress, readProgress, STORAGE_KEY, writeProgress, type Progress } from '../lib/progress/storage.ts';

let current: Progress | undefined;
const listeners = new Set<(progress: Progress) => void>();

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Shows what reading the stored data changed, at the top of the page. */
export function showNotices(notices: string[]): void {
  if (notices.length === 0) return;
  const main = document.querySelector('main');
  if (!main) return;
  const box = document.createElement('div');
  box.className = 'progress-notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = notices.join(' ');
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button';
  dismiss.textContent = 'OK';
  dismiss.addEventListener('click', () => box.remove());
  box.append(text, dismiss);
  main.prepend(box);
}

/** Progress for this page; with `scope`, ratings of the course's vanished questions are dropped. */
export function loadProgress(scope?: { course: string; known: Set<string> }): Progress {
  if (current) return current;
  const raw = stored();
  const { progress, notices } = readProgress(raw, scope);
  current = progress;
  if (notices.length > 0) {
    saveProgress(progress); // keep what was recovered, so the notice shows once
    showNotices(notices);
  }
  return current;
}

export function saveProgress(progress: Progress): void {
  current = progress;
  try {
    localStorage.setItem(STORAGE_KEY, writeProgress(progress));
  } catch {
    // Storage full or disabled: ratings last for this page only.
  }
  for (const listener of listeners) listener(progress);
}

export function onProgress(listener: (progress: Progress) => void): void {
  listeners.add(listener);
}

export function resetProgress(): void {
  saveProgress(emptyProgress());
}
