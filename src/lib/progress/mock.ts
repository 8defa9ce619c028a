/**
 * A mock paper: `size` examinable questions drawn across the course's sections, weighted toward
 * the ones the reader knows least. Pure: the randomness comes in as a function.
 *
 * Draw weight. A question's is w · (1 − R), its exam weight (forecast.ts) times its chance of being
 * forgotten now (R: FSRS's recall now; 0 for a question never rated). So an unrated or forgotten
 * question is likeliest and one rated "Got it" a moment ago is drawn only when nothing else is left
 * (its weight is floored at a millionth of w, so it can still fill a paper).
 *
 * Across sections. The places on the paper are shared among sections in proportion to their total
 * draw weight, by largest remainder and never more than a section holds: the paper covers the
 * course, most where the reader is weakest.
 *
 * Within a section. Weighted sampling without replacement (Efraimidis and Spirakis): each question
 * gets the key u^(1/weight) for a uniform u, and the highest keys are drawn.
 *
 * The paper lists its questions in the course's order.
 */
import { recallAt } from './fsrs.ts';
import type { Weighted } from './forecast.ts';
import type { Review } from './ratings.ts';

export interface MockCandidate extends Weighted {
  section: number;
  /** Position in the notes (reading order). */
  order: number;
}

const FLOOR = 1e-6;

/**
 * How many places each section gets: `total` (or all there are) shared in proportion to `shares`,
 * at most `sizes`. Sections whose fair share is more than they hold get all they hold and the rest
 * is shared again among the others; then each gets the whole part of its share, and the places
 * left go to the largest fractions (Hamilton's method).
 */
export function allocate(shares: number[], sizes: number[], total: number): number[] {
  const places = sizes.map(() => 0);
  let left = Math.min(
    total,
    sizes.reduce((sum, size) => sum + size, 0),
  );
  let open = sizes.map((_, index) => index).filter((index) => sizes[index]! > 0);
  const quota = (index: number, among: number[]): number => (left * shares[index]!) / among.reduce((sum, other) => sum + shares[other]!, 0);
  for (;;) {
    const full = open.filter((index) => quota(index, open) >= sizes[index]!);
    if (full.length === 0) break;
    for (const index of full) {
      places[index] = sizes[index]!;
      left -= sizes[index]!;
    }
    open = open.filter((index) => !full.includes(index));
  }
  const quotas = new Map(open.map((index) => [index, quota(index, open)]));
  for (const index of open) places[index] = Math.floor(quotas.get(index)!);
  const remaining = left - open.reduce((sum, index) => sum + places[index]!, 0);
  const byFraction = [...open].sort((a, b) => (quotas.get(b)! % 1) - (quotas.get(a)! % 1) || a - b);
  for (const index of byFraction.slice(0, remaining)) places[index]! += 1;
  return places;
}

/** The keys of a mock paper of `size` questions (fewer when the course has fewer examinable ones), in the course's order. */
export function drawMockPaper(
  candidates: MockCandidate[],
  reviews: Record<string, Review>,
  now: Date,
  size: number,
  random: () => number,
): string[] {
  const weighted = candidates
    .filter((question) => question.weight > 0)
    .map((question) => {
      const review = reviews[question.key];
      const forgotten = review ? 1 - recallAt(review, now) : 1;
      return { ...question, drawWeight: question.weight * Math.max(forgotten, FLOOR) };
    });
  const sections = [...new Set(weighted.map((question) => question.section))].sort((a, b) => a - b);
  const bySection = sections.map((section) => weighted.filter((question) => question.section === section));
  const places = allocate(
    bySection.map((questions) => questions.reduce((sum, question) => sum + question.drawWeight, 0)),
    bySection.map((questions) => questions.length),
    size,
  );
  return bySection
    .flatMap((questions, index) =>
      questions
        .map((question) => ({ question, key: random() ** (1 / question.drawWeight) }))
        .sort((a, b) => b.key - a.key)
        .slice(0, places[index])
        .map(({ question }) => question),
    )
    .sort((a, b) => a.order - b.order)
    .map((question) => question.key);
}

/** A drawn paper as the page's address holds it, so a reload or a bookmark shows the same paper with its timer running on. */
export interface MockPaperAddress {
  /** The questions' ids, in the paper's order. */
  ids: string[];
  /** The time limit; 0 for none. */
  minutes: number;
  /** When the paper was drawn (ms since the epoch), for the timer. */
  start: number;
}

/** The address's query for a paper: `paper=<ids>`, and with a time limit `&minutes=60&start=<ms>`. */
export function mockPaperQuery({ ids, minutes, start }: MockPaperAddress): string {
  const params = new URLSearchParams({ paper: ids.join(',') });
  if (minutes > 0) {
    params.set('minutes', String(minutes));
    params.set('start', String(start));
  }
  return params.toString();
}

/** The paper an address's query holds (mockPaperQuery); one with no start (written by hand) starts `now`. Undefined without a paper. */
export function readMockPaperQuery(query: string, now: number): MockPaperAddress | undefined {
  const params = new URLSearchParams(query);
  const ids = (params.get('paper') ?? '').split(',').filter(Boolean);
  if (ids.length === 0) return undefined;
  return { ids, minutes: Number(params.get('minutes') ?? 0), start: Number(params.get('start') ?? now) };
}

/** The timer's line: "Time left: 59:04" (seconds rounded up), then "Time is up." */
export function timeLeft(ms: number): string {
  if (ms <= 0) return 'Time is up.';
  const seconds = Math.ceil(ms / 1000);
  return `Time left: ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
