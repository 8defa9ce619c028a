/**
 * The review page: before the exam, tonight's plan (what to review today, in order of how much it
 * raises exam-day recall, and how many a day gets through the rest); otherwise the questions due by
 * the FSRS schedule. Either way, first the questions back from their learning step (a "Didn't know"
 * 10 minutes ago), and those still in it with when each comes back. And export / import / reset of
 * progress.
 */
import { countdown, examMoment } from '../lib/progress/exam.ts';
import { readiness, recallOnExamDay } from '../lib/progress/forecast.ts';
import { RATING_LABELS, type Review } from '../lib/progress/ratings.ts';
import { dayOf, dueDay, inLearningStep, nextDueDay } from '../lib/progress/schedule.ts';
import { reviewsOf, sessionAt, type Session } from '../lib/progress/session.ts';
import { mergeProgress, readProgress, writeProgress, type Progress } from '../lib/progress/storage.ts';
import { againIn, percent, plural } from '../lib/progress/wording.ts';
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

/** A question back from its learning step, or due by the schedule: what its card says after the section. */
function dueMeta(entry: Review): string {
  return `last: ${RATING_LABELS[entry.rating]} · ${inLearningStep(entry) ? 'due again now' : `due ${dueDay(entry)}`}`;
}

/** "Go through them one by one": the revise page, with as many as the session holds now. */
function reviseLink(session: Session): HTMLParagraphElement[] {
  const host = document.querySelector<HTMLElement>('[data-review-queue]');
  if (session.queue.length === 0 || !host?.dataset.revise) return [];
  const link = document.createElement('a');
  link.className = 'button button-primary';
  link.href = host.dataset.revise;
  link.textContent = `Test me on ${session.queue.length === 1 ? 'it' : `these ${session.queue.length}`}, one by one`;
  const line = document.createElement('p');
  line.className = 'review-start';
  line.append(link);
  return [line];
}

/** The questions still in their learning step: "Again in 10 min: Q3 · 2024 May ABC". */
function laterList(session: Session, byKey: Map<string, RevisionQuestion>, now: Date): HTMLElement[] {
  if (session.later.length === 0) return [];
  const list = document.createElement('ul');
  list.className = 'review-later';
  for (const { key, due } of session.later) {
    const item = document.createElement('li');
    item.append(...words(againIn(now, due, byKey.get(key)?.title ?? key)));
    list.append(item);
  }
  return [list];
}

function planSummary(plan: NonNullable<Session['plan']>): string {
  if (plan.toDo === 0) return 'Nothing needs work: every examinable question is on track for the exam.';
  const days = plan.daysLeft === 1 ? 'the day left' : `the ${plan.daysLeft} days left`;
  return `${plural(plan.toDo, 'question')} to review before the exam: about ${plan.perDay} a day over ${days}.`;
}

function renderPlan(host: HTMLElement, data: RevisionData, progress: Progress, session: Session, date: string, now: Date): void {
  const plan = session.plan!;
  const exam = examMoment(date);
  const byKey = new Map(data.questions.map((question) => [question.key, question]));
  const ready = readiness(data.questions, progress.reviews, exam);
  host.append(
    paragraph('exam-countdown', countdown(now, date)),
    paragraph('readiness', `Exam-day readiness: ${percent(ready.recall)} · ${ready.unrated} not rated yet.`),
    paragraph('plan-summary', planSummary(plan)),
  );
  if (plan.done && plan.toDo > 0)
    host.append(
      paragraph('plan-done', `Tonight’s plan is done: ${plural(plan.doneToday, 'question')} reviewed today. Come back tomorrow.`),
    );
  else if (!plan.done)
    host.append(paragraph('plan-progress', `Today: ${plan.doneToday} of ${plan.perDay} done. Next, in order of what helps most:`));
  const cards = session.queue.flatMap((key, index) => {
    const question = byKey.get(key);
    const review = progress.reviews[key];
    if (!question) return [];
    const state =
      index < session.again && review
        ? dueMeta(review)
        : review
          ? `last: ${RATING_LABELS[review.rating]} · ${percent(recallOnExamDay(review, exam))} on exam day`
          : 'never rated';
    return [questionCard(question, `${question.sectionName} · ${state}`)];
  });
  if (plan.done && cards.length > 0) host.append(paragraph('plan-progress', 'Back again now, after a few minutes:'));
  if (cards.length > 0) host.append(cardList(cards), ...reviseLink(session));
  host.append(...laterList(session, byKey, now));
}

function renderDue(host: HTMLElement, data: RevisionData, progress: Progress, session: Session, date: string | undefined, now: Date): void {
  const byKey = new Map(data.questions.map((question) => [question.key, question]));
  const own = reviewsOf(data.questions, progress.reviews);
  if (date) host.append(paragraph('exam-countdown', `${countdown(now, date)} The usual schedule is back.`));
  if (session.queue.length === 0) {
    host.append(
      paragraph(
        'review-empty',
        Object.keys(own).length === 0
          ? 'Nothing due: you have not rated any question of this course yet. Turn on “Test me” on a section page to start.'
          : session.later.length > 0
            ? 'Nothing due right now.'
            : `Nothing due. Next review: ${nextDueDay(own) ?? 'none planned'}.`,
      ),
    );
  } else {
    const cards = session.queue.flatMap((key) => {
      const question = byKey.get(key);
      const entry = own[key];
      return question && entry ? [questionCard(question, `${question.sectionName} · ${dueMeta(entry)}`)] : [];
    });
    host.append(cardList(cards), ...reviseLink(session));
  }
  host.append(...laterList(session, byKey, now));
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
