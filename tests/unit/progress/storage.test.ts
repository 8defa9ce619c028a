process.env.TZ = 'Asia/Hong_Kong';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateLegacy } from '../../../src/lib/progress/legacy.ts';
import type { Review } from '../../../src/lib/progress/ratings.ts';
import {
  addDays,
  dayOf,
  dueAt,
  dueQueue,
  inLearningStep,
  isDue,
  review as reviewAt,
  startOfDay,
} from '../../../src/lib/progress/schedule.ts';
import {
  chooseExamDate,
  CURRENT_VERSION,
  emptyProgress,
  mergeProgress,
  readProgress,
  storedVersion,
  tally,
  tallyLine,
  writeProgress,
  type ExamDateChoice,
  type Progress,
} from '../../../src/lib/progress/storage.ts';

const review = (rating: Review['rating'] = 'shaky', ratedAt = '2026-03-10T01:00:00.000Z'): Review =>
  reviewAt(undefined, rating, new Date(ratedAt));
const v3 = (reviews: Record<string, unknown>, examDates: Record<string, unknown> = {}): string =>
  JSON.stringify({ version: 3, reviews, examDates });
const progress = (reviews: Record<string, Review>, examDates: Record<string, ExamDateChoice> = {}): Progress => ({
  version: CURRENT_VERSION,
  reviews,
  examDates,
});
const choice = (date: string | null, setAt = '2026-03-01T00:00:00.000Z'): ExamDateChoice => ({ date, setAt });

