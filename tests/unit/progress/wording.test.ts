// Days are the reader's calendar days. Node re-reads TZ when it is set.
process.env.TZ = 'Asia/Hong_Kong';

/** What the course home, the revise page and the review page say, from the session. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/lib/progress/plan.ts';
import { review } from '../../../src/lib/progress/schedule.ts';
import type { Session } from '../../../src/lib/progress/session.ts';
import {
  againIn,
  cardState,
  examLine,
  homeAction,
  nothingDue,
  percent,
  planStatus,
  planSummary,
  plural,
  position,
  queueCards,
  ratedNote,
  readinessCounts,
  resumeLabel,
  reviseLabel,
  sectionReadiness,
  sessionDone,
} from '../../../src/lib/progress/wording.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const NOW = hk('2026-12-11T21:00:00');
const plan = (fields: Partial<Plan>): Plan => ({ daysLeft: 4, toDo: 12, perDay: 3, doneToday: 0, today: [], done: false, ...fields });
const planned = (queue: string[], fields: Partial<Plan> = {}, later: Session['later'] = []): Session => ({
  mode: 'plan',
  queue,
  again: 0,
  later,
  plan: plan({ done: queue.length === 0, ...fields }),
});
const due = (queue: string[], later: Session['later'] = []): Session => ({ mode: 'due', queue, again: 0, later });
const none = { rated: 0, firstSection: 'Section 1 · Basics', nextDue: undefined };

describe('the exam line', () => {
  const ready = { recall: 0.383, examinable: 20, unrated: 8 };
  it.each<[string, string | undefined, string]>([
    ['no date', undefined, 'No exam date set'],
    ['days ahead', '2026-12-15T09:30', 'Exam in 4 days · ready 38 %'],
    ['tomorrow', '2026-12-12', 'Exam tomorrow · ready 38 %'],
    ['later today', '2026-12-11T23:00', 'Exam today · ready 38 %'],
    ['started', '2026-12-11T09:00', 'The exam was on Friday 11 December 2026, 09:00'],
  ])('%s', (_, date, line) => {
    expect(examLine(NOW, date, ready)).toBe(line);
  });

  it('leaves readiness out where nothing is examinable', () => {
    expect(examLine(NOW, '2026-12-15', { recall: 0, examinable: 0, unrated: 0 })).toBe('Exam in 4 days');
  });

  it.each([
    [{ recall: 0.4, examinable: 20, unrated: 8 }, '8 of 20 examinable questions not rated yet: they count as not known.'],
    [{ recall: 0.9, examinable: 1, unrated: 0 }, 'The examinable question is rated.'],
    [{ recall: 0.9, examinable: 5, unrated: 0 }, 'All 5 examinable questions are rated.'],
    [{ recall: 0, examinable: 0, unrated: 0 }, 'No question of this course is examinable.'],
  ])('what readiness counts: %j', (ready, text) => {
    expect(readinessCounts(ready)).toBe(text);
  });

  it.each<[Parameters<typeof sectionReadiness>[0], string]>([
    [{ recall: 0.384, examinable: 6, unrated: 4 }, 'Exam-day readiness 38 % · 4 unrated'],
    [{ recall: 0.9, examinable: 6, unrated: 0 }, 'Exam-day readiness 90 %'],
    [{ recall: 0, examinable: 0, unrated: 0 }, ''],
    [undefined, ''],
  ])("a section's readiness: %j", (ready, text) => {
    expect(sectionReadiness(ready)).toBe(text);
  });
});

describe("the course home's one action", () => {
  it.each<[string, Session, Parameters<typeof homeAction>[2], ReturnType<typeof homeAction>]>([
    [
      'tonight’s plan',
      planned(Array.from({ length: 9 }, (_, i) => `q${i}`)),
      none,
      { kind: 'revise', label: 'Tonight: 9 questions, about 25 min' },
    ],
    ['one question', planned(['q1']), none, { kind: 'revise', label: 'Tonight: 1 question, about 5 min' }],
    ['the plan done', planned([], { doneToday: 3 }), none, { kind: 'rest', text: 'Tonight’s plan is done.' }],
    [
      'the plan done, one back soon',
      planned([], { doneToday: 3 }, [{ key: 'q1', due: hk('2026-12-11T21:07:00') }]),
      none,
      { kind: 'rest', text: 'Tonight’s plan is done. 1 question back in 7 min.' },
    ],
    [
      'nothing needs work',
      planned([], { toDo: 0, perDay: 0 }),
      none,
      { kind: 'rest', text: 'Nothing needs work: every examinable question is on track for the exam.' },
    ],
    ['due', due(['q1', 'q2', 'q3']), { ...none, rated: 3 }, { kind: 'revise', label: 'Review 3 due, about 10 min' }],
    ['nothing rated yet', due([]), none, { kind: 'start', label: 'Start Test me: Section 1 · Basics' }],
    [
      'two back soon',
      due(
        [],
        [
          { key: 'q1', due: hk('2026-12-11T21:04:00') },
          { key: 'q2', due: hk('2026-12-11T21:09:00') },
        ],
      ),
      { ...none, rated: 2 },
      { kind: 'rest', text: 'Nothing due right now. 2 questions back, the first in 4 min.' },
    ],
    [
      'nothing due',
      due([]),
      { ...none, rated: 4, nextDue: '2026-12-14' },
      { kind: 'rest', text: 'Nothing due. Next review: Monday 14 December 2026.' },
    ],
  ])('%s', (_, session, counts, action) => {
    expect(homeAction(session, NOW, counts)).toEqual(action);
  });
});

describe('the revise page', () => {
  it('says where the reader is, and when a question is back again', () => {
    expect(position(planned(['a', 'b', 'c']), 0, false)).toBe('Question 1 of 3');
    expect(position(planned(['a', 'b']), 5, true)).toBe('Question 6 of 7 · again');
  });

  it.each<[string, Session, number, string]>([
    ['the plan', planned([], { doneToday: 9 }), 9, 'Tonight’s plan is done: 9 questions reviewed today.'],
    ['nothing to do', planned([], { toDo: 0 }), 0, 'Nothing needs work: every examinable question is on track for the exam.'],
    ['the due ones', due([]), 3, 'Done: 3 questions reviewed. Nothing else is due right now.'],
    ['nothing due', due([]), 0, 'Nothing is due right now.'],
  ])('says when it is done: %s', (_, session, answered, text) => {
    expect(sessionDone(session, answered)).toBe(text);
  });

  it('offers to go on once questions are back', () => {
    expect(resumeLabel(due(['a']))).toBe('Go on: 1 question is back');
    expect(resumeLabel(due(['a', 'b']))).toBe('Go on: 2 questions are back');
  });

  it('says what a rating means, and when a question comes back', () => {
    expect(ratedNote(review(undefined, 'unknown', NOW), NOW)).toBe("Didn't know: back in 10 min.");
    expect(ratedNote(review(undefined, 'shaky', NOW), NOW)).toBe('Shaky: back in 15 min.');
    expect(ratedNote(review(undefined, 'got-it', NOW), NOW)).toBe('Got it: next review Sunday 13 December 2026.');
    expect(againIn(NOW, hk('2026-12-11T21:10:00'), 'Q3 · 2024 May ABC')).toBe('Again in 10 min: Q3 · 2024 May ABC');
  });
});

describe('the review page', () => {
  it('sums up the plan, and where tonight stands', () => {
    expect(planSummary(plan({ toDo: 12, perDay: 3, daysLeft: 4 }))).toBe(
      '12 questions to review before the exam: about 3 a day over the 4 days left.',
    );
    expect(planSummary(plan({ toDo: 1, perDay: 1, daysLeft: 1 }))).toBe(
      '1 question to review before the exam: about 1 a day over the day left.',
    );
    expect(planSummary(plan({ toDo: 0 }))).toBe('Nothing needs work: every examinable question is on track for the exam.');
    expect(planStatus(planned(['a'], { doneToday: 1, perDay: 3, done: false }))).toEqual({
      done: false,
      text: 'Today: 1 of 3 done. Next, in order of what helps most:',
    });
    expect(planStatus(planned([], { doneToday: 3 }))).toEqual({
      done: true,
      text: 'Tonight’s plan is done: 3 questions reviewed today. Come back tomorrow.',
    });
    // Something comes back tonight: no "come back tomorrow".
    expect(planStatus(planned([], { doneToday: 3 }, [{ key: 'a', due: hk('2026-12-11T21:05:00') }]))?.text).toBe(
      'Tonight’s plan is done: 3 questions reviewed today.',
    );
    expect(planStatus(planned([], { toDo: 0 }))).toBeUndefined();
    expect(planStatus(due([]))).toBeUndefined();
  });

  it('says on each card how the question stands', () => {
    const exam = hk('2026-12-15T09:30:00');
    expect(cardState(undefined, exam)).toBe('never rated');
    expect(cardState(review(undefined, 'got-it', NOW), exam)).toMatch(/^last: Got it · \d+ % on exam day$/);
    expect(cardState(review(undefined, 'got-it', NOW))).toBe('last: Got it · due 2026-12-13');
    expect(cardState(review(undefined, 'unknown', NOW))).toBe("last: Didn't know · due again now");
  });

  it("lists the queue's questions as cards, in its order, each with its section and how it stands", () => {
    const questions = [
      { key: 'c/s1-x-q1', sectionName: 'Section 1 · Basics' },
      { key: 'c/s2-x-q1', sectionName: 'Section 2 · CNN' },
    ];
    const reviews = { 'c/s1-x-q1': review(undefined, 'got-it', NOW) };
    // A key no question of the page has (a question since removed from the notes) has no card.
    const cards = queueCards(questions, reviews, due(['c/s2-x-q1', 'gone/s1-x-q1', 'c/s1-x-q1']));
    expect(cards.map(({ question, meta }) => [question.key, meta])).toEqual([
      ['c/s2-x-q1', 'Section 2 · CNN · never rated'],
      ['c/s1-x-q1', 'Section 1 · Basics · last: Got it · due 2026-12-13'],
    ]);
  });

  it("in tonight's plan, gives recall on exam day, except for the questions back from their learning step", () => {
    const questions = [
      { key: 'c/back', sectionName: 'Section 1' },
      { key: 'c/planned', sectionName: 'Section 2' },
    ];
    const reviews = { 'c/back': review(undefined, 'unknown', NOW), 'c/planned': review(undefined, 'shaky', NOW) };
    const session = { ...planned(['c/back', 'c/planned']), again: 1 };
    const [back, next] = queueCards(questions, reviews, session, hk('2026-12-15T09:30:00')).map((card) => card.meta);
    expect(back).toBe("Section 1 · last: Didn't know · due again now");
    expect(next).toMatch(/^Section 2 · last: Shaky · \d+ % on exam day$/);
  });

  it('says why nothing is due, and leads to the revise page', () => {
    expect(nothingDue(0, due([]), undefined)).toMatch(/^Nothing due: you have not rated any question/);
    expect(nothingDue(2, due([], [{ key: 'a', due: NOW }]), '2026-12-13')).toBe('Nothing due right now.');
    expect(nothingDue(2, due([]), '2026-12-13')).toBe('Nothing due. Next review: 2026-12-13.');
    expect([reviseLabel(1), reviseLabel(4)]).toEqual(['Test me on it, one by one', 'Test me on these 4, one by one']);
  });
});

describe('plural and percent', () => {
  it('counts', () => {
    expect([plural(0, 'question'), plural(1, 'question'), plural(2, 'question'), plural(2, 'body', 'bodies')]).toEqual([
      '0 questions',
      '1 question',
      '2 questions',
      '2 bodies',
    ]);
    expect([percent(0), percent(0.384), percent(1)]).toEqual(['0 %', '38 %', '100 %']);
  });
});
