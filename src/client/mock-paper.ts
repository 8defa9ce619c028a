/**
 * The mock-paper page. "Make a mock paper" draws the questions (lib/progress/mock.ts) and puts the
 * paper in the page's address (`?paper=<ids>&minutes=60&start=<ms>`), so a reload or a bookmark
 * shows the same paper and the timer runs on. The questions come from their section pages, as they
 * are printed there, and take Test-me's reveal buttons and ratings.
 */
import { drawMockPaper, mockPaperQuery, readMockPaperQuery, timeLeft } from '../lib/progress/mock.ts';
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

function startTimer(element: HTMLElement, status: (text: string) => void, endsAt: number): void {
  element.hidden = false;
  let over = false;
  const tick = (): void => {
    const left = endsAt - Date.now();
    element.textContent = timeLeft(left);
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
    const ids = keys.flatMap((key) => byKey.get(key) ?? []);
    location.search = mockPaperQuery({ ids, minutes: Number(minutes.value), start: Date.now() });
  });

  const paper = readMockPaperQuery(location.search, Date.now());
  if (!paper) return;
  const byId = new Map<string, RevisionQuestion>(data.questions.map((question) => [question.id, question]));
  const questions = paper.ids.map((id) => byId.get(id)).filter((question): question is RevisionQuestion => question !== undefined);
  count.value = String(questions.length);
  if (paper.minutes > 0) minutes.value = String(paper.minutes);
  void showPaper(data, questions, say, paper.minutes > 0 ? paper.start + paper.minutes * 60_000 : undefined);
}
