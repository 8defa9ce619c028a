/**
 * Mock papers: the right number of examinable questions, spread over the sections by draw weight,
 * each drawn at most once, in the course's order, and far more often the ones known least.
 */
import { describe, expect, it } from 'vitest';
import {
  allocate,
  drawMockPaper,
  mockPaperQuery,
  readMockPaperQuery,
  timeLeft,
  type MockCandidate,
} from '../../../src/lib/progress/mock.ts';
import type { Review } from '../../../src/lib/progress/ratings.ts';
import { review } from '../../../src/lib/progress/schedule.ts';
// The benchmark's seeded generator, so each draw can be repeated.
import { random } from '../../../scripts/lib/synthetic-notes.ts';

const now = new Date('2026-12-12T02:00:00Z');
/** Three sections of 4, 4 and 2 questions, the last of each not examined. */
const candidates: MockCandidate[] = [1, 2, 3].flatMap((section) =>
  Array.from({ length: section === 3 ? 2 : 4 }, (_, index) => ({
    key: `c/s${section}-q${index + 1}`,
    section,
    order: section * 10 + index,
    weight: index === (section === 3 ? 1 : 3) ? 0 : 1,
  })),
);
const examinable = candidates.filter((question) => question.weight > 0).map((question) => question.key);
/** Rated "Got it" a moment ago: recall 1, so drawn only when nothing else is left. */
const justKnown = (keys: string[]): Record<string, Review> =>
  Object.fromEntries(keys.map((key) => [key, review(undefined, 'got-it', now)]));

describe('allocate', () => {
  it.each<[number[], number[], number, number[]]>([
    [[1, 1, 1], [4, 4, 4], 6, [2, 2, 2]],
    [[3, 1], [10, 10], 4, [3, 1]],
    [[1, 1, 1], [5, 5, 5], 4, [2, 1, 1]], // the remainder to the first of equal shares
    [[10, 1], [2, 10], 6, [2, 4]], // never more than a section holds
    [[1, 1], [2, 1], 9, [2, 1]], // no more than there are
    [[0.2, 0.7, 0.1], [3, 3, 3], 5, [1, 3, 1]],
  ])('shares %j, sizes %j, %i places → %j', (shares, sizes, total, expected) => {
    const places = allocate(shares, sizes, total);
    expect(places).toEqual(expected);
    expect(places.reduce((sum, count) => sum + count, 0)).toBe(
      Math.min(
        total,
        sizes.reduce((sum, size) => sum + size, 0),
      ),
    );
  });
});

describe('drawMockPaper', () => {
  it('draws the number asked for, examinable only, each once, in the course order', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const paper = drawMockPaper(candidates, {}, now, 5, random(seed));
      expect(paper).toHaveLength(5);
      expect(new Set(paper).size).toBe(5);
      expect(paper.every((key) => examinable.includes(key))).toBe(true);
      const order = paper.map((key) => candidates.find((question) => question.key === key)!.order);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('spreads an unrated course over its sections in proportion to their examinable questions', () => {
    const sections = drawMockPaper(candidates, {}, now, 7, random(7)).map((key) => key.split('-')[0]);
    expect(sections.filter((name) => name === 'c/s1')).toHaveLength(3);
    expect(sections.filter((name) => name === 'c/s2')).toHaveLength(3);
    expect(sections.filter((name) => name === 'c/s3')).toHaveLength(1);
  });

  it('draws what is not known before what was just got right, across sections', () => {
    const unknown = ['c/s1-q2', 'c/s2-q3', 'c/s3-q1'];
    const reviews = justKnown(examinable.filter((key) => !unknown.includes(key)));
    for (let seed = 1; seed <= 30; seed++) expect(drawMockPaper(candidates, reviews, now, 3, random(seed))).toEqual(unknown);
  });

  it('weights by how likely each question is forgotten: a forgotten one comes far more often than a shaky one', () => {
    const reviews: Record<string, Review> = {
      ...justKnown(['c/s1-q3', 'c/s2-q1', 'c/s2-q2', 'c/s2-q3', 'c/s3-q1']),
      'c/s1-q1': review(undefined, 'unknown', new Date('2026-11-01T02:00:00Z')),
      'c/s1-q2': review(review(undefined, 'got-it', new Date('2026-11-20T02:00:00Z')), 'got-it', new Date('2026-11-22T02:00:00Z')),
    };
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 400; seed++)
      for (const key of drawMockPaper(candidates, reviews, now, 1, random(seed))) counts.set(key, (counts.get(key) ?? 0) + 1);
    const forgotten = counts.get('c/s1-q1') ?? 0;
    const known = counts.get('c/s1-q2') ?? 0;
    expect(forgotten + known).toBe(400);
    expect(forgotten).toBeGreaterThan(known * 2);
    expect(known).toBeGreaterThan(0);
  });

  it('gives what there is when asked for more', () => {
    expect(drawMockPaper(candidates, {}, now, 50, random(3)).sort()).toEqual([...examinable].sort());
    expect(drawMockPaper([], {}, now, 5, random(3))).toEqual([]);
  });

  it('repeats itself for the same random numbers', () => {
    expect(drawMockPaper(candidates, {}, now, 4, random(11))).toEqual(drawMockPaper(candidates, {}, now, 4, random(11)));
  });
});

describe("a paper in the page's address", () => {
  const START = Date.UTC(2026, 11, 11, 13);

  it('comes back from the address as it was drawn, time limit and start included', () => {
    const paper = { ids: ['s1-2024-may-abc-q1', 's3-no-paper-q2'], minutes: 60, start: START };
    const query = mockPaperQuery(paper);
    expect(query).toBe(`paper=s1-2024-may-abc-q1%2Cs3-no-paper-q2&minutes=60&start=${START}`);
    expect(readMockPaperQuery(`?${query}`, START + 5_000)).toEqual(paper);
  });

  it('writes no timer for a paper without a time limit', () => {
    const query = mockPaperQuery({ ids: ['s1-x-q1'], minutes: 0, start: START });
    expect(query).toBe('paper=s1-x-q1');
    expect(readMockPaperQuery(query, START)).toEqual({ ids: ['s1-x-q1'], minutes: 0, start: START });
  });

  it('starts a paper whose address has no start (written by hand) now, and finds no paper in an address without one', () => {
    expect(readMockPaperQuery('?paper=s1-x-q1&minutes=30', START)).toEqual({ ids: ['s1-x-q1'], minutes: 30, start: START });
    expect(readMockPaperQuery('', START)).toBeUndefined();
    expect(readMockPaperQuery('?paper=', START)).toBeUndefined();
  });

  it('shows the time left in minutes and seconds, rounded up, then that time is up', () => {
    expect(timeLeft(60 * 60_000)).toBe('Time left: 60:00');
    expect(timeLeft(59 * 60_000 + 3_200)).toBe('Time left: 59:04');
    expect(timeLeft(1)).toBe('Time left: 0:01');
    expect(timeLeft(0)).toBe('Time is up.');
    expect(timeLeft(-5_000)).toBe('Time is up.');
  });
});
