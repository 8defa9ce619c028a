// Local calendar days must not depend on the machine running the tests. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating, Review } from '../../../src/lib/progress/ratings.ts';
import {
  addDays,
  CHANGE_OF_MIND_MINUTES,
  comingBack,
  dayOf,
  daysBetween,
  dueAt,
  dueDay,
  dueQueue,
  inLearningStep,
  isDue,
  nextDueDay,
  rate,
  review,
  startOfDay,
} from '../../../src/lib/progress/schedule.ts';
import { emptyProgress, type Progress } from '../../../src/lib/progress/storage.ts';

/** A moment on Hong Kong's clock (UTC+8, no daylight saving). */
const hk = (local: string): Date => new Date(`${local}+08:00`);
const MINUTE = 60_000;

/** A question first rated `rating` at `local` (Hong Kong). */
const ratedOnce = (local: string, rating: Rating = 'shaky'): Review => review(undefined, rating, hk(local));

describe('dayOf (Asia/Hong_Kong)', () => {
  it.each<[string, string]>([
    ['2026-03-10T00:00:00', '2026-03-10'],
    ['2026-03-10T23:59:59', '2026-03-10'],
    // Before 08:00 in Hong Kong it is still the previous day in UTC: the local day counts.
    ['2026-03-10T07:30:00', '2026-03-10'],
    ['2026-01-01T00:00:00', '2026-01-01'],
    ['2025-12-31T23:59:59', '2025-12-31'],
  ])('%s → %s', (local, expected) => {
    expect(dayOf(hk(local))).toBe(expected);
  });
});

describe('addDays and daysBetween (Asia/Hong_Kong)', () => {
  it.each<[string, number, string]>([
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-03-10', 1, '2026-03-11'],
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-25', 21, '2027-01-15'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-10', 365, '2027-03-10'],
  ])('%s + %i → %s, and back', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(days);
  });
});

describe('review: FSRS over local calendar days', () => {
  it.each<[string, string]>([
    // A first Got it: in two days (FSRS-6's first stability for Good, 2.3 days), from the start of that day.
    ['2026-03-10T09:00:00', '2026-03-12'],
    ['2026-03-10T23:59:00', '2026-03-12'],
    // 23:30 on 10 March in UTC is already 11 March in Hong Kong.
    ['2026-03-11T07:30:00', '2026-03-13'],
    ['2026-12-31T22:00:00', '2027-01-02'],
  ])('first rated %s Got it → due %s', (local, due) => {
    const now = hk(local);
    const entry = review(undefined, 'got-it', now);
    expect(entry).toMatchObject({ rating: 'got-it', ratedAt: now.toISOString(), previous: null });
    expect(dueDay(entry)).toBe(due);
    expect(inLearningStep(entry)).toBe(false);
    expect(dueAt(entry)).toEqual(startOfDay(due));
    expect(entry.card).toMatchObject({ reps: 1, lapses: 0, state: 'Review', learningSteps: 0 });
  });

  it('"Got it" on each due day stretches the gaps: 2, 11, 46, 163 days', () => {
    let current: Review | undefined;
    let now = hk('2026-03-10T20:00:00');
    const gaps: number[] = [];
    for (let step = 0; step < 4; step++) {
      current = review(current, 'got-it', now);
      const next = hk(`${dueDay(current)}T20:00:00`);
      gaps.push(daysBetween(dayOf(now), dayOf(next)));
      now = next;
    }
    expect(gaps).toEqual([2, 11, 46, 163]);
    expect(current?.card.reps).toBe(4);
  });

  it('a lapse: "Didn\'t know" after a run of "Got it" comes back in 10 minutes (relearning), then within days, not weeks, with a lapse counted', () => {
    const known = review(ratedOnce('2026-03-01T09:00:00', 'got-it'), 'got-it', hk('2026-03-03T09:00:00'));
    expect(dueDay(known)).toBe('2026-03-14');
    const lapse = review(known, 'unknown', hk('2026-03-14T09:00:00'));
    expect(lapse.card).toMatchObject({ state: 'Relearning', scheduledDays: 0, lapses: 1 });
    expect(dueAt(lapse)).toEqual(hk('2026-03-14T09:10:00'));
    expect(lapse.card.stability).toBeLessThan(known.card.stability);
    expect(lapse.previous).toEqual({ card: known.card, ratedAt: known.ratedAt });
    const relearnt = review(lapse, 'got-it', hk('2026-03-14T09:10:00'));
    expect(relearnt.card).toMatchObject({ state: 'Review', lapses: 1 });
    expect(daysBetween('2026-03-14', dueDay(relearnt))).toBeGreaterThanOrEqual(1);
    expect(daysBetween('2026-03-14', dueDay(relearnt))).toBeLessThanOrEqual(3);
  });

  it(`a rating changed within ${CHANGE_OF_MIND_MINUTES} minutes replaces the one before it`, () => {
    const first = ratedOnce('2026-03-10T09:00:00', 'shaky');
    const changed = review(first, 'got-it', new Date(Date.parse(first.ratedAt) + 2 * MINUTE));
    const direct = review(undefined, 'got-it', new Date(Date.parse(first.ratedAt) + 2 * MINUTE));
    expect(changed).toEqual(direct);
    expect(changed.card.reps).toBe(1);

    // Changed twice: still one review, on the memory before the first.
    const second = review(ratedOnce('2026-03-01T09:00:00', 'got-it'), 'shaky', hk('2026-03-10T09:00:00'));
    const twice = review(review(second, 'unknown', hk('2026-03-10T09:01:00')), 'got-it', hk('2026-03-10T09:02:00'));
    expect(twice.card.reps).toBe(2);
    expect(twice.previous).toEqual(second.previous);
  });

  it(`after ${CHANGE_OF_MIND_MINUTES} minutes, or on a migrated review, a new rating is a second review`, () => {
    const first = ratedOnce('2026-03-10T09:00:00', 'shaky');
    const later = review(first, 'got-it', new Date(Date.parse(first.ratedAt) + CHANGE_OF_MIND_MINUTES * MINUTE));
    expect(later.card.reps).toBe(2);
    const migrated: Review = { rating: first.rating, ratedAt: first.ratedAt, card: first.card };
    expect(review(migrated, 'got-it', new Date(Date.parse(first.ratedAt) + MINUTE)).card.reps).toBe(2);
  });

  it('rate() records the review under its key and leaves the rest, and the old progress, as they were', () => {
    const other = ratedOnce('2026-03-01T09:00:00');
    const before: Progress = { ...emptyProgress(), reviews: { 'c/other': other } };
    const after = rate(before, 'c/q1', 'got-it', hk('2026-03-10T09:00:00'));
    expect(after.reviews['c/q1']?.rating).toBe('got-it');
    expect(after.reviews['c/other']).toBe(other);
    expect(before.reviews['c/q1']).toBeUndefined();
  });
});

