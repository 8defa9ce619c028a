/**
 * axe-core finds no WCAG 2.2 A/AA violations on any page of the built site: in light and dark, in
 * Test me (answers revealed, a rating given) and with each reading filter (中文, English, examinable only).
 * And the page is English with every run of Chinese marked lang="zh", so screen readers switch voice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, test } from 'vitest';
import { chineseOutsideZh, violations, type Violation } from './setup/a11y.ts';
import { useBrowser } from './setup/browser.ts';
import { allPages, builtPages, printablePages } from './setup/site.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
interface Mode {
  name: string;
  colorScheme: 'light' | 'dark';
  /** Reader choices in localStorage before the first page loads. */
  stored: Record<string, string>;
  /** Which pages the mode changes: all of them, or the section and paper pages. */
  pages: () => string[];
  /** Test me: reveal every answer and rate the first question, so buttons, ratings and badges show. */
  reveal?: boolean;
  /** A phone's screen, where wide formulas and tables scroll (the desktop one otherwise). */
  viewport?: { width: number; height: number };
}

// Paper pages show the same questions as the sections in another order: the modes check the sections.
const questionPages = (): string[] =>
  printablePages()
    .filter((page) => page.kind === 'section')
    .map((page) => `/${page.url}`);
const MODES: Mode[] = [
  { name: 'light theme', colorScheme: 'light', stored: {}, pages: builtPages },
  { name: 'dark theme', colorScheme: 'dark', stored: {}, pages: builtPages },
  { name: 'Test me, light', colorScheme: 'light', stored: { [STORAGE_KEYS.testMe]: '1' }, pages: questionPages, reveal: true },
  { name: 'Test me, dark', colorScheme: 'dark', stored: { [STORAGE_KEYS.testMe]: '1' }, pages: questionPages, reveal: true },
  // The reading filters only hide what the themes check shown: each pass adds what a filter shows (its notes, placeholders).
  {
    name: '中文 only and examinable only',
    colorScheme: 'dark',
    stored: { [STORAGE_KEYS.readingLanguage]: 'zh', [STORAGE_KEYS.examinableOnly]: '1' },
    pages: questionPages,
  },
  {
    name: 'English only on a phone',
    colorScheme: 'light',
    stored: { [STORAGE_KEYS.readingLanguage]: 'en' },
    pages: questionPages,
    viewport: { width: 390, height: 844 },
  },
];

// One context and one tab per mode, reused for every page: axe on ~25 pages × 7 modes stays quick.
test.each(MODES.map((mode) => [mode.name, mode] as const))(
  '%s: no WCAG 2.2 AA violations on any page',
  async (_name, mode) => {
    const { context, problems } = await browser.newContext({
      colorScheme: mode.colorScheme,
      ...(mode.viewport && { viewport: mode.viewport }),
    });
    await context.addInitScript((stored: Record<string, string>) => {
      // Not in the new tab's about:blank, which has no storage.
      if (location.protocol.startsWith('http')) for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
    }, mode.stored);
    const page = await context.newPage();
    const found: Record<string, Violation[]> = {};
    const pages = mode.pages();
    expect(pages.length).toBeGreaterThan(0);
    for (const path of pages) {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      // Checked as the reader sees it: lazy screenshots loaded, tabs made.
      await page.evaluate(() => {
        for (const image of document.images) image.loading = 'eager';
      });
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      if (mode.reveal) {
        await page.evaluate(() => {
          for (const button of document.querySelectorAll<HTMLButtonElement>('button.reveal')) button.click();
        });
        await page.locator('.rating:not([hidden]) .rating-button').first().click();
      }
      const pageViolations = await violations(page);
      if (pageViolations.length > 0) found[path] = pageViolations;
    }
    expect(found).toEqual({});
    expect(problems).toEqual([]);
  },
  300_000,
);

