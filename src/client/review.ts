/**
 * The review page: before the exam, tonight's plan (what to review today, in order of how much it
 * raises exam-day recall, and how many a day gets through the rest); otherwise the questions due by
 * the FSRS schedule. Either way, first the questions back from their learning step (a "Didn't know"
 * 10 minutes ago), and those still in it with when each comes back. And export / import / reset of
 * progress.
 */
import { countdown, examMoment } from '../lib/progress/exam.ts';
import { readiness } from '../lib/progress/forecast.ts';
import { dayOf, nextDueDay } from '../lib/progress/schedule.ts';
import { reviewsOf, sessionAt, type Session } from '../lib/progress/session.ts';
import { mergeProgress, readProgress, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { againIn, nothingDue, percent, planStatus, planSummary, plural, queueCards, reviseLabel } from '../lib/progress/wording.ts';
import { words } from './browser.ts';
import type { RevisionData, RevisionQuestion } from '../lib/site/revision.ts';
import { loadProgress, migrationFor, onProgress, resetProgress, saveProgress, showNotices } from './progress-store.ts';
import { courseScope, examDateOf, readRevisionData, refreshWhenDue } from './revision-data.ts';

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

function cardList(cards: HTMLLIElement[]): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'card-list review-list';
  list.append(...cards);
  return list;
}

/** "Go through them one by one": the revise page, with as many as the session holds now. */
function reviseLink(session: Session): HTMLParagraphElement[] {
  const host = document.querySelector<HTMLElement>('[data-review-queue]');
  if (session.queue.length === 0 || !host?.dataset.revise) return [];
  const link = document.createElement('a');
  link.className = 'button button-primary';
  link.href = host.dataset.revise;
  link.textContent = reviseLabel(session.queue.length);
  const line = document.createElement('p');
  line.className = 'review-start';
  line.append(link);
  return [line];
}

/** The questions still in their learning step: "Again in 10 min: Q3 · 2024 May ABC". */
function laterList(session: Session, questions: RevisionQuestion[], now: Date): HTMLElement[] {
  if (session.later.length === 0) return [];
  const byKey = new Map<string, RevisionQuestion>(questions.map((question) => [question.key, question]));
  const list = document.createElement('ul');
  list.className = 'review-later';
  for (const { key, due } of session.later) {
    const item = document.createElement('li');
    item.append(...words(againIn(now, due, byKey.get(key)?.title ?? key)));
    list.append(item);
  }
  return [list];
}

function renderPlan(host: HTMLElement, data: RevisionData, progress: Progress, session: Session, date: string, now: Date): void {
  const plan = session.plan!;
  const exam = examMoment(date);
  const ready = readiness(data.questions, progress.reviews, exam);
  host.append(
    paragraph('exam-countdown', countdown(now, date)),
    paragraph('readiness', `Exam-day readiness: ${percent(ready.recall)} · ${ready.unrated} not rated yet.`),
    paragraph('plan-summary', planSummary(plan)),
  );
  const status = planStatus(session);
  if (status) host.append(paragraph(status.done ? 'plan-done' : 'plan-progress', status.text));
  const cards = queueCards(data.questions, progress.reviews, session, exam).map(({ question, meta }) => questionCard(question, meta));
  if (plan.done && cards.length > 0) host.append(paragraph('plan-progress', 'Back again now, after a few minutes:'));
  if (cards.length > 0) host.append(cardList(cards), ...reviseLink(session));
  host.append(...laterList(session, data.questions, now));
}

function renderDue(host: HTMLElement, data: RevisionData, progress: Progress, session: Session, date: string | undefined, now: Date): void {
  const own = reviewsOf(data.questions, progress.reviews);
  if (date) host.append(paragraph('exam-countdown', `${countdown(now, date)} The usual schedule is back.`));
  if (session.queue.length === 0) {
    host.append(paragraph('review-empty', nothingDue(Object.keys(own).length, session, nextDueDay(own))));
  } else {
    const cards = queueCards(data.questions, own, session).map(({ question, meta }) => questionCard(question, meta));
    host.append(cardList(cards), ...reviseLink(session));
  }
  host.append(...laterList(session, data.questions, now));
}

/** Draws the queue; returns when the next question comes back from its step, to draw it again then. */
function render(host: HTMLElement, title: HTMLElement | null, data: RevisionData, progress: Progress): Date | undefined {
  const now = new Date();
  const date = examDateOf(data, progress);
  const session = sessionAt(data.questions, progress.reviews, now, date);
  if (title) title.textContent = session.mode === 'plan' ? 'Tonight’s plan' : 'Due now';
  host.replaceChildren();
  if (session.mode === 'plan' && date) renderPlan(host, data, progress, session, date, now);
  else renderDue(host, data, progress, session, date, now);
  return session.later[0]?.due;
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

  const show = refreshWhenDue((progress: Progress) => render(host, title, data, progress));
  void loadProgress(courseScope(data)).then(show);
  onProgress(show);

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
