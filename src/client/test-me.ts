/**
 * Test-me mode on section, paper and mock-paper pages: every answer hides behind a "Show answer"
 * button per question and per part; after revealing, the student rates the question (Got it /
 * Shaky / Didn't know). j / k move between questions. Ratings are stored by stable question id.
 * Without JavaScript the answers are simply visible.
 */
import { RATING_LABELS, RATINGS, type Rating } from '../lib/progress/ratings.ts';
import { STORAGE_KEYS } from '../lib/site/storage-keys.ts';
import { isTyping, recall, remember } from './browser.ts';
import { questionAfter, questionStep } from './keys.ts';
import { loadProgress, onProgress, saveProgress } from './progress-store.ts';
import { renderTallies } from './progress-view.ts';

const root = document.documentElement;
const UNIT = '.part, .variant, .question-body';
const QUESTIONS = 'article.question[data-question-id]';

let scheduling: Promise<typeof import('../lib/progress/schedule.ts')> | undefined;
/** The scheduler and its memory model (ts-fsrs, 7 KB) load once Test-me is on, not with every page. */
const loadScheduling = () => (scheduling ??= import('../lib/progress/schedule.ts'));

/** Turns Test-me on or off, and with `keep` remembers it for the next pages. */
export function setTestMe(on: boolean, keep: boolean): void {
  if (on) {
    void loadScheduling();
    root.dataset.testMe = '';
  } else delete root.dataset.testMe;
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-test-me-toggle]'))
    toggle.setAttribute('aria-pressed', String(on));
  if (keep) remember(STORAGE_KEYS.testMe, on ? '1' : null);
}

/** Answers Test me hides: answer blocks, answers inside the text (a cloze, a letter in the stem), and the marks of marked options. */
const ANSWERS = '.answer, .answer-mark';
/** The block an answer inside a line sits in: its "Show answer" button goes after it, not into the line. */
const LINE_BLOCK = 'p, li, td, th, dd, h3, h4, h5, h6';

/** One "Show answer" button per unit (a part, an answer variant, or the question's own text). */
function addRevealButtons(article: HTMLElement, onReveal: () => void): void {
  const units = new Map<Element, HTMLElement[]>();
  for (const answer of article.querySelectorAll<HTMLElement>(ANSWERS)) {
    const unit = answer.parentElement?.closest(UNIT) ?? answer.parentElement;
    if (!unit) continue;
    units.set(unit, [...(units.get(unit) ?? []), answer]);
  }
  let count = 0;
  for (const answers of units.values()) {
    const first = answers[0];
    if (!first) continue;
    const ids = answers.map((answer) => {
      answer.id ||= `${article.id}--answer-${(count += 1)}`;
      return answer.id;
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button reveal';
    button.textContent = 'Show answer';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', ids.join(' '));
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Hide answer' : 'Show answer';
      for (const answer of answers) {
        answer.toggleAttribute('data-revealed', open);
        // An answer the notes fold away (`<details>`, `:::details`) opens with it: "Show answer" shows it.
        if (open) for (const details of answer.querySelectorAll('details')) details.open = true;
      }
      if (open) onReveal();
    });
    // Where the button stands must not give the answer away: after a marked option's list of options, not beside it.
    const marksOnly = answers.every((answer) => answer.matches('.answer-mark'));
    const unit = first.parentElement?.closest(UNIT);
    const inLine = first.matches('.answer-inline') ? first.closest(LINE_BLOCK) : null;
    if (marksOnly && unit) unit.append(button);
    else if (inLine) inLine.after(button);
    else first.before(button);
  }
}

/** Called once a rating is stored. */
type OnRated = (key: string, rating: Rating) => void;

function addRating(article: HTMLElement, key: string, onRated?: OnRated): { show: () => void } {
  const bar = document.createElement('div');
  bar.className = 'rating';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'How did it go?');
  const label = document.createElement('span');
  label.className = 'rating-prompt';
  label.textContent = 'How did it go?';
  bar.append(label);
  const buttons = RATINGS.map((rating) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button rating-button';
    button.dataset.rating = rating;
    button.textContent = RATING_LABELS[rating];
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', async () => {
      const now = new Date();
      const [{ rate }, progress] = await Promise.all([loadScheduling(), loadProgress()]);
      saveProgress(rate(progress, key, rating, now));
      onRated?.(key, rating);
    });
    bar.append(button);
    return button;
  });
  const hasAnswers = article.querySelector(ANSWERS) !== null;
  bar.hidden = hasAnswers; // screenshot-only questions: nothing to reveal, rate straight away
  article.append(bar);
  const sync = (rating: Rating | undefined): void => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.rating === rating));
  };
  void loadProgress().then((progress) => sync(progress.reviews[key]?.rating));
  onProgress((progress) => sync(progress.reviews[key]?.rating));
  return { show: () => (bar.hidden = false) };
}

/** The last rating, next to the question's heading. */
function addRatingBadge(article: HTMLElement, key: string): void {
  const heading = article.querySelector('.question-header h2');
  if (!heading) return;
  const badge = document.createElement('span');
  badge.className = 'badge rating-badge';
  heading.querySelector('.permalink')?.before(badge);
  const sync = (rating: Rating | undefined): void => {
    badge.hidden = rating === undefined;
    if (rating) {
      badge.dataset.rating = rating;
      badge.textContent = RATING_LABELS[rating];
    }
  };
  void loadProgress().then((progress) => sync(progress.reviews[key]?.rating));
  onProgress((progress) => sync(progress.reviews[key]?.rating));
}

/** j / k: focus the next / previous question's first control (or its heading), among the questions the page shows now. */
function moveBetweenQuestions(): void {
  document.addEventListener('keydown', (event) => {
    const step = questionStep(event, isTyping(event.target));
    if (step === undefined || document.querySelector('dialog[open]')) return;
    const articles = [...document.querySelectorAll<HTMLElement>(QUESTIONS)];
    const active = document.activeElement;
    const current = articles.findIndex((article) => article.contains(active));
    const target = articles[questionAfter(step, current, articles.length)];
    if (!target) return;
    event.preventDefault();
    const control = target.querySelector<HTMLElement>(
      root.dataset.testMe !== undefined ? '.reveal, .rating:not([hidden]) button' : '.permalink',
    );
    target.scrollIntoView({ block: 'start' });
    (control ?? target).focus({ preventScroll: true });
  });
}

/** Reveal buttons, rating bar and rating badge for each question given (on a mock paper, once it is drawn; on the revise page, one at a time). */
export function enhanceForTestMe(articles: HTMLElement[], { onRated }: { onRated?: OnRated } = {}): void {
  for (const article of articles) {
    const key = article.dataset.questionId ?? '';
    const rating = addRating(article, key, onRated);
    addRatingBadge(article, key);
    addRevealButtons(article, rating.show);
  }
}

/** The Test-me toggle, the questions already on the page, j / k, and the page's tallies. */
export function initTestMe(): void {
  const fromLink = new URL(location.href).searchParams.get('test') === '1';
  const remembered = recall(STORAGE_KEYS.testMe) === '1';
  enhanceForTestMe([...document.querySelectorAll<HTMLElement>(QUESTIONS)]);
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-test-me-toggle]')) {
    toggle.addEventListener('click', () => setTestMe(root.dataset.testMe === undefined, true));
  }
  setTestMe(fromLink || remembered, false);
  moveBetweenQuestions();
  void loadProgress().then((progress) => renderTallies(progress));
  onProgress((progress) => renderTallies(progress));
}
