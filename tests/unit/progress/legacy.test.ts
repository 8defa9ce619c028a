// Version 2's due days are the reader's calendar days: read them on the clock the exports were made on.
process.env.TZ = 'Asia/Hong_Kong';

/**
 * Progress from every older version migrates to the FSRS schedule with nothing lost: real exports
 * of version 2 (made with the site before FSRS, tests/fixtures/progress/) and version 1 files keep
 * every rating, its moment, the day it was due and (for version 2) its Leitner box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEITNER_BOX_DAYS, leitnerRun, migrateLegacy } from '../../../src/lib/progress/legacy.ts';
import type { Rating, Review } from '../../../src/lib/progress/ratings.ts';
import { grade } from '../../../src/lib/progress/fsrs.ts';
import { dayOf, daysBetween, dueDay, inLearningStep, review } from '../../../src/lib/progress/schedule.ts';
import { CURRENT_VERSION, mergeProgress, readProgress, writeProgress } from '../../../src/lib/progress/storage.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/progress');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

interface Version2Entry {
  rating: Rating;
  ratedAt: string;
  box: number;
  due: string;
}

/** The box a migrated review was in: "Got it" climbs one box per review from box 2; Shaky is box 1, Didn't know box 0. */
const boxOf = (entry: Review): number => (entry.rating === 'got-it' ? entry.card.reps + 1 : entry.rating === 'shaky' ? 1 : 0);

describe('leitnerRun: the shortest run of ratings that reaches a box', () => {
  it.each<[Rating, number, number[]]>([
    ['unknown', 0, [0]],
    ['shaky', 1, [0]],
    ['got-it', 2, [0]],
    ['got-it', 3, [3, 0]],
    ['got-it', 4, [10, 7, 0]],
  ])('%s in box %i: ratings %j days before the last', (rating, box, expected) => {
    expect(leitnerRun(rating, box)).toEqual(expected);
    // Each gap is the interval of the box the rating before it reached.
    const gaps = expected.slice(1).map((days, index) => expected[index]! - days);
    expect(gaps).toEqual(LEITNER_BOX_DAYS.slice(2, 2 + gaps.length));
  });
});

