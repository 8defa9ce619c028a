/**
 * Mock papers: "Make a mock paper" draws examinable questions across the sections, those the reader
 * knows least first; the paper keeps its questions and timer in its address, shows them as their
 * section pages do (formulas within the page's CSP), in Test me; it prints as a worksheet and its
 * ratings count like any other. Keyboard-usable and axe-clean in light and dark.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { examWeight } from '../../src/lib/progress/forecast.ts';
import { review } from '../../src/lib/progress/schedule.ts';
import { emptyProgress, writeProgress } from '../../src/lib/progress/storage.ts';
import { violations } from './setup/a11y.ts';
import { useBrowser } from './setup/browser.ts';
import { at, course, key, rateByMouse, stored, storeProgress, tabTo, TIME_ZONE } from './setup/revision.ts';
import { dehyphen, pdfText } from './setup/site.ts';

const browser = useBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'e2e-mock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mockPath = `/${course.id}/mock/`;
const examinable = course.questions.filter((question) => examWeight(question) > 0);
/** The questions the reader does not know in the tests below: wholly examinable, one with formulas, one with a screenshot, in two sections. */
const whole = examinable.filter((question) => examWeight(question) === 1);
const withMath = whole.find((question) => /\$[^$]+\$/.test(question.body))!;
const withShot = whole.find((question) => question.section !== withMath.section && question.images.length > 0 && question.hasAnswer)!;
const unknown = [withMath, withShot].sort((a, b) => a.order - b.order);
const NOW = at('2026-12-12');

/** Every other examinable question rated "Got it" a moment ago: sure to be recalled now, so last to be drawn. */
function knowingAllBut(questions: typeof unknown): string {
  const reviews = Object.fromEntries(
    examinable.filter((question) => !questions.includes(question)).map((question) => [key(question.id), review(undefined, 'got-it', NOW)]),
  );
  return writeProgress({ ...emptyProgress(), reviews });
}

async function openWithProgress(raw: string | undefined, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE, ...options });
  await context.clock.setFixedTime(NOW);
  if (raw) await storeProgress(context, raw);
  const page = await browser.visit(context, mockPath);
  return { context, page, problems };
}

async function makePaper(page: Page, count: number, minutes: string): Promise<void> {
  await page.getByLabel('Questions', { exact: true }).fill(String(count));
  await page.getByLabel('Timer').selectOption(minutes);
  await page.getByRole('button', { name: 'Make a mock paper' }).click();
  await page.waitForURL(/\?paper=/);
  await page.locator('[data-mock-paper]:not([hidden])').waitFor();
}

const paperIds = (page: Page): Promise<string[]> =>
  page.locator('[data-mock-questions] article.question').evaluateAll((articles) => articles.map((article) => article.id));

