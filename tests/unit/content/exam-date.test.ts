/** An exam date from the course home's form fields and back (src/lib/content/exam-date.ts; isExamDate itself: progress/exam.test.ts). */
import { describe, expect, it } from 'vitest';
import { examDateFields, examDateFromFields } from '../../../src/lib/content/exam-date.ts';

describe('examDateFromFields', () => {
  it('writes the day, with the start time when one is given', () => {
    expect(examDateFromFields('2026-12-15', '')).toBe('2026-12-15');
    expect(examDateFromFields('2026-12-15', '09:30')).toBe('2026-12-15T09:30');
  });

  it('refuses an empty day or a day that does not exist', () => {
    expect(examDateFromFields('', '')).toBeUndefined();
    expect(examDateFromFields('', '09:30')).toBeUndefined();
    expect(examDateFromFields('2026-02-30', '')).toBeUndefined();
  });
});

describe('examDateFields', () => {
  it('gives back the fields an exam date came from', () => {
    for (const [day, time] of [
      ['2026-12-15', ''],
      ['2026-12-15', '09:30'],
    ] as const)
      expect(examDateFields(examDateFromFields(day, time))).toEqual({ day, time });
  });

  it('leaves both fields empty without a date', () => {
    expect(examDateFields(undefined)).toEqual({ day: '', time: '' });
  });
});
