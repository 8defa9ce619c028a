/**
 * The review queue with a controlled clock: a question not known comes back within the session,
 * minutes later; the others on the right day and in the right order; and a queue link opens the
 * question in Test-me mode.
 */
import type { Page } from 'playwright-core';
import { createEmptyCard, fsrs, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { urls } from '../../src/lib/site/urls.ts';
import { useBrowser } from './setup/browser.ts';
import {
  answerByKeyboard,
  articleIds,
  at,
  course,
  expectedTally,
  key,
  queue,
  rateByMouse,
  reviewPath,
  section,
  sectionPath,
  stored,
  tabTo,
  TIME_ZONE,
  type Rating as ReaderRating,
} from './setup/revision.ts';

const browser = useBrowser();
const DAY1 = '2026-03-02';
const DAY2 = '2026-03-03';
const DAY3 = '2026-03-04';
/** ts-fsrs as the site configures it (FSRS-6, 90 % retention, no fuzz, a learning and a relearning step of 10 minutes), set up here on its own. */
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] });
/** The calendar day `days` after `day`, "YYYY-MM-DD". */
const localDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

describe('review queue', () => {
  test('with a controlled clock, questions come back on the day FSRS sets, least likely recalled first', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    const review = `/${course.id}/review/`;
    await context.clock.setFixedTime(at(DAY1));

    const empty = await browser.visit(context, review);
    await expect(empty.locator('.review-empty').innerText()).resolves.toMatch(/not rated any question/);

    // Day 1: Didn't know, Shaky, Got it.
    const page = await browser.visit(context, `${sectionPath}?test=1`);
    const ids = await articleIds(page);
    const [unknown, shaky, gotIt, laterUnknown] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!];
    await rateByMouse(page, unknown, 'unknown');
    await rateByMouse(page, shaky, 'shaky');
    await rateByMouse(page, gotIt, 'got-it');

    const queueAt = async (moment: Date): Promise<{ due: string[]; page: Page }> => {
      await context.clock.setFixedTime(moment);
      const opened = await browser.visit(context, review);
      return { due: await queue(opened), page: opened };
    };

    // Didn't know and Shaky come back within the session: later on day 1 both are due (their 10 and 15 minutes are over); Got it is not.
    const night = await queueAt(at(DAY1, '23:30'));
    expect(night.due).toEqual([unknown, shaky]);
    // Day 2: still due; Didn't know first, the less likely to be recalled.
    const day2 = await queueAt(at(DAY2, '08:00'));
    expect(day2.due).toEqual([unknown, shaky]);
    const meta = await day2.page.locator('.review-list .card-meta').allInnerTexts();
    expect(meta).toEqual([
      `Section ${section.number} · ${section.title} · last: Didn't know · due again now`,
      `Section ${section.number} · ${section.title} · last: Shaky · due again now`,
    ]);

    // On day 2 one more question is not known: back 10 minutes later, after the two from day 1.
    await context.clock.setFixedTime(at(DAY2, '08:10'));
    const day2Section = await browser.visit(context, `${sectionPath}?test=1`);
    await rateByMouse(day2Section, laterUnknown, 'unknown');
    expect((await queueAt(at(DAY2, '08:15'))).due).toEqual([unknown, shaky]);
    expect((await queueAt(at(DAY2, '08:20'))).due).toEqual([unknown, shaky, laterUnknown]);

    // Day 3: the two overdue since day 2 first, then today's, each pair least recalled first.
    const day3 = await queueAt(at(DAY3, '09:00'));
    expect(day3.due).toEqual([unknown, shaky, laterUnknown, gotIt]);

    // A queue link opens the section in Test-me mode at the question.
    await day3.page.locator('.review-list a.card').first().click();
    await day3.page.waitForLoadState('load');
    const url = new URL(day3.page.url());
    expect(url.pathname).toBe(urls.file(sectionPath));
    expect(url.searchParams.get('test')).toBe('1');
    expect(decodeURIComponent(url.hash.slice(1))).toBe(unknown);
    await expect(day3.page.locator('html').getAttribute('data-test-me')).resolves.toBe('');
    await expect(day3.page.locator('[data-test-me-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(day3.page.locator(`article[id="${unknown}"]:target`).count()).resolves.toBe(1);
    const box = await day3.page.locator(`article[id="${unknown}"]`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(200);
    await expect(day3.page.locator(`article[id="${unknown}"] .answer:visible`).count(), 'answers wait behind Show answer').resolves.toBe(0);

    // Day 3, all four got right: each comes back on the day ts-fsrs gives those ratings.
    for (const id of [unknown, shaky, gotIt, laterUnknown]) await rateByMouse(day3.page, id, 'got-it');
    const history: Record<string, [Grade, Date][]> = {
      [unknown]: [[Rating.Again, at(DAY1)]],
      [shaky]: [[Rating.Hard, at(DAY1)]],
      [gotIt]: [[Rating.Good, at(DAY1)]],
      [laterUnknown]: [[Rating.Again, at(DAY2, '08:10')]],
    };
    const expectedDue = Object.fromEntries(
      Object.entries(history).map(([id, ratings]) => {
        let card = createEmptyCard(ratings[0]![1]);
        for (const [grade, moment] of [...ratings, [Rating.Good, at(DAY3, '09:00')] as [Grade, Date]])
          card = scheduler.next(card, moment, grade).card;
        return [id, localDay(DAY3, card.scheduled_days)];
      }),
    );
    const reviews = (await stored(day3.page))!.reviews;
    expect(Object.fromEntries(ids.slice(0, 4).map((id) => [id, reviews[key(id)]?.card.scheduledDays]))).toEqual(
      Object.fromEntries(Object.entries(history).map(([id]) => [id, daysBetween(DAY3, expectedDue[id]!)])),
    );
    const next = Object.values(expectedDue).sort()[0]!;
    expect(next > DAY3).toBe(true);
    const settled = await queueAt(at(DAY3, '09:30'));
    expect(settled.due).toEqual([]);
    await expect(settled.page.locator('.review-empty').innerText()).resolves.toBe(`Nothing due. Next review: ${next}.`);
    expect((await queueAt(at(localDay(next, -1), '23:59'))).due).toEqual([]);
    const dueThen = Object.keys(expectedDue).filter((id) => expectedDue[id] === next);
    expect((await queueAt(at(next, '00:01'))).due.sort()).toEqual(dueThen.sort());
    expect(problems).toEqual([]);
  });

  test("a question rated Didn't know is in the queue within the same session, and due again 10 minutes later", async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at(DAY1, '21:00'));
    const page = await browser.visit(context, `${sectionPath}?test=1`);
    const [forgotten, learnt] = await articleIds(page);
    await rateByMouse(page, forgotten!, 'unknown');
    await rateByMouse(page, learnt!, 'got-it');
    const question = course.questions.find((entry) => entry.id === forgotten)!;
    const title = [`Q${question.number}`, question.paper?.label].filter(Boolean).join(' · ');

    // Five minutes on: in the queue, coming back in five more; Got it is not.
    await context.clock.setFixedTime(at(DAY1, '21:05'));
    const waiting = await browser.visit(context, reviewPath);
    expect(await queue(waiting)).toEqual([]);
    await expect(waiting.locator('.review-empty').innerText()).resolves.toBe('Nothing due right now.');
    await expect(waiting.locator('.review-later li').allInnerTexts()).resolves.toEqual([`Again in 5 min: ${title}`]);

    // At 21:10 it is due, and its card says so.
    await context.clock.setFixedTime(at(DAY1, '21:10'));
    const back = await browser.visit(context, reviewPath);
    expect(await queue(back)).toEqual([forgotten]);
    await expect(back.locator('.review-list .card-meta').innerText()).resolves.toBe(
      `Section ${section.number} · ${section.title} · last: Didn't know · due again now`,
    );
    await expect(back.locator('.review-later').count()).resolves.toBe(0);

    // Known this time: it leaves its step for a later day, a second review of the question.
    await back.locator('.review-list a.card').first().click();
    await back.waitForLoadState('load');
    await rateByMouse(back, forgotten!, 'got-it');
    const entry = (await stored(back))!.reviews[key(forgotten!)]!;
    expect(entry.card).toMatchObject({ state: 'Review', reps: 2 });
    expect(entry.previous?.card).toMatchObject({ state: 'Learning', scheduledDays: 0, due: at(DAY1, '21:10').toISOString() });
    await context.clock.setFixedTime(at(DAY1, '21:15'));
    const after = await browser.visit(context, reviewPath);
    expect(await queue(after)).toEqual([]);
    await expect(after.locator('.review-empty').innerText()).resolves.toMatch(/^Nothing due\. Next review: \d{4}-\d{2}-\d{2}\.$/);
    expect(problems).toEqual([]);
  });

  test('acceptance: a section by keyboard alone, the browser closed, and the next day exactly the right questions are due', async () => {
    const first = await browser.newContext({ timezoneId: TIME_ZONE });
    await first.context.clock.setFixedTime(at(DAY1, '21:00'));
    const page = await browser.visit(first.context, sectionPath);
    const ids = await articleIds(page);
    const cycle: ReaderRating[] = ['unknown', 'shaky', 'got-it'];
    const given = new Map(ids.map((id, index) => [id, cycle[index % cycle.length]!]));

    await tabTo(page, '[data-test-me-toggle]');
    await page.keyboard.press('Enter');
    for (const id of ids) {
      await page.keyboard.press('j');
      const reveals = await answerByKeyboard(page, id, given.get(id)!);
      expect(reveals, id).toBe(await page.locator(`article[id="${id}"] .reveal`).count());
    }
    const reviews = (await stored(page))!.reviews;
    expect(Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, value.rating]))).toEqual(
      Object.fromEntries(ids.map((id) => [key(id), given.get(id)])),
    );
    await expect(page.locator('.page-progress').innerText()).resolves.toBe(
      expectedTally(ids.map(key), Object.fromEntries(ids.map((id) => [key(id), given.get(id)!]))),
    );
    const state = await first.context.storageState();
    await first.context.close();
    expect(first.problems).toEqual([]);

    const next = await browser.newContext({ timezoneId: TIME_ZONE, storageState: state });
    await next.context.clock.setFixedTime(at(DAY2, '07:30'));
    const review = await browser.visit(next.context, `/${course.id}/review/`);
    const byKey = (a: string, b: string): number => key(a).localeCompare(key(b));
    const unknown = ids.filter((id) => given.get(id) === 'unknown').sort(byKey);
    const shaky = ids.filter((id) => given.get(id) === 'shaky').sort(byKey);
    expect(unknown.length).toBeGreaterThan(0);
    expect(shaky.length).toBeGreaterThan(0);
    expect(await queue(review)).toEqual([...unknown, ...shaky]);
    expect(next.problems).toEqual([]);
  });
});
