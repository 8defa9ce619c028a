/**
 * When to see a question again: a Leitner schedule over calendar days. "Didn't know" is due
 * again today, "Shaky" tomorrow, and each "Got it" moves the question a box further out:
 * 3, then 7, then 21 days. Days are the reader's local calendar days, so a question rated late
 * at night is not due again a few minutes later.
 */

export type Rating = 'got-it' | 'shaky' | 'unknown';

export const RATINGS: Rating[] = ['got-it', 'shaky', 'unknown'];

export const RATING_LABELS: Record<Rating, string> = {
  'got-it': 'Got it',
  shaky: 'Shaky',
  unknown: "Didn't know",
};

/** Days until the next review for each box; "got it" climbs boxes 2 → 3 → 4. */
export const BOX_DAYS = [0, 1, 3, 7, 21] as const;

export interface Review {
  rating: Rating;
  /** When the rating was given (ISO 8601). */
  ratedAt: string;
  /** Leitner box 0-4. */
  box: number;
  /** Local calendar day the question is due again: "2026-12-03". */
  due: string;
}

/** The local calendar day of a moment, "YYYY-MM-DD". */
export function dayOf(moment: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

export function addDays(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  // Noon avoids daylight-saving edges turning one calendar day into two or none.
  return dayOf(new Date(year, month - 1, date + days, 12));
}

export function boxAfter(previous: Review | undefined, rating: Rating): number {
  if (rating === 'unknown') return 0;
  if (rating === 'shaky') return 1;
  return Math.min(Math.max(previous?.box ?? 1, 1) + 1, BOX_DAYS.length - 1);
}

export function review(previous: Review | undefined, rating: Rating, now: Date): Review {
  const box = boxAfter(previous, rating);
  return { rating, ratedAt: now.toISOString(), box, due: addDays(dayOf(now), BOX_DAYS[box] ?? 0) };
}

export function isDue(entry: Review, now: Date): boolean {
  return entry.due <= dayOf(now);
}

/** Due questions, most overdue first, then the least known first. */
export function dueQueue<K extends string>(reviews: Record<K, Review>, now: Date): K[] {
  return (Object.keys(reviews) as K[])
    .filter((key) => isDue(reviews[key], now))
    .sort((a, b) => reviews[a].due.localeCompare(reviews[b].due) || reviews[a].box - reviews[b].box || a.localeCompare(b));
}

/** The earliest day something becomes due, for "nothing due until …". */
export function nextDueDay(reviews: Record<string, Review>): string | undefined {
  return Object.values(reviews)
    .map((entry) => entry.due)
    .sort()[0];
}
