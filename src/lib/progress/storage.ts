/**
 * The reader's progress as stored in the browser and exported to a file: each question's last
 * review (ratings.ts) and the exam dates the reader set. The format is versioned; whatever is read
 * (corrupt text, an older version, ratings of questions that no longer exist, broken entries) is
 * migrated or dropped with a notice, and the rest is kept.
 *
 * Version 3 (current): `{ version: 3, reviews: { "<course>/<question id>": Review }, examDates:
 * { "<course>": { date, setAt } } }`. Versions 1 and 2 are migrated by legacy.ts, which loads the
 * memory model: pages pass it in only when the stored data is that old (storedVersion()).
 */
import { isExamDate } from '../content/exam-date.ts';
import { isCount, isMoment, isRating, isRecord } from './guards.ts';
import type { Migrated } from './legacy.ts';
import { MEMORY_STATES, type MemoryCard, type Rating, type Remembered, type Review } from './ratings.ts';

export const CURRENT_VERSION = 3;

/** Question key "<course>/<question id>" → its last review. */
export type Reviews = Record<string, Review>;

/** An exam date the reader chose for a course: null when they said there is none (over the notes' date). */
export interface ExamDateChoice {
  /** "2026-12-15" or "2026-12-15T09:30", local time. */
  date: string | null;
  /** When they chose it (ISO 8601): the latest choice wins when progress from two devices is merged. */
  setAt: string;
}

export interface Progress {
  version: typeof CURRENT_VERSION;
  reviews: Reviews;
  /** Course id → the reader's exam date. */
  examDates: Record<string, ExamDateChoice>;
}

export interface Loaded {
  progress: Progress;
  /** What was changed while reading, for a visible notice; empty when the data was clean. */
  notices: string[];
}

/** Migrates versions 1 and 2 (legacy.ts's migrateLegacy). */
export type MigrateLegacy = (parsed: Record<string, unknown>) => Migrated | undefined;

export interface ReadOptions {
  /** The question keys that exist for `course`: reviews of that course's other questions are dropped (other courses' kept). */
  scope?: { course: string; known: Set<string> } | undefined;
  /** Needed when storedVersion() is below CURRENT_VERSION. */
  migrate?: MigrateLegacy | undefined;
}

export const emptyProgress = (): Progress => ({ version: CURRENT_VERSION, reviews: {}, examDates: {} });

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function validCard(value: unknown): MemoryCard | undefined {
  if (!isRecord(value)) return undefined;
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state } = value;
  if (
    !isMoment(due) ||
    !isNumber(stability) ||
    stability <= 0 ||
    !isNumber(difficulty) ||
    !isCount(scheduledDays) ||
    !isCount(learningSteps) ||
    !isCount(reps) ||
    !isCount(lapses) ||
    !MEMORY_STATES.includes(state as MemoryCard['state'])
  )
    return undefined;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: state as MemoryCard['state'] };
}

function validRemembered(value: unknown): Remembered | undefined {
  if (!isRecord(value) || !isMoment(value.ratedAt)) return undefined;
  const card = validCard(value.card);
  return card && { card, ratedAt: value.ratedAt };
}

function validReview(value: unknown): Review | undefined {
  if (!isRecord(value) || !isRating(value.rating)) return undefined;
  const remembered = validRemembered(value);
  if (!remembered) return undefined;
  const review: Review = { rating: value.rating, ...remembered };
  if (value.previous === null) review.previous = null;
  else if (value.previous !== undefined) {
    const previous = validRemembered(value.previous);
    if (!previous) return undefined;
    review.previous = previous;
  }
  return review;
}

