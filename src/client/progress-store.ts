/** The reader's progress in localStorage, read once per page with any notices shown to the reader. */
import { emptyProgress, readProgress, STORAGE_KEY, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { recall, remember, showNotice } from './browser.ts';

let current: Progress | undefined;
const listeners = new Set<(progress: Progress) => void>();

/** Shows what reading the stored data changed, at the top of the page. */
export function showNotices(notices: string[]): void {
  if (notices.length > 0) showNotice(notices.join(' '));
}

/** Progress for this page; with `scope`, ratings of the course's vanished questions are dropped. */
export function loadProgress(scope?: { course: string; known: Set<string> }): Progress {
  if (current) return current;
  const raw = recall(STORAGE_KEY);
  const { progress, notices } = readProgress(raw, scope);
  current = progress;
  if (notices.length > 0) {
    saveProgress(progress); // keep what was recovered, so the notice shows once
    showNotices(notices);
  }
  return current;
}

/** Keeps the progress; false when storage refused it (the ratings then last for this page only, and the reader is told). */
export function saveProgress(progress: Progress): boolean {
  current = progress;
  const kept = remember(STORAGE_KEY, writeProgress(progress));
  for (const listener of listeners) listener(progress);
  return kept;
}

export function onProgress(listener: (progress: Progress) => void): void {
  listeners.add(listener);
}

export function resetProgress(): void {
  saveProgress(emptyProgress());
}
