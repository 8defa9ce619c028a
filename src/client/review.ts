/**
 * The review page: before the exam, tonight's plan (what to review today, in order of how much it
 * raises exam-day recall, and how many a day gets through the rest); otherwise the questions due by
 * the FSRS schedule. And export / import / reset of progress.
 */
import { countdown, examMoment, studyDaysLeft } from '../lib/progress/exam.ts';
import { readiness, recallOnExamDay } from '../lib/progress/forecast.ts';
import { planToward, type Plan } from '../lib/progress/plan.ts';
import { RATING_LABELS } from '../lib/progress/ratings.ts';
import { dayOf, dueDay, dueQueue, nextDueDay } from '../lib/progress/schedule.ts';
import { mergeProgress, readProgress, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { words } from './browser.ts';
import type { RevisionData, RevisionQuestion } from '../lib/site/revision.ts';
import { loadProgress, migrationFor, onProgress, resetProgress, saveProgress, showNotices } from './progress-store.ts';
import { courseScope, examDateOf, percent, readRevisionData } from './revision-data.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function paragraph(className: string, text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.append(...words(text));
  return element;
}

/** A card linking to the question in Test-me mode. */
function questionCard(question: RevisionQuestion, meta: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'card';
  link.href = question.href;
  const title = document.createElement('span');
  title.className = 'card-title';
  title.append(...words(question.title));
  const details = document.createElement('span');
  details.className = 'card-meta';
  details.append(...words(meta));
  link.append(title, details);
  item.append(link);
  return item;
}

function planSummary(plan: Plan): string {
  if (plan.toDo === 0) return 'Nothing needs work: every examinable question is on track for the exam.';
  const days = plan.daysLeft === 1 ? 'the day left' : `the ${plan.daysLeft} days left`;
  return `${plural(plan.toDo, 'question')} to review before the exam: about ${plan.perDay} a day over ${days}.`;
}

function renderPlan(host: HTMLElement, data: RevisionData, progress: Progress, date: string, now: Date): void {
  const exam = examMoment(date);
  const plan = planToward(data.questions, progress.reviews, now, date);
  const byKey = new Map(data.questions.map((question) => [question.key, question]));
  const ready = readiness(data.questions, progress.reviews, exam);
  host.append(
    paragraph('exam-countdown', countdown(now, date)),
    paragraph('readiness', `Exam-day readiness: ${percent(ready.recall)} · ${ready.unrated} not rated yet.`),
    paragraph('plan-summary', planSummary(plan)),
  );
  if (plan.done) {
    host.append(
      paragraph(
        'plan-done',
        plan.toDo === 0
          ? 'Today’s plan is done.'
          : `Today’s plan is done: ${plan.doneToday} of ${plan.perDay} reviewed. Come back tomorrow.`,
      ),
    );
    return;
  }
  host.append(paragraph('plan-progress', `Today: ${plan.doneToday} of ${plan.perDay} done. Next, in order of what helps most:`));
  const list = document.createElement('ol');
  list.className = 'card-list review-list';
  for (const { key } of plan.today) {
    const question = byKey.get(key);
    const review = progress.reviews[key];
    if (!question) continue;
    const state = review ? `last: ${RATING_LABELS[review.rating]} · ${percent(recallOnExamDay(review, exam))} on exam day` : 'never rated';
    list.append(questionCard(question, `${question.sectionName} · ${state}`));
  }
  host.append(list);
}

function renderDue(host: HTMLElement, data: RevisionData, progress: Progress, date: string | undefined, now: Date): void {
  const byKey = new Map(data.questions.map((question) => [question.key, question]));
  const ownReviews = Object.fromEntries(Object.entries(progress.reviews).filter(([key]) => byKey.has(key)));
  if (date) host.append(paragraph('exam-countdown', `${countdown(now, date)} The usual schedule is back.`));
  const due = dueQueue(ownReviews, now);
  if (due.length === 0) {
    host.append(
      paragraph(
        'review-empty',
        Object.keys(ownReviews).length === 0
          ? 'Nothing due: you have not rated any question of this course yet. Turn on “Test me” on a section page to start.'
          : `Nothing due. Next review: ${nextDueDay(ownReviews) ?? 'none planned'}.`,
      ),
    );
    return;
  }
  const list = document.createElement('ol');
  list.className = 'card-list review-list';
  for (const key of due) {
    const question = byKey.get(key);
    const entry = ownReviews[key];
    if (question && entry)
      list.append(questionCard(question, `${question.sectionName} · last: ${RATING_LABELS[entry.rating]} · due ${dueDay(entry)}`));
  }
  host.append(list);
}

function render(host: HTMLElement, title: HTMLElement | null, data: RevisionData, progress: Progress): void {
  const now = new Date();
  const date = examDateOf(data, progress);
  const planning = date !== undefined && studyDaysLeft(now, date) > 0;
  if (title) title.textContent = planning ? 'Tonight’s plan' : 'Due now';
  host.replaceChildren();
  if (planning) renderPlan(host, data, progress, date, now);
  else renderDue(host, data, progress, date, now);
}

export function initReviewPage(): void {
  const data = readRevisionData();
  const host = document.querySelector<HTMLElement>('[data-review-queue]');
  if (!data || !host) return;
  const title = document.querySelector<HTMLElement>('[data-queue-title]');
  const status = document.querySelector<HTMLElement>('[data-data-status]');
  const say = (text: string): void => {
    status?.replaceChildren(...words(text));
  };

  void loadProgress(courseScope(data)).then((progress) => render(host, title, data, progress));
  onProgress((progress) => render(host, title, data, progress));

  document.querySelector('[data-export]')?.addEventListener('click', async () => {
    const blob = new Blob([writeProgress(await loadProgress())], { type: 'application/json' });
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
    const raw = await file.text();
    const { progress, notices } = readProgress(raw, { scope: courseScope(data), migrate: await migrationFor(raw) });
    showNotices(notices);
    const count = Object.keys(progress.reviews).length;
    const kept = saveProgress(mergeProgress(await loadProgress(), progress));
    const until = kept ? '' : ' They last until you leave this page: this browser is not letting the site save them.';
    say(`Imported ${plural(count, 'rating')} from ${file.name}, keeping the latest rating of each question.${until}`);
    input.value = '';
  });

  document.querySelector('[data-reset]')?.addEventListener('click', () => {
    if (
      !window.confirm('Delete all your ratings and exam dates in this browser? This cannot be undone (export them first to keep a copy).')
    )
      return;
    resetProgress();
    say('Progress reset.');
  });
}