describe('a mock paper', () => {
  test('draws what the reader knows least, across sections, into a paper kept in its address, in Test me', async () => {
    expect(withMath, 'an examinable question with formulas').toBeDefined();
    expect(withShot, 'an examinable question with a screenshot, in another section').toBeDefined();
    const { page, problems } = await openWithProgress(knowingAllBut(unknown));
    await expect(page.getByLabel('Questions', { exact: true }).inputValue()).resolves.toBe(String(Math.min(10, examinable.length)));
    await makePaper(page, 2, '60');

    expect(await paperIds(page)).toEqual(unknown.map((question) => question.id));
    await expect(page.locator('[data-mock-status]').innerText()).resolves.toBe('A paper of 2 questions from 2 sections.');
    const url = new URL(page.url());
    expect(url.searchParams.get('paper')).toBe(unknown.map((question) => question.id).join(','));
    expect(url.searchParams.get('minutes')).toBe('60');
    expect(url.searchParams.get('start')).toBe(String(NOW.getTime()));
    await expect(page.locator('.mock-position').allInnerTexts()).resolves.toHaveLength(2);

    // Shown as the section pages show them: formulas rendered (their inline styles allowed), screenshots, in Test me.
    await expect(page.locator('[data-mock-questions] .katex').count()).resolves.toBeGreaterThan(0);
    // KaTeX places glyphs with style attributes: applied, not refused by the page's policy.
    const applied = await page
      .locator('[data-mock-questions] .katex-html [style]')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLElement).style.length > 0));
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every(Boolean)).toBe(true);
    await expect(page.locator('[data-mock-questions] img.screenshot').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('html').getAttribute('data-test-me')).resolves.toBe('');
    await expect(page.locator('[data-mock-questions] .answer:visible').count()).resolves.toBe(0);
    await expect(page.locator('[data-mock-timer]').innerText()).resolves.toBe('Time left: 60:00');

    // Rated like Test me: stored like any rating, counted on the paper's tally.
    await rateByMouse(page, withMath.id, 'shaky');
    await rateByMouse(page, withShot.id, 'unknown');
    const reviews = (await stored(page))!.reviews;
    expect([reviews[key(withMath.id)]?.rating, reviews[key(withShot.id)]?.rating]).toEqual(['shaky', 'unknown']);
    await expect(page.locator('[data-mock-paper] .page-progress').innerText()).resolves.toBe("2/2 rated · 1 shaky · 1 didn't know");

    // The address keeps the paper and the timer runs on: ten minutes later, and after the hour.
    const { context } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(new Date(NOW.getTime() + 10 * 60_000));
    const again = await browser.visit(context, `${mockPath}${url.search}`);
    await again.locator('[data-mock-paper]:not([hidden])').waitFor();
    expect(await paperIds(again)).toEqual(unknown.map((question) => question.id));
    await expect.poll(() => again.locator('[data-mock-timer]').innerText()).toBe('Time left: 50:00');
    await context.clock.setFixedTime(new Date(NOW.getTime() + 61 * 60_000));
    await again.reload({ waitUntil: 'load' });
    // The paper is drawn again once the stored progress is read, after load.
    await expect.poll(() => again.locator('[data-mock-timer]').innerText()).toBe('Time is up.');
    await expect.poll(() => again.locator('[data-mock-status]').innerText()).toMatch(/^Time is up: put your pen down/);
    expect(problems).toEqual([]);
  });

  test('of many questions spreads over the sections, examinable questions only, each once, in the notes’ order', async () => {
    const { page, problems } = await openWithProgress(undefined);
    const count = Math.min(8, examinable.length);
    await makePaper(page, count, '0');
    const ids = await paperIds(page);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const drawn = ids.map((id) => examinable.find((question) => question.id === id));
    expect(drawn.every(Boolean), 'examinable only').toBe(true);
    expect(drawn.map((question) => question!.order)).toEqual(drawn.map((question) => question!.order).sort((a, b) => a - b));
    const sections = new Set(examinable.map((question) => question.section));
    expect(new Set(drawn.map((question) => question!.section)).size).toBeGreaterThanOrEqual(Math.min(sections.size, 3));
    await expect(page.locator('[data-mock-timer]').isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  test('prints as a worksheet: questions, part headings and screenshots, no answers, no form or timer', async () => {
    const { page, problems } = await openWithProgress(knowingAllBut(unknown));
    await makePaper(page, 2, '90');
    await page.locator('[data-print-mode]').selectOption({ label: 'Questions only (worksheet)' });
    const answerSentences = (
      await page.locator('[data-mock-questions] .answer :is(p, li)').evaluateAll((blocks) => blocks.map((block) => block.textContent ?? ''))
    )
      .map(dehyphen)
      .filter((sentence) => sentence.length >= 16);
    expect(answerSentences.length).toBeGreaterThan(0);
    const file = join(scratch, 'mock.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const printed = pdfText(file);
    for (const question of unknown) expect(printed).toContain(dehyphen(`Q${question.number}`));
    expect(answerSentences.filter((sentence) => printed.includes(sentence))).toEqual([]);
    for (const hidden of ['Make a mock paper', 'Time left', 'Show answer']) expect(printed).not.toContain(dehyphen(hidden));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-mock-questions] img.screenshot:visible').count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('is made and answered by keyboard alone: the form, then j / k, reveal and rate', async () => {
    const { page, problems } = await openWithProgress(knowingAllBut(unknown));
    await tabTo(page, 'input[name="count"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?paper=/);
    await page.locator('[data-mock-paper]:not([hidden])').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mock-paper-title');
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => ({
      question: document.activeElement?.closest('article')?.id,
      reveal: document.activeElement?.matches('.reveal') ?? false,
    }));
    expect(focused).toEqual({ question: unknown[0]!.id, reveal: true });
    await page.keyboard.press('Enter');
    await expect(page.locator(`article[id="${unknown[0]!.id}"] .answer:visible`).count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.id)).toBe(unknown[1]!.id);
    expect(problems).toEqual([]);
  });

  test.each(['light', 'dark'] as const)('has no WCAG 2.2 AA violations in %s, drawn and with answers revealed', async (colorScheme) => {
    const { page, problems } = await openWithProgress(knowingAllBut(unknown), { colorScheme });
    expect(await violations(page)).toEqual([]);
    await makePaper(page, 2, '30');
    await page.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('button.reveal')) button.click();
    });
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
