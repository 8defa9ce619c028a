// Version 1 data is rescheduled by local calendar day: fix the clock's zone (Node re-reads TZ when it is set).
process.env.TZ = 'Asia/Hong_Kong';

import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/lib/progress/schedule.ts';
import {
  CURRENT_VERSION,
  emptyProgress,
  mergeProgress,
  rate,
  readProgress,
  tally,
  writeProgress,
  type Progress,
} from '../../src/lib/progress/storage.ts';

const review = (overrides: Partial<Review> = {}): Review => ({
  rating: 'shaky',
  ratedAt: '2026-03-10T01:00:00.000Z',
  box: 1,
  due: '2026-03-11',
  ...overrides,
});
const v2 = (reviews: Record<string, unknown>): string => JSON.stringify({ version: 2, reviews });
const progress = (reviews: Record<string, Review>): Progress => ({ version: CURRENT_VERSION, reviews });

describe('readProgress', () => {
  it.each<[string, string | null, Progress, RegExp[]]>([
    ['nothing stored', null, emptyProgress(), []],
    ['an empty string', '', emptyProgress(), []],
    ['only spaces', '  \n', emptyProgress(), []],
    ['corrupt JSON', '{"version": 2, "reviews": {', emptyProgress(), [/not valid JSON/]],
    ['plain text', 'hello', emptyProgress(), [/not valid JSON/]],
    ['JSON null', 'null', emptyProgress(), [/not in a known format/]],
    ['a JSON array', '[1, 2]', emptyProgress(), [/not in a known format/]],
    ['a JSON number', '2', emptyProgress(), [/not in a known format/]],
    ['a JSON string', '"progress"', emptyProgress(), [/not in a known format/]],
    ['an object without a version', '{"reviews": {}}', emptyProgress(), [/unknown version \(undefined\)/]],
    ['a newer version', '{"version": 3, "reviews": {}}', emptyProgress(), [/unknown version \(3\)/]],
    ['a version as text', '{"version": "2", "reviews": {}}', emptyProgress(), [/unknown version \(2\)/]],
    ['version 2, no ratings', v2({}), emptyProgress(), []],
    ['version 2, reviews missing', '{"version": 2}', emptyProgress(), []],
    [
      'version 2, clean',
      v2({ 'c/q1': review(), 'c/q2': review({ rating: 'got-it', box: 4, due: '2026-04-01' }) }),
      progress({ 'c/q1': review(), 'c/q2': review({ rating: 'got-it', box: 4, due: '2026-04-01' }) }),
      [],
    ],
    [
      'version 2, some damaged',
      v2({
        good: review(),
        noRating: { ratedAt: '2026-03-10T01:00:00.000Z', box: 1, due: '2026-03-11' },
        badRating: review({ rating: 'maybe' as Review['rating'] }),
        badMoment: review({ ratedAt: 'yesterday' }),
        badDay: review({ due: '11/03/2026' }),
        boxTooHigh: review({ box: 5 }),
        boxNegative: review({ box: -1 }),
        boxFraction: review({ box: 1.5 }),
        boxText: { ...review(), box: '1' },
        notAnObject: 'shaky',
        nothing: null,
      }),
      progress({ good: review() }),
      [/^10 damaged ratings were dropped; the rest of your progress is kept\.$/],
    ],
    ['version 2, one damaged', v2({ good: review(), bad: null }), progress({ good: review() }), [/^1 damaged rating was dropped/]],
    ['version 2, extra fields dropped', v2({ a: { ...review(), note: 'extra' } }), progress({ a: review() }), []],
  ])('%s', (_, raw, expected, notices) => {
    const loaded = readProgress(raw);
    expect(loaded.progress).toEqual(expected);
    expect(loaded.notices).toHaveLength(notices.length);
    notices.forEach((pattern, index) => expect(loaded.notices[index]).toMatch(pattern));
  });

  describe('version 1', () => {
    it.each<[string, { rating: string; ratedAt: string }, Review]>([
      // Rescheduled as if rated then: box and due day from the rating and its local day.
      [
        'unknown',
        { rating: 'unknown', ratedAt: '2026-03-10T15:30:00.000Z' },
        { rating: 'unknown', ratedAt: '2026-03-10T15:30:00.000Z', box: 0, due: '2026-03-10' },
      ],
      [
        'shaky',
        { rating: 'shaky', ratedAt: '2026-03-10T01:00:00.000Z' },
        { rating: 'shaky', ratedAt: '2026-03-10T01:00:00.000Z', box: 1, due: '2026-03-11' },
      ],
      [
        'got it',
        { rating: 'got-it', ratedAt: '2026-03-10T01:00:00.000Z' },
        { rating: 'got-it', ratedAt: '2026-03-10T01:00:00.000Z', box: 2, due: '2026-03-13' },
      ],
      // 23:30 on 10 March in UTC is already 11 March in Hong Kong.
      [
        'shaky, late in UTC',
        { rating: 'shaky', ratedAt: '2026-03-10T23:30:00.000Z' },
        { rating: 'shaky', ratedAt: '2026-03-10T23:30:00.000Z', box: 1, due: '2026-03-12' },
      ],
      // Any date format Date.parse reads is accepted, and written back as ISO 8601.
      [
        'offset date',
        { rating: 'shaky', ratedAt: '2026-03-10T09:00:00+08:00' },
        { rating: 'shaky', ratedAt: '2026-03-10T01:00:00.000Z', box: 1, due: '2026-03-11' },
      ],
    ])('%s', (_, rating, expected) => {
      const loaded = readProgress(JSON.stringify({ version: 1, ratings: { 'c/q1': rating } }));
      expect(loaded.progress).toEqual(progress({ 'c/q1': expected }));
      expect(loaded.notices).toEqual(['Your saved progress was from an older version of the site and has been updated.']);
    });

    it.each<[string, unknown, number, string[]]>([
      ['no ratings', undefined, 0, []],
      ['ratings not an object', [1, 2], 0, []],
      [
        'damaged entries dropped, the rest migrated',
        {
          a: { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
          b: { rating: 'nope', ratedAt: '2026-03-10T01:00:00Z' },
          c: { rating: 'shaky', ratedAt: 'never' },
          d: 4,
        },
        1,
        ['3 damaged ratings were dropped.'],
      ],
      ['one damaged', { a: { rating: 'unknown' } }, 0, ['1 damaged rating was dropped.']],
    ])('%s', (_, ratings, kept, extraNotices) => {
      const loaded = readProgress(JSON.stringify({ version: 1, ratings }));
      expect(Object.keys(loaded.progress.reviews)).toHaveLength(kept);
      expect(loaded.progress.version).toBe(2);
      expect(loaded.notices).toEqual(['Your saved progress was from an older version of the site and has been updated.', ...extraNotices]);
    });
  });

  describe('scoped to a course', () => {
    const stored = v2({
      'dasc7606/s1-q1': review(),
      'dasc7606/s1-q2': review(),
      'dasc7606/gone': review(),
      'dasc7606/also-gone': review(),
      'comp7404/s1-q1': review(),
      'dasc7606x/q': review(),
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
      [
        'the course has no questions',
        [],
        ['comp7404/s1-q1', 'dasc7606x/q'],
        ['4 ratings were for questions no longer in the notes and were removed.'],
      ],
    ])('%s', (_, known, kept, notices) => {
      const loaded = readProgress(stored, { course: 'dasc7606', known: new Set(known) });
      expect(Object.keys(loaded.progress.reviews).sort()).toEqual([...kept].sort());
      expect(loaded.notices).toEqual(notices);
    });

    it('reports damaged entries and removed questions together', () => {
      const loaded = readProgress(v2({ 'c/keep': review(), 'c/gone': review(), 'c/bad': { box: 9 } }), {
        course: 'c',
        known: new Set(['c/keep', 'c/bad']),
      });
      expect(Object.keys(loaded.progress.reviews)).toEqual(['c/keep']);
      expect(loaded.notices).toEqual([
        '1 damaged rating was dropped; the rest of your progress is kept.',
        '1 rating was for questions no longer in the notes and was removed.',
      ]);
    });

    it('applies to migrated version 1 data too', () => {
      const loaded = readProgress(
        JSON.stringify({
          version: 1,
          ratings: {
            'c/keep': { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
            'c/gone': { rating: 'shaky', ratedAt: '2026-03-10T01:00:00Z' },
          },
        }),
        { course: 'c', known: new Set(['c/keep']) },
      );
      expect(Object.keys(loaded.progress.reviews)).toEqual(['c/keep']);
      expect(loaded.notices).toHaveLength(2);
    });
  });
});

describe('writeProgress', () => {
  it.each<[string, Progress]>([
    ['empty', emptyProgress()],
    ['one review', progress({ 'c/q1': review() })],
    [
      'several',
      progress({
        'c/q1': review(),
        'c/q2': review({ rating: 'unknown', box: 0, due: '2026-03-10' }),
        'd/q1': review({ rating: 'got-it', box: 4, due: '2026-04-01' }),
      }),
    ],
  ])('round-trips %s through readProgress without notices', (_, original) => {
    const written = writeProgress(original);
    expect(JSON.parse(written)).toMatchObject({ version: 2 });
    expect(readProgress(written)).toEqual({ progress: original, notices: [] });
  });
});

describe('mergeProgress', () => {
  const early = review({ ratedAt: '2026-03-10T01:00:00.000Z', rating: 'unknown', box: 0, due: '2026-03-10' });
  const late = review({ ratedAt: '2026-03-12T01:00:00.000Z', rating: 'got-it', box: 2, due: '2026-03-15' });
  const sameMomentOther = review({ ratedAt: '2026-03-10T09:00:00+08:00', rating: 'shaky' });

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
  ])('%s', (_, mine, theirs, expected) => {
    expect(mergeProgress(progress(mine), progress(theirs))).toEqual(progress(expected));
  });

  it('changes neither input', () => {
    const mine = progress({ a: early });
    const theirs = progress({ a: late });
    mergeProgress(mine, theirs);
    expect(mine).toEqual(progress({ a: early }));
    expect(theirs).toEqual(progress({ a: late }));
  });
});

