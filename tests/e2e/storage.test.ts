/**
 * When the browser's localStorage is unavailable (its getter throws SecurityError, as with
 * blocked site data), full (setItem throws QuotaExceededError) or broken (every call throws),
 * pages still work: answers reveal, ratings and preferences apply for the page, tabs switch,
 * search finds; and the reader is told once per page, politely, that nothing is kept.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { review } from '../../src/lib/progress/schedule.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses } from './setup/site.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-storage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const course = allCourses().find((entry) => entry.own)!;
/** A section with written answers and answer-variant tabs. */
const section = course.sections.find((candidate) =>
  course.questions.some((question) => question.section === candidate.number && question.hasAnswer && question.variants.length > 1),
)!;
const sectionPath = `/${course.id}/s${section.number}/`;
const NOTICE = /not letting the site save anything .* last only until you leave this page/;

type Breakage = 'unavailable' | 'full' | 'throwing';

/** Breaks localStorage in the page before any of its scripts run. */
async function breakStorage(context: BrowserContext, how: Breakage): Promise<void> {
  await context.addInitScript((mode: Breakage) => {
    if (mode === 'unavailable') {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      return;
    }
    const fail = (name: string) =>
      function (): never {
        throw mode === 'full'
          ? new DOMException(`Failed to execute '${name}' on 'Storage': quota exceeded.`, 'QuotaExceededError')
          : new Error(`Storage.${name} is broken`);
      };
    const methods = mode === 'full' ? ['setItem'] : ['getItem', 'setItem', 'removeItem', 'clear', 'key'];
    for (const name of methods) Object.defineProperty(Storage.prototype, name, { value: fail(name) });
  }, how);
}

async function openBroken(how: Breakage, path: string): Promise<{ page: Page; problems: string[] }> {
  const { context, problems } = await browser.newContext();
  await breakStorage(context, how);
  const page = await context.newPage();
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  return { page, problems };
}

const notices = (page: Page) => page.locator('.page-notice');

/** Waits until the page shows exactly one notice, announced politely, with the storage message. */
async function expectOneNotice(page: Page): Promise<void> {
  await expect.poll(() => notices(page).allInnerTexts()).toEqual([expect.stringMatching(NOTICE)]);
  await expect(notices(page).getAttribute('role')).resolves.toBe('status');
  await expect(notices(page).isVisible()).resolves.toBe(true);
}

describe.each(['unavailable', 'full', 'throwing'] as const)('localStorage %s', (how) => {
  test('a section page still works, and says once that nothing is kept', async () => {
    const { page, problems } = await openBroken(how, sectionPath);
    const root = page.locator('html');
    // Reading progress fails at once when storage cannot be read; a full storage still reads fine.
    if (how === 'full') await expect(notices(page).count()).resolves.toBe(0);
    else await expectOneNotice(page);

    // Preferences apply for the page.
    const dark = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'light' : 'dark';
    await page.locator('[data-theme-toggle]').click();
    await expect(root.getAttribute('data-theme')).resolves.toBe(dark);
    await page.locator('.reading-options summary').click();
    await page.locator('input[name="reading-language"][value="en"]').check();
    await expect(root.getAttribute('data-lang-mode')).resolves.toBe('en');
    await page.locator('input[name="examinable-only"]').check();
    await expect(root.getAttribute('data-examinable-only')).resolves.toBe('');
    await page.locator('.reading-options summary').click();

    // Test me: answers hide, reveal, and a rating shows on the question and in the tally.
    await page.locator('[data-test-me-toggle]').click();
    await expect(root.getAttribute('data-test-me')).resolves.toBe('');
    const article = page.locator('article.question', { has: page.locator('.answer') }).first();
    const answer = article.locator('.answer').first();
    await expect(answer.isVisible()).resolves.toBe(false);
    await article.locator('button.reveal').first().click();
    await expect(answer.isVisible()).resolves.toBe(true);
    await article.locator('.rating-button', { hasText: 'Shaky' }).click();
    await expect(article.locator('.rating-badge').innerText()).resolves.toBe('Shaky');
    await expect(page.locator('.page-progress').innerText()).resolves.toMatch(/^1\/\d+ rated · 1 shaky/);
    await page.locator('[data-test-me-toggle]').click();

    // Tabs switch.
    const tabId = await page.locator('[role="tab"][aria-selected="false"]').first().getAttribute('id');
    const tab = page.locator(`[id="${tabId}"]`);
    await tab.click();
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');

    // Search finds.
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog #search-input').fill('GAN');
    await expect.poll(() => page.locator('.search-result-link').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // However many writes failed, one notice.
    await expectOneNotice(page);
    expect(problems).toEqual([]);

    // Nothing was kept: a new visit starts from the defaults, with the notice again.
    await page.reload({ waitUntil: 'load' });
    await expect(root.getAttribute('data-theme')).resolves.toBeNull();
    await expect(root.getAttribute('data-test-me')).resolves.toBeNull();
    await expect(page.locator('.rating-badge:not([hidden])').count()).resolves.toBe(0);
    if (how !== 'full') await expectOneNotice(page);
  });

  test('a review-queue link still opens Test me, before the page paints', async () => {
    const { page, problems } = await openBroken(how, `${sectionPath}?test=1`);
    await expect(page.locator('html').getAttribute('data-test-me')).resolves.toBe('');
    await expect(page.locator('[data-test-me-toggle]').first().getAttribute('aria-pressed')).resolves.toBe('true');
    expect(problems).toEqual([]);
  });

  test('the review page imports progress for the page and says it is not kept', async () => {
    const { page, problems } = await openBroken(how, `/${course.id}/review/`);
    const question = course.questions.find((entry) => entry.hasAnswer)!;
    const file = join(scratch, `${how}.json`);
    const rated = review(undefined, 'unknown', new Date('2026-03-01T02:00:00.000Z'));
    writeFileSync(file, JSON.stringify({ version: 3, reviews: { [`${course.id}/${question.id}`]: rated }, examDates: {} }));
    await page.locator('[data-import]').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-data-status]').innerText())
      .toMatch(/^Imported 1 rating from .*They last until you leave this page/);
    await expect.poll(() => page.locator('[data-review-queue] li').count()).toBeGreaterThan(0);
    await expectOneNotice(page);
    expect(problems).toEqual([]);
  });
});

test('with working storage there is no notice and choices are kept', async () => {
  const { page, problems } = await browser.open(sectionPath);
  await page.locator('[data-theme-toggle]').click();
  const theme = await page.locator('html').getAttribute('data-theme');
  await page.reload({ waitUntil: 'load' });
  await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme);
  await expect(notices(page).count()).resolves.toBe(0);
  expect(problems).toEqual([]);
});
