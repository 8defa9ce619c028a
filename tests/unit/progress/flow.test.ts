// The session counts the reader's calendar days. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

/** The revise page's steps: a question, its rating, the next, until done; questions back from their step join in. */
import { describe, expect, it } from 'vitest';
import { hasNext, nextIn, ratedIn, startFlow, type Flow } from '../../../src/lib/progress/flow.ts';
import type { Weighted } from '../../../src/lib/progress/forecast.ts';
import type { Rating, Review } from '../../../src/lib/progress/ratings.ts';
import { review } from '../../../src/lib/progress/schedule.ts';
import { sessionAt, type Session } from '../../../src/lib/progress/session.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const session = (queue: string[], again = 0): Session => ({ mode: 'due', queue, again, later: [] });

describe('steps', () => {
  it('starts at the first question, or done when there is none', () => {
    expect(startFlow(session(['a', 'b'], 1))).toEqual({ view: 'question', key: 'a', again: true, answered: 0, rated: false });
    expect(startFlow(session([]))).toEqual({ view: 'done', answered: 0 });
  });

  it('moves on only once the question is rated, and never to the question just rated', () => {
    const first = startFlow(session(['a', 'b']));
    expect(nextIn(first, session(['a', 'b']))).toBe(first);
    expect(ratedIn(first, 'b')).toBe(first); // another question's rating is not this one's
    const rated = ratedIn(first, 'a');
    expect(rated).toEqual({ ...first, rated: true });
    // Still in the queue (a rating that keeps it due): the next one all the same.
    expect(nextIn(rated, session(['a', 'b']))).toEqual({ view: 'question', key: 'b', again: false, answered: 1, rated: false });
    expect(nextIn(rated, session(['b']))).toEqual({ view: 'question', key: 'b', again: false, answered: 1, rated: false });
    expect(nextIn(rated, session([]))).toEqual({ view: 'done', answered: 1 });
  });

  it('says whether a question follows, for "Next question" or "Finish"', () => {
    const rated = ratedIn(startFlow(session(['a'])), 'a');
    expect(hasNext(rated, session(['a']))).toBe(false);
    expect(hasNext(rated, session(['a', 'b']))).toBe(true);
  });

  it('goes on from done with the questions that came back since', () => {
    const done: Flow = { view: 'done', answered: 4 };
    expect(nextIn(done, session([]))).toEqual(done);
    expect(nextIn(done, session(['a'], 1))).toEqual({ view: 'question', key: 'a', again: true, answered: 4, rated: false });
  });
});

describe("a night's plan, rated as a reader does", () => {
  const questions: Weighted[] = Array.from({ length: 9 }, (_, index) => ({ key: `c/q${index + 1}`, weight: 1 }));
  const EXAM = '2026-03-13T09:30';

  it("goes through the plan one question at a time; a Didn't know comes back 10 minutes later; then done", () => {
    let reviews: Record<string, Review> = {};
    let clock = hk('2026-03-10T21:00:00').getTime();
    const now = (): Date => new Date(clock);
    const sessionNow = (): Session => sessionAt(questions, reviews, now(), EXAM);
    const planned = sessionNow().queue;
    expect(planned).toHaveLength(3);
    const seen: string[] = [];
    let flow = startFlow(sessionNow());
    while (flow.view === 'question') {
      const rating: Rating = seen.length === 0 ? 'unknown' : 'got-it';
      seen.push(`${flow.key}${flow.again ? ' again' : ''}`);
      reviews = { ...reviews, [flow.key]: review(reviews[flow.key], rating, now()) };
      flow = nextIn(ratedIn(flow, flow.key), sessionNow());
      clock += 6 * 60_000; // six minutes a question
    }
    // The first, not known at 21:00, is back at 21:10: the next after the third, rated at 21:12.
    expect(seen).toEqual([planned[0], planned[1], planned[2], `${planned[0]} again`]);
    expect(flow).toEqual({ view: 'done', answered: 4 });
    expect(Object.keys(reviews).sort()).toEqual([...planned].sort());
    expect(sessionNow().plan?.done).toBe(true);
  });
});