function validExamDates(value: unknown): { examDates: Record<string, ExamDateChoice>; dropped: number } {
  const examDates: Record<string, ExamDateChoice> = {};
  let dropped = 0;
  for (const [course, choice] of Object.entries(isRecord(value) ? value : {})) {
    if (
      isRecord(choice) &&
      isMoment(choice.setAt) &&
      (choice.date === null || (typeof choice.date === 'string' && isExamDate(choice.date)))
    )
      examDates[course] = { date: choice.date, setAt: choice.setAt };
    else dropped += 1;
  }
  return { examDates, dropped };
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The version of stored or imported progress, if it is a versioned object at all. */
export function storedVersion(raw: string | null): unknown {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    return isRecord(parsed) ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}

/** Reads stored or imported progress. */
export function readProgress(raw: string | null, { scope, migrate }: ReadOptions = {}): Loaded {
  if (raw === null || raw.trim() === '') return { progress: emptyProgress(), notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), notices: ['Your saved progress could not be read (it was not valid JSON) and was reset.'] };
  }
  if (!isRecord(parsed)) return { progress: emptyProgress(), notices: ['Your saved progress was not in a known format and was reset.'] };

  const notices: string[] = [];
  const progress = emptyProgress();
  if (parsed.version === CURRENT_VERSION) {
    let dropped = 0;
    for (const [key, value] of Object.entries(isRecord(parsed.reviews) ? parsed.reviews : {})) {
      const valid = validReview(value);
      if (valid) progress.reviews[key] = valid;
      else dropped += 1;
    }
    const exams = validExamDates(parsed.examDates);
    progress.examDates = exams.examDates;
    if (dropped > 0)
      notices.push(`${plural(dropped, 'damaged rating was', 'damaged ratings were')} dropped; the rest of your progress is kept.`);
    if (exams.dropped > 0) notices.push(`${plural(exams.dropped, 'damaged exam date was', 'damaged exam dates were')} dropped.`);
  } else if (parsed.version === 1 || parsed.version === 2) {
    if (!migrate) throw new Error(`progress of version ${parsed.version} needs the migration (legacy.ts) passed in`);
    const migrated = migrate(parsed);
    progress.reviews = migrated?.reviews ?? {};
    notices.push('Your saved progress was from an older version of the site and has been updated.');
    if (migrated && migrated.dropped > 0)
      notices.push(`${plural(migrated.dropped, 'damaged rating was', 'damaged ratings were')} dropped.`);
  } else {
    return {
      progress: emptyProgress(),
      notices: [`Your saved progress is from an unknown version (${String(parsed.version)}) and could not be used.`],
    };
  }

  if (scope) {
    const stale = Object.keys(progress.reviews).filter((key) => key.startsWith(`${scope.course}/`) && !scope.known.has(key));
    for (const key of stale) delete progress.reviews[key];
    if (stale.length > 0)
      notices.push(
        `${plural(stale.length, 'rating was', 'ratings were')} for questions no longer in the notes and ${stale.length === 1 ? 'was' : 'were'} removed.`,
      );
  }
  return { progress, notices };
}

export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

const later = <T extends object>(mine: T | undefined, theirs: T, moment: (entry: T) => string): T =>
  !mine || Date.parse(moment(theirs)) > Date.parse(moment(mine)) ? theirs : mine;

/** Combines progress from two devices: for each question the latest rating wins, and for each course the latest exam date. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const reviews: Reviews = { ...mine.reviews };
  for (const [key, entry] of Object.entries(theirs.reviews)) reviews[key] = later(reviews[key], entry, (review) => review.ratedAt);
  const examDates = { ...mine.examDates };
  for (const [course, choice] of Object.entries(theirs.examDates))
    examDates[course] = later(examDates[course], choice, (entry) => entry.setAt);
  return { version: CURRENT_VERSION, reviews, examDates };
}

/** The progress with the reader's exam date for a course: a date, null for "no exam date", or undefined to follow the notes again. */
export function chooseExamDate(progress: Progress, course: string, date: string | null | undefined, now: Date): Progress {
  const examDates = { ...progress.examDates };
  if (date === undefined) delete examDates[course];
  else examDates[course] = { date, setAt: now.toISOString() };
  return { ...progress, examDates };
}

/** Rated / total and how many are shaky or unknown, for a set of questions (a page's line: tallyLine). */
export function tally(progress: Progress, keys: string[]): { rated: number; total: number } & Record<Exclude<Rating, 'got-it'>, number> {
  const entries = keys.map((key) => progress.reviews[key]).filter((entry): entry is Review => entry !== undefined);
  return {
    rated: entries.length,
    total: keys.length,
    shaky: entries.filter((entry) => entry.rating === 'shaky').length,
    unknown: entries.filter((entry) => entry.rating === 'unknown').length,
  };
}

/** A page's progress line over some questions (tally): "5/12 rated · 2 shaky · 1 didn't know". */
export function tallyLine({ rated, total, shaky, unknown }: { rated: number; total: number; shaky: number; unknown: number }): string {
  const parts = [`${rated}/${total} rated`];
  if (shaky > 0) parts.push(`${shaky} shaky`);
  if (unknown > 0) parts.push(`${unknown} didn't know`);
  return parts.join(' · ');
}
