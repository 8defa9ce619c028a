// The plan counts the reader's calendar days. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

import { describe, expect, it } from 'vitest';
import { examMoment } from '../../../src/lib/progress/exam.ts';
import { recallOnExamDay, reviewGain, type Weighted } from '../../../src/lib/progress/forecast.ts';
import { planToward, TARGET_RECALL } from '../../../src/lib/progress/plan.ts';
import type { Rating, Review } from '../../../src/lib/progress/ratings.ts';
import { review } from '../../../src/lib/progress/schedule.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const EXAM = '2026-12-15';
const questions = (count: number, weight = 1): Weighted[] =>
  Array.from({ length: count }, (_, index) => ({ key: `c/q${String(index + 1).padStart(2, '0')}`, weight }));

/** Ratings given at `local`, one per key. */
function rated(reviews: Record<string, Review>, keys: string[], rating: Rating, local: string): Record<string, Review> {
  const next = { ...reviews };
  for (const key of keys) next[key] = review(next[key], rating, hk(local));
  return next;
}

describe('planToward: days left and how many a day', () => {
  const thirty = questions(30);

  it.each<[string, string, number, number]>([
    ['three days before (the 12th, 13th and 14th)', '2026-12-12T10:00:00', 3, 10],
    ['the evening before', '2026-12-14T21:00:00', 1, 30],
    ['the morning of the exam, before it starts', '2026-12-15T07:30:00', 1, 30],
    ['a month before', '2026-11-15T10:00:00', 30, 1],
    ['eight days before: 30 / 8 rounds up', '2026-12-07T10:00:00', 8, 4],
  ])('%s: %i days, %i a day', (_, local, daysLeft, perDay) => {
    const plan = planToward(thirty, {}, hk(local), EXAM);
    expect(plan).toMatchObject({ daysLeft, toDo: 30, perDay, doneToday: 0, done: false });
    expect(plan.today).toHaveLength(perDay);
  });

  it("holds the day's number steady while the reader works through it, and says when the day is done", () => {
    let reviews: Record<string, Review> = {};
    const first = planToward(thirty, reviews, hk('2026-12-12T10:00:00'), EXAM);
    expect(first.perDay).toBe(10);

    // Four reviewed, rated differently: the day still asks for 10, six more, none of the four.
    const four = first.today.slice(0, 4).map((entry) => entry.key);
    reviews = rated(reviews, four.slice(0, 2), 'got-it', '2026-12-12T10:30:00');
    reviews = rated(reviews, four.slice(2), 'unknown', '2026-12-12T10:40:00');
    const later = planToward(thirty, reviews, hk('2026-12-12T11:00:00'), EXAM);
    expect(later).toMatchObject({ toDo: 30, perDay: 10, doneToday: 4, done: false });
    expect(later.today).toHaveLength(6);
    expect(later.today.map((entry) => entry.key).filter((key) => four.includes(key))).toEqual([]);

    // Six more: done for the day.
    reviews = rated(
      reviews,
      later.today.map((entry) => entry.key),
      'got-it',
      '2026-12-12T12:00:00',
    );
    const done = planToward(thirty, reviews, hk('2026-12-12T12:30:00'), EXAM);
    expect(done).toMatchObject({ perDay: 10, doneToday: 10, done: true, today: [] });

    // The next day: 20 never rated plus those whose exam-day recall is still under 90 %, over two days.
    const tomorrow = planToward(thirty, reviews, hk('2026-12-13T09:00:00'), EXAM);
    const stillWeak = Object.values(reviews).filter((entry) => recallOnExamDay(entry, examMoment(EXAM)) < TARGET_RECALL).length;
    expect(stillWeak).toBeGreaterThan(0);
    expect(tomorrow).toMatchObject({
      daysLeft: 2,
      toDo: 20 + stillWeak,
      perDay: Math.ceil((20 + stillWeak) / 2),
      doneToday: 0,
      done: false,
    });
  });

  it('needs nothing of questions already safe for the exam, nor of those not examined', () => {
    const safe = rated(
      rated(rated({}, ['c/q01'], 'got-it', '2026-11-01T10:00:00'), ['c/q01'], 'got-it', '2026-11-03T10:00:00'),
      ['c/q01'],
      'got-it',
      '2026-12-10T10:00:00',
    );
    expect(recallOnExamDay(safe['c/q01'], examMoment(EXAM))).toBeGreaterThanOrEqual(TARGET_RECALL);
    const plan = planToward(
      [
        { key: 'c/q01', weight: 1 },
        { key: 'c/q02', weight: 0 },
      ],
      safe,
      hk('2026-12-12T10:00:00'),
      EXAM,
    );
    expect(plan).toMatchObject({ toDo: 0, perDay: 0, today: [], done: true });
  });
});

describe("planToward: today's order", () => {
  it('puts the questions whose review raises exam-day recall most first', () => {
    const now = hk('2026-12-12T10:00:00');
    let reviews: Record<string, Review> = {};
    reviews = rated(reviews, ['c/forgotten'], 'unknown', '2026-12-08T10:00:00');
    reviews = rated(reviews, ['c/shaky'], 'shaky', '2026-12-10T10:00:00');
    reviews = rated(reviews, ['c/known'], 'got-it', '2026-12-09T10:00:00');
    const weighted: Weighted[] = [
      { key: 'c/known', weight: 1 },
      { key: 'c/shaky', weight: 1 },
      { key: 'c/unrated-half', weight: 0.5 },
      { key: 'c/unrated', weight: 1 },
      { key: 'c/forgotten', weight: 1 },
    ];
    const plan = planToward(weighted, reviews, now, EXAM);
    expect(plan.perDay).toBe(2); // five to do over three days
    const all = weighted
      .map((question) => ({ key: question.key, gain: reviewGain(reviews[question.key], question.weight, now, examMoment(EXAM)) }))
      .sort((a, b) => b.gain - a.gain);
    expect(plan.today).toEqual(all.slice(0, 2));
    // Learning a question for the first time gains most (even one that may be examined, at half
    // weight), then the forgotten one, then the shaky one; the one known best gains least.
    expect(all.map((entry) => entry.key)).toEqual(['c/unrated', 'c/unrated-half', 'c/forgotten', 'c/shaky', 'c/known']);
  });
});
