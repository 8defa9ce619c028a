/**
 * Exam-day readiness and the gain of a review, checked against ts-fsrs run here on fixed dates:
 * weights from the notes' markers, recall at the exam's start, unrated as not known.
 */
import { join } from 'node:path';
import { createEmptyCard, default_w, forgetting_curve, fsrs, Rating as Grade, type Card, type Grade as GradeValue } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../../src/lib/content/read.ts';
import type { Examinability } from '../../../src/lib/content/schema.ts';
import { examWeight, readiness, recallOnExamDay, reviewGain } from '../../../src/lib/progress/forecast.ts';
import type { Review } from '../../../src/lib/progress/ratings.ts';
import { review } from '../../../src/lib/progress/schedule.ts';
import { parseCourseId } from '../../../src/lib/content/paths.ts';

const reference = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: [], relearning_steps: [] });
const at = (iso: string): Date => new Date(iso);
const EXAM = at('2026-12-15T01:00:00.000Z');

/** ts-fsrs's chance of recall of `card` (last rated at `lastReview`) at `moment`, over the time between in days. */
const recallOf = (card: Card, moment: Date): number =>
  forgetting_curve(default_w, (moment.getTime() - card.last_review!.getTime()) / 86_400_000, card.stability);

/** ts-fsrs's card after these ratings, given here independently of the site's code. */
function referenceCard(ratings: [GradeValue, string][]): Card {
  let card = createEmptyCard(at(ratings[0]![1]));
  for (const [grade, when] of ratings) card = reference.next(card, at(when), grade).card;
  return card;
}

/** The site's review after the same ratings. */
function siteReview(ratings: ['got-it' | 'shaky' | 'unknown', string][]): Review {
  let entry: Review | undefined;
  for (const [rating, when] of ratings) entry = review(entry, rating, at(when));
  return entry!;
}

const part = (examinability: Examinability, depth = 1) => ({ examinability, depth });

describe('examWeight', () => {
  it.each<[string, Examinability, ReturnType<typeof part>[], number]>([
    ['no parts, no marker', 'unmarked', [], 1],
    ['the question itself not examined', 'not-examined', [part('unmarked')], 0],
    ['the question itself may be examined', 'may-be-examined', [], 0.5],
    ['the question itself probably not examined', 'probably-not-examined', [], 0.25],
    ['unmarked parts', 'unmarked', [part('unmarked'), part('unmarked')], 1],
    ['one part of four not examined', 'unmarked', [part('unmarked'), part('not-examined'), part('unmarked'), part('unmarked')], 0.75],
    ['every part not examined', 'unmarked', [part('not-examined'), part('not-examined')], 0],
    ['a part that may be examined', 'unmarked', [part('unmarked'), part('may-be-examined')], 0.75],
    [
      'sub-parts: (a) holds (i) not examined and (ii); (b) unmarked',
      'unmarked',
      [part('unmarked'), part('not-examined', 2), part('unmarked', 2), part('unmarked')],
      0.75,
    ],
    ['a marked part decides for its sub-parts', 'unmarked', [part('may-be-examined'), part('unmarked', 2), part('unmarked')], 0.75],
    ['parts that start deeper', 'unmarked', [part('unmarked', 2), part('not-examined', 2)], 0.5],
  ])('%s → %d', (_, examinability, parts, expected) => {
    expect(examWeight({ examinability, parts })).toBeCloseTo(expected, 10);
  });

  it("weighs the user's notes: questions with parts not examined count for less, the rest fully", () => {
    const { questions } = readCourse(join(import.meta.dirname, '../../../content'), parseCourseId('dasc7606'));
    const weights = new Map(questions.map(({ data }) => [data.id, examWeight(data)]));
    const marked = questions.filter(({ data }) => data.parts.some((entry) => entry.examinability !== 'unmarked'));
    expect(marked.length).toBeGreaterThan(0);
    for (const { data } of marked) expect(weights.get(data.id), data.id).toBeLessThan(1);
    for (const { data } of questions.filter((entry) => !marked.includes(entry))) expect(weights.get(data.id), data.id).toBe(1);
  });
});

describe('recallOnExamDay, against ts-fsrs (its memory after the ratings, its forgetting curve at the exam)', () => {
  it.each<[string, ['got-it' | 'shaky' | 'unknown', string][], [GradeValue, string][]]>([
    ['one "Got it" a week before', [['got-it', '2026-12-08T12:00:00Z']], [[Grade.Good, '2026-12-08T12:00:00Z']]],
    ['one "Didn\'t know" the evening before', [['unknown', '2026-12-14T13:00:00Z']], [[Grade.Again, '2026-12-14T13:00:00Z']]],
    [
      'Shaky, then Got it twice, a month out',
      [
        ['shaky', '2026-11-01T02:00:00Z'],
        ['got-it', '2026-11-02T02:00:00Z'],
        ['got-it', '2026-11-10T02:00:00Z'],
      ],
      [
        [Grade.Hard, '2026-11-01T02:00:00Z'],
        [Grade.Good, '2026-11-02T02:00:00Z'],
        [Grade.Good, '2026-11-10T02:00:00Z'],
      ],
    ],
    [
      'a lapse three days before',
      [
        ['got-it', '2026-11-20T02:00:00Z'],
        ['unknown', '2026-12-12T02:00:00Z'],
      ],
      [
        [Grade.Good, '2026-11-20T02:00:00Z'],
        [Grade.Again, '2026-12-12T02:00:00Z'],
      ],
    ],
  ])('%s', (_, ratings, grades) => {
    const expected = recallOf(referenceCard(grades), EXAM);
    expect(recallOnExamDay(siteReview(ratings), EXAM)).toBeCloseTo(expected, 10);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(1);
  });

  it('is 0 for a question never rated', () => {
    expect(recallOnExamDay(undefined, EXAM)).toBe(0);
  });
});

