/**
 * What the revision tests (Test me, ratings, the review queue, progress data, worksheets) share:
 * the course and section they work on, a controlled clock, and the reader's actions and what the
 * browser stores, done the way a reader does them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Progress } from '../../../src/lib/progress/storage.ts';
import { STORAGE_KEYS } from '../../../src/lib/site/storage-keys.ts';
import { allCourses, type QuestionMeta } from './site.ts';

export type Rating = 'got-it' | 'shaky' | 'unknown';
export const LABEL: Record<Rating, string> = { 'got-it': 'Got it', shaky: 'Shaky', unknown: "Didn't know" };

/** The user's own course. */
export const course = allCourses().find((entry) => entry.own)!;
export const key = (id: string): string => `${course.id}/${id}`;

/** The first section with at least three answered questions and one screenshot-only question. */
export const section = course.sections.find((candidate) => {
  const questions = course.questions.filter((question) => question.section === candidate.number);
  return (
    !candidate.scope && questions.filter((question) => question.hasAnswer).length >= 3 && questions.some((question) => !question.hasAnswer)
  );
})!;
export const sectionPath = `/${course.id}/s${section.number}/`;
/** The section's questions in the notes' order, which is the page's order. */
export const sectionQuestions: QuestionMeta[] = course.questions.filter((question) => question.section === section.number);
export const reviewPath = `/${course.id}/review/`;
export const coursePath = `/${course.id}/`;

/** Calendar days of the controlled clock, in a time zone without daylight saving. */
export const TIME_ZONE = 'Asia/Hong_Kong';
export const at = (day: string, time = '10:00'): Date => new Date(`${day}T${time}:00+08:00`);

/** The progress the browser keeps, as stored. */
export async function stored(page: Page): Promise<Progress | null> {
  const raw = await page.evaluate((name) => localStorage.getItem(name), STORAGE_KEYS.progress);
  return raw === null ? null : (JSON.parse(raw) as Progress);
}

/** Progress the browser holds before the first page of `context` loads (once: the pages' own ratings then stay). */
export async function storeProgress(context: BrowserContext, raw: string): Promise<void> {
  await context.addInitScript(
    ({ name, value }) => {
      // Not in a new tab's about:blank, which has no storage.
      if (location.protocol.startsWith('http') && localStorage.getItem(name) === null) localStorage.setItem(name, value);
    },
    { name: STORAGE_KEYS.progress, value: raw },
  );
}

/** Ids of the questions on the page, in page order. */
export async function articleIds(page: Page): Promise<string[]> {
  return page.locator('article.question[data-question-id]').evaluateAll((articles) => articles.map((article) => article.id));
}

/**
 * Waits until the browser has stored a rating of `rating` for the question `questionKey` given at or
 * after `since` (ms, the page's clock): a rating is saved once the scheduler has loaded, a moment
 * after the click.
 */
export async function ratingStored(page: Page, questionKey: string, rating: Rating, since: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const entry = (await stored(page))?.reviews[questionKey];
        return entry !== undefined && entry.rating === rating && Date.parse(entry.ratedAt) >= since;
      },
      { message: `${questionKey} stored as ${rating}` },
    )
    .toBe(true);
}

/** Reveals a question's first answer unit (when it has one) and rates it, by mouse, until the rating is stored. Test-me must be on. */
export async function rateByMouse(page: Page, id: string, rating: Rating): Promise<void> {
  const article = page.locator(`article[id="${id}"]`);
  const reveal = article.locator('.reveal').first();
  if ((await reveal.count()) > 0 && (await reveal.getAttribute('aria-expanded')) === 'false') await reveal.click();
  const since = await page.evaluate(() => Date.now());
  await article.getByRole('group', { name: 'How did it go?' }).getByRole('button', { name: LABEL[rating], exact: true }).click();
  await ratingStored(page, (await article.getAttribute('data-question-id')) ?? '', rating, since);
}

/** The questions the review queue lists, in order, as question ids. */
export async function queue(page: Page): Promise<string[]> {
  await page.locator('[data-review-queue] > *').first().waitFor();
  return page
    .locator('.review-list a.card')
    .evaluateAll((links) => links.map((link) => decodeURIComponent(new URL((link as HTMLAnchorElement).href).hash.slice(1))));
}

/** "3/7 rated · 1 shaky · 1 didn't know", from ratings of some of the keys. */
export function expectedTally(keys: string[], ratings: Record<string, Rating>): string {
  const given = keys.map((entry) => ratings[entry]).filter((rating) => rating !== undefined);
  const shaky = given.filter((rating) => rating === 'shaky').length;
  const unknown = given.filter((rating) => rating === 'unknown').length;
  return [
    `${given.length}/${keys.length} rated`,
    ...(shaky > 0 ? [`${shaky} shaky`] : []),
    ...(unknown > 0 ? [`${unknown} didn't know`] : []),
  ].join(' · ');
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element: its question, role in Test-me, and state. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      question: active?.closest('article.question')?.id ?? null,
      reveal: active?.matches('.reveal') ?? false,
      expanded: active?.getAttribute('aria-expanded') ?? null,
      rating: active?.matches('.rating-button') ? (active.dataset.rating ?? null) : null,
      ratingShown: active?.matches('.rating-button') ? active.getClientRects().length > 0 : false,
    };
  });
}

/**
 * Keyboard only: from the focused question's first control, reveals every answer unit (alternating
 * Space and Enter), Tabs to the rating button and presses it. Returns the reveals made.
 */
export async function answerByKeyboard(page: Page, id: string, rating: Rating): Promise<number> {
  let reveals = 0;
  for (let presses = 0; presses < 80; presses += 1) {
    const now = await focused(page);
    expect(now.question, 'focus stays in the question').toBe(id);
    if (now.reveal && now.expanded === 'false') {
      await page.keyboard.press(reveals % 2 === 0 ? 'Space' : 'Enter');
      await expect(focused(page)).resolves.toMatchObject({ reveal: true, expanded: 'true' });
      reveals += 1;
    } else if (now.rating === rating) {
      expect(now.ratingShown).toBe(true);
      const since = await page.evaluate(() => Date.now());
      await page.keyboard.press(rating === 'shaky' ? 'Space' : 'Enter');
      await ratingStored(page, key(id), rating, since);
      return reveals;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached the ${rating} button of ${id}`);
}
