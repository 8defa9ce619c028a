/**
 * Progress data: export, reset (after confirming) and import restore the ratings; import merges,
 * keeping each question's latest rating; and damaged, old or unknown stored data never breaks a
 * page: a notice, the valid ratings kept, no errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Review } from '../../src/lib/progress/ratings.ts';
import { review } from '../../src/lib/progress/schedule.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';
import { useBrowser } from './setup/browser.ts';
import {
  articleIds,
  at,
  course,
  expectedTally,
  key,
  LABEL,
  queue,
  rateByMouse,
  sectionPath,
  sectionQuestions,
  stored,
  TIME_ZONE,
  type Rating,
} from './setup/revision.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-progress-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DAY1 = '2026-03-02';
const DAY2 = '2026-03-03';
/** Real exports of the version before FSRS (tests/fixtures/progress/README.md). */
const FIXTURES = join(import.meta.dirname, '../fixtures/progress');

interface Version2Entry {
  rating: Rating;
  ratedAt: string;
  box: number;
  due: string;
}
/** Each question's rating and its moment: what a migration and a merge must keep. */
const ratingsOf = (reviews: Record<string, Review | Version2Entry>): Record<string, [string, string]> =>
  Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, [value.rating, value.ratedAt]]));

describe('progress data', () => {
  test('export, reset (after confirming) and import restore the ratings', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    // 07:00 in Hong Kong is still the day before in UTC: the file is named by the reader's day.
    await context.clock.setFixedTime(at(DAY1, '07:00'));
    const section = await browser.visit(context, `${sectionPath}?test=1`);
    const ids = await articleIds(section);
    await rateByMouse(section, ids[0]!, 'unknown');
    await rateByMouse(section, ids[1]!, 'shaky');
    await rateByMouse(section, ids[2]!, 'got-it');
    const before = await stored(section);
    expect(Object.keys(before!.reviews)).toHaveLength(3);

    const page = await browser.visit(context, `/${course.id}/review/`);
    // Rated a moment ago: nothing is due yet; Didn't know and Shaky come back in 10 and 15 minutes.
    await expect(page.locator('.review-empty').innerText()).resolves.toBe('Nothing due right now.');
    await expect(page.locator('.review-later li').count()).resolves.toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    expect(download.suggestedFilename()).toBe(`revision-progress-${DAY1}.json`);
    const file = join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(before);
    await expect(page.locator('[data-data-status]').innerText()).resolves.toBe('Progress exported.');

    // Reset asks first; saying no keeps everything.
    const dialogs: string[] = [];
    let accept = false;
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/^confirm: Delete all your ratings/);
    expect(await stored(page)).toEqual(before);
    accept = true;
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    expect(dialogs).toHaveLength(2);
    expect(await stored(page)).toEqual({ version: 3, reviews: {}, examDates: {} });
    await expect(page.locator('.review-empty').innerText()).resolves.toMatch(/not rated any question/);
    await expect(page.locator('[data-data-status]').innerText()).resolves.toBe('Progress reset.');
    const afterReset = await browser.visit(context, sectionPath);
    await expect(afterReset.locator('.rating-badge:visible').count()).resolves.toBe(0);

    await page.locator('[data-import]').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-data-status]').innerText())
      .toBe(`Imported 3 ratings from ${download.suggestedFilename()}, keeping the latest rating of each question.`);
    expect(await stored(page)).toEqual(before);
    await expect(page.locator('.review-empty').innerText()).resolves.toBe('Nothing due right now.');
    await expect(page.locator('.review-later li').count()).resolves.toBe(2);
    await afterReset.reload({ waitUntil: 'load' });
    await expect(afterReset.locator('.rating-badge:visible').allInnerTexts()).resolves.toEqual(["Didn't know", 'Shaky', 'Got it']);
    await expect(page.locator('.page-notice').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('real exports of the version before FSRS, stored or imported, keep every rating, and import merges, keeping the latest', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at('2026-03-16'));
    const laptop = join(FIXTURES, 'v2-laptop-2026-03-12.json');
    const phone = join(FIXTURES, 'v2-phone-2026-03-14.json');
    const old = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { reviews: Record<string, Version2Entry> }).reviews;

    // The laptop's export as that version stored it: updated on the first visit, with a notice.
    const page = await browser.visit(context, `/${course.id}/review/`);
    await page.evaluate(([name, value]) => localStorage.setItem(name, value), [
      STORAGE_KEYS.progress,
      readFileSync(laptop, 'utf8'),
    ] as const);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('.page-notice').innerText()).toMatch(/older version of the site and has been updated/);
    const migrated = (await stored(page))!;
    expect(migrated.version).toBe(3);
    expect(ratingsOf(migrated.reviews)).toEqual(ratingsOf(old(laptop)));
    // Everything due by the 16th in the old schedule is due now, on its old day.
    const dueBefore = Object.entries(old(laptop))
      .filter(([entry, value]) => entry.startsWith(`${course.id}/`) && value.due <= '2026-03-16')
      .map(([entry]) => entry.slice(course.id.length + 1));
    expect((await queue(page)).sort()).toEqual(dueBefore.sort());

    // The phone's export imported: its own questions added, the question both rated takes the phone's later rating.
    await page.locator('[data-import]').setInputFiles(phone);
    await expect
      .poll(() => page.locator('[data-data-status]').innerText())
      .toBe('Imported 3 ratings from v2-phone-2026-03-14.json, keeping the latest rating of each question.');
    const merged = (await stored(page))!;
    const latest = { ...ratingsOf(old(laptop)), ...ratingsOf(old(phone)) };
    expect(ratingsOf(merged.reviews)).toEqual(latest);
    expect(merged.reviews[key('s1-2022-may-1-q7')]?.rating).toBe('shaky');

    // A question of this course that is no longer in the notes is dropped, with a notice; another course's stays.
    const stray = join(scratch, 'stray.json');
    writeFileSync(
      stray,
      JSON.stringify({
        version: 2,
        reviews: {
          [key('s9-1999-may-q99')]: { rating: 'shaky', ratedAt: '2026-03-15T02:00:00.000Z', box: 1, due: '2026-03-16' },
          'another-course/q1': { rating: 'shaky', ratedAt: '2026-03-15T02:00:00.000Z', box: 1, due: '2026-03-16' },
        },
      }),
    );
    await page.locator('[data-import]').setInputFiles(stray);
    await expect.poll(() => page.locator('.page-notice', { hasText: 'no longer in the notes' }).count()).toBe(1);
    expect(ratingsOf((await stored(page))!.reviews)).toEqual({ ...latest, 'another-course/q1': ['shaky', '2026-03-15T02:00:00.000Z'] });

    // Exported again (the current version) and imported in a new browser: the same progress.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const file = join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const fresh = await browser.newContext({ timezoneId: TIME_ZONE });
    await fresh.context.clock.setFixedTime(at('2026-03-16'));
    const elsewhere = await browser.visit(fresh.context, `/${course.id}/review/`);
    await elsewhere.locator('[data-import]').setInputFiles(file);
    await expect.poll(async () => (await stored(elsewhere))?.reviews).toEqual((await stored(page))!.reviews);

    // A file that is not progress at all changes nothing and says so.
    writeFileSync(join(scratch, 'notes.json'), '{not json');
    await page.locator('[data-import]').setInputFiles(join(scratch, 'notes.json'));
    await expect.poll(() => page.locator('.page-notice', { hasText: 'not valid JSON' }).count()).toBe(1);
    expect(ratingsOf((await stored(page))!.reviews)).toEqual({ ...latest, 'another-course/q1': ['shaky', '2026-03-15T02:00:00.000Z'] });
    expect([...problems, ...fresh.problems]).toEqual([]);
  });

  const valid = sectionQuestions.find((question) => question.hasAnswer)!;
  /** A rating as this version stores it, given at 10:00 on 2 March (Hong Kong): Got it is due on the 4th, Shaky on the 3rd. */
  const ratedOnMarch2 = (rating: Rating) => review(undefined, rating, new Date('2026-03-02T02:00:00.000Z'));
  const CORRUPT: { name: string; raw: () => string; notice: RegExp; kept: Record<string, Rating>; pages: string[] }[] = [
    {
      name: 'text that is not JSON',
      raw: () => '{not json',
      notice: /could not be read \(it was not valid JSON\) and was reset/,
      kept: {},
      pages: [sectionPath, `/${course.id}/`, `/${course.id}/review/`],
    },
    {
      name: 'a version 1 payload',
      raw: () =>
        JSON.stringify({
          version: 1,
          ratings: {
            [key(valid.id)]: { rating: 'shaky', ratedAt: '2026-03-01T02:00:00.000Z' },
            [key(sectionQuestions[1]!.id)]: { rating: 'sort of' },
          },
        }),
      notice: /from an older version of the site and has been updated\. 1 damaged rating was dropped\./,
      kept: { [key(valid.id)]: 'shaky' },
      pages: [sectionPath, `/${course.id}/`, `/${course.id}/review/`],
    },
    {
      name: 'a rating of a question that does not exist',
      raw: () =>
        JSON.stringify({
          version: 3,
          reviews: { [key(valid.id)]: ratedOnMarch2('got-it'), [key('s9-1999-may-q99')]: ratedOnMarch2('shaky') },
          examDates: {},
        }),
      notice: /1 rating was for questions no longer in the notes and was removed/,
      kept: { [key(valid.id)]: 'got-it' },
      // Only pages that know every question of the course can tell a question has vanished.
      pages: [`/${course.id}/`, `/${course.id}/review/`],
    },
    {
      name: 'a damaged rating',
      raw: () =>
        JSON.stringify({
          version: 3,
          reviews: { [key(valid.id)]: ratedOnMarch2('got-it'), [key(sectionQuestions[1]!.id)]: { rating: 'meh', box: 9 } },
          examDates: {},
        }),
      notice: /1 damaged rating was dropped; the rest of your progress is kept/,
      kept: { [key(valid.id)]: 'got-it' },
      pages: [sectionPath, `/${course.id}/`, `/${course.id}/review/`],
    },
    {
      name: 'an unknown version',
      raw: () => JSON.stringify({ version: 99, reviews: {} }),
      notice: /unknown version \(99\)/,
      kept: {},
      pages: [sectionPath, `/${course.id}/`],
    },
  ];

  describe.each(CORRUPT.map((entry) => [entry.name, entry] as const))('stored progress holding %s', (_name, corrupt) => {
    test.each(corrupt.pages.map((path) => [path]))('never breaks %s: a notice, the valid ratings kept, no errors', async (path) => {
      const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
      await context.clock.setFixedTime(at(DAY2));
      const page = await browser.visit(context, '/');
      await page.evaluate(([name, raw]) => localStorage.setItem(name, raw), [STORAGE_KEYS.progress, corrupt.raw()] as const);
      await page.goto(baseUrl + path, { waitUntil: 'load' });

      const notice = page.locator('.page-notice');
      // Shown once the stored progress is read, which may load the migration code first.
      await expect.poll(() => notice.count()).toBe(1);
      await expect(notice.getAttribute('role')).resolves.toBe('status');
      await expect(notice.isVisible()).resolves.toBe(true);
      await expect.poll(() => notice.innerText()).toMatch(corrupt.notice);
      const progress = await stored(page);
      expect(progress?.version).toBe(3);
      expect(Object.fromEntries(Object.entries(progress!.reviews).map(([entry, value]) => [entry, value.rating]))).toEqual(corrupt.kept);

      // The page still works: tallies, badges, the queue, Test-me.
      const keys =
        path === sectionPath ? sectionQuestions.map((question) => key(question.id)) : course.questions.map((question) => key(question.id));
      if (path !== `/${course.id}/review/`)
        await expect(page.locator('.page-progress').first().innerText()).resolves.toBe(expectedTally(keys, corrupt.kept));
      if (path === sectionPath) {
        await expect(page.locator('.rating-badge:visible').allInnerTexts()).resolves.toEqual(
          Object.values(corrupt.kept).map((rating) => LABEL[rating]),
        );
        await page.getByRole('button', { name: 'Test me' }).click();
        await rateByMouse(page, sectionQuestions.at(-1)!.id, 'unknown');
      }
      if (path === `/${course.id}/review/`) {
        await page.locator('[data-review-queue] > *').first().waitFor();
        const due = await queue(page);
        // Version 1's shaky rating from 1 March was due the next day (so now); Got it from 2 March is not due yet.
        expect(due).toEqual(corrupt.kept[key(valid.id)] === 'shaky' ? [valid.id] : []);
      }
      // The notice goes with OK, and the repaired data raises none on the next visit.
      await notice.getByRole('button', { name: 'OK' }).click();
      await expect(notice.count()).resolves.toBe(0);
      await page.reload({ waitUntil: 'load' });
      await expect(page.locator('.page-notice').count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    });
  });
});
