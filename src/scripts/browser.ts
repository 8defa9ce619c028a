/** Small browser helpers shared by the page scripts. */

/** Keeps a reader's choice in localStorage (null forgets it); in private mode it lasts for this page only. */
export function remember(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled or full: nothing to keep.
  }
}

/** Whether a key press goes to a text field, where single-key shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
