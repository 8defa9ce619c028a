/**
 * Alternative answers (DeepSeek / GPT / Gemini …) are tabs following the WAI-ARIA tabs pattern
 * with JavaScript, and all show one after another without it.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allCourses, printablePages, questionsOf } from './setup/site.ts';

const browser = useBrowser();
const courses = allCourses();

/** Pages with at least one group of two or more answer variants, according to the content. */
const pagesWithVariants = printablePages().filter((target) => {
  const course = courses.find((entry) => entry.id === target.course);
  return (
    course !== undefined &&
    questionsOf(course, target).some((question) => question.variants.length > 1 || question.parts.some((part) => part.sources.length > 1))
  );
});

async function groups(page: Page): Promise<Locator[]> {
  return page
    .locator('.variants')
    .filter({ has: page.locator(':scope > .variant + .variant') })
    .all();
}

async function visiblePanels(group: Locator): Promise<boolean[]> {
  const panels = await group.locator(':scope > .variant').all();
  return Promise.all(panels.map((panel) => panel.isVisible()));
}

test('the content has answer variants to test', () => {
  expect(pagesWithVariants.length).toBeGreaterThan(0);
  expect(pagesWithVariants.filter((page) => page.course === 'dasc7606').length).toBeGreaterThan(0);
});

describe.each(pagesWithVariants.map((target) => [target.url] as const))('%s', (url) => {
  test('each group is a tablist whose tabs name the sources; a click shows that panel only', async () => {
    const { page, problems } = await browser.open(url);
    const found = await groups(page);
    expect(found.length).toBeGreaterThan(0);
    for (const group of found) {
      const tablist = group.getByRole('tablist');
      await expect(tablist.count()).resolves.toBe(1);
      const tabs = await tablist.getByRole('tab').all();
      const panels = await group.locator(':scope > .variant').all();
      expect(tabs.length).toBe(panels.length);
      for (const [index, panel] of panels.entries()) {
        const tab = tabs[index]!;
        const source = await panel.getAttribute('data-source');
        if (source) await expect(tab.innerText()).resolves.toBe(source);
        await expect(tab.getAttribute('aria-controls')).resolves.toBe(await panel.getAttribute('id'));
        await expect(panel.getAttribute('role')).resolves.toBe('tabpanel');
        await expect(panel.getAttribute('aria-labelledby')).resolves.toBe(await tab.getAttribute('id'));
      }
      // The first variant shows first.
      expect(await visiblePanels(group)).toEqual(panels.map((_, index) => index === 0));
      for (const order of [[...tabs.keys()].reverse(), [...tabs.keys()]]) {
        for (const index of order) {
          await tabs[index]!.click();
          expect(await visiblePanels(group)).toEqual(panels.map((_, other) => other === index));
          const selected = await Promise.all(tabs.map((tab) => tab.getAttribute('aria-selected')));
          expect(selected).toEqual(tabs.map((_, other) => String(other === index)));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('arrow keys, Home and End move selection and focus; only the selected tab is in the tab order', async () => {
    const { page } = await browser.open(url);
    for (const group of await groups(page)) {
      const tabs = await group.getByRole('tab').all();
      const last = tabs.length - 1;
      const expectSelected = async (index: number): Promise<void> => {
        expect(await visiblePanels(group)).toEqual(tabs.map((_, other) => other === index));
        const state = await Promise.all(
          tabs.map(async (tab) => [await tab.getAttribute('aria-selected'), await tab.getAttribute('tabindex')]),
        );
        expect(state).toEqual(tabs.map((_, other) => (other === index ? ['true', '0'] : ['false', '-1'])));
        const focused = await tabs[index]!.evaluate((tab) => tab === document.activeElement);
        expect(focused, `tab ${index} has focus`).toBe(true);
      };
      await tabs[0]!.focus();
      await page.keyboard.press('ArrowRight');
      await expectSelected(1 % tabs.length);
      await page.keyboard.press('ArrowLeft');
      await expectSelected(0);
      await page.keyboard.press('ArrowLeft');
      await expectSelected(last);
      await page.keyboard.press('ArrowRight');
      await expectSelected(0);
      await page.keyboard.press('End');
      await expectSelected(last);
      await page.keyboard.press('Home');
      await expectSelected(0);
      // Tab leaves the tablist for the visible panel.
      await page.keyboard.press('Tab');
      const inPanel = await group
        .locator(':scope > .variant')
        .first()
        .evaluate((panel) => panel === document.activeElement || panel.contains(document.activeElement));
      expect(inPanel).toBe(true);
    }
  });

  test('without JavaScript every variant shows, one after another, under its label', async () => {
    const { page } = await browser.open(url, { javaScriptEnabled: false });
    await expect(page.getByRole('tablist').count()).resolves.toBe(0);
    const found = await groups(page);
    expect(found.length).toBeGreaterThan(0);
    for (const group of found) {
      const panels = await group.locator(':scope > .variant').all();
      expect(await visiblePanels(group)).toEqual(panels.map(() => true));
      let previousBottom = -Infinity;
      for (const panel of panels) {
        const box = await panel.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(previousBottom);
        previousBottom = box!.y + box!.height;
        const label = panel.locator(':scope > .variant-label');
        if ((await label.count()) > 0) await expect(label.first().isVisible()).resolves.toBe(true);
      }
    }
  });
});
