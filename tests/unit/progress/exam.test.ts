// Exam dates are the reader's local days. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

import { describe, expect, it } from 'vitest';
import { isExamDate } from '../../../src/lib/content/exam-date.ts';
import { courseSchema } from '../../../src/lib/content/schema.ts';
import { countdown, describeExamDate, examDateInForce, examMoment, studyDaysLeft } from '../../../src/lib/progress/exam.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);

describe('how an exam date is written', () => {
  it.each<[string, boolean]>([
    ['2026-12-15', true],
    ['2026-12-15T09:30', true],
    ['2028-02-29', true],
    ['2026-02-29', false], // not a leap year
    ['2026-06-31', false],
    ['2026-13-01', false],
    ['2026-12-15T24:00', false],
    ['2026-12-15T09:60', false],
    ['2026-12-15 09:30', false],
    ['2026-12-15T09:30:00', false],
    ['15/12/2026', false],
    ['', false],
  ])('%j → %s', (text, valid) => {
    expect(isExamDate(text)).toBe(valid);
  });

  it.each<[unknown, string | undefined]>([
    ['2026-12-15', '2026-12-15'],
    ['2026-12-15T09:30', '2026-12-15T09:30'],
    // Astro's YAML reader turns an unquoted 2026-12-15 into a Date at UTC midnight.
    [new Date('2026-12-15T00:00:00Z'), '2026-12-15'],
    [undefined, undefined],
  ])('course.md examDate %j → %j', (examDate, expected) => {
    const parsed = courseSchema.parse({ title: 'T', notes: 'notes.md', ...(examDate === undefined ? {} : { examDate }) });
    expect(parsed.examDate).toBe(expected);
  });

  it.each(['2026-02-30', 'next Friday', 20261215])('course.md examDate %j is refused, saying how to write one', (examDate) => {
    const result = courseSchema.safeParse({ title: 'T', notes: 'notes.md', examDate });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['examDate']);
  });
});

describe('examMoment', () => {
  it.each<[string, string]>([
    ['2026-12-15', '2026-12-15T09:00:00'], // a day alone starts at 09:00
    ['2026-12-15T14:30', '2026-12-15T14:30:00'],
    ['2026-12-15T00:00', '2026-12-15T00:00:00'],
  ])('%s starts at %s local time', (date, local) => {
    expect(examMoment(date)).toEqual(hk(local));
  });
});

describe('examDateInForce', () => {
  it.each<[string | undefined, { date: string | null; setAt: string } | undefined, string | undefined]>([
    [undefined, undefined, undefined],
    ['2026-12-15', undefined, '2026-12-15'],
    ['2026-12-15', { date: '2026-12-18T10:00', setAt: '2026-03-01T00:00:00Z' }, '2026-12-18T10:00'],
    [undefined, { date: '2026-12-18', setAt: '2026-03-01T00:00:00Z' }, '2026-12-18'],
    // The reader said there is no exam date: the notes' does not come back.
    ['2026-12-15', { date: null, setAt: '2026-03-01T00:00:00Z' }, undefined],
  ])('notes %j, reader %j → %j', (notes, choice, expected) => {
    expect(examDateInForce(notes, choice)).toBe(expected);
  });
});

describe('studyDaysLeft', () => {
  it.each<[string, string, number]>([
    // Today counts, the exam's own day does not: the 12th, 13th and 14th before an exam on the 15th.
    ['2026-12-12T08:00:00', '2026-12-15', 3],
    ['2026-12-12T23:59:00', '2026-12-15', 3],
    ['2026-12-14T22:00:00', '2026-12-15', 1],
    // On the day, until it starts, what is left of the day.
    ['2026-12-15T07:00:00', '2026-12-15', 1],
    ['2026-12-15T08:59:59', '2026-12-15', 1],
    ['2026-12-15T09:00:00', '2026-12-15', 0],
    ['2026-12-15T13:00:00', '2026-12-15T14:00', 1],
    ['2026-12-16T09:00:00', '2026-12-15', 0],
    ['2026-11-15T09:00:00', '2026-12-15', 30],
    // Across a month and a year.
    ['2026-12-30T10:00:00', '2027-01-04', 5],
  ])('at %s, exam %s → %i', (local, date, expected) => {
    expect(studyDaysLeft(hk(local), date)).toBe(expected);
  });
});

describe('countdown', () => {
  it.each<[string, string, string]>([
    ['2026-12-02T10:00:00', '2026-12-15', 'Exam in 13 days: Tuesday 15 December 2026.'],
    ['2026-12-14T23:00:00', '2026-12-15T09:30', 'Exam tomorrow: Tuesday 15 December 2026, 09:30.'],
    ['2026-12-15T07:00:00', '2026-12-15', 'Exam today: Tuesday 15 December 2026.'],
    ['2026-12-15T09:00:00', '2026-12-15', 'The exam was on Tuesday 15 December 2026.'],
    ['2027-01-10T12:00:00', '2026-12-15T14:00', 'The exam was on Tuesday 15 December 2026, 14:00.'],
  ])('at %s, exam %s: %j', (local, date, expected) => {
    expect(countdown(hk(local), date)).toBe(expected);
  });

  it('names the day in words', () => {
    expect(describeExamDate('2027-01-04T08:15')).toBe('Monday 4 January 2027, 08:15');
  });
});