describe('readiness', () => {
  const known = siteReview([['got-it', '2026-12-08T12:00:00Z']]);
  const forgotten = siteReview([['unknown', '2026-12-01T12:00:00Z']]);
  const reviews = { 'c/known': known, 'c/half': forgotten, 'c/out': known };
  const recallKnown = recallOf(referenceCard([[Grade.Good, '2026-12-08T12:00:00Z']]), EXAM);
  const recallForgotten = recallOf(referenceCard([[Grade.Again, '2026-12-01T12:00:00Z']]), EXAM);

  it('is the weighted mean of exam-day recall: not examined left out, may-be-examined at half, unrated as 0', () => {
    const questions = [
      { key: 'c/known', weight: 1 },
      { key: 'c/half', weight: 0.5 },
      { key: 'c/unrated', weight: 1 },
      { key: 'c/out', weight: 0 },
    ];
    expect(readiness(questions, reviews, EXAM)).toEqual({
      recall: expect.closeTo((recallKnown + 0.5 * recallForgotten) / 2.5, 10) as number,
      examinable: 3,
      unrated: 1,
    });
  });

  it.each<[string, { key: string; weight: number }[], { recall: number; examinable: number; unrated: number }]>([
    ['nothing examinable', [{ key: 'c/out', weight: 0 }], { recall: 0, examinable: 0, unrated: 0 }],
    ['nothing rated', [{ key: 'c/x', weight: 1 }], { recall: 0, examinable: 1, unrated: 1 }],
    [
      'a not-examined question does not lower it',
      [
        { key: 'c/known', weight: 1 },
        { key: 'c/never', weight: 0 },
      ],
      { recall: recallKnown, examinable: 1, unrated: 0 },
    ],
  ])('%s', (_, questions, expected) => {
    const result = readiness(questions, reviews, EXAM);
    expect(result.recall).toBeCloseTo(expected.recall, 10);
    expect(result).toMatchObject({ examinable: expected.examinable, unrated: expected.unrated });
  });
});

describe('reviewGain', () => {
  const now = at('2026-12-12T12:00:00Z');
  const afterReview = (card: Card, grade: GradeValue): number => recallOf(reference.next(card, now, grade).card, EXAM);

  it('of a rated question: p·R(T | Good now) + (1 − p)·R(T | Again now) − R(T), times its weight', () => {
    const grades: [GradeValue, string][] = [[Grade.Hard, '2026-12-05T12:00:00Z']];
    const card = referenceCard(grades);
    const p = recallOf(card, now);
    const expected = p * afterReview(card, Grade.Good) + (1 - p) * afterReview(card, Grade.Again) - recallOf(card, EXAM);
    const entry = siteReview([['shaky', '2026-12-05T12:00:00Z']]);
    expect(reviewGain(entry, 1, now, EXAM)).toBeCloseTo(expected, 10);
    expect(reviewGain(entry, 0.5, now, EXAM)).toBeCloseTo(expected / 2, 10);
    expect(expected).toBeGreaterThan(0);
  });

  it('of a question never rated: its weight times the exam-day recall of a first "Didn\'t know" now', () => {
    const expected = afterReview(createEmptyCard(now), Grade.Again);
    expect(reviewGain(undefined, 1, now, EXAM)).toBeCloseTo(expected, 10);
    expect(reviewGain(undefined, 0.5, now, EXAM)).toBeCloseTo(expected / 2, 10);
  });

  it('is 0 for a question not examined', () => {
    expect(reviewGain(undefined, 0, now, EXAM)).toBe(0);
  });

  it('ranks what is least known first: unrated, then forgotten, then shaky, then well known', () => {
    const gains = [
      reviewGain(undefined, 1, now, EXAM),
      reviewGain(siteReview([['unknown', '2026-12-01T12:00:00Z']]), 1, now, EXAM),
      reviewGain(siteReview([['shaky', '2026-12-05T12:00:00Z']]), 1, now, EXAM),
      reviewGain(
        siteReview([
          ['got-it', '2026-11-01T12:00:00Z'],
          ['got-it', '2026-11-03T12:00:00Z'],
          ['got-it', '2026-11-14T12:00:00Z'],
        ]),
        1,
        now,
        EXAM,
      ),
    ];
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(new Set(gains).size).toBe(4);
  });
});