describe('rate', () => {
  const now = new Date('2026-03-10T09:00:00+08:00');

  it.each<[string, Review | undefined, 'got-it' | 'shaky' | 'unknown', Pick<Review, 'box' | 'due'>]>([
    ['first rating, unknown', undefined, 'unknown', { box: 0, due: '2026-03-10' }],
    ['first rating, shaky', undefined, 'shaky', { box: 1, due: '2026-03-11' }],
    ['first rating, got it', undefined, 'got-it', { box: 2, due: '2026-03-13' }],
    ['got it again climbs from the stored box', review({ rating: 'got-it', box: 3 }), 'got-it', { box: 4, due: '2026-03-31' }],
    ['unknown resets', review({ rating: 'got-it', box: 4 }), 'unknown', { box: 0, due: '2026-03-10' }],
  ])('%s', (_, previous, rating, expected) => {
    const before = progress(previous ? { 'c/q1': previous, 'c/other': review() } : { 'c/other': review() });
    const after = rate(before, 'c/q1', rating, now);
    expect(after.reviews['c/q1']).toEqual({ rating, ratedAt: now.toISOString(), ...expected });
    expect(after.reviews['c/other']).toEqual(review());
    expect(after.version).toBe(2);
    // A new object: the old progress is left as it was.
    expect(before.reviews['c/q1']).toEqual(previous);
  });
});

describe('tally', () => {
  const stored = progress({
    'c/a': review({ rating: 'got-it', box: 2 }),
    'c/b': review({ rating: 'shaky' }),
    'c/c': review({ rating: 'unknown', box: 0 }),
    'c/d': review({ rating: 'unknown', box: 0 }),
    'd/a': review({ rating: 'shaky' }),
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
