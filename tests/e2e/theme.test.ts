/** The page follows the system theme until the reader picks one; the pick survives a reload. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allPages } from './setup/site.ts';
import { urls } from '../../src/lib/site/urls.ts';

const browser = useBrowser();
const pages = allPages();
/** A section page (tabs, math, TOC) when there is one, else the home page. */
const samplePages = ['/', pages.find((path) => /\/s\d+\/$/.test(path)) ?? '/'];

/** Relative luminance (0 black … 1 white) of the page background. */
async function backgroundLuminance(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const luminance = await backgroundLuminance(page);
  if (theme === 'dark') expect(luminance, 'dark background').toBeLessThan(0.1);
  else expect(luminance, 'light background').toBeGreaterThan(0.8);
  const textLuminance = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(textLuminance).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  await expect(page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).resolves.toBe(String(theme === 'dark'));
}

describe.each(samplePages.map((path) => [path] as const))('theme on %s', (path) => {
  for (const system of ['light', 'dark'] as const) {
    const other = system === 'light' ? 'dark' : 'light';

    test(`follows a ${system} system theme until the reader picks ${other}, and keeps that pick after a reload`, async () => {
      const { page, problems } = await browser.open(path, { colorScheme: system });
      await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBeUndefined();
      await expectTheme(page, system);

      await page.locator('[data-theme-toggle]').click();
      await expectTheme(page, other);
      await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(other);

      await page.reload({ waitUntil: 'load' });
      await expectTheme(page, other);

      // Another page of the site keeps the pick too.
      await page.goto(new URL(urls.home(), page.url()).href, { waitUntil: 'load' });
      await expectTheme(page, other);

      // Toggling back returns to the system's theme, and that pick persists as well.
      await page.locator('[data-theme-toggle]').click();
      await expectTheme(page, system);
      await page.reload({ waitUntil: 'load' });
      await expectTheme(page, system);
      expect(problems).toEqual([]);
    });
  }

  test('a fresh visit follows the system theme when it changes', async () => {
    const { page } = await browser.open(path, { colorScheme: 'light' });
    await expectTheme(page, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await backgroundLuminance(page)).toBeLessThan(0.1);
  });
});
