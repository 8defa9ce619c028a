/** The review queue page: due questions in schedule order, and export / import / reset of progress. */
import { dayOf, dueQueue, nextDueDay, RATING_LABELS } from '../lib/progress/schedule.ts';
import { mergeProgress, readProgress, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { words } from './browser.ts';
import { loadProgress, onProgress, resetProgress, saveProgress, showNotices } from './progress-store.ts';

interface QueueQuestion {
  key: string;
  title: string;
  section: string;
  href: string;
}

function renderQueue(host: HTMLElement, progress: Progress, questions: QueueQuestion[]): void {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const ownReviews = Object.fromEntries(Object.entries(progress.reviews).filter(([key]) => byKey.has(key)));
  const due = dueQueue(ownReviews, new Date());
  host.replaceChildren();
  if (due.length === 0) {
    const next = nextDueDay(ownReviews);
    const message = document.createElement('p');
    message.className = 'review-empty';
    message.textContent =
      Object.keys(ownReviews).length === 0
        ? `Nothing due: you have not rated any question of this course yet. Turn on “Test me” on a section page to start.`
        : `Nothing due. Next review: ${next ?? 'none planned'}.`;
    host.append(message);
    return;
  }
  const list = document.createElement('ol');
  list.className = 'card-list review-list';
  for (const key of due) {
    const question = byKey.get(key);
    const entry = ownReviews[key];
    if (!question || !entry) continue;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'card';
    link.href = question.href;
    const title = document.createElement('span');
    title.className = 'card-title';
    title.append(...words(question.title));
    const meta = document.createElement('span');
    meta.className = 'card-meta';
    meta.append(...words(`${question.section} · last: ${RATING_LABELS[entry.rating]} · due ${entry.due}`));
    link.append(title, meta);
    item.append(link);
    list.append(item);
  }
  host.append(list);
}

export function initReviewPage(): void {
  const main = document.querySelector<HTMLElement>('main[data-course]');
  const host = document.querySelector<HTMLElement>('[data-review-queue]');
  const data = document.getElementById('course-questions');
  if (!main || !host || !data) return;
  const course = main.dataset.course ?? '';
  const questions = JSON.parse(data.textContent ?? '[]') as QueueQuestion[];
  const known = new Set(questions.map((question) => question.key));
  const status = document.querySelector<HTMLElement>('[data-data-status]');
  const say = (text: string): void => {
    status?.replaceChildren(...words(text));
  };

  renderQueue(host, loadProgress({ course, known }), questions);
  onProgress((progress) => renderQueue(host, progress, questions));

  document.querySelector('[data-export]')?.addEventListener('click', () => {
    const blob = new Blob([writeProgress(loadProgress())], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    // Named by the reader's calendar day, like the schedule (not the UTC date, a day off in Asia each morning).
    link.download = `revision-progress-${dayOf(new Date())}.json`;
    link.click();
    // Some browsers start the download after the click returns: free the file a little later.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say('Progress exported.');
  });

  const input = document.querySelector<HTMLInputElement>('[data-import]');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const { progress, notices } = readProgress(await file.text(), { course, known });
    showNotices(notices);
    const count = Object.keys(progress.reviews).length;
    const kept = saveProgress(mergeProgress(loadProgress(), progress));
    const until = kept ? '' : ' They last until you leave this page: this browser is not letting the site save them.';
    say(`Imported ${count} rating${count === 1 ? '' : 's'} from ${file.name}, keeping the latest rating of each question.${until}`);
    input.value = '';
  });

  document.querySelector('[data-reset]')?.addEventListener('click', () => {
    if (!window.confirm('Delete all your ratings in this browser? This cannot be undone (export them first to keep a copy).')) return;
    resetProgress();
    say('Progress reset.');
  });
}
