/**
 * The reader's progress as stored in the browser and exported to a file. The format is
 * versioned; whatever is read (corrupt text, an older version, ratings of questions that no
 * longer exist, broken entries) is migrated or dropped with a notice, and the rest is kept.
 */
import { BOX_DAYS, RATINGS, review, type Rating, type Review } from './schedule.ts';

export const STORAGE_KEY = 'revision-progress';
export const CURRENT_VERSION = 2;

/** Question key "<course>/<question id>" → its last review. */
export type Reviews = Record<string, Review>;

export interface Progress {
  version: typeof CURRENT_VERSION;
  reviews: Reviews;
}

export interface Loaded {
  progress: Progress;
  /** What was changed while reading, for a visible notice; empty when the data was clean. */
  notices: string[];
}

export const emptyProgress = (): Progress => ({ version: CURRENT_VERSION, reviews: {} });

const isRating = (value: unknown): value is Rating => RATINGS.includes(value as Rating);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isMoment = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function validReview(value: unknown): Review | undefined {
  if (!isRecord(value)) return undefined;
  const { rating, ratedAt, box, due } = value;
  if (
    !isRating(rating) ||
    !isMoment(ratedAt) ||
    !isDay(due) ||
    typeof box !== 'number' ||
    !Number.isInteger(box) ||
    box < 0 ||
    box >= BOX_DAYS.length
  )
    return undefined;
  return { rating, ratedAt, box, due };
}

/**
 * Version 1 stored only the last rating and when it was given: `{ version: 1, ratings: { key:
 * { rating, ratedAt } } }`. Its schedule is rebuilt as if that rating had just been given then.
 */
function fromVersion1(ratings: unknown): { reviews: Reviews; dropped: number } {
  const reviews: Reviews = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(isRecord(ratings) ? ratings : {})) {
    if (isRecord(value) && isRating(value.rating) && isMoment(value.ratedAt))
      reviews[key] = review(undefined, value.rating, new Date(value.ratedAt));
    else dropped += 1;
  }
  return { reviews, dropped };
}

/**
 * Reads stored or imported progress. `known`, when given, is the set of question keys that
 * exist for `course`: reviews of that course's other questions are dropped (other courses' kept).
 */
export function readProgress(raw: string | null, scope?: { course: string; known: Set<string> }): Loaded {
  if (raw === null || raw.trim() === '') return { progress: emptyProgress(), notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), notices: ['Your saved progress could not be read (it was not valid JSON) and was reset.'] };
  }
  if (!isRecord(parsed)) return { progress: emptyProgress(), notices: ['Your saved progress was not in a known format and was reset.'] };

  const notices: string[] = [];
  let reviews: Reviews = {};
  if (parsed.version === CURRENT_VERSION) {
    let dropped = 0;
    for (const [key, value] of Object.entries(isRecord(parsed.reviews) ? parsed.reviews : {})) {
      const valid = validReview(value);
      if (valid) reviews[key] = valid;
      else dropped += 1;
    }
    if (dropped > 0)
      notices.push(`${dropped} damaged rating${dropped === 1 ? ' was' : 's were'} dropped; the rest of your progress is kept.`);
  } else if (parsed.version === 1) {
    const migrated = fromVersion1(parsed.ratings);
    reviews = migrated.reviews;
    notices.push('Your saved progress was from an older version of the site and has been updated.');
    if (migrated.dropped > 0) notices.push(`${migrated.dropped} damaged rating${migrated.dropped === 1 ? ' was' : 's were'} dropped.`);
  } else {
    return {
      progress: emptyProgress(),
      notices: [`Your saved progress is from an unknown version (${String(parsed.version)}) and could not be used.`],
    };
  }

  if (scope) {
    const stale = Object.keys(reviews).filter((key) => key.startsWith(`${scope.course}/`) && !scope.known.has(key));
    for (const key of stale) delete reviews[key];
    if (stale.length > 0)
      notices.push(
        `${stale.length} rating${stale.length === 1 ? ' was' : 's were'} for questions no longer in the notes and ${stale.length === 1 ? 'was' : 'were'} removed.`,
      );
  }
  return { progress: { version: CURRENT_VERSION, reviews }, notices };
}

export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Combines progress from two devices: for each question the latest rating wins. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const reviews: Reviews = { ...mine.reviews };
  for (const [key, entry] of Object.entries(theirs.reviews)) {
    const current = reviews[key];
    if (!current || Date.parse(entry.ratedAt) > Date.parse(current.ratedAt)) reviews[key] = entry;
  }
  return { version: CURRENT_VERSION, reviews };
}

export function rate(progress: Progress, key: string, rating: Rating, now: Date): Progress {
  return { version: CURRENT_VERSION, reviews: { ...progress.reviews, [key]: review(progress.reviews[key], rating, now) } };
}

/** Rated / total and how many are shaky or unknown, for a set of questions. */
export function tally(progress: Progress, keys: string[]): { rated: number; total: number; shaky: number; unknown: number } {
  const entries = keys.map((key) => progress.reviews[key]).filter((entry): entry is Review => entry !== undefined);
  return {
    rated: entries.length,
    total: keys.length,
    shaky: entries.filter((entry) => entry.rating === 'shaky').length,
    unknown: entries.filter((entry) => entry.rating === 'unknown').length,
  };
}
