/** Checks for data read back from storage or a file, which may be anything. */
import { RATINGS, type Rating } from './ratings.ts';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
export const isRating = (value: unknown): value is Rating => RATINGS.includes(value as Rating);
/** A moment in a format Date reads (ISO 8601). */
export const isMoment = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
/** A calendar day, "YYYY-MM-DD". */
export const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
