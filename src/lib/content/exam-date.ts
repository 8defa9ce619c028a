/**
 * How an exam's date is written, in course.md (`examDate`) and in the reader's progress: its local
 * day, with its start time when known. Kept apart from the zod schemas so browser code can check
 * a date without loading zod.
 */

/** "2026-12-15" or "2026-12-15T09:30". */
export const EXAM_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Whether `text` is an EXAM_DATE naming a real day (no 31 June) and time (no 24:00). */
export function isExamDate(text: string): boolean {
  const [, year, month, day, hours = '0', minutes = '0'] = EXAM_DATE.exec(text) ?? [];
  if (year === undefined) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) && Number(hours) < 24 && Number(minutes) < 60;
}

/** An exam date from a form's day ("2026-12-15") and optional time ("09:30"); undefined unless it is an exam date. */
export function examDateFromFields(day: string, time: string): string | undefined {
  const date = time ? `${day}T${time}` : day;
  return isExamDate(date) ? date : undefined;
}

/** The inverse of examDateFromFields: an exam date's day and time (empty when it has none) for a form's fields. */
export function examDateFields(date: string | undefined): { day: string; time: string } {
  return { day: date?.slice(0, 10) ?? '', time: date?.slice(11) ?? '' };
}
