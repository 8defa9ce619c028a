/**
 * Rating by keyboard alone: the Test-me toggle, j / k between questions, Space and Enter to reveal
 * every answer unit, Tab to the rating, and Shift+Tab to change one's mind.
 */
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import {
  answerByKeyboard,
  articleIds,
  focused,
  key,
  ratingStored,
  sectionPath,
  sectionQuestions,
  stored,
  tabTo,
} from './setup/revision.ts';

const browser = useBrowser();

describe('keyboard only', () => {
  test('toggle on, j / k between questions, Space and Enter reveal, then rate', async () => {
    const { page, problems } = await browser.open(sectionPath);
    const ids = await articleIds(page);
    expect(new Set(ids)).toEqual(new Set(sectionQuestions.map((question) => question.id)));

    await tabTo(page, '[data-test-me-toggle]');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-test-me-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');

    // j moves to each question's first control in turn, k back; at the ends it stays.
    const firstControl = async (id: string): Promise<string> =>
      await page
        .locator(`article[id="${id}"]`)
        .locator('.reveal, .rating:not([hidden]) button')
        .first()
        .evaluate((element) => element.outerHTML);
    const activeHtml = (): Promise<string> => page.evaluate(() => document.activeElement?.outerHTML ?? '');
    for (const id of ids) {
      await page.keyboard.press('j');
      expect((await focused(page)).question).toBe(id);
      expect(await activeHtml()).toBe(await firstControl(id));
    }
    await page.keyboard.press('j');
    expect((await focused(page)).question).toBe(ids.at(-1));
    for (const id of [...ids].reverse().slice(1)) {
      await page.keyboard.press('k');
      expect((await focused(page)).question).toBe(id);
    }
    await page.keyboard.press('k');
    expect((await focused(page)).question).toBe(ids[0]);

    // The first question with answers in several units: Space and Enter reveal them all.
    const target = sectionQuestions.find((question) => question.hasAnswer && question.parts.filter((part) => part.anchor).length >= 2)!;
    const index = ids.indexOf(target.id);
    await page.keyboard.press('k');
    for (let step = 0; step < index; step += 1) await page.keyboard.press('j');
    const now = await focused(page);
    expect(now).toMatchObject({ question: target.id, reveal: true, expanded: 'false' });
    const article = page.locator(`article[id="${target.id}"]`);
    await expect(article.locator('.rating').isVisible()).resolves.toBe(false);

    const reveals = await answerByKeyboard(page, target.id, 'shaky');
    expect(reveals).toBe(await article.locator('.reveal').count());
    expect(reveals).toBeGreaterThanOrEqual(2);
    const answers = await article
      .locator('.answer')
      .evaluateAll((elements) => elements.map((element) => element.getClientRects().length > 0));
    expect(answers.every(Boolean), 'every answer of the question is showing').toBe(true);
    const buttons = article.locator('.rating-button');
    await expect(
      buttons.evaluateAll((elements) => elements.map((element) => [element.textContent, element.getAttribute('aria-pressed')])),
    ).resolves.toEqual([
      ['Got it', 'false'],
      ['Shaky', 'true'],
      ["Didn't know", 'false'],
    ]);
    expect((await stored(page))?.reviews[key(target.id)]?.rating).toBe('shaky');
    await expect(article.locator('.rating-badge').innerText()).resolves.toBe('Shaky');

    // Changing one's mind, still by keyboard: Shift+Tab back to "Got it".
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).rating).toBe('got-it');
    const since = await page.evaluate(() => Date.now());
    await page.keyboard.press('Enter');
    await ratingStored(page, key(target.id), 'got-it', since);
    await expect(article.locator('.rating-badge').innerText()).resolves.toBe('Got it');
    // A changed mind replaces the rating a moment ago: still one review of the question, not two.
    expect((await stored(page))?.reviews[key(target.id)]).toMatchObject({ previous: null, card: { reps: 1 } });

    expect(problems).toEqual([]);
  });
});
