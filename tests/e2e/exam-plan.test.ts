/**
 * Revising toward the exam, on a fixed clock: the reader sets an exam date on the course home
 * (behind its "Set exam date" control), the review page becomes tonight's plan, ratings raise
 * exam-day readiness (the home's exam line) and finish the day's plan; the next day spreads what
 * is left over fewer days, and after the exam the usual schedule is back. The notes' own exam date
 * shows without JavaScript and gives way to the reader's. All of it by keyboard, and axe-clean in
 * light and dark.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { examWeight, READINESS_EXPLAINED } from '../../src/lib/progress/forecast.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { violations } from './setup/a11y.ts';
import { useBrowser } from './setup/browser.ts';
import { at, course, coursePath, rateByMouse, reviewPath, stored, tabTo, TIME_ZONE } from './setup/revision.ts';
import { allCourses } from './setup/site.ts';

const browser = useBrowser();

const examinable = course.questions.filter((question) => examWeight(question) > 0);
const N = examinable.length;
const text = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();

/** The readiness on the course home's exam line ("Exam in 3 days · ready 38 %") as a number of percent. */
async function readinessPercent(page: Page): Promise<number> {
  const line = await text(page, '[data-exam-countdown]');
  const match = / · ready (\d+) %$/.exec(line);
  if (!match) throw new Error(`no readiness in "${line}"`);
  return Number(match[1]);
}

/** What "How is this worked out?" shows, opened; undefined when the control is not offered (no exam ahead). */
async function readinessExplained(page: Page): Promise<string[] | undefined> {
  const how = page.getByRole('button', { name: 'How is this worked out?' });
  if (!(await how.isVisible())) return undefined;
  if ((await how.getAttribute('aria-expanded')) !== 'true') await how.click();
  return page.locator('#readiness-how p').allInnerTexts();
}

