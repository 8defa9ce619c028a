/**
 * The memory model: the three buttons are FSRS's Again / Hard / Good, the memory after a rating is
 * ts-fsrs's with one 10-minute learning and relearning step, and the chance of recall follows
 * FSRS-6's forgetting curve over whole days.
 */
import { createEmptyCard, default_w, fsrs, Rating as Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { GRADE_OF, grade, LEARNING_STEPS, recallAt, RELEARNING_STEPS } from '../../../src/lib/progress/fsrs.ts';
import { RATING_LABELS, RATINGS, type Rating } from '../../../src/lib/progress/ratings.ts';

const DAY = 86_400_000;
const now = new Date('2026-03-10T01:00:00.000Z');
/** ts-fsrs as the site configures it, set up here independently. */
const reference = fsrs({
  request_retention: 0.9,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ['10m'],
  relearning_steps: ['10m'],
});
/** As the site scheduled before the learning steps: whole days only. */
const byDays = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: [], relearning_steps: [] });

describe('rating mapping', () => {
  it.each<[Rating, string, Grade]>([
    ['unknown', "Didn't know", Grade.Again],
    ['shaky', 'Shaky', Grade.Hard],
    ['got-it', 'Got it', Grade.Good],
  ])('%s ("%s") is FSRS grade %i', (rating, label, expected) => {
    expect(RATING_LABELS[rating]).toBe(label);
    expect(GRADE_OF[rating]).toBe(expected);
  });

  it('offers exactly the three buttons, Got it first', () => {
    expect(RATINGS).toEqual(['got-it', 'shaky', 'unknown']);
  });

  it('learns in one step of 10 minutes, and relearns in one', () => {
    expect(LEARNING_STEPS).toEqual(['10m']);
    expect(RELEARNING_STEPS).toEqual(['10m']);
  });

  it.each<[Rating, string, string, number]>([
    // Didn't know: the step, 10 minutes. Shaky: ts-fsrs's Hard on the only step, 15 minutes. Got it: past the step, 2 days.
    ['unknown', 'Learning', '2026-03-10T01:10:00.000Z', 0],
    ['shaky', 'Learning', '2026-03-10T01:15:00.000Z', 0],
    ['got-it', 'Review', '2026-03-12T01:00:00.000Z', 2],
  ])('a first "%s" gives ts-fsrs\'s card (%s, due %s), with FSRS-6\'s initial stability for its grade', (rating, state, due, days) => {
    const card = grade(undefined, rating, now);
    const expected = reference.next(createEmptyCard(now), now, GRADE_OF[rating]).card;
    expect(card).toEqual({
      due: expected.due.toISOString(),
      stability: expected.stability,
      difficulty: expected.difficulty,
      scheduledDays: expected.scheduled_days,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state,
    });
    expect({ due: card.due, scheduledDays: card.scheduledDays }).toEqual({ due, scheduledDays: days });
    // S₀(G) = w[G − 1]: the first rating's stability is a parameter of the model.
    expect(card.stability).toBeCloseTo(default_w[GRADE_OF[rating] - 1]!, 6);
  });

  it.each(RATINGS)('without steps (older ratings replayed), a first "%s" is a review in whole days with the same memory', (rating) => {
    const card = grade(undefined, rating, now, { steps: false });
    const expected = byDays.next(createEmptyCard(now), now, GRADE_OF[rating]).card;
    expect(card).toMatchObject({ state: 'Review', scheduledDays: expected.scheduled_days, due: expected.due.toISOString() });
    expect(card.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(card.stability).toBe(grade(undefined, rating, now).stability);
    expect(card.difficulty).toBe(grade(undefined, rating, now).difficulty);
  });

  it('a later rating continues from the stored memory exactly as ts-fsrs does', () => {
    const first = grade(undefined, 'got-it', now);
    const later = new Date(now.getTime() + 5 * DAY);
    const expectedFirst = reference.next(createEmptyCard(now), now, Grade.Good).card;
    for (const rating of RATINGS) {
      const expected = reference.next(expectedFirst, later, GRADE_OF[rating]).card;
      const card = grade({ card: first, ratedAt: now.toISOString() }, rating, later);
      expect(card.stability, rating).toBeCloseTo(expected.stability, 10);
      expect(card.difficulty, rating).toBeCloseTo(expected.difficulty, 10);
      expect(card.due, rating).toBe(expected.due.toISOString());
      expect(card.lapses, rating).toBe(rating === 'unknown' ? 1 : 0);
      expect(card.state, rating).toBe(rating === 'unknown' ? 'Relearning' : 'Review');
    }
  });
});

describe('recallAt', () => {
  const remembered = { card: grade(undefined, 'shaky', now), ratedAt: now.toISOString() };
  // FSRS-6: R(t) = (1 + F·t/S)^(−d), d = w[20], F = 0.9^(−1/d) − 1, so that R(S) = 90 %.
  const decay = default_w[20]!;
  const factor = 0.9 ** (-1 / decay) - 1;
  const curve = (days: number): number => (1 + (factor * days) / remembered.card.stability) ** -decay;

  it.each([1, 2, 7, 30, 365])('%i days on follows the forgetting curve', (days) => {
    expect(recallAt(remembered, new Date(now.getTime() + days * DAY))).toBeCloseTo(curve(days), 6);
  });

  it('counts fractions of a day: a "Didn\'t know" at 21:00 is not sure to be recalled at 09:00', () => {
    expect(recallAt(remembered, new Date(now.getTime() + 2.5 * DAY))).toBeCloseTo(curve(2.5), 6);
    const forgotten = { card: grade(undefined, 'unknown', now), ratedAt: now.toISOString() };
    expect(recallAt(forgotten, new Date(now.getTime() + 0.5 * DAY))).toBeLessThan(0.9);
  });

  it("agrees with ts-fsrs's retrievability on whole days", () => {
    const card = reference.next(createEmptyCard(now), now, Grade.Hard).card;
    for (const days of [1, 3, 10]) {
      const moment = new Date(now.getTime() + days * DAY);
      expect(recallAt(remembered, moment)).toBeCloseTo(reference.get_retrievability(card, moment, false), 8);
    }
  });

  it('is 90 % after as many days as the stability, and falls from there', () => {
    const stable = { card: { ...remembered.card, stability: 10 }, ratedAt: remembered.ratedAt };
    expect(recallAt(stable, new Date(now.getTime() + 10 * DAY))).toBeCloseTo(0.9, 6);
    expect(recallAt(stable, new Date(now.getTime() + 20 * DAY))).toBeLessThan(0.9);
  });

  it('is 1 at and before the rating', () => {
    expect(recallAt(remembered, now)).toBe(1);
    expect(recallAt(remembered, new Date(now.getTime() - DAY))).toBe(1);
  });
});
