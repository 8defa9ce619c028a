/**
 * The exam a reader revises toward: the date they chose in the browser if any (stored with their
 * progress), else the one in the notes (course.md `examDate`). Dates are the reader's local days;
 * an exam given without a start time is counted from 09:00.
 */
import { EXAM_DATE } from '../content/exam-date.ts';
import { dayOf, daysBetween } from './schedule.ts';
import type { ExamDateChoice } from './storage.ts';

/** When an exam given as a day only is taken to start. */
export const DEFAULT_START = { hours: 9, minutes: 0 };

export function examDay(date: string): string {
  return date.slice(0, 10);
}

/** The moment the exam starts, in local time. */
export function examMoment(date: string): Date {
  const [, year, month, day, hours, minutes] = EXAM_DATE.exec(date) ?? [];
  return new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    hours === undefined ? DEFAULT_START.hours : Number(hours),
    minutes === undefined ? DEFAULT_START.minutes : Number(minutes),
  );
}

/** The exam date in force: the reader's choice (null: they said there is none), else the notes'. */
export function examDateInForce(fromNotes: string | undefined, choice: ExamDateChoice | undefined): string | undefined {
  return choice ? (choice.date ?? undefined) : fromNotes;
}

/**
 * Days of revision left before the exam, counting today and not the exam's own day: an exam on the
 * 15th leaves 3 on the 12th (12, 13, 14) and 1 on the day itself until it starts; 0 once it has.
 */
export function studyDaysLeft(now: Date, date: string): number {
  if (now.getTime() >= examMoment(date).getTime()) return 0;
  return Math.max(1, daysBetween(dayOf(now), examDay(date)));
}

// Spelled out rather than left to Intl, whose punctuation differs between browsers and versions.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tuesday 15 December 2026", or with its start time "Tuesday 15 December 2026, 09:30". */
export function describeExamDate(date: string): string {
  const moment = examMoment(date);
  const time = date.length > 10 ? `, ${date.slice(11)}` : '';
  return `${WEEKDAYS[moment.getDay()]} ${moment.getDate()} ${MONTHS[moment.getMonth()]} ${moment.getFullYear()}${time}`;
}

/** How far off the exam is at `now`: "Exam in 13 days", "Exam tomorrow", "Exam today"; undefined once it has started. */
export function examWhen(now: Date, date: string): string | undefined {
  if (now.getTime() >= examMoment(date).getTime()) return undefined;
  const days = daysBetween(dayOf(now), examDay(date));
  return days === 0 ? 'Exam today' : days === 1 ? 'Exam tomorrow' : `Exam in ${days} days`;
}

/** The exam at `now`, with its date: "Exam in 13 days: Tuesday 15 December 2026.", "The exam was on …". */
export function countdown(now: Date, date: string): string {
  const when = examWhen(now, date);
  return when ? `${when}: ${describeExamDate(date)}.` : `The exam was on ${describeExamDate(date)}.`;
}
