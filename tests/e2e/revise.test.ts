/**
 * Tonight's plan in one flow: from the course home's action, the plan's questions one after another
 * in Test me (statement → Show answer → rating → Next), across sections, until the page says the
 * plan is done; ratings stored; the phone's back button returns to the home, which says so. A
 * question not known comes back once its 10 minutes are over. By touch on a phone and by keyboard
 * alone, axe-clean on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { examWeight } from '../../src/lib/progress/forecast.ts';
import { review } from '../../src/lib/progress/schedule.ts';
import { chooseExamDate, emptyProgress, writeProgress } from '../../src/lib/progress/storage.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';
import { violations } from './setup/a11y.ts';
import { useBrowser } from './setup/browser.ts';
import {
  answerByKeyboard,
  at,
  course,
  coursePath,
  key,
  LABEL,
  stored,
  storeProgress,
  tabTo,
  TIME_ZONE,
  type Rating,
} from './setup/revision.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
const NOW = at('2026-12-12', '21:00');
const examinable = course.questions.filter((question) => examWeight(question) > 0);
/** Three days of revision left (the 12th, 13th and 14th): a third of the examinable questions tonight. */
const perDay = Math.ceil(examinable.length / 3);
const withExamDate = writeProgress(chooseExamDate(emptyProgress(), course.id, '2026-12-15T09:30', at('2026-12-11')));
const titleOf = (id: string): string => {
  const question = course.questions.find((entry) => entry.id === id)!;
  return [`Q${question.number}`, question.paper?.label].filter(Boolean).join(' · ');
};

/**
 * The question on the revise page and where it stands ("Question 3 of 9 · Section 2 · …"); after
 * Next, once it is no longer `previous` (the next one may come from another section's page).
 */
async function current(page: Page, previous?: string): Promise<{ id: string; position: string }> {
  const article = page.locator('[data-revise-question] article.question');
  await article.waitFor();
  if (previous !== undefined) await expect.poll(() => article.getAttribute('id')).not.toBe(previous);
  return { id: (await article.getAttribute('id'))!, position: await page.locator('[data-revise-position]').innerText() };
}

