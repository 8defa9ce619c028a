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

type Scope = { course: string; known: Set<string> } | undefined;
let pageScope: Scope;

/** Progress for this page; with `scope` (on the first call), ratings of the course's vanished questions are dropped. */
export async function loadProgress(scope?: Scope): Promise<Progress> {
  if (!loading) {
    pageScope = scope;
    loading = read(scope);
  }
  await loading;
  return current ?? emptyProgress();
}

/** Reads the stored progress again and redraws the page with it. */
async function refresh(): Promise<void> {
  if (!loading) return;
  loading = read(pageScope);
  await loading;
  const progress = current ?? emptyProgress();
  for (const listener of listeners) listener(progress);
}

// Back on a page kept in the back/forward cache (the phone's back button from the revise page to the
// course home), or ratings given in another tab: the page shows what is stored now.
addEventListener('pageshow', (event) => {
  if (event.persisted) void refresh();
});
addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEYS.progress) void refresh();
});

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