describe('readProgress', () => {
  const good = review();
  const second = reviewAt(good, 'got-it', new Date('2026-03-12T01:00:00.000Z'));

  it.each<[string, string | null, Progress, RegExp[]]>([
    ['nothing stored', null, emptyProgress(), []],
    ['an empty string', '', emptyProgress(), []],
    ['only spaces', '  \n', emptyProgress(), []],
    ['corrupt JSON', '{"version": 3, "reviews": {', emptyProgress(), [/not valid JSON/]],
    ['plain text', 'hello', emptyProgress(), [/not valid JSON/]],
    ['JSON null', 'null', emptyProgress(), [/not in a known format/]],
    ['a JSON array', '[1, 2]', emptyProgress(), [/not in a known format/]],
    ['a JSON string', '"progress"', emptyProgress(), [/not in a known format/]],
    ['an object without a version', '{"reviews": {}}', emptyProgress(), [/unknown version \(undefined\)/]],
    ['a newer version', '{"version": 4, "reviews": {}}', emptyProgress(), [/unknown version \(4\)/]],
    ['a version as text', '{"version": "3", "reviews": {}}', emptyProgress(), [/unknown version \(3\)/]],
    ['version 3, nothing in it', v3({}), emptyProgress(), []],
    ['version 3, reviews and exam dates missing', '{"version": 3}', emptyProgress(), []],
    [
      'version 3, clean, with exam dates',
      v3({ 'c/q1': good, 'c/q2': second }, { c: choice('2026-12-15T09:30'), d: choice(null) }),
      progress({ 'c/q1': good, 'c/q2': second }, { c: choice('2026-12-15T09:30'), d: choice(null) }),
      [],
    ],
    [
      'version 3, some reviews damaged',
      v3({
        good,
        noRating: { ...good, rating: undefined },
        badRating: { ...good, rating: 'maybe' },
        badMoment: { ...good, ratedAt: 'yesterday' },
        noCard: { rating: 'shaky', ratedAt: good.ratedAt },
        zeroStability: { ...good, card: { ...good.card, stability: 0 } },
        textReps: { ...good, card: { ...good.card, reps: '1' } },
        badState: { ...good, card: { ...good.card, state: 'New' } },
        badDue: { ...good, card: { ...good.card, due: 'soon' } },
        badPrevious: { ...second, previous: { ratedAt: good.ratedAt } },
        notAnObject: 'shaky',
      }),
      progress({ good }),
      [/^10 damaged ratings were dropped; the rest of your progress is kept\.$/],
    ],
    [
      'version 3, damaged exam dates',
      v3(
        { good },
        {
          ok: choice('2026-12-15'),
          impossible: choice('2026-02-30'),
          badTime: choice('2026-12-15T24:00'),
          words: choice('next Friday'),
          noSetAt: { date: '2026-12-15' },
        },
      ),
      progress({ good }, { ok: choice('2026-12-15') }),
      [/^4 damaged exam dates were dropped\.$/],
    ],
    ['version 3, extra fields dropped', v3({ a: { ...good, note: 'extra' } }), progress({ a: good }), []],
  ])('%s', (_, raw, expected, notices) => {
    const loaded = readProgress(raw);
    expect(loaded.progress).toEqual(expected);
    expect(loaded.notices).toHaveLength(notices.length);
    notices.forEach((pattern, index) => expect(loaded.notices[index]).toMatch(pattern));
  });

  it('older versions need the migration passed in (pages load it only then)', () => {
    const old = JSON.stringify({ version: 2, reviews: {} });
    expect(() => readProgress(old)).toThrow(/needs the migration/);
    expect(readProgress(old, { migrate: migrateLegacy }).progress).toEqual(emptyProgress());
  });

  describe('scoped to a course', () => {
    const stored = v3({
      'dasc7606/s1-q1': good,
      'dasc7606/s1-q2': good,
      'dasc7606/gone': good,
      'dasc7606/also-gone': good,
      'comp7404/s1-q1': good,
      'dasc7606x/q': good,
    });

    it.each<[string, string[], string[], string[]]>([
      [
        'drops only that course’s unknown questions',
        ['dasc7606/s1-q1', 'dasc7606/s1-q2'],
        ['dasc7606/s1-q1', 'dasc7606/s1-q2', 'comp7404/s1-q1', 'dasc7606x/q'],
        ['2 ratings were for questions no longer in the notes and were removed.'],
      ],
      [
        'one dropped',
        ['dasc7606/s1-q1', 'dasc7606/s1-q2', 'dasc7606/gone'],
        ['dasc7606/s1-q1', 'dasc7606/s1-q2', 'dasc7606/gone', 'comp7404/s1-q1', 'dasc7606x/q'],
        ['1 rating was for questions no longer in the notes and was removed.'],
      ],
      [
        'all known',
        ['dasc7606/s1-q1', 'dasc7606/s1-q2', 'dasc7606/gone', 'dasc7606/also-gone'],
        ['dasc7606/s1-q1', 'dasc7606/s1-q2', 'dasc7606/gone', 'dasc7606/also-gone', 'comp7404/s1-q1', 'dasc7606x/q'],
        [],
      ],
    ])('%s', (_, known, kept, notices) => {
      const loaded = readProgress(stored, { scope: { course: 'dasc7606', known: new Set(known) } });
      expect(Object.keys(loaded.progress.reviews).sort()).toEqual([...kept].sort());
      expect(loaded.notices).toEqual(notices);
    });

    it('applies to migrated data too, after the migration notice', () => {
      const loaded = readProgress(
        JSON.stringify({
          version: 1,
          ratings: {
            'c/keep': { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
            'c/gone': { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
          },
        }),
        { scope: { course: 'c', known: new Set(['c/keep']) }, migrate: migrateLegacy },
      );
      expect(Object.keys(loaded.progress.reviews)).toEqual(['c/keep']);
      expect(loaded.notices).toEqual([
        'Your saved progress was from an older version of the site and has been updated.',
        '1 rating was for questions no longer in the notes and was removed.',
      ]);
    });
  });
});

describe('storedVersion', () => {
  it.each<[string | null, unknown]>([
    [null, undefined],
    ['', undefined],
    ['{not json', undefined],
    ['[3]', undefined],
    ['{"version": 2}', 2],
    [v3({}), 3],
  ])('%j → %j', (raw, expected) => {
    expect(storedVersion(raw)).toBe(expected);
  });
});

describe('writeProgress', () => {
  it.each<[string, Progress]>([
    ['empty', emptyProgress()],
    ['one review', progress({ 'c/q1': review() })],
    ['a review with the one before it', progress({ 'c/q1': reviewAt(review(), 'got-it', new Date('2026-03-12T01:00:00Z')) })],
    ['exam dates, one of them "none"', progress({}, { c: choice('2026-12-15'), d: choice(null) })],
  ])('round-trips %s through readProgress without notices', (_, original) => {
    const written = writeProgress(original);
    expect(JSON.parse(written)).toMatchObject({ version: 3 });
    expect(readProgress(written)).toEqual({ progress: original, notices: [] });
  });
});

describe('mergeProgress', () => {
  const early = review('unknown', '2026-03-10T01:00:00.000Z');
  const late = review('got-it', '2026-03-12T01:00:00.000Z');
  const sameMomentOther = review('shaky', '2026-03-10T09:00:00+08:00');

  it.each<[string, Record<string, Review>, Record<string, Review>, Record<string, Review>]>([
    ['both empty', {}, {}, {}],
    ['only mine', { a: early }, {}, { a: early }],
    ['only theirs', {}, { a: early }, { a: early }],
    ['different questions: all kept', { a: early }, { b: late }, { a: early, b: late }],
    ['theirs is later', { a: early }, { a: late }, { a: late }],
    ['mine is later', { a: late }, { a: early }, { a: late }],
    // The same moment written differently is not later: mine is kept.
    ['same moment', { a: early }, { a: sameMomentOther }, { a: early }],
    ['per question', { a: late, b: early }, { a: early, b: late }, { a: late, b: late }],
  ])('reviews: %s', (_, mine, theirs, expected) => {
    expect(mergeProgress(progress(mine), progress(theirs))).toEqual(progress(expected));
  });

  it('exam dates: the latest choice of each course wins, a "none" included', () => {
    const mine = progress({}, { a: choice('2026-12-15', '2026-03-01T00:00:00Z'), b: choice('2026-12-20', '2026-03-05T00:00:00Z') });
    const theirs = progress(
      {},
      { a: choice(null, '2026-03-02T00:00:00Z'), b: choice('2026-12-01', '2026-03-04T00:00:00Z'), c: choice('2027-01-05') },
    );
    expect(mergeProgress(mine, theirs).examDates).toEqual({
      a: choice(null, '2026-03-02T00:00:00Z'),
      b: choice('2026-12-20', '2026-03-05T00:00:00Z'),
      c: choice('2027-01-05'),
    });
  });

  it('changes neither input', () => {
    const mine = progress({ a: early }, { c: choice('2026-12-15') });
    const theirs = progress({ a: late }, { c: choice('2026-12-16', '2026-03-09T00:00:00Z') });
    mergeProgress(mine, theirs);
    expect(mine).toEqual(progress({ a: early }, { c: choice('2026-12-15') }));
    expect(theirs).toEqual(progress({ a: late }, { c: choice('2026-12-16', '2026-03-09T00:00:00Z') }));
  });
});

describe('chooseExamDate', () => {
  const now = new Date('2026-03-10T01:00:00.000Z');
  const before = progress({ 'c/q': review() }, { other: choice('2026-11-30') });

  it.each<[string, string | null | undefined, Record<string, ExamDateChoice>]>([
    ['a date', '2026-12-15T14:00', { other: choice('2026-11-30'), c: choice('2026-12-15T14:00', now.toISOString()) }],
    ['no exam date', null, { other: choice('2026-11-30'), c: choice(null, now.toISOString()) }],
    ['back to the notes’ date', undefined, { other: choice('2026-11-30') }],
  ])('%s', (_, date, expected) => {
    const chosen = chooseExamDate(before, 'c', date, now);
    expect(chosen.examDates).toEqual(expected);
    expect(chosen.reviews).toBe(before.reviews);
    expect(before.examDates).toEqual({ other: choice('2026-11-30') });
    expect(chooseExamDate(chosen, 'c', undefined, now).examDates).toEqual({ other: choice('2026-11-30') });
  });
});

describe('tally', () => {
  const stored = progress({
    'c/a': review('got-it'),
    'c/b': review('shaky'),
    'c/c': review('unknown'),
    'c/d': review('unknown'),
    'd/a': review('shaky'),
  });

  it.each<[string, string[], { rated: number; total: number; shaky: number; unknown: number }]>([
    ['no questions', [], { rated: 0, total: 0, shaky: 0, unknown: 0 }],
    ['none rated', ['c/x', 'c/y'], { rated: 0, total: 2, shaky: 0, unknown: 0 }],
    ['all of a course', ['c/a', 'c/b', 'c/c', 'c/d', 'c/e'], { rated: 4, total: 5, shaky: 1, unknown: 2 }],
    ['only the keys asked for', ['c/a'], { rated: 1, total: 1, shaky: 0, unknown: 0 }],
    ['another course', ['d/a', 'd/b'], { rated: 1, total: 2, shaky: 1, unknown: 0 }],
  ])('%s', (_, keys, expected) => {
    expect(tally(stored, keys)).toEqual(expected);
  });
});

describe('progress kept before the learning steps (version 3 as it was)', () => {
  // Written by the site before the learning steps: ratings on 2, 3 and 5 March 2026 (Hong Kong), a changed mind, two exam dates.
  const raw = readFileSync(join(import.meta.dirname, '../../fixtures/progress/v3-2026-03-05.json'), 'utf8');
  const { progress: read, notices } = readProgress(raw);
  const entries = Object.entries(read.reviews);

  it('reads back whole: every rating, its memory and the one before it, and the exam dates, with no notice', () => {
    expect(notices).toEqual([]);
    expect(read).toEqual(JSON.parse(raw));
    expect(entries.length).toBe(7);
    expect(read.examDates).toEqual({
      dasc7606: { date: '2026-03-20T09:30', setAt: '2026-03-02T12:55:00.000Z' },
      'ml-midterm': { date: null, setAt: '2026-03-03T13:05:00.000Z' },
    });
  });

  it('keeps every question due from the start of the day that version gave it, none in a learning step', () => {
    for (const [key, entry] of entries) {
      const day = addDays(dayOf(new Date(entry.ratedAt)), entry.card.scheduledDays);
      expect(inLearningStep(entry), key).toBe(false);
      expect(dueAt(entry), key).toEqual(startOfDay(day));
      expect(isDue(entry, new Date(startOfDay(day).getTime() - 1000)), key).toBe(false);
      expect(isDue(entry, startOfDay(day)), key).toBe(true);
    }
    // On 6 March: those FSRS set for a day or two after 2, 3 and 5 March, the most overdue first.
    expect(dueQueue(read.reviews, new Date('2026-03-06T10:00:00+08:00'))).toEqual([
      'ml-midterm/s1-2023-oct-a-q1',
      'dasc7606/s3-2024-may-abc-q2',
      'dasc7606/s1-2022-may-1-q7',
      'ml-midterm/s1-2023-oct-a-q2',
      'dasc7606/s3-2025-may-q1',
    ]);
  });

  it('takes the next rating on from the stored memory: a "Didn\'t know" now comes back in 10 minutes', () => {
    const [key, entry] = entries.find(([, value]) => value.rating === 'got-it')!;
    const now = new Date('2026-03-20T20:00:00+08:00');
    const lapse = reviewAt(entry, 'unknown', now);
    expect(lapse.card, key).toMatchObject({ state: 'Relearning', reps: entry.card.reps + 1, lapses: entry.card.lapses + 1 });
    expect(dueAt(lapse)).toEqual(new Date(now.getTime() + 10 * 60_000));
    expect(lapse.previous).toEqual({ card: entry.card, ratedAt: entry.ratedAt });
  });
});

describe("a page's progress line", () => {
  it.each([
    [{ rated: 0, total: 12, shaky: 0, unknown: 0 }, '0/12 rated'],
    [{ rated: 5, total: 12, shaky: 2, unknown: 1 }, "5/12 rated · 2 shaky · 1 didn't know"],
    [{ rated: 3, total: 3, shaky: 0, unknown: 3 }, "3/3 rated · 3 didn't know"],
  ])('%j → %s', (counts, text) => {
    expect(tallyLine(counts)).toBe(text);
  });
});
