/**
 * The memory model behind every schedule and forecast: FSRS-6 as ts-fsrs implements it, with its
 * default parameters (fitted on millions of Anki reviews), a requested retention of 90 % and no
 * fuzz, so the same ratings always give the same days.
 *
 * The three buttons are FSRS grades: Didn't know → Again, Shaky → Hard, Got it → Good (the site
 * has no Easy). A failed question comes back within the session, as in Anki: ts-fsrs's short-term
 * learning steps are on, one step of 10 minutes both for a question seen for the first time
 * (`learning_steps`) and for one forgotten after a review (`relearning_steps`). So "Didn't know"
 * is due again 10 minutes later; "Shaky" on a new question (or one in its step) 15 minutes later
 * (ts-fsrs's Hard: 1.5 × the only step), on a question already learnt FSRS's days; "Got it" ends
 * the step, and the question is due in FSRS's whole days. A second review on the same day counts
 * through FSRS-6's short-term stability (`enable_short_term`, ts-fsrs's default).
 */
import {
  createEmptyCard,
  forgetting_curve,
  fsrs,
  Rating as Grade,
  State,
  type Card,
  type Grade as GradeValue,
  type StepUnit,
} from 'ts-fsrs';
import type { MemoryCard, Rating, Remembered } from './ratings.ts';

export const GRADE_OF: Record<Rating, GradeValue> = {
  unknown: Grade.Again,
  shaky: Grade.Hard,
  'got-it': Grade.Good,
};

/** The short-term steps: a first "Didn't know" (learning) and a lapse (relearning) come back after 10 minutes. */
export const LEARNING_STEPS: readonly StepUnit[] = ['10m'];
export const RELEARNING_STEPS: readonly StepUnit[] = ['10m'];

const settings = { request_retention: 0.9, enable_fuzz: false, enable_short_term: true } as const;
export const scheduler = fsrs({ ...settings, learning_steps: LEARNING_STEPS, relearning_steps: RELEARNING_STEPS });
/**
 * Without learning steps, every interval whole days: how the site scheduled before the steps, so
 * ratings kept by older versions (legacy.ts) replay into the memory they had then.
 */
const dayScheduler = fsrs({ ...settings, learning_steps: [], relearning_steps: [] });

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

/**
 * The memory state after rating a question at `now`, from the state it had (none when never
 * rated); with `steps: false`, as scheduled before the learning steps (whole days only).
 */
export function grade(before: Remembered | undefined, rating: Rating, now: Date, { steps = true } = {}): MemoryCard {
  const model = steps ? scheduler : dayScheduler;
  return fromCard(model.next(before ? toCard(before) : createEmptyCard(now), now, GRADE_OF[rating]).card);
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