/** Opens the exam date form with its control ("Set exam date", or "Change date" once there is one). */
async function openExamForm(page: Page): Promise<void> {
  const toggle = page.locator('[data-exam-toggle]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.locator('[data-exam-form]').isVisible()).resolves.toBe(true);
}

/** The questions tonight's plan lists, as question ids, with what each card says under its title. */
async function plan(page: Page): Promise<{ id: string; meta: string }[]> {
  await page.locator('[data-review-queue] > *').first().waitFor();
  return page.locator('.review-list a.card').evaluateAll((links) =>
    links.map((link) => ({
      id: decodeURIComponent(new URL((link as HTMLAnchorElement).href).hash.slice(1)),
      meta: link.querySelector('.card-meta')?.textContent ?? '',
    })),
  );
}

async function setExamDate(page: Page, day: string, time: string): Promise<void> {
  await openExamForm(page);
  await page.getByLabel('Date', { exact: true }).fill(day);
  await page.getByLabel(/^Start time/).fill(time);
  await page.getByRole('button', { name: 'Save exam date' }).click();
  await expect.poll(() => text(page, '[data-exam-status]')).toBe('Exam date saved.');
  // Saved, the form closes and the control that opened it has the focus again.
  await expect(page.locator('[data-exam-form]').isVisible()).resolves.toBe(false);
  await expect(page.locator('[data-exam-toggle]').evaluate((toggle) => toggle === document.activeElement)).resolves.toBe(true);
}

/** Rates questions as a reader does from the plan: open the card's link (Test me, at the question), reveal, rate. */
async function rateFromPlan(context: BrowserContext, ids: string[]): Promise<void> {
  for (const id of ids) {
    const question = course.questions.find((entry) => entry.id === id)!;
    const page = await browser.visit(context, `/${course.id}/s${question.section}/?test=1#${id}`);
    await rateByMouse(page, id, 'got-it');
    await page.close();
  }
}

describe("tonight's plan", () => {
  test('an exam date set on the course home turns the queue into a plan that ratings work through, day by day, until the exam', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at('2026-12-12'));
    const home = await browser.visit(context, coursePath);
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('No exam date set');
    await expect(home.locator('[data-exam-toggle]').innerText()).resolves.toBe('Set exam date');
    await expect(home.locator('[data-exam-form]').isVisible(), 'the form waits behind its control').resolves.toBe(false);
    expect(await readinessExplained(home)).toBeUndefined();

    // The reader's exam: 15 December at 09:30, three days of revision left (the 12th, 13th and 14th).
    await setExamDate(home, '2026-12-15', '09:30');
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('Exam in 3 days · ready 0 %');
    await expect(text(home, '[data-exam-when]')).resolves.toBe('Tuesday 15 December 2026, 09:30');
    await expect(home.locator('[data-exam-toggle]').innerText()).resolves.toBe('Change date');
    expect(await readinessExplained(home)).toEqual([
      READINESS_EXPLAINED,
      `${N} of ${N} examinable questions not rated yet: they count as not known.`,
    ]);
    const sectionLines = await home.locator('[data-readiness-section]').allInnerTexts();
    const sections = course.sections.filter((section) => !section.scope);
    expect(sectionLines).toEqual(
      sections.map((section) => {
        const count = examinable.filter((question) => question.section === section.number).length;
        return count === 0 ? '' : `Exam-day readiness 0 % · ${count} unrated`;
      }),
    );
    expect((await stored(home))?.examDates).toEqual({ [course.id]: { date: '2026-12-15T09:30', setAt: at('2026-12-12').toISOString() } });

    // Tonight's plan: every examinable question to do, a third of them today, the most valuable first.
    const perDay = Math.ceil(N / 3);
    const review = await browser.visit(context, reviewPath);
    await expect(text(review, '[data-queue-title]')).resolves.toBe('Tonight’s plan');
    await expect(text(review, '.plan-summary')).resolves.toBe(
      `${N} questions to review before the exam: about ${perDay} a day over the 3 days left.`,
    );
    await expect(text(review, '.plan-progress')).resolves.toBe(`Today: 0 of ${perDay} done. Next, in order of what helps most:`);
    const first = await plan(review);
    expect(first).toHaveLength(perDay);
    for (const { id, meta } of first) {
      const question = examinable.find((entry) => entry.id === id);
      expect(question, `${id} is examinable`).toBeDefined();
      const section = course.sections.find((entry) => entry.number === question!.section)!;
      expect(meta).toBe(`${sectionName(section)} · never rated`);
    }
    // Never rated, a question gains by its exam weight: the fully examinable come first.
    const weights = first.map(({ id }) => examWeight(course.questions.find((entry) => entry.id === id)!));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));

    // Three reviewed: the day counts them, they leave the list, and readiness rises.
    await rateFromPlan(
      context,
      first.slice(0, 3).map(({ id }) => id),
    );
    await review.reload({ waitUntil: 'load' });
    await expect(text(review, '.plan-progress')).resolves.toBe(`Today: 3 of ${perDay} done. Next, in order of what helps most:`);
    const after = await plan(review);
    expect(after.map(({ id }) => id)).toEqual(first.slice(3).map(({ id }) => id));
    await home.reload({ waitUntil: 'load' });
    expect(await readinessPercent(home)).toBeGreaterThan(0);
    expect((await readinessExplained(home))?.[1]).toBe(`${N - 3} of ${N} examinable questions not rated yet: they count as not known.`);

    // The rest of today's list: the day's plan is done.
    await rateFromPlan(
      context,
      after.map(({ id }) => id),
    );
    await review.reload({ waitUntil: 'load' });
    await expect(text(review, '.plan-done')).resolves.toBe(
      `Tonight’s plan is done: ${perDay} questions reviewed today. Come back tomorrow.`,
    );
    await expect(review.locator('.review-list').count()).resolves.toBe(0);
    await home.reload({ waitUntil: 'load' });
    const today = await readinessPercent(home);

    // The next day: two days left for what remains, and yesterday's reviews a little less fresh.
    await context.clock.setFixedTime(at('2026-12-13'));
    await review.reload({ waitUntil: 'load' });
    await expect(text(review, '.plan-summary')).resolves.toMatch(/ over the 2 days left\.$/);
    await expect(text(review, '.plan-progress')).resolves.toMatch(/^Today: 0 of \d+ done\./);
    const tomorrow = await plan(review);
    expect(tomorrow.length).toBeGreaterThan(0);
    expect(tomorrow.filter(({ meta }) => meta.endsWith('never rated')).length).toBeGreaterThan(0);
    await home.reload({ waitUntil: 'load' });
    await expect(text(home, '[data-exam-countdown]')).resolves.toMatch(/^Exam in 2 days · ready \d+ %$/);
    expect(await readinessPercent(home)).toBeLessThanOrEqual(today);

    // The exam has started: the usual schedule is back.
    await context.clock.setFixedTime(at('2026-12-15', '10:00'));
    await review.reload({ waitUntil: 'load' });
    await expect(text(review, '[data-queue-title]')).resolves.toBe('Due now');
    await expect(text(review, '.exam-countdown')).resolves.toBe(
      'The exam was on Tuesday 15 December 2026, 09:30. The usual schedule is back.',
    );
    const due = await plan(review);
    expect(due.length).toBeGreaterThan(0);
    for (const { meta } of due) expect(meta).toMatch(/ · last: Got it · due 2026-12-1[45]$/);
    await home.reload({ waitUntil: 'load' });
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('The exam was on Tuesday 15 December 2026, 09:30');
    expect(await readinessExplained(home)).toBeUndefined();

    // "No exam date": no plan and no countdown, kept as the reader's choice.
    await openExamForm(home);
    await home.getByRole('button', { name: 'No exam date' }).click();
    await expect.poll(() => text(home, '[data-exam-status]')).toBe('No exam date: the review queue follows the usual schedule.');
    expect((await stored(home))?.examDates[course.id]?.date).toBeNull();
    await review.reload({ waitUntil: 'load' });
    await expect(review.locator('.exam-countdown').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('by keyboard alone: the exam date is set and the plan opened and used without a mouse', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at('2026-12-12'));
    const home = await browser.visit(context, coursePath);
    await tabTo(home, '[data-exam-toggle]');
    await home.keyboard.press('Enter');
    // Opened, the form takes the focus on its date.
    await expect(home.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('exam-day');
    await home.keyboard.type('12152026');
    await tabTo(home, 'input[name="exam-time"]');
    await home.keyboard.type('0930AM');
    await home.keyboard.press('Enter');
    await expect.poll(() => text(home, '[data-exam-status]')).toBe('Exam date saved.');
    expect((await stored(home))?.examDates[course.id]?.date).toBe('2026-12-15T09:30');
    await tabTo(home, `a[href$="/${course.id}/review/"]`);
    await home.keyboard.press('Enter');
    await home.waitForURL(/\/review\/$/);
    await tabTo(home, '.review-list a.card');
    const target = decodeURIComponent(new URL(await home.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).hash.slice(1));
    await home.keyboard.press('Enter');
    await home.waitForURL(/\?test=1#/);
    expect(decodeURIComponent(new URL(home.url()).hash.slice(1))).toBe(target);
    expect(problems).toEqual([]);
  });
});

