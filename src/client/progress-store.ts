/**
 * The reader's progress in localStorage, read once per page with any notices shown to the reader.
 * Progress stored by an older version is migrated first; only then does the page load the memory
 * model the migration needs (legacy.ts), so a section page that shows ratings never loads it.
 */
import { emptyProgress, readProgress, storedVersion, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { STORAGE_KEYS } from '../lib/site/storage-keys.ts';
import { recall, remember, showNotice } from './browser.ts';

let current: Progress | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<(progress: Progress) => void>();

/** Shows what reading the stored data changed, at the top of the page. */
export function showNotices(notices: string[]): void {
  if (notices.length > 0) showNotice(notices.join(' '));
}

/** The migration of versions 1 and 2, loaded only for such data. */
export async function migrationFor(raw: string | null) {
  const version = storedVersion(raw);
  return version === 1 || version === 2 ? (await import('../lib/progress/legacy.ts')).migrateLegacy : undefined;
}

async function read(scope?: { course: string; known: Set<string> }): Promise<void> {
  const raw = recall(STORAGE_KEYS.progress);
  const { progress, notices } = readProgress(raw, { scope, migrate: await migrationFor(raw) });
  current = progress;
  if (notices.length > 0) {
    saveProgress(progress); // keep what was recovered, so the notice shows once
    showNotices(notices);
  }
}

/** Progress for this page; with `scope` (on the first call), ratings of the course's vanished questions are dropped. */
export async function loadProgress(scope?: { course: string; known: Set<string> }): Promise<Progress> {
  loading ??= read(scope);
  await loading;
  return current ?? emptyProgress();
}

/** Keeps the progress; false when storage refused it (the ratings then last for this page only, and the reader is told). */
export function saveProgress(progress: Progress): boolean {
  current = progress;
  const kept = remember(STORAGE_KEYS.progress, writeProgress(progress));
  for (const listener of listeners) listener(progress);
  return kept;
}

export function onProgress(listener: (progress: Progress) => void): void {
  listeners.add(listener);
}

export function resetProgress(): void {
  saveProgress(emptyProgress());
}