describe('a real version-2 export', () => {
  const raw = fixture('v2-laptop-2026-03-12.json');
  const old = JSON.parse(raw) as { version: 2; reviews: Record<string, Version2Entry> };
  const { progress, notices } = readProgress(raw, { migrate: migrateLegacy });

  it('holds every box, in both courses (the fixture is what it says)', () => {
    expect(old.version).toBe(2);
    expect(new Set(Object.values(old.reviews).map((entry) => entry.box))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(new Set(Object.keys(old.reviews).map((key) => key.split('/')[0]))).toEqual(new Set(['dasc7606', 'ml-midterm']));
  });

  it('migrates every rating, with its words, moment, due day and box', () => {
    expect(notices).toEqual(['Your saved progress was from an older version of the site and has been updated.']);
    expect(progress.version).toBe(CURRENT_VERSION);
    expect(Object.keys(progress.reviews).sort()).toEqual(Object.keys(old.reviews).sort());
    for (const [key, entry] of Object.entries(old.reviews)) {
      const migrated = progress.reviews[key]!;
      expect({ rating: migrated.rating, ratedAt: migrated.ratedAt, due: dueDay(migrated), box: boxOf(migrated) }, key).toEqual({
        rating: entry.rating,
        ratedAt: entry.ratedAt,
        due: entry.due,
        box: entry.box,
      });
      expect(migrated.previous, "a migration invents no review to change one's mind from").toBeUndefined();
    }
  });

  it('gives FSRS memory that grows with the box', () => {
    const stability = (key: string): number => progress.reviews[key]!.card.stability;
    // Boxes 0, 1, 2, 3 and 4 of the fixture, in that order.
    const byBox = ['s1-2022-may-1-q7', 's1-2022-may-1-q6', 's1-2023-may-abc-q4', 's1-2024-may-d-q3', 's1-2024-may-abc-q1'].map((id) =>
      stability(`dasc7606/${id}`),
    );
    expect(byBox).toEqual([...byBox].sort((a, b) => a - b));
    expect(new Set(byBox).size).toBe(5);
    // Box 4 is three "Got it"s, 10 and 7 days apart: the memory FSRS gives that run.
    const run = [10, 7, 0].map((days) => new Date(Date.parse('2026-03-12T00:15:00.000Z') - days * 86_400_000));
    let replayed: Review | undefined;
    for (const moment of run) replayed = review(replayed, 'got-it', moment);
    expect(stability('dasc7606/s1-2024-may-abc-q1')).toBeCloseTo(replayed!.card.stability, 10);
  });

  it('is stored again as the current version with nothing changed', () => {
    expect(readProgress(writeProgress(progress))).toEqual({ progress, notices: [] });
  });

  it("merges with a second device's export: the later rating of a question wins", () => {
    const phone = readProgress(fixture('v2-phone-2026-03-14.json'), { migrate: migrateLegacy }).progress;
    const merged = mergeProgress(progress, phone);
    const phoneOld = JSON.parse(fixture('v2-phone-2026-03-14.json')) as { reviews: Record<string, Version2Entry> };
    expect(Object.keys(merged.reviews).sort()).toEqual(
      [...new Set([...Object.keys(old.reviews), ...Object.keys(phoneOld.reviews)])].sort(),
    );
    expect(merged.reviews['dasc7606/s1-2022-may-1-q7']).toEqual(phone.reviews['dasc7606/s1-2022-may-1-q7']);
    expect(merged.reviews['dasc7606/s1-2022-may-1-q7']?.rating).toBe('shaky');
  });
});

describe('a version-1 file', () => {
  const raw = fixture('v1-2026-03-01.json');
  const old = JSON.parse(raw) as { version: 1; ratings: Record<string, { rating: Rating; ratedAt: string }> };
  const { progress, notices } = readProgress(raw, { migrate: migrateLegacy });

  it('migrates each rating as a first review given at its moment', () => {
    expect(notices).toEqual(['Your saved progress was from an older version of the site and has been updated.']);
    expect(Object.keys(progress.reviews).sort()).toEqual(Object.keys(old.ratings).sort());
    for (const [key, entry] of Object.entries(old.ratings)) {
      // Scheduled as that version did, in whole days: the learning steps came later.
      const moment = new Date(entry.ratedAt);
      const fresh = { rating: entry.rating, ratedAt: moment.toISOString(), card: grade(undefined, entry.rating, moment, { steps: false }) };
      expect(progress.reviews[key], key).toEqual(fresh);
      expect(inLearningStep(fresh), key).toBe(false);
    }
  });

  it('puts each question on the day FSRS gives its rating', () => {
    // 13:30 UTC on 1 March is 21:30 in Hong Kong: "Didn't know" then is due the next local day.
    const late = progress.reviews['dasc7606/s3-2025-may-q1']!;
    expect(dayOf(new Date(late.ratedAt))).toBe('2026-03-01');
    expect(dueDay(late)).toBe('2026-03-02');
    expect(daysBetween('2026-03-01', dueDay(progress.reviews['dasc7606/s1-2024-may-abc-q1']!))).toBe(2);
  });
});

describe('damaged entries of older versions', () => {
  it.each<[string, Record<string, unknown>, string[], number]>([
    [
      'version 1',
      {
        version: 1,
        ratings: {
          a: { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
          b: { rating: 'nope', ratedAt: '2026-03-10T01:00:00Z' },
          c: { rating: 'shaky', ratedAt: 'never' },
          d: 4,
        },
      },
      ['a'],
      3,
    ],
    [
      'version 2',
      {
        version: 2,
        reviews: {
          good: { rating: 'shaky', ratedAt: '2026-03-10T01:00:00.000Z', box: 1, due: '2026-03-11' },
          boxTooHigh: { rating: 'got-it', ratedAt: '2026-03-10T01:00:00.000Z', box: 5, due: '2026-03-11' },
          boxFraction: { rating: 'got-it', ratedAt: '2026-03-10T01:00:00.000Z', box: 1.5, due: '2026-03-11' },
          badDay: { rating: 'shaky', ratedAt: '2026-03-10T01:00:00.000Z', box: 1, due: '11/03/2026' },
          nothing: null,
        },
      },
      ['good'],
      4,
    ],
    ['version 2, reviews missing', { version: 2 }, [], 0],
  ])('%s: the damaged are dropped and counted, the rest migrated', (_, stored, kept, dropped) => {
    const migrated = migrateLegacy(stored)!;
    expect(Object.keys(migrated.reviews)).toEqual(kept);
    expect(migrated.dropped).toBe(dropped);
    const notices = readProgress(JSON.stringify(stored), { migrate: migrateLegacy }).notices;
    expect(notices.slice(1)).toEqual(dropped === 0 ? [] : [`${dropped} damaged rating${dropped === 1 ? ' was' : 's were'} dropped.`]);
  });

  it('other versions are not its business', () => {
    expect(migrateLegacy({ version: 3, reviews: {} })).toBeUndefined();
    expect(migrateLegacy({ version: '2', reviews: {} })).toBeUndefined();
  });
});
