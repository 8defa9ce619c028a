/**
 * Only in `npm run dev` (injected into every page by scripts/lib/live-notes.ts): the problems in
 * the notes, listed in a panel while you write, and your place in the page kept when it reloads
 * with your latest save (the dev server reloads open pages when the content changes).
 */
import type { ViteHotContext } from 'vite/types/hot.d.ts';
import '../../styles/dev.css';
import { problemCounts, problemLocation, STATUS_EVENT, STATUS_REQUEST, type NotesStatus } from '../../lib/dev/problems.ts';

/** Where the reader was, by the element at the top of the window: edits above it move everything below. */
interface Place {
  url: string;
  /** The last element with an id at or above the top of the window (a question, a part), and where it was. */
  id?: string | undefined;
  top: number;
  scrollY: number;
}

const PLACE_KEY = 'revision:dev-place';
/** How long a reloaded page holds the reader's place while it settles. */
const PIN_MS = 10_000;

function currentPlace(): Place {
  let anchor: { id: string; top: number } | undefined;
  for (const element of document.querySelectorAll<HTMLElement>('main [id]')) {
    const top = element.getBoundingClientRect().top;
    if (top > 1) break;
    anchor = { id: element.id, top };
  }
  return { url: location.href, id: anchor?.id, top: anchor?.top ?? 0, scrollY: window.scrollY };
}

function restorePlace(place: Place): void {
  const anchor = place.id === undefined ? null : document.getElementById(place.id);
  if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - place.top);
  else window.scrollTo(0, place.scrollY);
}

function keepPlaceAcrossReloads(hot: ViteHotContext): void {
  // Every question drawn, not only those near the screen (content-visibility, question.css): the
  // place is found and restored by where elements are, which a question not drawn only estimates.
  for (const question of document.querySelectorAll<HTMLElement>('.question')) question.style.contentVisibility = 'visible';
  const saved = sessionStorage.getItem(PLACE_KEY);
  const place = saved === null ? undefined : (JSON.parse(saved) as Place);
  // Held while the page settles (below). The place stays stored until then: a reload that comes
  // before (saves often come in bursts) returns to it too.
  let pinned = place?.url === location.href;
  hot.on('vite:beforeFullReload', () => {
    if (!pinned) sessionStorage.setItem(PLACE_KEY, JSON.stringify(currentPlace()));
    // The page scrolls itself back (below); the browser's own restoring would come later and undo it.
    history.scrollRestoration = 'manual';
  });
  if (!place || !pinned) {
    sessionStorage.removeItem(PLACE_KEY);
    return;
  }
  // Kept there while the page settles: screenshots and fonts load, and questions above the window,
  // drawn only near the screen (content-visibility), take their real height in place of an estimate.
  // Until the reader moves, or for a few seconds.
  const release = (): void => {
    pinned = false;
    sessionStorage.removeItem(PLACE_KEY);
    history.scrollRestoration = 'auto';
  };
  // Anything the reader does to move: the wheel, a touch, a key, the scrollbar, a link within the page.
  for (const event of ['wheel', 'touchstart', 'keydown', 'pointerdown', 'hashchange'] as const)
    window.addEventListener(event, release, { once: true, passive: true });
  setTimeout(release, PIN_MS);
  const pin = (): void => {
    if (!pinned) return;
    restorePlace(place);
    requestAnimationFrame(pin);
  };
  pin();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The panel listing the problems; gone when there are none. Opened by itself when there is an error. */
function showStatus(status: NotesStatus): void {
  let panel = document.querySelector<HTMLElement>('.dev-notes');
  if (status.problems.length === 0) {
    panel?.remove();
    return;
  }
  const hasErrors = status.problems.some((problem) => problem.severity === 'error');
  if (!panel) {
    panel = element('aside', 'dev-notes');
    panel.setAttribute('aria-label', 'Problems in your notes');
    document.body.append(panel);
  }
  const details = element('details', 'dev-notes-details');
  const wasOpen = panel.querySelector('details')?.open;
  details.open = hasErrors || wasOpen === true;
  const summary = element('summary', 'dev-notes-summary');
  const counts = element('span', '', `Notes: ${problemCounts(status.problems)}`);
  counts.setAttribute('role', 'status');
  summary.append(counts);
  details.append(summary);
  if (status.stale.length > 0) {
    details.append(
      element('p', 'dev-notes-stale', `The pages show ${status.stale.join(', ')} as last imported: fix the notes and save to update them.`),
    );
  }
  const list = element('ul', 'dev-notes-list');
  for (const problem of status.problems) {
    const item = element('li', `dev-problem dev-problem-${problem.severity}`);
    item.append(element('code', 'dev-problem-location', problemLocation(problem)), ` ${problem.severity}: ${problem.message}`);
    list.append(item);
  }
  details.append(list);
  panel.replaceChildren(details);
}

if (import.meta.hot) {
  const hot = import.meta.hot;
  keepPlaceAcrossReloads(hot);
  hot.on(STATUS_EVENT, (status: NotesStatus) => showStatus(status));
  hot.send(STATUS_REQUEST);
}