describe("tonight's plan, one question after another", () => {
  test('on a phone by touch: from the home, every question of the plan rated in turn across sections, then done; back returns home', async () => {
    const { context, problems } = await browser.newContext({ ...PHONE, timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(NOW);
    await storeProgress(context, withExamDate);
    const page = await browser.visit(context, coursePath);
    const action = page.locator('[data-now-action] a');
    await expect(action.innerText()).resolves.toMatch(new RegExp(`^Tonight: ${perDay} questions, about \\d+ min$`));
    await action.tap();
    await page.waitForURL(/\/revise\/$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Tonight’s plan');

    const given = new Map<string, Rating>();
    const sections = new Set<number>();
    for (let index = 0; index < perDay; index += 1) {
      const { id, position } = await current(page, [...given.keys()].at(-1));
      const question = course.questions.find((entry) => entry.id === id)!;
      const section = course.sections.find((entry) => entry.number === question.section)!;
      expect(position).toBe(`Question ${index + 1} of ${perDay} · ${sectionName(section)}`);
      expect(examWeight(question), `${id} is examinable`).toBeGreaterThan(0);
      expect(given.has(id), `${id} is shown once`).toBe(false);
      sections.add(question.section);
      // The statement, its answers hidden behind "Show answer" until tapped.
      const article = page.locator(`article[id="${id}"]`);
      await expect(article.locator('.answer:visible').count()).resolves.toBe(0);
      const reveal = article.locator('.reveal').first();
      if (question.hasAnswer) {
        await reveal.tap();
        await expect(article.locator('.answer:visible').count()).resolves.toBeGreaterThan(0);
      }
      // The first not known, the rest got: the one not known comes back after its 10 minutes, not tonight's flow.
      const rating: Rating = index === 0 ? 'unknown' : 'got-it';
      await article.getByRole('group', { name: 'How did it go?' }).getByRole('button', { name: LABEL[rating], exact: true }).tap();
      given.set(id, rating);
      const next = page.locator('[data-revise-next-button]');
      await next.waitFor();
      await expect(page.locator('[data-revise-rated]').innerText()).resolves.toMatch(
        rating === 'unknown' ? /^Didn't know: back in 10 min\.$/ : /^Got it: next review \w+day \d+ December 2026\.$/,
      );
      await expect(next.innerText()).resolves.toBe(index === perDay - 1 ? 'Finish' : 'Next question');
      if (index === 0) expect(await violations(page)).toEqual([]);
      await next.tap();
    }
    expect(sections.size, 'the plan runs across sections').toBeGreaterThan(1);

    // Done: it says so, and which question comes back when.
    await page.locator('[data-revise-done]').waitFor();
    await expect(page.locator('[data-revise-done-text]').innerText()).resolves.toBe(
      `Tonight’s plan is done: ${perDay} questions reviewed today.`,
    );
    const [forgotten] = [...given.keys()];
    await expect(page.locator('[data-revise-later] li').allInnerTexts()).resolves.toEqual([`Again in 10 min: ${titleOf(forgotten!)}`]);
    await expect(page.locator('#revise-done-title').evaluate((heading) => heading === document.activeElement)).resolves.toBe(true);
    expect(await violations(page)).toEqual([]);
    const reviews = (await stored(page))!.reviews;
    expect(Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, value.rating]))).toEqual(
      Object.fromEntries([...given].map(([id, rating]) => [key(id), rating])),
    );

    // The phone's back button: the course home, which now says the plan is done.
    await page.goBack({ waitUntil: 'load' });
    expect(new URL(page.url()).pathname.endsWith(coursePath)).toBe(true);
    await expect.poll(() => page.locator('[data-now-action]').innerText()).toBe('Tonight’s plan is done. 1 question back in 10 min.');

    // Ten minutes later the question not known is back: one more, marked so, then done again.
    await context.clock.setFixedTime(at('2026-12-12', '21:10'));
    await page.reload({ waitUntil: 'load' });
    await expect(action.innerText()).resolves.toBe('Tonight: 1 question, about 5 min');
    await action.tap();
    await page.waitForURL(/\/revise\/$/);
    const again = await current(page);
    expect(again.id).toBe(forgotten);
    expect(again.position).toMatch(/^Question 1 of 1 · again · /);
    await rateByTouch(page, again.id, 'got-it');
    await expect(page.locator('[data-revise-next-button]').innerText()).resolves.toBe('Finish');
    await page.locator('[data-revise-next-button]').tap();
    await page.locator('[data-revise-done]').waitFor();
    await expect(page.locator('[data-revise-later] li').count()).resolves.toBe(0);
    expect((await stored(page))!.reviews[key(forgotten!)]?.card.reps).toBe(2);
    expect(problems).toEqual([]);
  });

  test('by keyboard alone, dark: the action, then each question from its first control to Next, focus always where the reader is', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE, colorScheme: 'dark' });
    await context.clock.setFixedTime(NOW);
    await storeProgress(context, withExamDate);
    const page = await browser.visit(context, coursePath);
    await tabTo(page, '[data-now-action] a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revise\/$/);
    const rated: string[] = [];
    for (let index = 0; index < perDay; index += 1) {
      const { id } = await current(page, rated.at(-1));
      // The keyboard starts on the question's first control: its "Show answer" (or, with no written answer, its rating).
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article.question')?.id ?? null)).toBe(id);
      await answerByKeyboard(page, id, 'got-it');
      rated.push(id);
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('[data-revise-next-button]') ?? false)).toBe(true);
      if (index === 1) expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Enter');
    }
    await page.locator('[data-revise-done]').waitFor();
    await expect(page.locator('[data-revise-done-text]').innerText()).resolves.toBe(
      `Tonight’s plan is done: ${perDay} questions reviewed today.`,
    );
    expect(await violations(page)).toEqual([]);
    expect(Object.keys((await stored(page))!.reviews).sort()).toEqual(rated.map(key).sort());
    expect(problems).toEqual([]);
  });

  test('with nothing to do it says so, and without an exam date it goes through the questions due', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(NOW);
    const page = await browser.visit(context, `/${course.id}/revise/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Due for review');
    await expect(page.locator('[data-revise-done-text]').innerText()).resolves.toBe('Nothing is due right now.');
    // Two questions rated yesterday, not known: due now, one after the other.
    const yesterday = at('2026-12-11', '21:00');
    const [first, second] = examinable;
    const reviews = {
      [key(first!.id)]: review(undefined, 'unknown', yesterday),
      [key(second!.id)]: review(undefined, 'unknown', yesterday),
    };
    await page.evaluate(([name, value]) => localStorage.setItem(name, value), [
      STORAGE_KEYS.progress,
      writeProgress({ ...emptyProgress(), reviews }),
    ] as const);
    const home = await browser.visit(context, coursePath);
    await expect(home.locator('[data-now-action] a').innerText()).resolves.toBe('Review 2 due, about 5 min');
    await home.locator('[data-now-action] a').click();
    await home.waitForURL(/\/revise\/$/);
    for (const index of [0, 1]) {
      const { id, position } = await current(home);
      expect(position).toMatch(new RegExp(`^Question ${index + 1} of 2 · `));
      await rateByTouch(home, id, 'got-it', false);
      await home.locator('[data-revise-next-button]').click();
    }
    await expect(home.locator('[data-revise-done-text]').innerText()).resolves.toBe(
      'Done: 2 questions reviewed. Nothing else is due right now.',
    );
    expect(problems).toEqual([]);
  });
});

/** Reveals the question's first answer (if it has one) and rates it, by tap (or click), until the Next button shows. */
async function rateByTouch(page: Page, id: string, rating: Rating, touch = true): Promise<void> {
  const article = page.locator(`article[id="${id}"]`);
  const press = async (locator: ReturnType<Page['locator']>): Promise<void> => (touch ? locator.tap() : locator.click());
  const reveal = article.locator('.reveal').first();
  if ((await reveal.count()) > 0) await press(reveal);
  await press(article.getByRole('group', { name: 'How did it go?' }).getByRole('button', { name: LABEL[rating], exact: true }));
  await page.locator('[data-revise-next-button]').waitFor();
}
