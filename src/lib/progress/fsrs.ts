/**
 * The memory model behind every schedule and forecast: FSRS-6 as ts-fsrs implements it, with its
 * default parameters (fitted on millions of Anki reviews), a requested retention of 90 % and no
 * fuzz, so the same ratings always give the same days.
 *
 * The three buttons are FSRS grades: Didn't know → Again, Shaky → Hard, Got it → Good (the site
 * has no Easy). FSRS's learning steps are off: intervals are whole days, so a question rated
 * "Didn't know" comes back tomorrow rather than in a minute, which suits a queue the reader opens
 * once a day; a second review on the same day still counts, through FSRS-6's short-term stability.
 */
import { createEmptyCard, forgetting_curve, fsrs, Rating as Grade, State, type Card, type Grade as GradeValue } from 'ts-fsrs';
import type { MemoryCard, Rating, Remembered } from './ratings.ts';

export const GRADE_OF: Record<Rating, GradeValue> = {
  unknown: Grade.Again,
  shaky: Grade.Hard,
  'got-it': Grade.Good,
};

export const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: [], relearning_steps: [] });

function toCard({ card, ratedAt }: Remembered): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: State[card.state],
    last_review: new Date(ratedAt),
  };
}

function fromCard(card: Card): MemoryCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: State[card.state] as MemoryCard['state'],
  };
}

/** The memory state after rating a question at `now`, from the state it had (none when never rated). */
export function grade(before: Remembered | undefined, rating: Rating, now: Date): MemoryCard {
  return fromCard(scheduler.next(before ? toCard(before) : createEmptyCard(now), now, GRADE_OF[rating]).card);
}

/**
 * The chance of recalling the question at `moment`, 0 to 1: FSRS's forgetting curve at the time
 * since its rating, in days and fractions of a day; 1 at or before the rating. (ts-fsrs's own
 * retrievability counts whole days, which would call a question forgotten at 21:00 sure to be
 * recalled at a 09:00 exam.)
 */
export function recallAt({ card, ratedAt }: Remembered, moment: Date): number {
  const days = (moment.getTime() - Date.parse(ratedAt)) / 86_400_000;
  return days <= 0 ? 1 : forgetting_curve(scheduler.parameters.w, days, card.stability);
}
