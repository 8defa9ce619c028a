/**
 * Long pages render lighter (question.css: content-visibility on questions): a question far off
 * screen is skipped until it comes near, and nothing that reaches into one breaks: a jump to a
 * question or part anchor lands exactly, a search's words are highlighted in it, Test me reveals
 * its answers, and printing prints it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fileInDist, questionArticles } from '../../scripts/lib/built-pages.ts';
import { DESKTOP as DESKTOP_SCREEN, PHONE as PHONE_SCREEN } from '../../scripts/lib/page-bytes.ts';
import { useBrowser } from './setup/browser.ts';
import { dehyphen, pdfText } from './setup/site.ts';
import { distPaths, parseCourseId } from '../../src/lib/content/paths.ts';

const browser = useBrowser();
const dist = inject('dist');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-long-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** The user's GAN section: few questions, each several screens long. */
const SECTION = distPaths.section(parseCourseId('dasc7606'), 5);
/** The phone screen of the byte budgets, as a phone browser lays it out (mobile viewport, touch, 2×). */
// Pages as readers get them: questions drawn only near the screen (see PageChoices).
const PHONE = { ...PHONE_SCREEN, isMobile: true, hasTouch: true, deviceScaleFactor: 2, drawEveryQuestion: false };
const DESKTOP = { ...DESKTOP_SCREEN, drawEveryQuestion: false };

/** Ids of the section's questions, and of each question's parts, from the built page. */
function anchors(): { questions: string[]; parts: string[] } {
  const html = readFileSync(fileInDist(dist, SECTION), 'utf8');
  return {
    questions: [...questionArticles(html).keys()],
    parts: [...html.matchAll(/<section class="part" id="([^"]+)"/g)].map((match) => match[1] ?? ''),
  };
}

/** Where an element's top is in the viewport once the page has settled (fonts, then two frames, then half a second). */
async function settledTop(page: Page, id: string): Promise<number> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  return page.evaluate(
    (target) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(document.getElementById(target)?.getBoundingClientRect().top ?? Number.NaN)),
        ),
      ),
    id,
  );
}

describe('a long page', () => {
  it('skips rendering questions far off screen until they come near', async () => {
    const { questions } = anchors();
    const last = questions.at(-1) ?? '';
    const { page } = await browser.open(SECTION, PHONE);
    const rendered = (id: string): Promise<boolean> =>
      page.evaluate((target) => {
        const child = document.getElementById(target)?.querySelector('.question-header');
        return child?.checkVisibility({ contentVisibilityAuto: true }) ?? false;
      }, id);
    expect(await rendered(questions[0] ?? '')).toBe(true);
    expect(await rendered(last)).toBe(false);
    await page.evaluate((target) => document.getElementById(target)?.scrollIntoView(), last);
    await expect.poll(() => rendered(last)).toBe(true);
  });

  for (const [device, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`lands exactly on a question or part anchor, opened or clicked (${device})`, async () => {
      const { questions, parts } = anchors();
      const lastQuestion = questions.at(-1) ?? '';
      const lastPart = parts.at(-1) ?? '';
      expect(lastPart.startsWith(lastQuestion)).toBe(true);
      // scroll-margin-top: 1rem.
      const margin = 16;
      for (const id of [lastQuestion, lastPart, questions[1] ?? '']) {
        const { page } = await browser.open(`${SECTION}#${id}`, options);
        expect(Math.abs((await settledTop(page, id)) - margin), `#${id} opened`).toBeLessThanOrEqual(1);
      }
      // A click on a link to an anchor further down, from the top of the page.
      const { page } = await browser.open(SECTION, options);
      await page.evaluate((target) => {
        const link = Object.assign(document.createElement('a'), { href: `#${target}`, textContent: 'jump' });
        document.querySelector('main')?.prepend(link);
        link.click();
      }, lastPart);
      expect(Math.abs((await settledTop(page, lastPart)) - margin), `#${lastPart} clicked`).toBeLessThanOrEqual(1);
    });
  }

  it("highlights a search's words inside a question off screen, and shows them once scrolled to", async () => {
    const { questions } = anchors();
    const last = questions.at(-1) ?? '';
    // A word of the last question's heading, searched from a link that opens the page at its top.
    const { page: probe } = await browser.open(SECTION, PHONE);
    const word = await probe.evaluate(
      (target) => (document.getElementById(`${target}-title`)?.textContent ?? '').match(/[A-Za-z]{5,}/)?.[0] ?? '',
      last,
    );
    expect(word).not.toBe('');
    const { page } = await browser.open(`${SECTION}?highlight=${encodeURIComponent(word)}`, PHONE);
    const inLast = (): Promise<number> =>
      page.evaluate((target) => {
        const question = document.getElementById(target);
        const ranges = [...(CSS.highlights.get('search-terms') ?? [])] as Range[];
        return ranges.filter((range) => question?.contains(range.startContainer)).length;
      }, last);
    await expect.poll(inLast).toBeGreaterThan(0);
    await page.evaluate((target) => document.getElementById(`${target}-title`)?.scrollIntoView(), last);
    await expect
      .poll(() =>
        page.evaluate((target) => document.getElementById(`${target}-title`)?.checkVisibility({ contentVisibilityAuto: true }), last),
      )
      .toBe(true);
  });

  it('reveals, in Test me, the answers of a question that was off screen', async () => {
    const { questions } = anchors();
    const last = questions.at(-1) ?? '';
    const { page } = await browser.open(`${SECTION}?test=1`, PHONE);
    const reveal = page.locator(`[id="${last}"] button.reveal`).first();
    const answer = page.locator(`[id="${(await reveal.getAttribute('aria-controls'))?.split(' ')[0] ?? ''}"]`);
    expect(await answer.isVisible()).toBe(false);
    await reveal.click();
    await expect.poll(() => answer.isVisible()).toBe(true);
  });

  it('prints every question, those never scrolled to included', async () => {
    const { questions } = anchors();
    const { page } = await browser.open(SECTION, PHONE);
    // The last paragraph of the last question: as far from the first screen as the page goes.
    const text = await page
      .locator(`[id="${questions.at(-1) ?? ''}"] p`)
      .last()
      .textContent();
    expect(dehyphen(text ?? '').length).toBeGreaterThan(10);
    const file = join(scratch, 'long-page.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    expect(pdfText(file)).toContain(dehyphen(text ?? '').slice(0, 40));
  });
});
