/**
 * What a rating is and what is kept of it: the words of the three buttons and the stored shape of
 * a question's last review. No scheduling code here, so pages that only show ratings (badges,
 * tallies) load none of the memory model (fsrs.ts).
 */

export type Rating = 'got-it' | 'shaky' | 'unknown';

/** In the order the buttons show. */
export const RATINGS: Rating[] = ['got-it', 'shaky', 'unknown'];

export const RATING_LABELS: Record<Rating, string> = {
  'got-it': 'Got it',
  shaky: 'Shaky',
  unknown: "Didn't know",
};

/** FSRS's card states after a first rating (a card is "New" only before it). */
export const MEMORY_STATES = ['Learning', 'Review', 'Relearning'] as const;

/** A question's memory state after a rating: ts-fsrs's card, without the moment of the rating (kept beside it). */
export interface MemoryCard {
  /** When FSRS schedules the next review (ISO 8601). */
  due: string;
  /** Days until the chance of recall falls to 90 %. */
  stability: number;
  /** 1 (easy) to 10 (hard). */
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: (typeof MEMORY_STATES)[number];
}

/** A memory state and the moment of the rating that gave it. */
export interface Remembered {
  card: MemoryCard;
  /** ISO 8601. */
  ratedAt: string;
}

/** A question's last review, as stored and exported. */
export interface Review extends Remembered {
  rating: Rating;
  /**
   * The review before it, so a rating changed a moment later replaces this one instead of counting
   * as a second review; null when this was the question's first. Absent after a migration from an
   * older version, which kept no such thing.
   */
  previous?: Remembered | null;
}