test('the other answer variants pass too once their tab is chosen', async () => {
  const sectionPages = allPages().filter((url) => /\/s\d+\/$/.test(url));
  let checked = 0;
  for (const colorScheme of ['light', 'dark'] as const) {
    // One tab per theme, going from page to page.
    const { context, problems } = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    for (const path of sectionPages) {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      const tablists = await page.getByRole('tablist').all();
      const most = Math.max(0, ...(await Promise.all(tablists.map((list) => list.getByRole('tab').count()))));
      for (let index = 1; index < most; index += 1) {
        for (const list of tablists) {
          const tab = list.getByRole('tab').nth(index);
          if ((await tab.count()) > 0) await tab.click();
        }
        expect(await violations(page, '.variants'), `${path}, tab ${index + 1}`).toEqual([]);
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
  }
  expect(checked).toBeGreaterThan(0);
}, 180_000);

test('Save for offline passes in each of its states, driven by the keyboard, in light and dark', async () => {
  const course = inject('courses')[0]?.id;
  if (!course) throw new Error('no course built');
  for (const colorScheme of ['light', 'dark'] as const) {
    const { context, problems } = await browser.newContext({ colorScheme, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${course}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // A slow connection (1 MB/s), so the download can be seen in progress.
    const cdp = await context.newCDPSession(page);
    const speed = (bytesPerSecond: number) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    await speed(1024 * 1024);
    const check = async (state: string): Promise<void> => {
      expect(await violations(page, '.save-offline'), `${colorScheme}, ${state}`).toEqual([]);
    };
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await check('not saved');

    await page.locator('[data-save-open]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-sizes]').textContent()).toMatch(/questions? · /);
    await expect.poll(() => page.locator('[data-save-start]').isEnabled()).toBe(true);
    await check('what it stores');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.locator('[data-save-pdfs]').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-count]').textContent(), { timeout: 30_000 }).toMatch(/^[1-9]\d* of \d+ files/);
    await expect.poll(focused).toBe('Cancel');
    await check('saving');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-result]').textContent()).toMatch(/^Cancelled/);
    await check('cancelled');
    // Full speed again (-1: no limit), to save the course without its PDFs.
    await speed(-1);

    await expect.poll(focused).toBe('Save for offline…');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-start]').isEnabled()).toBe(true);
    await page.locator('[data-save-start]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-result]').textContent(), { timeout: 120_000 }).toMatch(/^Saved for offline/);
    await expect.poll(focused).toBe('Remove offline copy');
    // The whole page now: the footer says "Available offline".
    expect(await violations(page), `${colorScheme}, saved`).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-save-result]').textContent()).toMatch(/^Offline copy removed/);
    await check('removed');
    expect(problems).toEqual([]);
  }
}, 300_000);

test('the check can fail: a page without a language is reported', async () => {
  const { page } = await browser.open('/');
  await page.evaluate(() => document.documentElement.removeAttribute('lang'));
  expect((await violations(page)).map((violation) => violation.id)).toContain('html-has-lang');
});

describe('languages for screen readers', () => {
  const pages = builtPages().map((path) => [path, readFileSync(join(inject('dist'), path, 'index.html'), 'utf8')] as const);

  test.each(pages)('%s: the page is English and every run of Chinese says lang="zh"', (_path, html) => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"/i);
    expect(chineseOutsideZh(html)).toEqual([]);
  });

  test('Chinese blocks are lang="zh"; mixed and English blocks stay English with their Chinese runs marked', () => {
    const counts = { zh: 0, mixed: 0, en: 0, runs: 0 };
    for (const [, html] of pages) {
      visit(fromHtml(html), 'element', (node) => {
        const language = node.properties.dataLang;
        if (language === 'zh') {
          expect(node.properties.lang).toBe('zh');
          counts.zh += 1;
        } else if (language === 'mixed' || language === 'en') {
          expect(node.properties.lang).toBeUndefined();
          counts[language] += 1;
        }
        if (node.tagName === 'span' && node.properties.lang === 'zh') counts.runs += 1;
      });
    }
    // The user's notes have all three kinds of block, and Chinese inside English ones.
    expect(counts.zh).toBeGreaterThan(0);
    expect(counts.mixed).toBeGreaterThan(0);
    expect(counts.en).toBeGreaterThan(0);
    expect(counts.runs).toBeGreaterThan(0);
  });

  test('the check can fail: Chinese in an English paragraph is found', () => {
    expect(chineseOutsideZh('<p>The loss 损失 is low.</p><p lang="zh">损失</p><p>The <span lang="zh">损失</span></p>')).toEqual([
      'The loss 损失 is low.',
    ]);
  });
});
