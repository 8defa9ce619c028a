/**
 * When to see a question again: FSRS (fsrs.ts) sets the interval in days, and the queue counts it
 * in the reader's local calendar days from the day of the rating, so a question is due from the
 * start of its day however late it was rated, and a daylight-saving night changes nothing. A
 * question in a short-term learning step (a "Didn't know" a moment ago) is due at the step's end
 * instead, minutes after the rating.
 */
import { grade, recallAt } from './fsrs.ts';
import type { Rating, Remembered, Review } from './ratings.ts';
import type { Progress } from './storage.ts';

/** A rating changed within this many minutes replaces the one before it: the reader changed their mind. */
export const CHANGE_OF_MIND_MINUTES = 10;

/** The local calendar day of a moment, "YYYY-MM-DD". */
export function dayOf(moment: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** A local calendar day's first moment, "YYYY-MM-DD" → Date. */
export function startOfDay(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

export function addDays(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  // Noon avoids daylight-saving edges turning one calendar day into two or none.
  return dayOf(new Date(year, month - 1, date + days, 12));
}

/** Calendar days from one "YYYY-MM-DD" to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  // Counted on UTC dates, which have no daylight-saving days of 23 or 25 hours.
  const utcDate = (day: string): number => {
    const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utcDate(to) - utcDate(from)) / 86_400_000);
}

const memoryOf = ({ card, ratedAt }: Remembered): Remembered => ({ card, ratedAt });

/** The review a rating at `now` makes of a question's last one (none when it was never rated). */
export function review(last: Review | undefined, rating: Rating, now: Date): Review {
  const sinceLast = last ? now.getTime() - Date.parse(last.ratedAt) : Infinity;
  const changingMind = last?.previous !== undefined && sinceLast >= 0 && sinceLast < CHANGE_OF_MIND_MINUTES * 60_000;
  const before = changingMind ? (last.previous ?? undefined) : last && memoryOf(last);
  return { rating, ratedAt: now.toISOString(), card: grade(before, rating, now), previous: before ? memoryOf(before) : null };
}

/** The progress after rating the question `key` at `now`. */
export function rate(progress: Progress, key: string, rating: Rating, now: Date): Progress {
  return { ...progress, reviews: { ...progress.reviews, [key]: review(progress.reviews[key], rating, now) } };
}

/** The local day a question is due again: FSRS's interval, in calendar days from the day it was rated (or its learning step's day). */
export function dueDay(entry: Review): string {
  return inLearningStep(entry) ? dayOf(new Date(entry.card.due)) : addDays(dayOf(new Date(entry.ratedAt)), entry.card.scheduledDays);
}

/**
 * Whether the question is in one of FSRS's short-term learning steps (fsrs.ts), due again minutes
 * after its rating rather than on a later day. Reviews kept before the steps are all whole days.
 */
export function inLearningStep(entry: Review): boolean {
  return entry.card.state !== 'Review' && entry.card.scheduledDays === 0;
}

/** The moment a question is due: the end of its learning step, else the start of its due day. */
export function dueAt(entry: Review): Date {
  return inLearningStep(entry) ? new Date(entry.card.due) : startOfDay(dueDay(entry));
}

export function isDue(entry: Review, now: Date): boolean {
  return dueAt(entry).getTime() <= now.getTime();
}

/** Due questions: the most overdue day first, then the least likely to be recalled now. */
export function dueQueue<K extends string>(reviews: Record<K, Review>, now: Date): K[] {
  const recall = new Map((Object.keys(reviews) as K[]).map((key) => [key, recallAt(reviews[key], now)]));
  return (Object.keys(reviews) as K[])
    .filter((key) => isDue(reviews[key], now))
    .sort(
      (a, b) => dueDay(reviews[a]).localeCompare(dueDay(reviews[b])) || (recall.get(a) ?? 0) - (recall.get(b) ?? 0) || a.localeCompare(b),
    );
}

/** Questions in a learning step that are not due yet, soonest first: "Didn't know" a few minutes ago, back in a few more. */
export function comingBack<K extends string>(reviews: Record<K, Review>, now: Date): { key: K; due: Date }[] {
  return (Object.keys(reviews) as K[])
    .filter((key) => inLearningStep(reviews[key]) && !isDue(reviews[key], now))
    .map((key) => ({ key, due: dueAt(reviews[key]) }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.key.localeCompare(b.key));
}

/** The earliest day something becomes due, for "nothing due until …". */
export function nextDueDay(reviews: Record<string, Review>): string | undefined {
  return Object.values(reviews).map(dueDay).sort()[0];
}
