// Local calendar days must not depend on the machine running the tests. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  boxAfter,
  BOX_DAYS,
  dayOf,
  dueQueue,
  isDue,
  nextDueDay,
  review,
  type Rating,
  type Review,
} from '../../src/lib/progress/schedule.ts';

/** A moment on Hong Kong's clock (UTC+8, no daylight saving). */
const hk = (local: string): Date => new Date(`${local}+08:00`);

const entry = (due: string, box = 1, rating: Rating = 'shaky'): Review => ({ rating, ratedAt: '2026-03-01T12:00:00.000Z', box, due });

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

describe('review', () => {
  it.each<[string, Rating, Review | undefined, number, string]>([
    // [rated at (HK), rating, previous, box, due]
    ['2026-03-10T09:00:00', 'unknown', undefined, 0, '2026-03-10'],
    ['2026-03-10T23:59:00', 'unknown', undefined, 0, '2026-03-10'],
    ['2026-03-10T09:00:00', 'shaky', undefined, 1, '2026-03-11'],
    // Rated a minute before midnight: due the next calendar day, not in a minute.
    ['2026-03-10T23:59:00', 'shaky', undefined, 1, '2026-03-11'],
    ['2026-03-11T00:00:00', 'shaky', undefined, 1, '2026-03-12'],
    ['2026-03-10T09:00:00', 'got-it', undefined, 2, '2026-03-13'],
    ['2026-03-10T09:00:00', 'got-it', entry('2026-03-10', 0, 'unknown'), 2, '2026-03-13'],
    ['2026-03-10T09:00:00', 'got-it', entry('2026-03-10', 1, 'shaky'), 2, '2026-03-13'],
    ['2026-03-10T09:00:00', 'got-it', entry('2026-03-10', 2, 'got-it'), 3, '2026-03-17'],
    ['2026-03-10T09:00:00', 'got-it', entry('2026-03-10', 3, 'got-it'), 4, '2026-03-31'],
    ['2026-03-10T09:00:00', 'got-it', entry('2026-03-10', 4, 'got-it'), 4, '2026-03-31'],
    // Not knowing it any more starts over.
    ['2026-03-10T09:00:00', 'unknown', entry('2026-03-10', 4, 'got-it'), 0, '2026-03-10'],
    ['2026-03-10T09:00:00', 'shaky', entry('2026-03-10', 4, 'got-it'), 1, '2026-03-11'],
    // Across the end of a month and of a year.
    ['2026-12-31T22:00:00', 'shaky', undefined, 1, '2027-01-01'],
    ['2026-12-30T08:00:00', 'got-it', entry('2026-12-30', 3, 'got-it'), 4, '2027-01-20'],
  ])('%s %s after %j → box %i, due %s', (local, rating, previous, box, due) => {
    const now = hk(local);
    expect(review(previous, rating, now)).toEqual({ rating, ratedAt: now.toISOString(), box, due });
  });

  it('climbs 3 → 7 → 21 days with each "got it", and stays at 21', () => {
    let current: Review | undefined;
    let now = hk('2026-03-10T20:00:00');
    const gaps: number[] = [];
    for (let step = 0; step < 5; step++) {
      current = review(current, 'got-it', now);
      const next = hk(`${current.due}T20:00:00`);
      gaps.push(Math.round((next.getTime() - now.getTime()) / 86_400_000));
      now = next;
    }
    expect(gaps).toEqual([3, 7, 21, 21, 21]);
    expect(BOX_DAYS).toEqual([0, 1, 3, 7, 21]);
  });
});

describe('boxAfter', () => {
  it.each<[number | undefined, Rating, number]>([
    [undefined, 'unknown', 0],
    [undefined, 'shaky', 1],
    [undefined, 'got-it', 2],
    [0, 'got-it', 2],
    [1, 'got-it', 2],
    [2, 'got-it', 3],
    [3, 'got-it', 4],
    [4, 'got-it', 4],
    [4, 'shaky', 1],
    [4, 'unknown', 0],
  ])('box %j, %s → %i', (box, rating, expected) => {
    expect(boxAfter(box === undefined ? undefined : entry('2026-03-10', box), rating)).toBe(expected);
  });
});

describe('isDue', () => {
  it.each<[string, string, boolean]>([
    ['2026-03-11', '2026-03-10T23:59:59', false],
    ['2026-03-11', '2026-03-11T00:00:00', true],
    ['2026-03-11', '2026-03-11T23:59:59', true],
    ['2026-03-11', '2026-04-02T10:00:00', true], // overdue stays due
    ['2026-03-11', '2026-03-11T07:59:59', true], // already 11 March in Hong Kong, though not in UTC
    ['2027-01-01', '2026-12-31T23:59:59', false],
    ['2027-01-01', '2027-01-01T00:00:00', true],
  ])('due %s, at %s → %s', (due, local, expected) => {
    expect(isDue(entry(due), hk(local))).toBe(expected);
  });
});

