/**
 * A reader with a keyboard only: home → course → section → search (/) → a result chosen with the
 * arrow keys and Enter → the part it names → Test me → reveal and rate → print, with a visible
 * focus indicator (an outline of real contrast) on every control reached. And for readers who
 * ask for reduced motion, nothing on the page moves.
 */
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allCourses } from './setup/site.ts';
import { urls } from '../../src/lib/site/urls.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const course = allCourses().find((entry) => entry.own)!;

interface Focus {
  element: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: number[];
  background: number[];
}

/** What has focus and how its focus ring is drawn, with the colour behind the ring. */
async function focusOf(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const style = getComputedStyle(element);
    // The ring is drawn around the element: what is behind it is the nearest ancestor's background.
    let background = [255, 255, 255];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3] === 1)) {
        background = color.slice(0, 3);
        break;
      }
    }
    return {
      element: `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: rgb(style.outlineColor).slice(0, 3),
      background,
    };
  });
}

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (color: number[]): number => {
    const [r = 0, g = 0, bl = 0] = color.map((channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The focused control shows a solid ring at least 2 px wide with 3:1 contrast against what is behind it (WCAG 2.4.7, 1.4.11). */
async function expectVisibleFocus(page: Page, step: string): Promise<Focus> {
  const focus = await focusOf(page);
  expect(focus.focusVisible, `${step}: ${focus.element} matches :focus-visible`).toBe(true);
  expect(focus.outlineStyle, `${step}: ${focus.element} outline`).not.toBe('none');
  expect(focus.outlineWidth, `${step}: ${focus.element} outline width`).toBeGreaterThanOrEqual(2);
  expect(contrast(focus.outlineColor, focus.background), `${step}: ${focus.element} ring contrast`).toBeGreaterThanOrEqual(3);
  return focus;
}

/** Presses Tab (or Shift+Tab) until `selector` has focus; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, limit = 400 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} never took focus in ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

test.each(['light', 'dark'] as const)(
  'keyboard only, %s theme: home to a search result, Test me, rating and print, focus always visible',
  async (colorScheme) => {
    const { page, problems } = await browser.open('/', { colorScheme });

    await tabTo(page, `a[href="${urls.course(course.id)}"]`);
    await expectVisibleFocus(page, 'home: the course');
    await Promise.all([page.waitForURL(`${baseUrl}/${course.id}/`), page.keyboard.press('Enter')]);

    const section = course.sections.find((entry) => !entry.scope)!;
    await tabTo(page, `a[href="${urls.section(course.id, section.number)}"]`);
    await expectVisibleFocus(page, 'course: a section');
    await Promise.all([page.waitForURL(`${baseUrl}/${course.id}/s${section.number}/`), page.keyboard.press('Enter')]);

    // Search: "/" opens it with the query box focused; arrows reach a result; Enter opens it.
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog[open]').waitFor();
    await expectVisibleFocus(page, 'search: the query box');
    await page.keyboard.type('mode collapse');
    await page.locator('.search-result-link').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const result = await expectVisibleFocus(page, 'search: the first result');
    expect(result.element).toMatch(/^a\.search-result-link/);
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(href).toContain('#');
    await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
    const target = page.locator(':target');
    await expect.poll(() => target.isVisible()).toBe(true);

    // Test me, switched on from the keyboard; the next question's answer revealed and rated with keys.
    await tabTo(page, '[data-test-me-toggle]', { backwards: true });
    await expectVisibleFocus(page, 'Test me toggle');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-test-me-toggle]').first().getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('j');
    await expectVisibleFocus(page, 'Test me: the first "Show answer"');
    const reveal = await page.evaluate(() => document.activeElement?.getAttribute('aria-controls') ?? '');
    expect(reveal).not.toBe('');
    await page.keyboard.press('Enter');
    await expect(page.locator(`[id="${reveal.split(' ')[0]}"]`).isVisible()).resolves.toBe(true);
    await tabTo(page, '.rating-button');
    await expectVisibleFocus(page, 'Test me: a rating');
    const rating = (await page.evaluate(() => document.activeElement?.textContent ?? '')).trim();
    await page.keyboard.press('Enter');
    await expect(page.locator('.rating-badge:not([hidden])').first().innerText()).resolves.toBe(rating);

    // Print: the page's own button, from the keyboard; the printed page hides the chrome.
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await tabTo(page, '[data-print]', { backwards: true });
    await expectVisibleFocus(page, 'print button');
    await page.keyboard.press('Enter');
    // It prints once the screenshots' print copies have loaded.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-printed'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('article.question').first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  },
);

test('with reduced motion nothing moves: no transitions, animations or smooth scrolling', async () => {
  const section = course.sections.find((entry) => !entry.scope)!;
  const { page, problems } = await browser.open(`/${course.id}/s${section.number}/`, { reducedMotion: 'reduce' });
  // Every state that could animate: Test me with a reveal, the reading panel, the search dialog.
  await page.locator('[data-test-me-toggle]').click();
  await page.locator('button.reveal').first().click();
  await page.locator('.reading-options summary').click();
  await page.keyboard.press('/');
  await page.locator('dialog.search-dialog[open]').waitFor();
  const moving = (): Promise<string[]> =>
    page.evaluate(() => {
      const seconds = (value: string): number =>
        Math.max(...value.split(',').map((part) => Number.parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          if (seconds(style.transitionDuration) > 0 || (style.animationName !== 'none' && seconds(style.animationDuration) > 0))
            found.push(`${element.tagName}${pseudo ?? ''}.${element.className}`);
        }
      }
      if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto') found.push('html scroll-behavior');
      return found;
    });
  // Motion a script adds later is stopped too; without the preference it would run, so the check can fail.
  await page.evaluate(() => {
    document.querySelector('main')!.style.transition = 'opacity 1s';
  });
  expect(await moving()).toEqual([]);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await moving()).toEqual(['MAIN.page-main']);
  expect(problems).toEqual([]);
});
