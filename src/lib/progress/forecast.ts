/**
 * Exam-day readiness, and how much reviewing a question now would raise it. Pure, over FSRS (fsrs.ts).
 *
 * Weight. How much of a question can be on the exam, w ∈ [0, 1], from the notes' markers: a marker
 * on the question itself decides (not examined 0, probably not examined ¼, may be examined ½,
 * none 1); otherwise it is the mean weight of its top-level parts, a part weighing what its own
 * marker says, else the mean of its sub-parts, else 1. A question of weight 0 is left out of
 * everything here: it will not be asked.
 *
 * Recall on exam day. For a rated question, R(T) is FSRS's chance of recall at the exam's start T:
 * R = (1 + F·t/S)^(−d) with S its stability, t the whole days from its last rating to T, and d, F
 * FSRS-6's decay and the factor that makes R = 90 % at t = S (ts-fsrs's retrievability). A question
 * never rated counts as not known: R(T) = 0. This is the recall if the reader revised no more.
 *
 * Readiness of a set of questions (a course, a section) = Σ w·R(T) / Σ w: the expected share of the
 * exam's weight of questions the reader would recall. It comes with how many are still unrated.
 *
 * Gain of a review now (t < T). Its outcome is uncertain: the reader recalls the question with
 * p = R(t), FSRS's chance of recall now, and then rates it Got it (Good); otherwise Didn't know
 * (Again). FSRS gives the memory after each, so
 *     E[R(T) after a review at t] = p · R(T | Good at t) + (1 − p) · R(T | Again at t),
 *     gain = w · (E[R(T) after a review at t] − R(T)).
 * A question never rated is learnt for the first time by reading its answer: a first Again, so its
 * gain is w · R(T | first Again at t), from the 0 it counts for now. Reviewing the questions of
 * highest gain first raises expected readiness the most per question reviewed.
 */
import type { Examinability } from '../content/schema.ts';
import { grade, recallAt } from './fsrs.ts';
import type { Remembered, Review } from './ratings.ts';

/** The page's one sentence on how readiness is computed: keep it in step with the maths above. */
export const READINESS_EXPLAINED =
  'Readiness is the chance, predicted by the FSRS memory model from your ratings, that you recall each examinable question when the exam starts if you revise no more, averaged with parts that may be examined counting half, probably-not-examined ones a quarter, not-examined ones not at all, and questions you never rated as not known.';

export const EXAMINABILITY_WEIGHT: Record<Examinability, number> = {
  unmarked: 1,
  'may-be-examined': 0.5,
  'probably-not-examined': 0.25,
  'not-examined': 0,
};

interface Marked {
  examinability: Examinability;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The weight of the parts at `depth` from `start` (the children of the part before it), each with its own sub-parts. */
function partsWeight(parts: (Marked & { depth: number })[], start: number, depth: number): number {
  const weights: number[] = [];
  for (let index = start; index < parts.length && (parts[index]?.depth ?? 0) >= depth; index += 1) {
    const part = parts[index]!;
    if (part.depth !== depth) continue;
    const hasChildren = (parts[index + 1]?.depth ?? 0) > depth;
    weights.push(
      part.examinability !== 'unmarked'
        ? EXAMINABILITY_WEIGHT[part.examinability]
        : hasChildren
          ? partsWeight(parts, index + 1, depth + 1)
          : 1,
    );
  }
  return weights.length === 0 ? 1 : mean(weights);
}

/** How much of the question can be on the exam, 0 to 1 (see the module's comment). */
export function examWeight(question: Marked & { parts: (Marked & { depth: number })[] }): number {
  if (question.examinability !== 'unmarked') return EXAMINABILITY_WEIGHT[question.examinability];
  if (question.parts.length === 0) return 1;
  return partsWeight(question.parts, 0, Math.min(...question.parts.map((part) => part.depth)));
}

/** The chance of recalling a question at the exam if revised no more; 0 when never rated. */
export function recallOnExamDay(review: Remembered | undefined, exam: Date): number {
  return review ? recallAt(review, exam) : 0;
}

/** A question as the forecast sees it: its progress key and exam weight. */
export interface Weighted {
  key: string;
  weight: number;
}

export interface Readiness {
  /** Σ w·R(T) / Σ w, 0 to 1; 0 when nothing is examinable. */
  recall: number;
  /** Questions of weight above 0. */
  examinable: number;
  /** Of those, how many were never rated. */
  unrated: number;
}

export function readiness(questions: Weighted[], reviews: Record<string, Review>, exam: Date): Readiness {
  const examinable = questions.filter((question) => question.weight > 0);
  const totalWeight = examinable.reduce((sum, question) => sum + question.weight, 0);
  const recalled = examinable.reduce((sum, question) => sum + question.weight * recallOnExamDay(reviews[question.key], exam), 0);
  return {
    recall: totalWeight === 0 ? 0 : recalled / totalWeight,
    examinable: examinable.length,
    unrated: examinable.filter((question) => !reviews[question.key]).length,
  };
}

/** How much reviewing the question at `now` is expected to raise its weighted recall at `exam` (see the module's comment). */
export function reviewGain(review: Remembered | undefined, weight: number, now: Date, exam: Date): number {
  if (weight === 0) return 0;
  const ratedAt = now.toISOString();
  const after = (rating: 'got-it' | 'unknown'): number => recallAt({ card: grade(review, rating, now), ratedAt }, exam);
  if (!review) return weight * after('unknown');
  const recallNow = recallAt(review, now);
  const expected = recallNow * after('got-it') + (1 - recallNow) * after('unknown');
  return weight * (expected - recallOnExamDay(review, exam));
}
