/**
 * The review queue with a controlled clock: questions come back on the right day and in the right
 * order, and a queue link opens the question in Test-me mode.
 */
import type { Page } from 'playwright-core';
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
  section,
  sectionPath,
  stored,
  tabTo,
  TIME_ZONE,
  type Rating,
} from './setup/revision.ts';

const browser = useBrowser();
const DAY1 = '2026-03-02';
const DAY2 = '2026-03-03';
const DAY4 = '2026-03-05';
const DAY7 = '2026-03-08';
const DAY11 = '2026-03-12';

describe('review queue', () => {
  test('with a controlled clock, questions come back on the right day, in the right order', async () => {
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

    // Later on day 1 (late at night, still the same calendar day): only Didn't know.
    expect((await queueAt(at(DAY1, '23:30'))).due).toEqual([unknown]);
    // Day 2: Didn't know (overdue since day 1) before Shaky.
    const day2 = await queueAt(at(DAY2, '08:00'));
    expect(day2.due).toEqual([unknown, shaky]);
    const meta = await day2.page.locator('.review-list .card-meta').allInnerTexts();
    expect(meta[0]).toBe(`Section ${section.number} · ${section.title} · last: Didn't know · due ${DAY1}`);
    expect(meta[1]).toBe(`Section ${section.number} · ${section.title} · last: Shaky · due ${DAY2}`);

    // On day 2 one more question is not known: due today, so after the overdue one, and before
    // Shaky (same day) because it is less known.
    await context.clock.setFixedTime(at(DAY2, '08:10'));
    const day2Section = await browser.visit(context, `${sectionPath}?test=1`);
    await rateByMouse(day2Section, laterUnknown, 'unknown');
    expect((await queueAt(at(DAY2, '08:20'))).due).toEqual([unknown, laterUnknown, shaky]);

    // Day 4: everything rated is due; Got it last.
    const day4 = await queueAt(at(DAY4, '09:00'));
    expect(day4.due).toEqual([unknown, laterUnknown, shaky, gotIt]);

    // A queue link opens the section in Test-me mode at the question.
    await day4.page.locator('.review-list a.card').first().click();
    await day4.page.waitForLoadState('load');
    const url = new URL(day4.page.url());
    expect(url.pathname).toBe(urls.at(sectionPath));
    expect(url.searchParams.get('test')).toBe('1');
    expect(decodeURIComponent(url.hash.slice(1))).toBe(unknown);
    await expect(day4.page.locator('html').getAttribute('data-test-me')).resolves.toBe('');
    await expect(day4.page.locator('[data-test-me-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(day4.page.locator(`article[id="${unknown}"]:target`).count()).resolves.toBe(1);
    const box = await day4.page.locator(`article[id="${unknown}"]`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(200);
    await expect(day4.page.locator(`article[id="${unknown}"] .answer:visible`).count(), 'answers wait behind Show answer').resolves.toBe(0);

    // Day 4, all four got right: nothing due, and the next review is named.
    for (const id of [unknown, shaky, gotIt, laterUnknown]) await rateByMouse(day4.page, id, 'got-it');
    const reviews = (await stored(day4.page))!.reviews;
    expect(Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, [value.box, value.due]]))).toEqual({
      [key(unknown)]: [2, DAY7],
      [key(shaky)]: [2, DAY7],
      [key(gotIt)]: [3, DAY11],
      [key(laterUnknown)]: [2, DAY7],
    });
    const settled = await queueAt(at(DAY4, '09:30'));
    expect(settled.due).toEqual([]);
    await expect(settled.page.locator('.review-empty').innerText()).resolves.toBe(`Nothing due. Next review: ${DAY7}.`);
    expect((await queueAt(at('2026-03-07', '23:59'))).due).toEqual([]);
    expect((await queueAt(at(DAY7, '00:01'))).due).toEqual([unknown, shaky, laterUnknown].sort((a, b) => key(a).localeCompare(key(b))));
    expect((await queueAt(at(DAY11))).due).toEqual([...[unknown, shaky, laterUnknown].sort((a, b) => key(a).localeCompare(key(b))), gotIt]);
    expect(problems).toEqual([]);
  });

  test('acceptance: a section by keyboard alone, the browser closed, and the next day exactly the right questions are due', async () => {
    const first = await browser.newContext({ timezoneId: TIME_ZONE });
    await first.context.clock.setFixedTime(at(DAY1, '21:00'));
    const page = await browser.visit(first.context, sectionPath);
    const ids = await articleIds(page);
    const cycle: Rating[] = ['unknown', 'shaky', 'got-it'];
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
