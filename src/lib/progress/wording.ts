/**
 * What the revision pages say, as text from the session (session.ts), so the browser code only
 * puts it in place: the course home's exam line and its one action, the revise page's position
 * and its end, and "Again in 10 min" for a question in its learning step.
 */
import { describeExamDate, examWhen } from './exam.ts';
import { recallOnExamDay, type Readiness } from './forecast.ts';
import type { Plan } from './plan.ts';
import { RATING_LABELS, type Review } from './ratings.ts';
import { dueAt, dueDay, inLearningStep } from './schedule.ts';
import { aboutMinutes, minutesUntil, type Session } from './session.ts';

/** "1 question", "3 questions". */
export const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`;

/** "42 %": a share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The course home's exam line: "Exam in 4 days · ready 38 %", or where there is no exam to revise toward. */
export function examLine(now: Date, date: string | undefined, ready: Readiness | undefined): string {
  if (date === undefined) return 'No exam date set';
  const when = examWhen(now, date);
  if (!when) return `The exam was on ${describeExamDate(date)}`;
  return ready && ready.examinable > 0 ? `${when} · ready ${percent(ready.recall)}` : when;
}

/** A section's line on the course home: "Exam-day readiness 38 % · 4 unrated"; nothing when it has no examinable question or no exam is ahead. */
export function sectionReadiness(ready: Readiness | undefined): string {
  if (!ready || ready.examinable === 0) return '';
  return `Exam-day readiness ${percent(ready.recall)}${ready.unrated > 0 ? ` · ${ready.unrated} unrated` : ''}`;
}

/** Beside the readiness explained: what it counts for this course. */
export function readinessCounts({ examinable, unrated }: Readiness): string {
  if (examinable === 0) return 'No question of this course is examinable.';
  if (unrated === 0) return examinable === 1 ? 'The examinable question is rated.' : `All ${examinable} examinable questions are rated.`;
  return `${unrated} of ${plural(examinable, 'examinable question')} not rated yet: they count as not known.`;
}

/** "1 question back in 7 min." or "3 questions back, the first in 7 min.": those in their learning step. */
function backSoon(session: Session, now: Date): string {
  const first = session.later[0];
  if (!first) return '';
  const minutes = minutesUntil(now, first.due);
  return session.later.length === 1
    ? ` 1 question back in ${minutes} min.`
    : ` ${session.later.length} questions back, the first in ${minutes} min.`;
}

export type HomeAction =
  /** Go through the session's questions on the revise page. */
  | { kind: 'revise'; label: string }
  /** Nothing rated and nothing planned: begin with the first section in Test me. */
  | { kind: 'start'; label: string }
  /** Nothing to do now, and when there will be. */
  | { kind: 'rest'; text: string };

/** The one thing the course home offers now. `nextDue` is the day the schedule next brings a question back. */
export function homeAction(
  session: Session,
  now: Date,
  { rated, firstSection, nextDue }: { rated: number; firstSection: string | undefined; nextDue: string | undefined },
): HomeAction {
  const count = session.queue.length;
  const minutes = `about ${aboutMinutes(count)} min`;
  if (session.mode === 'plan') {
    if (count > 0) return { kind: 'revise', label: `Tonight: ${plural(count, 'question')}, ${minutes}` };
    const plan = session.plan;
    if (plan && plan.toDo === 0) return { kind: 'rest', text: 'Nothing needs work: every examinable question is on track for the exam.' };
    return { kind: 'rest', text: `Tonight’s plan is done.${backSoon(session, now)}` };
  }
  if (count > 0) return { kind: 'revise', label: `Review ${count} due, ${minutes}` };
  if (rated === 0 && session.later.length === 0 && firstSection !== undefined)
    return { kind: 'start', label: `Start Test me: ${firstSection}` };
  if (session.later.length > 0) return { kind: 'rest', text: `Nothing due right now.${backSoon(session, now)}` };
  return { kind: 'rest', text: nextDue ? `Nothing due. Next review: ${describeExamDate(nextDue)}.` : 'Nothing due.' };
}

/** The revise page's heading. */
export function sessionTitle(session: Session): string {
  return session.mode === 'plan' ? 'Tonight’s plan' : 'Due for review';
}

/** Where the reader is: "Question 3 of 9", "Question 4 of 10 · again" (back from its learning step). */
export function position(session: Session, answered: number, again: boolean): string {
  return `Question ${answered + 1} of ${answered + session.queue.length}${again ? ' · again' : ''}`;
}

/** The revise page's last word, once the session's queue is empty (those still in their step are listed below it). */
export function sessionDone(session: Session, answered: number): string {
  if (session.mode === 'plan') {
    if (session.plan?.toDo === 0) return 'Nothing needs work: every examinable question is on track for the exam.';
    return `Tonight’s plan is done: ${plural(session.plan?.doneToday ?? answered, 'question')} reviewed today.`;
  }
  return answered > 0 ? `Done: ${plural(answered, 'question')} reviewed. Nothing else is due right now.` : 'Nothing is due right now.';
}

/** Once done, for the questions that have come back since: "Go on: 1 question is back". */
export function resumeLabel(session: Session): string {
  return `Go on: ${plural(session.queue.length, 'question')} ${session.queue.length === 1 ? 'is' : 'are'} back`;
}

/** What a rating just given means: "Didn't know: back in 10 min." or "Got it: next review Thursday 12 March 2026." */
export function ratedNote(review: Review, now: Date): string {
  const label = RATING_LABELS[review.rating];
  return inLearningStep(review)
    ? `${label}: back in ${minutesUntil(now, dueAt(review))} min.`
    : `${label}: next review ${describeExamDate(dueDay(review))}.`;
}

/** A question in its learning step: "Again in 10 min: Q3 · 2024 May ABC". */
export function againIn(now: Date, due: Date, title: string): string {
  return `Again in ${minutesUntil(now, due)} min: ${title}`;
}

/** The review page's plan in one line: how many questions are left before the exam, and how many a day. */
export function planSummary(plan: Plan): string {
  if (plan.toDo === 0) return 'Nothing needs work: every examinable question is on track for the exam.';
  const days = plan.daysLeft === 1 ? 'the day left' : `the ${plan.daysLeft} days left`;
  return `${plural(plan.toDo, 'question')} to review before the exam: about ${plan.perDay} a day over ${days}.`;
}

/** Where tonight stands on the review page, above its list; nothing when nothing needs work. */
export function planStatus(session: Session): { done: boolean; text: string } | undefined {
  const plan = session.plan;
  if (!plan || plan.toDo === 0) return undefined;
  if (!plan.done) return { done: false, text: `Today: ${plan.doneToday} of ${plan.perDay} done. Next, in order of what helps most:` };
  // "Come back tomorrow" only when nothing comes back tonight.
  const until = session.later.length > 0 || session.again > 0 ? '' : ' Come back tomorrow.';
  return { done: true, text: `Tonight’s plan is done: ${plural(plan.doneToday, 'question')} reviewed today.${until}` };
}

/**
 * What a review page card says after the question's section: its last rating and, in tonight's plan
 * (`exam`), its recall on exam day, else when it is due ("due again now" after a learning step).
 */
export function cardState(review: Review | undefined, exam?: Date): string {
  if (!review) return 'never rated';
  const last = `last: ${RATING_LABELS[review.rating]}`;
  if (exam) return `${last} · ${percent(recallOnExamDay(review, exam))} on exam day`;
  return `${last} · ${inLearningStep(review) ? 'due again now' : `due ${dueDay(review)}`}`;
}

/**
 * The review page's cards, in the session's order: each queued question with what its card says
 * under its title, its section and cardState; in tonight's plan (`exam`) its recall on exam day,
 * except for the questions back from a learning step, which come first and say when they are due.
 */
export function queueCards<Q extends { key: string; sectionName: string }>(
  questions: readonly Q[],
  reviews: Record<string, Review>,
  session: Pick<Session, 'queue' | 'again'>,
  exam?: Date,
): { question: Q; meta: string }[] {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  return session.queue.flatMap((key, index) => {
    const question = byKey.get(key);
    const examFor = index < session.again ? undefined : exam;
    return question ? [{ question, meta: `${question.sectionName} · ${cardState(reviews[key], examFor)}` }] : [];
  });
}

/** The review page with nothing due: why, and what comes next. */
export function nothingDue(rated: number, session: Session, nextDue: string | undefined): string {
  if (rated === 0) return 'Nothing due: you have not rated any question of this course yet. Turn on “Test me” on a section page to start.';
  if (session.later.length > 0) return 'Nothing due right now.';
  return `Nothing due. Next review: ${nextDue ?? 'none planned'}.`;
}

/** The review page's way into the revise page: "Test me on these 3, one by one". */
export function reviseLabel(count: number): string {
  return `Test me on ${count === 1 ? 'it' : `these ${count}`}, one by one`;
}
