/**
 * A long page's later questions (src/lib/site/long-pages.ts) come back into the page: a
 * placeholder's file is fetched as it comes near the screen, when the address points into one of
 * its questions (a permalink, a search result, the table of contents), and all of them before
 * find-in-page (Ctrl/⌘+F) or printing (the Print button, Ctrl/⌘+P; the browser's own menu too,
 * in time for the next print). Added questions get what the page's own have (Test me, answer tabs,
 * enlarging screenshots …). Loaded only by a page that has later questions.
 */
import { LATER_QUESTION_IDS, LATER_QUESTIONS, LATER_QUESTIONS_REQUEST, placeholderHolds } from '../lib/site/long-pages.ts';
import { initLightbox } from './lightbox.ts';
import { initPrintImages } from './print-images.ts';
import { initScrollRegions } from './scroll-regions.ts';
import { enhanceForTestMe } from './test-me.ts';
import { initVariantTabs } from './variant-tabs.ts';
const SELECTOR = LATER_QUESTIONS_REQUEST.selector;
const loading = new Map<HTMLElement, Promise<void>>();

/** The questions of a file of later questions, `file` as a placeholder of the page at `pageUrl` names it. */
async function fetchQuestions(file: string, pageUrl: string): Promise<HTMLElement[]> {
  const response = await fetch(new URL(file, pageUrl));
  if (!response.ok) throw new Error(`${file} answered ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return [...page.querySelectorAll<HTMLElement>('article.question')].map((article) => document.importNode(article, true));
}

/** The placeholder of `root` holding the element `id` names (a question, or anything in one: a part, an answer tab). */
function placeholderOf(root: ParentNode, id: string): Element | undefined {
  return [...root.querySelectorAll(SELECTOR)].find((placeholder) =>
    placeholderHolds(placeholder.getAttribute(LATER_QUESTION_IDS) ?? '', id),
  );
}

/**
 * A question's article from another page (parsed, fetched from `pageUrl`), in it or in one of its
 * files of later questions: a mock paper brings its questions from their section pages.
 */
export async function questionFrom(page: Document, pageUrl: string, id: string): Promise<HTMLElement | undefined> {
  const found = page.getElementById(id);
  if (found) return document.importNode(found, true) as HTMLElement;
  const placeholder = placeholderOf(page, id);
  if (!placeholder) return undefined;
  const articles = await fetchQuestions(placeholder.getAttribute(LATER_QUESTIONS) ?? '', pageUrl);
  return articles.find((article) => article.id === id);
}

/** Added questions get what the page's own got when it loaded (EnhanceQuestions.astro, PageActions.astro). */
function enhance(host: HTMLElement, articles: HTMLElement[]): void {
  enhanceForTestMe(articles);
  initVariantTabs(host);
  initLightbox(host);
  initPrintImages(host);
  initScrollRegions(host);
  // Landed from a search result: its words are highlighted in these questions too.
  if (new URL(location.href).searchParams.has('highlight'))
    void import('./highlight.ts').then(({ highlightFromUrl }) => highlightFromUrl());
}

/** Puts one placeholder's questions in its place (once), with what the page's own questions have. */
function load(placeholder: HTMLElement): Promise<void> {
  let done = loading.get(placeholder);
  if (!done) {
    done = fetchQuestions(placeholder.getAttribute(LATER_QUESTIONS) ?? '', location.href).then(
      (articles) => {
        placeholder.replaceChildren(...articles);
        placeholder.removeAttribute(LATER_QUESTIONS);
        enhance(placeholder, articles);
      },
      () => {
        // Offline and not saved, or the network failed: the placeholder's link stays, and a later try may work.
        loading.delete(placeholder);
      },
    );
    loading.set(placeholder, done);
  }
  return done;
}

/** Every later question of the page, in the page. */
export async function loadLaterQuestions(): Promise<void> {
  await Promise.all([...document.querySelectorAll<HTMLElement>(SELECTOR)].map(load));
}

/** When the address points into a question not in the page yet: load it, then go there as the link would have. */
async function followHash(): Promise<void> {
  const id = decodeURIComponent(location.hash.slice(1));
  const placeholder = id ? placeholderOf(document, id) : undefined;
  if (!(placeholder instanceof HTMLElement) || document.getElementById(id)) return;
  await load(placeholder);
  // Going to the address again marks the target (:target) and lets the page's scripts open its tab.
  history.replaceState(history.state, '', location.href.split('#')[0]);
  location.hash = id;
  const target = document.getElementById(id);
  if (target) keepInView(target);
}

/** How long a target is held in place after a jump into later questions, unless the reader moves first. */
const SETTLE_MS = 3000;

/**
 * The questions around a target draw as they come near the screen (content-visibility), and those
 * above it push it down as they do. The browser holds a link's target in place while the page
 * loads, not after: so after a jump into later questions the target is brought back until the
 * page settles or the reader scrolls.
 */
function keepInView(target: HTMLElement): void {
  const observer = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
  const stop = (): void => {
    observer.disconnect();
    for (const type of READER_MOVES) removeEventListener(type, stop, true);
  };
  for (const type of READER_MOVES) addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(document.body);
  setTimeout(stop, SETTLE_MS);
}

const READER_MOVES = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export function initLaterQuestions(): void {
  const placeholders = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
  if (placeholders.length === 0) return;
  // Two screens ahead: the questions are in before the reader reaches them.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || !(entry.target instanceof HTMLElement)) continue;
        observer.unobserve(entry.target);
        void load(entry.target);
      }
    },
    { rootMargin: '200% 0px' },
  );
  for (const placeholder of placeholders) observer.observe(placeholder);
  void followHash();
  window.addEventListener('hashchange', () => void followHash());
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    // Find-in-page opens at once and finds the questions as they arrive.
    if (key === 'f') void loadLaterQuestions();
    // Ctrl/⌘+P prints as the page's Print button does: every question, screenshot and font loaded first.
    const printButton = document.querySelector<HTMLButtonElement>('[data-print]');
    if (key === 'p' && printButton) {
      event.preventDefault();
      printButton.click();
    }
  });
  window.addEventListener('beforeprint', () => void loadLaterQuestions());
  document.addEventListener(
    LATER_QUESTIONS_REQUEST.load,
    () => void loadLaterQuestions().then(() => document.dispatchEvent(new Event(LATER_QUESTIONS_REQUEST.loaded))),
  );
}