describe('short-term learning steps: a question not known comes back within the session', () => {
  it.each<[Rating, string, number]>([
    // Didn't know: the one 10-minute step. Shaky on a new question: ts-fsrs's Hard, 1.5 × the step.
    ['unknown', '2026-03-10T21:00:00', 10],
    ['shaky', '2026-03-10T21:00:00', 15],
    // Near midnight the step ends the next day.
    ['unknown', '2026-03-10T23:59:00', 10],
  ])('a first %s at %s is due again %i minutes later, not on a later day', (rating, local, minutes) => {
    const entry = ratedOnce(local, rating);
    const due = new Date(hk(local).getTime() + minutes * MINUTE);
    expect(entry.card).toMatchObject({ state: 'Learning', scheduledDays: 0, learningSteps: 0, reps: 1 });
    expect(inLearningStep(entry)).toBe(true);
    expect(dueAt(entry)).toEqual(due);
    expect(dueDay(entry)).toBe(dayOf(due));
    expect(isDue(entry, new Date(due.getTime() - 1000))).toBe(false);
    expect(isDue(entry, due)).toBe(true);
  });

  it("in its step: Didn't know again restarts it, Shaky holds it, Got it ends it with a due day", () => {
    const first = ratedOnce('2026-03-10T21:00:00', 'unknown');
    const back = hk('2026-03-10T21:10:00');
    expect(dueAt(review(first, 'unknown', back))).toEqual(hk('2026-03-10T21:20:00'));
    expect(dueAt(review(first, 'shaky', back))).toEqual(hk('2026-03-10T21:25:00'));
    const learnt = review(first, 'got-it', back);
    expect(learnt.card).toMatchObject({ state: 'Review', reps: 2 });
    expect(inLearningStep(learnt)).toBe(false);
    expect(dueDay(learnt)).toBe('2026-03-11');
  });

  it(`within ${CHANGE_OF_MIND_MINUTES} minutes a changed rating still replaces the one before: Didn't know, then Got it, is one Got it`, () => {
    const first = ratedOnce('2026-03-10T21:00:00', 'unknown');
    const changed = review(first, 'got-it', hk('2026-03-10T21:02:00'));
    expect(changed).toEqual(review(undefined, 'got-it', hk('2026-03-10T21:02:00')));
  });
});

describe('isDue', () => {
  const entry = ratedOnce('2026-03-10T09:00:00', 'got-it'); // due 12 March
  it.each<[string, boolean]>([
    ['2026-03-11T23:59:59', false],
    ['2026-03-12T00:00:00', true],
    ['2026-03-12T07:59:59', true], // already 12 March in Hong Kong, though not in UTC
    ['2026-04-02T10:00:00', true], // overdue stays due
  ])('at %s → %s', (local, expected) => {
    expect(isDue(entry, hk(local))).toBe(expected);
  });
});

