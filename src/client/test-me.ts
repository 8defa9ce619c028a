/**
 * Test-me mode on section and paper pages: every answer hides behind a "Show answer" button per
 * question and per part; after revealing, the student rates the question (Got it / Shaky /
 * Didn't know). j / k move between questions. Ratings are stored by stable question id.
 * Without JavaScript the answers are simply visible.
 */
import { rate } from '../lib/progress/storage.ts';
import { RATING_LABELS, RATINGS, type Rating } from '../lib/progress/schedule.ts';
import { isTyping, recall, remember } from './browser.ts';
import { loadProgress, onProgress, saveProgress } from './progress-store.ts';
import { renderTallies } from './progress-view.ts';

const root = document.documentElement;
const MODE_KEY = 'test-me';
const UNIT = '.part, .variant, .question-body';

function setMode(on: boolean, keep: boolean): void {
  if (on) root.dataset.testMe = '';
  else delete root.dataset.testMe;
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-test-me-toggle]'))
    toggle.setAttribute('aria-pressed', String(on));
  if (keep) remember(MODE_KEY, on ? '1' : null);
}

/** One "Show answer" button per unit (a part, an answer variant, or the question's own text). */
function addRevealButtons(article: HTMLElement, onReveal: () => void): void {
  const units = new Map<Element, HTMLElement[]>();
  for (const answer of article.querySelectorAll<HTMLElement>('.answer')) {
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
    first.before(button);
  }
}

function addRating(article: HTMLElement, key: string): { show: () => void } {
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
    button.addEventListener('click', () => saveProgress(rate(loadProgress(), key, rating, new Date())));
    bar.append(button);
    return button;
  });
  const hasAnswers = article.querySelector('.answer') !== null;
  bar.hidden = hasAnswers; // screenshot-only questions: nothing to reveal, rate straight away
  article.append(bar);
  const sync = (rating: Rating | undefined): void => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.rating === rating));
  };
  sync(loadProgress().reviews[key]?.rating);
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
  sync(loadProgress().reviews[key]?.rating);
  onProgress((progress) => sync(progress.reviews[key]?.rating));
}

/** j / k: focus the next / previous question's first control (or its heading). */
function moveBetweenQuestions(articles: HTMLElement[]): void {
  document.addEventListener('keydown', (event) => {
    if ((event.key !== 'j' && event.key !== 'k') || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    const current = articles.findIndex((article) => article.contains(active));
    const fallback = event.key === 'j' ? -1 : articles.length;
    const index = (current === -1 ? fallback : current) + (event.key === 'j' ? 1 : -1);
    const target = articles[Math.max(0, Math.min(articles.length - 1, index))];
    if (!target) return;
    event.preventDefault();
    const control = target.querySelector<HTMLElement>(
      root.dataset.testMe !== undefined ? '.reveal, .rating:not([hidden]) button' : '.permalink',
    );
    target.scrollIntoView({ block: 'start' });
    (control ?? target).focus({ preventScroll: true });
  });
}

export function initTestMe(): void {
  const articles = [...document.querySelectorAll<HTMLElement>('article.question[data-question-id]')];
  if (articles.length === 0) return;
  const fromLink = new URL(location.href).searchParams.get('test') === '1';
  const remembered = recall(MODE_KEY) === '1';
  for (const article of articles) {
    const key = article.dataset.questionId ?? '';
    const rating = addRating(article, key);
    addRatingBadge(article, key);
    addRevealButtons(article, rating.show);
  }
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-test-me-toggle]')) {
    toggle.addEventListener('click', () => setMode(root.dataset.testMe === undefined, true));
  }
  setMode(fromLink || remembered, false);
  moveBetweenQuestions(articles);
  renderTallies(loadProgress());
  onProgress((progress) => renderTallies(progress));
}
