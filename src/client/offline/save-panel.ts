/**
 * The "Save for offline" panel of a course home (components/SaveOffline.astro). Opening it fetches
 * the course's offline manifest and says what saving stores on this device and how much room the
 * browser has; Save asks for persistent storage, then downloads with a progress bar and Cancel;
 * the result is said in a status line; "Remove offline copy" undoes it. Nothing starts by itself.
 */
import type { CourseManifest } from '../../lib/offline/manifest.ts';
import {
  describeSizes,
  formatBytes,
  questionCount,
  saveChoice,
  saveSizes,
  totalBytes,
  type SaveSizes,
  type SavedCourse,
} from '../../lib/offline/plan.ts';
import { urls } from '../../lib/site/urls.ts';
import { showOfflineStatus } from './register.ts';
import { currentScreen, fetchIndex, fetchManifest, removeCourse, saveCourse, saveDataRequested, SaveFailed } from './saved-copy.ts';
import { readSavedCourses } from './saved-store.ts';
import { isCourseId } from '../../lib/content/paths.ts';

function part<T extends HTMLElement>(panel: HTMLElement, name: string): T {
  const element = panel.querySelector<T>(`[data-save-${name}]`);
  if (!element) throw new Error(`Save for offline: no [data-save-${name}] in the panel`);
  return element;
}

/** What the browser still allows this site to store, when it says. */
async function freeSpace(): Promise<number | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.quota === undefined ? undefined : estimate.quota - (estimate.usage ?? 0);
}

export function initSavePanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-save-offline]');
  const course = panel?.dataset.saveOffline ?? '';
  if (!panel || !isCourseId(course)) return;
  const questions = Number(panel.dataset.questions ?? 0);
  const state = part(panel, 'state');
  const open = part<HTMLButtonElement>(panel, 'open');
  const remove = part<HTMLButtonElement>(panel, 'remove');
  const options = part<HTMLFormElement>(panel, 'options');
  const sizesLine = part(panel, 'sizes');
  const pdfs = part<HTMLInputElement>(panel, 'pdfs');
  const pdfSize = part(panel, 'pdf-size');
  const pdfChoice = part(panel, 'pdf-choice');
  const note = part(panel, 'note');
  const start = part<HTMLButtonElement>(panel, 'start');
  const progress = part(panel, 'progress');
  const bar = part<HTMLProgressElement>(panel, 'bar');
  const count = part(panel, 'count');
  const cancel = part<HTMLButtonElement>(panel, 'cancel');
  const result = part(panel, 'result');
  const scope = urls.scope(location.origin);

  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    state.textContent = 'This browser cannot keep pages for offline use: the site works while you are online.';
    open.hidden = true;
    return;
  }

  let manifest: CourseManifest | undefined;
  let sizes: SaveSizes | undefined;
  let saved: SavedCourse | undefined;
  let running: AbortController | undefined;

  const showOptions = (shown: boolean): void => {
    options.hidden = !shown;
    open.setAttribute('aria-expanded', String(shown));
  };

  /** The panel as the store has it: saved (with or without PDFs) or not. */
  const showSaved = async (): Promise<void> => {
    saved = (await readSavedCourses(scope)).find((entry) => entry.course === course);
    remove.hidden = saved === undefined;
    open.hidden = saved?.includePdfs === true;
    open.textContent = saved ? 'Save the PDFs too…' : 'Save for offline…';
    if (saved) {
      const day = new Date(saved.savedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
      const pdfs = saved.includePdfs ? 'PDFs included' : 'without the PDFs';
      state.textContent = `Saved on this device on ${day}: ${questionCount(questions)}, ${formatBytes(totalBytes(saved.files))}, ${pdfs}. Its pages, search and screenshots work without a connection.`;
    } else {
      state.textContent =
        'Not saved on this device. Save it to revise without a connection: its pages, screenshots and search, and its PDFs if you like.';
    }
    await showOfflineStatus();
  };

  const describeChoice = async (): Promise<void> => {
    if (!sizes) return;
    const choice = saveChoice(sizes, {
      includePdfs: pdfs.checked,
      saved: saved !== undefined,
      free: await freeSpace(),
      saveData: saveDataRequested(),
    });
    note.textContent = choice.note;
    start.disabled = !choice.enoughRoom;
    start.textContent = choice.label;
  };

  open.addEventListener('click', async () => {
    if (open.getAttribute('aria-expanded') === 'true') return showOptions(false);
    showOptions(true);
    result.textContent = '';
    try {
      manifest ??= await fetchManifest(course);
      sizes = saveSizes(manifest, currentScreen());
      sizesLine.textContent = describeSizes(questions, sizes);
      pdfSize.textContent = `(${formatBytes(sizes.withPdfs - sizes.withoutPdfs)} more)`;
      pdfChoice.hidden = sizes.withPdfs === sizes.withoutPdfs;
      pdfs.checked = saved !== undefined;
      pdfs.disabled = saved !== undefined;
      await describeChoice();
    } catch {
      sizesLine.textContent = 'Could not find out what to store: are you online? Try again in a moment.';
      start.disabled = true;
    }
  });
  pdfs.addEventListener('change', () => void describeChoice());

  options.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!manifest || running) return;
    const includePdfs = pdfs.checked;
    running = new AbortController();
    showOptions(false);
    open.hidden = true;
    remove.hidden = true;
    progress.hidden = false;
    result.textContent = '';
    cancel.focus();
    // Asked while the reader's click still counts: browsers grant it more readily then.
    const persisted = await navigator.storage?.persist?.().catch(() => false);
    try {
      // Without an active service worker nothing saved could be served offline.
      await navigator.serviceWorker.ready;
      const { courses } = await fetchIndex();
      await saveCourse(
        manifest,
        courses[course] ?? '',
        { ...currentScreen(), includePdfs },
        {
          signal: running.signal,
          onProgress: (done) => {
            bar.value = done.totalBytes === 0 ? 1 : done.bytes / done.totalBytes;
            count.textContent = `${done.files} of ${done.totalFiles} files · ${formatBytes(done.bytes)} of ${formatBytes(done.totalBytes)}`;
          },
        },
      );
      result.textContent = `Saved for offline.${persisted ? '' : ' The browser may still clear it if the device runs short of space.'}`;
    } catch (error) {
      const kept = saved ? 'The offline copy stays as it was.' : 'Nothing was kept.';
      result.textContent = running.signal.aborted
        ? `Cancelled. ${kept}`
        : `Could not save ${error instanceof SaveFailed ? error.message : 'the course'}. ${kept}`;
    } finally {
      running = undefined;
      progress.hidden = true;
      bar.value = 0;
      count.textContent = '';
      await showSaved();
      (remove.hidden ? open : remove).focus();
    }
  });

  cancel.addEventListener('click', () => running?.abort());

  remove.addEventListener('click', async () => {
    await removeCourse(course);
    result.textContent = 'Offline copy removed: its pages now come from the network.';
    await showSaved();
    open.focus();
  });

  void showSaved();
}
