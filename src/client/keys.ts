/**
 * What the pages' keyboard shortcuts do with a key press, from the key and its modifiers alone (a
 * KeyboardEvent is one): the rules, apart from the DOM they act on. The callers find where focus
 * is and move it.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const modified = (press: KeyPress): boolean => press.ctrlKey || press.metaKey || press.altKey;

/** `/` (unless the reader is typing in a field) or Ctrl/⌘+K: open search. */
export function opensSearch(press: KeyPress, typing: boolean): boolean {
  const slash = press.key === '/' && !modified(press) && !typing;
  const commandK = (press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'k';
  return slash || commandK;
}

/** The character a key press types, when it types one (not Enter, not a shortcut): held for the search box while it loads. */
export function typedCharacter(press: KeyPress): string | undefined {
  return press.key.length === 1 && !modified(press) ? press.key : undefined;
}

/** j / k (unless the reader is typing): one question down or up; undefined for any other key. */
export function questionStep(press: KeyPress, typing: boolean): 1 | -1 | undefined {
  if (modified(press) || typing) return undefined;
  return press.key === 'j' ? 1 : press.key === 'k' ? -1 : undefined;
}

/**
 * The index of the question a step moves to, among `count`, from the one focus is in (`current`,
 * -1 for none: down goes to the first, up to the last); it stays at the first and the last.
 */
export function questionAfter(step: 1 | -1, current: number, count: number): number {
  const from = current === -1 ? (step === 1 ? -1 : count) : current;
  return Math.max(0, Math.min(count - 1, from + step));
}

/**
 * ↓ / ↑ in the search panel, from the query box (`current` -1) or the result at `current`: the
 * result to focus, or 'query' to go back up to the box. Stays at the last result. Undefined for other keys.
 */
export function searchResultAfter(key: string, current: number, count: number): number | 'query' | undefined {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return undefined;
  const next = key === 'ArrowDown' ? current + 1 : current - 1;
  return next < 0 ? 'query' : Math.min(next, count - 1);
}