describe('dueQueue', () => {
  const now = hk('2026-03-12T12:00:00');

  it('lists only what is due: the most overdue day first, then the least likely to be recalled now', () => {
    const reviews = {
      // Due 11 March: overdue.
      overdue: ratedOnce('2026-03-09T09:00:00', 'got-it'),
      // Due today (12 March): a question forgotten at 00:30 (its step over) is less likely recalled than a "Got it" from two days ago.
      todayKnown: ratedOnce('2026-03-10T09:00:00', 'got-it'),
      todayForgotten: ratedOnce('2026-03-12T00:30:00', 'unknown'),
      // Due tomorrow, and in ten minutes.
      later: ratedOnce('2026-03-11T09:00:00', 'got-it'),
      stepping: ratedOnce('2026-03-12T11:55:00', 'unknown'),
    };
    expect(dueQueue(reviews, now)).toEqual(['overdue', 'todayForgotten', 'todayKnown']);
  });

  it('breaks exact ties by key', () => {
    const entry = ratedOnce('2026-03-10T09:00:00', 'got-it');
    expect(dueQueue({ 'c/q2': entry, 'c/q10': entry, 'a/q1': entry }, now)).toEqual(['a/q1', 'c/q10', 'c/q2']);
  });

  it('takes the day from the clock, not from UTC', () => {
    const entry = ratedOnce('2026-03-10T09:00:00', 'got-it'); // due 12 March
    expect(dueQueue({ a: entry }, hk('2026-03-12T07:00:00'))).toEqual(['a']);
    expect(dueQueue({ a: entry }, hk('2026-03-11T23:59:59'))).toEqual([]);
  });
});

describe('comingBack', () => {
  it('lists the questions in a learning step not due yet, soonest first, and none once they are due or learnt', () => {
    const reviews = {
      b: ratedOnce('2026-03-10T21:00:00', 'shaky'), // back 21:15
      a: ratedOnce('2026-03-10T21:03:00', 'unknown'), // back 21:13
      learnt: ratedOnce('2026-03-10T21:00:00', 'got-it'),
    };
    expect(comingBack(reviews, hk('2026-03-10T21:05:00'))).toEqual([
      { key: 'a', due: hk('2026-03-10T21:13:00') },
      { key: 'b', due: hk('2026-03-10T21:15:00') },
    ]);
    expect(comingBack(reviews, hk('2026-03-10T21:13:00'))).toEqual([{ key: 'b', due: hk('2026-03-10T21:15:00') }]);
    expect(dueQueue(reviews, hk('2026-03-10T21:13:00'))).toEqual(['a']);
    expect(comingBack(reviews, hk('2026-03-10T21:15:00'))).toEqual([]);
  });
});

describe('nextDueDay', () => {
  it.each<[Record<string, Review>, string | undefined]>([
    [{}, undefined],
    [{ a: ratedOnce('2026-03-10T09:00:00', 'got-it') }, '2026-03-12'],
    [{ a: ratedOnce('2026-03-10T09:00:00', 'got-it'), b: ratedOnce('2026-03-09T09:00:00', 'got-it') }, '2026-03-11'],
    [{ a: ratedOnce('2026-03-10T09:00:00', 'got-it'), b: ratedOnce('2026-03-10T23:55:00', 'unknown') }, '2026-03-11'],
  ])('%# → %s', (reviews, expected) => {
    expect(nextDueDay(reviews)).toBe(expected);
  });
});

describe('across a daylight-saving change (Europe/London)', () => {
  beforeAll(() => {
    process.env.TZ = 'Europe/London';
  });
  afterAll(() => {
    process.env.TZ = 'Asia/Hong_Kong';
  });

  it.each<[string, number, string]>([
    // Clocks go forward at 01:00 on Sunday 29 March 2026 and back at 02:00 on Sunday 25 October.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-22', 7, '2026-03-29'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
  ])('%s + %i → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(days);
  });

  it.each<[string, string]>([
    // Rated Got it late on the Friday before the change (23:30 GMT): two days on is Sunday, though that night has 23 hours.
    ['2026-03-27T23:30:00Z', '2026-03-29'],
    // 23:30 BST on the Sunday is 22:30 UTC.
    ['2026-03-29T22:30:00Z', '2026-03-31'],
    // 00:30 BST on Monday is still Sunday in UTC: two days later is Wednesday.
    ['2026-03-29T23:30:00Z', '2026-04-01'],
  ])('%s Got it → due %s', (moment, due) => {
    const entry = review(undefined, 'got-it', new Date(moment));
    expect(dueDay(entry)).toBe(due);
    expect(dayOf(dueAt(entry))).toBe(due);
  });
});