describe("the notes' exam date", () => {
  const fixture = allCourses().find((entry) => entry.examDate !== undefined)!;

  test('shows without JavaScript, counts down with it, and gives way to the reader’s date until they go back to it', async () => {
    expect(fixture, 'a test course whose course.md gives an exam date').toBeDefined();
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const still = await browser.visit(plain.context, `/${fixture.id}/`);
    await expect(text(still, '[data-exam-countdown]')).resolves.toBe('Exam: Monday 11 January 2027.');
    await expect(still.locator('[data-exam-form]').isVisible()).resolves.toBe(false);

    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at('2027-01-08'));
    const home = await browser.visit(context, `/${fixture.id}/`);
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('Exam in 3 days · ready 0 %');
    await expect(text(home, '[data-exam-when]')).resolves.toBe('Monday 11 January 2027');
    await openExamForm(home);
    const fromNotes = home.getByRole('button', { name: 'Use the date in the notes' });
    await expect(fromNotes.isVisible()).resolves.toBe(false);
    await expect(home.getByLabel('Date', { exact: true }).inputValue()).resolves.toBe('2027-01-11');

    await setExamDate(home, '2027-01-12', '14:00');
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('Exam in 4 days · ready 0 %');
    await expect(text(home, '[data-exam-when]')).resolves.toBe('Tuesday 12 January 2027, 14:00');
    await openExamForm(home);
    await fromNotes.click();
    await expect.poll(() => text(home, '[data-exam-status]')).toBe('Using the exam date in the notes.');
    await expect(text(home, '[data-exam-countdown]')).resolves.toBe('Exam in 3 days · ready 0 %');
    await expect(text(home, '[data-exam-when]')).resolves.toBe('Monday 11 January 2027');
    expect((await stored(home))?.examDates).toEqual({});
    const review = await browser.visit(context, `/${fixture.id}/review/`);
    await expect(text(review, '[data-queue-title]')).resolves.toBe('Tonight’s plan');
    expect(problems).toEqual([]);
  });
});

describe('accessibility of the revision panel and the plan', () => {
  test.each(['light', 'dark'] as const)(
    'no WCAG 2.2 AA violations in %s, with an exam date set, ratings given and the day done',
    async (colorScheme) => {
      const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE, colorScheme });
      await context.clock.setFixedTime(at('2026-12-12'));
      const home = await browser.visit(context, coursePath);
      await setExamDate(home, '2026-12-15', '09:30');
      expect(await violations(home)).toEqual([]);
      const review = await browser.visit(context, reviewPath);
      const list = await plan(review);
      await rateFromPlan(context, [list[0]!.id]);
      await review.reload({ waitUntil: 'load' });
      expect(await violations(review)).toEqual([]);
      await home.reload({ waitUntil: 'load' });
      expect(await violations(home)).toEqual([]);
      await rateFromPlan(
        context,
        list.slice(1).map(({ id }) => id),
      );
      await review.reload({ waitUntil: 'load' });
      await review.locator('.plan-done').waitFor();
      expect(await violations(review)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});
