/**
 * Progress kept by older versions of the site, brought to the FSRS schedule with nothing lost: every
 * rating keeps its words and its moment, a version-2 question stays due on the day it was due, and
 * its Leitner box survives as the memory FSRS gives the shortest run of ratings that reaches it.
 *
 * - Version 1: `{ version: 1, ratings: { key: { rating, ratedAt } } }`, the last rating only. It
 *   becomes that rating given at that moment to a question never seen before.
 * - Version 2: `{ version: 2, reviews: { key: { rating, ratedAt, box, due } } }`, a Leitner schedule
 *   over calendar days: "Didn't know" went to box 0 (due the same day), "Shaky" to box 1 (the next
 *   day) and each "Got it" one box further, 2 → 3 → 4, due 3, 7 and 21 days later. Box 0 is one
 *   "Didn't know", box 1 one "Shaky"; box b ≥ 2 is b − 1 "Got it"s, each given on the day the one
 *   before made it due (box 4: 10 and 7 days before the last one). FSRS replays those ratings as the
 *   site scheduled them then, in whole days without learning steps (fsrs.ts); the
 *   question keeps the due day it had, so the queue reads the same the day after the update.
 *   Its box can be read back from the result: "Got it" in box `reps + 1`.
 */
import { grade } from './fsrs.ts';
import { isDay, isMoment, isRating, isRecord } from './guards.ts';
import type { MemoryCard, Rating, Review } from './ratings.ts';
import { daysBetween, dayOf, startOfDay } from './schedule.ts';

/** Version 2's days until the next review, per box. */
export const LEITNER_BOX_DAYS = [0, 1, 3, 7, 21] as const;

export interface Migrated {
  reviews: Record<string, Review>;
  /** Entries that could not be read and were left out. */
  dropped: number;
}

const DAY_MS = 86_400_000;
const isBox = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < LEITNER_BOX_DAYS.length;

/** How many days before the last rating each rating of the shortest run reaching `box` was given, oldest first. */
export function leitnerRun(rating: Rating, box: number): number[] {
  if (rating !== 'got-it') return [0];
  const daysBefore = [0];
  for (let reached = box - 1; reached >= 2; reached -= 1) daysBefore.unshift((daysBefore[0] ?? 0) + LEITNER_BOX_DAYS[reached]!);
  return daysBefore;
}

/** The memory state FSRS gives `rating`s given at these moments, in order. */
function replay(rating: Rating, moments: Date[]): MemoryCard {
  let last: { card: MemoryCard; ratedAt: string } | undefined;
  for (const moment of moments) last = { card: grade(last, rating, moment, { steps: false }), ratedAt: moment.toISOString() };
  if (!last) throw new Error('a replay needs at least one rating');
  return last.card;
}

function fromVersion1(value: unknown): Review | undefined {
  if (!isRecord(value) || !isRating(value.rating) || !isMoment(value.ratedAt)) return undefined;
  const ratedAt = new Date(value.ratedAt);
  return { rating: value.rating, ratedAt: ratedAt.toISOString(), card: replay(value.rating, [ratedAt]) };
}

function fromVersion2(value: unknown): Review | undefined {
  if (!isRecord(value) || !isRating(value.rating) || !isMoment(value.ratedAt) || !isBox(value.box) || !isDay(value.due)) return undefined;
  const ratedAt = new Date(value.ratedAt);
  const moments = leitnerRun(value.rating, value.box).map((daysBefore) => new Date(ratedAt.getTime() - daysBefore * DAY_MS));
  const due = startOfDay(value.due);
  const card = { ...replay(value.rating, moments), due: due.toISOString(), scheduledDays: daysBetween(dayOf(ratedAt), value.due) };
  return { rating: value.rating, ratedAt: ratedAt.toISOString(), card };
}

/** Version 1 or 2 progress (already parsed) as current reviews; undefined for any other version. */
export function migrateLegacy(parsed: Record<string, unknown>): Migrated | undefined {
  const [entries, convert] =
    parsed.version === 1 ? [parsed.ratings, fromVersion1] : parsed.version === 2 ? [parsed.reviews, fromVersion2] : [undefined, undefined];
  if (!convert) return undefined;
  const reviews: Record<string, Review> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(isRecord(entries) ? entries : {})) {
    const migrated = convert(value);
    if (migrated) reviews[key] = migrated;
    else dropped += 1;
  }
  return { reviews, dropped };
}
