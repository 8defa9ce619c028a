/**
 * What to revise now: the course home's one action and the questions the revise page takes the
 * reader through, one after another. Pure, over the plan (plan.ts) and the schedule (schedule.ts).
 *
 * Before the exam it is tonight's plan, after the questions back from a learning step: a question
 * rated "Didn't know" tonight is due again 10 minutes later (fsrs.ts) and comes first once it is.
 * Without an exam ahead it is the questions due by the schedule, those back from a step among them.
 * Either way the questions still in their step are listed with the moment each comes back.
 */
import { studyDaysLeft } from './exam.ts';
import type { Weighted } from './forecast.ts';
import { planToward, type Plan } from './plan.ts';
import type { Review } from './ratings.ts';
import { comingBack, dayOf, dueAt, dueQueue, inLearningStep, isDue } from './schedule.ts';

/** A rough pace for "about 25 min": reading a question, recalling the answer, checking and rating it. */
export const MINUTES_PER_QUESTION = 3;

export interface Session {
  /** Tonight's plan before the exam; the schedule's due questions otherwise. */
  mode: 'plan' | 'due';
  /** The questions to go through now, in order. */
  queue: string[];
  /** How many of them are back from a learning step. */
  again: number;
  /** Questions in a learning step, not due yet: when each comes back, soonest first. */
  later: { key: string; due: Date }[];
  /** Tonight's plan (mode "plan"). */
  plan?: Plan | undefined;
}

/** The reviews of these questions only (progress holds every course's). */
export function reviewsOf(questions: { key: string }[], reviews: Record<string, Review>): Record<string, Review> {
  const own: Record<string, Review> = {};
  for (const { key } of questions) if (reviews[key]) own[key] = reviews[key];
  return own;
}

/** The session at `now` for a course's questions, with an exam at `examDate` if the reader has one. */
export function sessionAt(questions: Weighted[], reviews: Record<string, Review>, now: Date, examDate: string | undefined): Session {
  const own = reviewsOf(questions, reviews);
  const later = comingBack(own, now);
  if (examDate === undefined || studyDaysLeft(now, examDate) === 0) {
    const queue = dueQueue(own, now);
    return { mode: 'due', queue, again: queue.filter((key) => inLearningStep(own[key]!)).length, later };
  }
  const plan = planToward(questions, own, now, examDate);
  // Tonight's failures, back from their step: the plan counts them as done today, the session brings them back.
  const today = dayOf(now);
  const again = Object.keys(own)
    .filter((key) => inLearningStep(own[key]!) && isDue(own[key]!, now) && dayOf(new Date(own[key]!.ratedAt)) === today)
    .sort((a, b) => dueAt(own[a]!).getTime() - dueAt(own[b]!).getTime() || a.localeCompare(b));
  return { mode: 'plan', queue: [...again, ...plan.today.map(({ key }) => key)], again: again.length, later, plan };
}

/** About how long `count` questions take, in minutes: a multiple of 5, at least 5. */
export function aboutMinutes(count: number): number {
  return Math.max(5, Math.round((count * MINUTES_PER_QUESTION) / 5) * 5);
}

/** Whole minutes from `now` until `moment`, at least 1: "back in 7 min". */
export function minutesUntil(now: Date, moment: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - now.getTime()) / 60_000));
}
