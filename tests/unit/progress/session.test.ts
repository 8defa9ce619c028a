// The session counts the reader's calendar days. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

/**
 * What to revise now: tonight's plan before the exam, the due questions otherwise, and in both the
 * questions back from their 10-minute learning step.
 */
import { describe, expect, it } from 'vitest';
import type { Weighted } from '../../../src/lib/progress/forecast.ts';
import { planToward } from '../../../src/lib/progress/plan.ts';
import type { Rating, Review } from '../../../src/lib/progress/ratings.ts';
import { dueQueue, review } from '../../../src/lib/progress/schedule.ts';
import { aboutMinutes, minutesUntil, reviewsOf, sessionAt } from '../../../src/lib/progress/session.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const questions: Weighted[] = ['c/q1', 'c/q2', 'c/q3', 'c/q4', 'c/q5', 'c/q6'].map((key) => ({ key, weight: 1 }));
const rated = (local: string, rating: Rating, before?: Review): Review => review(before, rating, hk(local));
const EXAM = '2026-03-13T09:30';

describe('without an exam ahead: the due questions', () => {
  const reviews = {
    'c/q1': rated('2026-03-08T20:00:00', 'got-it'), // due 10 March
    'c/q2': rated('2026-03-10T20:55:00', 'unknown'), // back 21:05
    'c/q3': rated('2026-03-10T20:58:00', 'unknown'), // back 21:08
    'c/q4': rated('2026-03-10T20:00:00', 'got-it'), // due 12 March
    'other/q1': rated('2026-03-01T20:00:00', 'got-it'),
  };

  it('queues what is due now, counts those back from their step, and lists those still in it', () => {
    const session = sessionAt(questions, reviews, hk('2026-03-10T21:06:00'), undefined);
    expect(session).toEqual({
      mode: 'due',
      queue: ['c/q1', 'c/q2'],
      again: 1,
      later: [{ key: 'c/q3', due: hk('2026-03-10T21:08:00') }],
    });
    expect(session.queue).toEqual(dueQueue(reviewsOf(questions, reviews), hk('2026-03-10T21:06:00')));
  });

  it('leaves other courses out', () => {
    expect(Object.keys(reviewsOf(questions, reviews))).not.toContain('other/q1');
    expect(sessionAt(questions, reviews, hk('2026-03-20T09:00:00'), undefined).queue).not.toContain('other/q1');
  });

  it('once the exam has started, the schedule is back', () => {
    const session = sessionAt(questions, reviews, hk('2026-03-13T10:00:00'), EXAM);
    expect(session.mode).toBe('due');
    expect(session.plan).toBeUndefined();
  });
});

describe("before the exam: tonight's plan, with tonight's failures back after their step", () => {
  it('is the plan when nothing is in a step', () => {
    const now = hk('2026-03-10T21:00:00');
    const session = sessionAt(questions, {}, now, EXAM);
    const plan = planToward(questions, {}, now, EXAM);
    expect(session).toEqual({ mode: 'plan', queue: plan.today.map(({ key }) => key), again: 0, later: [], plan });
    expect(session.queue).toHaveLength(2); // 6 questions over 3 days
  });

  it('a question not known at 21:00 counts as done for the plan, waits its 10 minutes, then comes first', () => {
    const reviews = { 'c/q1': rated('2026-03-10T21:00:00', 'unknown') };
    const waiting = sessionAt(questions, reviews, hk('2026-03-10T21:05:00'), EXAM);
    expect(waiting.plan?.doneToday).toBe(1);
    expect(waiting.queue).not.toContain('c/q1');
    expect(waiting.later).toEqual([{ key: 'c/q1', due: hk('2026-03-10T21:10:00') }]);
    const back = sessionAt(questions, reviews, hk('2026-03-10T21:10:00'), EXAM);
    expect(back.queue[0]).toBe('c/q1');
    expect(back.again).toBe(1);
    expect(back.later).toEqual([]);
    expect(back.queue.slice(1)).toEqual(back.plan!.today.map(({ key }) => key));
  });

  it('brings back several in the order their steps end', () => {
    const reviews = { 'c/q1': rated('2026-03-10T21:00:00', 'shaky'), 'c/q2': rated('2026-03-10T21:02:00', 'unknown') };
    // Shaky's step is 15 minutes, Didn't know's 10: q2 (21:12) before q1 (21:15).
    expect(sessionAt(questions, reviews, hk('2026-03-10T21:20:00'), EXAM).queue.slice(0, 2)).toEqual(['c/q2', 'c/q1']);
  });

  it("leaves a step that ended on an earlier day to the plan: it is last night's, not tonight's", () => {
    const reviews = { 'c/q1': rated('2026-03-09T21:00:00', 'unknown') };
    const session = sessionAt(questions, reviews, hk('2026-03-10T21:00:00'), EXAM);
    expect(session.again).toBe(0);
    expect(session.queue).toEqual(session.plan!.today.map(({ key }) => key));
  });

  it('is empty once the day is done and nothing is back', () => {
    let reviews: Record<string, Review> = {};
    const first = sessionAt(questions, reviews, hk('2026-03-10T21:00:00'), EXAM);
    for (const key of first.queue) reviews = { ...reviews, [key]: rated('2026-03-10T21:01:00', 'got-it') };
    const after = sessionAt(questions, reviews, hk('2026-03-10T21:30:00'), EXAM);
    expect(after.plan?.done).toBe(true);
    expect(after.queue).toEqual([]);
  });
});

describe('aboutMinutes and minutesUntil', () => {
  it.each([
    [1, 5],
    [2, 5],
    [9, 25],
    [10, 30],
    [20, 60],
  ])('%i questions take about %i minutes', (count, minutes) => {
    expect(aboutMinutes(count)).toBe(minutes);
  });

  it.each<[string, number]>([
    ['2026-03-10T21:00:00', 10],
    ['2026-03-10T21:00:59', 10],
    ['2026-03-10T21:09:01', 1],
    ['2026-03-10T21:30:00', 1],
  ])('from %s to 21:10 is %i min', (local, minutes) => {
    expect(minutesUntil(hk(local), hk('2026-03-10T21:10:00'))).toBe(minutes);
  });
});
