/** Small browser helpers shared by the page scripts. */
import { languageRuns } from '../lib/markdown/language.ts';

/**
 * Text for the page with each run of Chinese in a <span lang="zh">, as Words.astro writes it on
 * the server, so screen readers switch voice for it: `element.append(...words(text))`.
 */
export function words(text: string): (string | HTMLElement)[] {
  return languageRuns(text).map((run) => {
    if (!run.zh) return run.text;
    const span = document.createElement('span');
    span.lang = 'zh';
    span.textContent = run.text;
    return span;
  });
}

/**
 * Shows a short message at the top of the page's main content, in a polite live region with an
 * OK button to dismiss it. The box is announced once it has its text, without taking focus.
 */
export function showNotice(message: string): void {
  const main = document.querySelector('main');
  if (!main) return;
  const box = document.createElement('div');
  box.className = 'page-notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button';
  dismiss.textContent = 'OK';
  dismiss.addEventListener('click', () => box.remove());
  box.append(text, dismiss);
  main.prepend(box);
  // Filled after it is in the page, so screen readers announce the change.
  requestAnimationFrame(() => text.replaceChildren(...words(message)));
}

const STORAGE_NOTICE =
  'This browser is not letting the site save anything (storage is blocked or full), so your settings and Test-me ratings last only until you leave this page. Everything else works.';
let storageNoticeShown = false;

/** Says once per page that nothing can be kept, however many reads and writes fail. */
function storageFailed(): void {
  if (storageNoticeShown) return;
  storageNoticeShown = true;
  showNotice(STORAGE_NOTICE);
}

/** A choice kept in localStorage, or null when there is none or storage cannot be read (then the reader is told). */
export function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    storageFailed();
    return null;
  }
}

/**
 * Keeps a reader's choice in localStorage (null forgets it). When storage is blocked, full or
 * broken the choice lasts for this page only, the reader is told, and false comes back.
 */
export function remember(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    storageFailed();
    return false;
  }
}

/** Whether a key press goes to a text field, where single-key shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