describe('dueQueue', () => {
  const now = hk('2026-03-10T12:00:00');

  it.each<[string, Record<string, Review>, string[]]>([
    ['nothing rated', {}, []],
    ['nothing due yet', { a: entry('2026-03-11'), b: entry('2026-04-01') }, []],
    ['most overdue first', { a: entry('2026-03-10'), b: entry('2026-03-01'), c: entry('2026-03-05') }, ['b', 'c', 'a']],
    ['same day: lowest box first', { a: entry('2026-03-09', 3), b: entry('2026-03-09', 0), c: entry('2026-03-09', 1) }, ['b', 'c', 'a']],
    [
      'same day and box: by key',
      { 'c/q2': entry('2026-03-09'), 'c/q10': entry('2026-03-09'), 'a/q1': entry('2026-03-09') },
      ['a/q1', 'c/q10', 'c/q2'],
    ],
    ['only those due', { later: entry('2026-03-11', 0), today: entry('2026-03-10', 4), past: entry('2026-02-28', 2) }, ['past', 'today']],
  ])('%s', (_, reviews, expected) => {
    expect(dueQueue(reviews, now)).toEqual(expected);
  });

  it('takes the day from the clock, not from UTC', () => {
    // 07:00 on 11 March in Hong Kong is still 10 March in UTC.
    expect(dueQueue({ a: entry('2026-03-11') }, hk('2026-03-11T07:00:00'))).toEqual(['a']);
    expect(dueQueue({ a: entry('2026-03-11') }, hk('2026-03-10T23:59:59'))).toEqual([]);
  });
});

describe('nextDueDay', () => {
  it.each<[Record<string, Review>, string | undefined]>([
    [{}, undefined],
    [{ a: entry('2026-03-11') }, '2026-03-11'],
    [{ a: entry('2026-04-01'), b: entry('2026-03-12'), c: entry('2026-03-20') }, '2026-03-12'],
    [{ a: entry('2027-01-02'), b: entry('2026-12-31') }, '2026-12-31'],
  ])('%j → %s', (reviews, expected) => {
    expect(nextDueDay(reviews)).toBe(expected);
  });
});

describe('addDays (Asia/Hong_Kong)', () => {
  it.each<[string, number, string]>([
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-03-10', 1, '2026-03-11'],
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-25', 21, '2027-01-15'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-10', 365, '2027-03-10'],
  ])('%s + %i → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
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
    ['2026-03-27', 3, '2026-03-30'],
    ['2026-03-22', 7, '2026-03-29'],
    ['2026-03-15', 21, '2026-04-05'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-20', 7, '2026-10-27'],
  ])('%s + %i → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it.each<[string, Rating, string]>([
    // Rated late on the Saturday before the change: a 23-hour night still ends on Sunday.
    ['2026-03-28T23:30:00Z', 'shaky', '2026-03-29'],
    // 23:30 on the Sunday, British Summer Time (22:30 UTC).
    ['2026-03-29T22:30:00Z', 'shaky', '2026-03-30'],
    ['2026-03-29T22:30:00Z', 'unknown', '2026-03-29'],
    // 00:30 BST on Monday is still Sunday in UTC.
    ['2026-03-29T23:30:00Z', 'unknown', '2026-03-30'],
    ['2026-10-24T23:30:00Z', 'shaky', '2026-10-26'], // 00:30 BST on the 25th
  ])('%s %s → due %s', (moment, rating, due) => {
    expect(review(undefined, rating, new Date(moment)).due).toBe(due);
  });

  it('is due from local midnight on the due day', () => {
    const due = entry('2026-03-30');
    expect(isDue(due, new Date('2026-03-29T22:59:59Z'))).toBe(false); // 23:59:59 BST on the 29th
    expect(isDue(due, new Date('2026-03-29T23:00:00Z'))).toBe(true); // 00:00 BST on the 30th
  });
});

describe('across a change at midnight (America/Santiago)', () => {
  beforeAll(() => {
    process.env.TZ = 'America/Santiago';
  });
  afterAll(() => {
    process.env.TZ = 'Asia/Hong_Kong';
  });

  // Chile's clocks skip from 00:00 to 01:00 on Sunday 6 September 2026: that midnight never happens.
  it.each<[string, number, string]>([
    ['2026-09-05', 1, '2026-09-06'],
    ['2026-09-06', 1, '2026-09-07'],
    ['2026-09-04', 3, '2026-09-07'],
    ['2026-04-04', 1, '2026-04-05'], // back from 00:00 to 23:00 on 5 April
    ['2026-04-05', 1, '2026-04-06'],
  ])('%s + %i → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});
