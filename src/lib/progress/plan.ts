/**
 * Tonight's plan: before the exam, which questions to review today, and how many a day gets through
 * what is left by the exam. Pure, over the forecast (forecast.ts).
 *
 * Work left. An examinable question needs a review before the exam while its exam-day recall is
 * under TARGET_RECALL (90 %, the retention FSRS schedules for); one never rated always does.
 *
 * Per day. With D days of revision left (today included, the exam's day not: exam.ts) and W
 * questions to do, about ⌈W / D⌉ a day. W counts the questions that need work and were not rated
 * today, plus those rated today: so the day's number holds steady while the reader works through
 * it, whatever the ratings.
 *
 * Today. The questions that need work and were not rated today, highest gain first (the expected
 * rise of their weighted exam-day recall from a review now), as many as the day still needs. The
 * day's plan is done when as many questions as the day's number have been rated today, or when
 * nothing needs work.
 */
import { examMoment, studyDaysLeft } from './exam.ts';
import { recallOnExamDay, reviewGain, type Weighted } from './forecast.ts';
import type { Review } from './ratings.ts';
import { dayOf } from './schedule.ts';

export const TARGET_RECALL = 0.9;

export interface PlannedQuestion {
  key: string;
  /** Expected rise of its weighted exam-day recall from a review now. */
  gain: number;
}

export interface Plan {
  /** Days of revision left, today included. */
  daysLeft: number;
  /** Questions that still need a review before the exam (rated today or not). */
  toDo: number;
  /** About how many questions a day: ⌈toDo / daysLeft⌉. */
  perDay: number;
  /** Examinable questions rated today. */
  doneToday: number;
  /** What to review next today, in order: as many as the day still needs. */
  today: PlannedQuestion[];
  /** Today's share is reviewed, or nothing needs work. */
  done: boolean;
}

/** The plan at `now` for an exam at `examDate` (which must still be ahead: studyDaysLeft > 0). */
export function planToward(questions: Weighted[], reviews: Record<string, Review>, now: Date, examDate: string): Plan {
  const exam = examMoment(examDate);
  const today = dayOf(now);
  const examinable = questions.filter((question) => question.weight > 0);
  const ratedToday = examinable.filter((question) => {
    const review = reviews[question.key];
    return review !== undefined && dayOf(new Date(review.ratedAt)) === today;
  });
  const waiting = examinable.filter((question) => {
    const review = reviews[question.key];
    return !ratedToday.includes(question) && (!review || recallOnExamDay(review, exam) < TARGET_RECALL);
  });
  const daysLeft = studyDaysLeft(now, examDate);
  const toDo = waiting.length + ratedToday.length;
  const perDay = waiting.length === 0 ? 0 : Math.ceil(toDo / Math.max(daysLeft, 1));
  const still = Math.max(0, perDay - ratedToday.length);
  const ranked = waiting
    .map((question) => ({ key: question.key, gain: reviewGain(reviews[question.key], question.weight, now, exam) }))
    .sort((a, b) => b.gain - a.gain || a.key.localeCompare(b.key));
  return { daysLeft, toDo, perDay, doneToday: ratedToday.length, today: ranked.slice(0, still), done: still === 0 };
}
