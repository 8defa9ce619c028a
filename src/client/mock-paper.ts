/**
 * The mock-paper page. "Make a mock paper" draws the questions (lib/progress/mock.ts) and puts the
 * paper in the page's address (`?paper=<ids>&minutes=60&start=<ms>`), so a reload or a bookmark
 * shows the same paper and the timer runs on. The questions come from their section pages, as they
 * are printed there, and take Test-me's reveal buttons and ratings.
 */
import { drawMockPaper } from '../lib/progress/mock.ts';
import { plural } from '../lib/progress/wording.ts';
import type { RevisionData, RevisionQuestion } from '../lib/site/revision.ts';
import { initLightbox } from './lightbox.ts';
import { fetchArticles } from './question-pages.ts';
import { initScrollRegions } from './scroll-regions.ts';
import { loadProgress, onProgress } from './progress-store.ts';
import { renderTallies } from './progress-view.ts';
import { courseScope, readRevisionData } from './revision-data.ts';
import { enhanceForTestMe, setTestMe } from './test-me.ts';
import { initVariantTabs } from './variant-tabs.ts';

/** "59:04" from milliseconds. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
}

function startTimer(element: HTMLElement, status: (text: string) => void, endsAt: number): void {
  element.hidden = false;
  let over = false;
  const tick = (): void => {
    const left = endsAt - Date.now();
    element.textContent = left > 0 ? `Time left: ${clock(left)}` : 'Time is up.';
    if (left <= 0 && !over) {
      over = true;
      status('Time is up: put your pen down, then reveal and rate each answer.');
    }
  };
  tick();
  setInterval(tick, 1000);
}

async function showPaper(data: RevisionData, questions: RevisionQuestion[], say: (text: string) => void, endsAt?: number): Promise<void> {
  const paper = document.querySelector<HTMLElement>('[data-mock-paper]');
  const host = document.querySelector<HTMLElement>('[data-mock-questions]');
  if (!paper || !host) return;
  say('Fetching the questions…');
  let articles: HTMLElement[];
  try {
    articles = await fetchArticles(questions);
  } catch {
    say('The questions could not be fetched: check the connection and reload the page.');
    return;
  }
  articles.forEach((article, index) => {
    const question = questions.find((entry) => entry.id === article.id);
    const position = document.createElement('p');
    position.className = 'mock-position';
    position.textContent = `Question ${index + 1} of ${articles.length}${question ? ` · ${question.sectionName}` : ''}`;
    host.append(position, article);
  });
  enhanceForTestMe(articles);
  initVariantTabs(host);
  initLightbox(host);
  initScrollRegions(host);
  const tally = paper.querySelector<HTMLElement>('[data-progress-keys]');
  if (tally) tally.dataset.progressKeys = articles.map((article) => article.dataset.questionId ?? '').join(' ');
  renderTallies(await loadProgress(courseScope(data)));
  onProgress((progress) => renderTallies(progress));
  setTestMe(true, false);
  paper.hidden = false;
  const sections = new Set(questions.map((question) => question.section)).size;
  say(`A paper of ${plural(articles.length, 'question')} from ${plural(sections, 'section')}.`);
  const timer = paper.querySelector<HTMLElement>('[data-mock-timer]');
  if (timer && endsAt !== undefined) startTimer(timer, say, endsAt);
  paper.querySelector<HTMLElement>('#mock-paper-title')?.focus();
}

export function initMockPaper(): void {
  const data = readRevisionData();
  const form = document.querySelector<HTMLFormElement>('[data-mock-form]');
  const status = document.querySelector<HTMLElement>('[data-mock-status]');
  if (!data || !form) return;
  const say = (text: string): void => {
    if (status) status.textContent = text;
  };
  const count = form.elements.namedItem('count') as HTMLInputElement;
  const minutes = form.elements.namedItem('minutes') as HTMLSelectElement;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const progress = await loadProgress(courseScope(data));
    const keys = drawMockPaper(data.questions, progress.reviews, new Date(), Number(count.value), Math.random);
    const byKey = new Map<string, string>(data.questions.map((question) => [question.key, question.id]));
    const params = new URLSearchParams({ paper: keys.map((key) => byKey.get(key)).join(',') });
    if (minutes.value !== '0') {
      params.set('minutes', minutes.value);
      params.set('start', String(Date.now()));
    }
    location.search = params.toString();
  });

  const params = new URLSearchParams(location.search);
  const ids = (params.get('paper') ?? '').split(',').filter(Boolean);
  if (ids.length === 0) return;
  const byId = new Map<string, RevisionQuestion>(data.questions.map((question) => [question.id, question]));
  const questions = ids.map((id) => byId.get(id)).filter((question): question is RevisionQuestion => question !== undefined);
  count.value = String(questions.length);
  const length = Number(params.get('minutes') ?? 0);
  const start = Number(params.get('start') ?? Date.now());
  if (length > 0) minutes.value = String(length);
  void showPaper(data, questions, say, length > 0 ? start + length * 60_000 : undefined);
}
