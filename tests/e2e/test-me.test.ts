/**
 * Test me: every answer hides behind a "Show answer" button per unit (part, answer variant or the
 * question's own text), screenshots and part headings stay, rating bars show once an answer is
 * revealed; without JavaScript answers simply show; and a remembered Test-me or a review-queue link
 * never shows an answer, not even in the first frames.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { articleIds, course, section, sectionPath, sectionQuestions } from './setup/revision.ts';

const browser = useBrowser();

/** A paper with a question from the section that has a written answer. */
const [paperSlug, paperQuestions] = [...course.papers].find(([, questions]) =>
  questions.some((question) => question.section === section.number && question.hasAnswer),
)!;
const paperPath = `/${course.id}/papers/${paperSlug}/`;

/** What Test-me shows on screen: answers, their buttons, headings, screenshots, rating bars. */
async function testMeReport(page: Page) {
  return page.evaluate(() => {
    const shown = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const answers = [...document.querySelectorAll<HTMLElement>('article.question .answer')];
    const unitOf = (answer: Element): Element => answer.parentElement!.closest('.part, .variant, .question-body') ?? answer.parentElement!;
    const units = [...new Set(answers.map(unitOf))];
    const reveals = [...document.querySelectorAll<HTMLButtonElement>('article.question .reveal')];
    return {
      answersShown: answers.map(shown),
      units: units.map((unit) => ({
        kind: unit.classList.contains('part')
          ? 'part'
          : unit.classList.contains('variant')
            ? 'variant'
            : unit.classList.contains('question-body')
              ? 'question-body'
              : unit.tagName,
        answers: answers.filter((answer) => unitOf(answer) === unit).map((answer) => answer.id),
        buttons: reveals
          .filter(
            (button) =>
              button.parentElement === answers.find((answer) => unitOf(answer) === unit)?.parentElement && unitOf(button) === unit,
          )
          .map((button) => ({
            text: button.textContent,
            expanded: button.getAttribute('aria-expanded'),
            controls: button.getAttribute('aria-controls')?.split(' ') ?? [],
            shown: shown(button),
            beforeFirstAnswer: button.nextElementSibling === answers.find((answer) => unitOf(answer) === unit),
          })),
      })),
      reveals: reveals.length,
      partHeadings: [...document.querySelectorAll('article.question .part-heading')].map(shown),
      questionHeadings: [...document.querySelectorAll('article.question .question-header h2')].map(shown),
      screenshots: [...document.querySelectorAll('article.question img.screenshot, article.question .shot-missing')].map(shown),
      ratingBars: [...document.querySelectorAll('article.question')].map((article) => ({
        id: article.id,
        hasAnswer: article.querySelector('.answer') !== null,
        shown: [...article.querySelectorAll('.rating')].map(shown),
      })),
      toggle: [...document.querySelectorAll('[data-test-me-toggle]')].map((toggle) => ({
        shown: shown(toggle),
        pressed: toggle.getAttribute('aria-pressed'),
      })),
      progress: [...document.querySelectorAll('.page-progress')].map(shown),
    };
  });
}

describe('Test me', () => {
  test.each([
    ['section page', sectionPath, sectionQuestions],
    ['paper page', paperPath, paperQuestions],
  ])(
    'on a %s every answer hides behind one "Show answer" button per unit; screenshots and part headings stay',
    async (_kind, path, questions) => {
      const { page, problems } = await browser.open(path);
      expect(await articleIds(page)).toEqual(expect.arrayContaining(questions.map((question) => question.id)));

      const before = await testMeReport(page);
      expect(before.answersShown.length, 'the page has written answers').toBeGreaterThan(0);
      expect(before.answersShown.every(Boolean), 'answers show before Test-me is on').toBe(true);
      expect(before.units.flatMap((unit) => unit.buttons).every((button) => !button.shown)).toBe(true);
      expect(before.toggle).toEqual([{ shown: true, pressed: 'false' }]);

      await page.getByRole('button', { name: 'Test me' }).click();
      const on = await testMeReport(page);
      expect(on.toggle).toEqual([{ shown: true, pressed: 'true' }]);
      expect(
        on.answersShown.every((shown) => !shown),
        'every answer is hidden',
      ).toBe(true);
      expect(on.reveals).toBe(on.units.length);
      for (const unit of on.units) {
        expect(['part', 'variant', 'question-body']).toContain(unit.kind);
        expect(unit.buttons, `one button for the answers ${unit.answers.join(', ')}`).toEqual([
          { text: 'Show answer', expanded: 'false', controls: unit.answers, shown: true, beforeFirstAnswer: true },
        ]);
      }
      expect(on.partHeadings.length).toBeGreaterThan(0);
      expect(on.partHeadings.every(Boolean), 'part headings stay').toBe(true);
      expect(on.questionHeadings).toEqual(questions.map(() => true));
      expect(on.screenshots.length).toBeGreaterThan(0);
      expect(on.screenshots.every(Boolean), 'screenshots (or their placeholders) stay').toBe(true);
      // Questions with an answer are rated after revealing it; screenshot-only ones straight away.
      for (const bar of on.ratingBars) expect(bar.shown, bar.id).toEqual([!bar.hasAnswer]);

      // Revealing one unit shows its answers only, and the question's rating bar.
      const first = page.locator('article.question .reveal').first();
      const firstArticle = page.locator(`article[id="${await first.evaluate((button) => button.closest('article')!.id)}"]`);
      await expect(firstArticle.locator('.rating').isVisible()).resolves.toBe(false);
      await first.click();
      await expect(first.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(first.innerText()).resolves.toBe('Hide answer');
      const controlled = (await first.getAttribute('aria-controls'))!.split(' ');
      for (const id of controlled) await expect(page.locator(`[id="${id}"]`).isVisible()).resolves.toBe(true);
      await expect(page.locator('.answer:visible').count()).resolves.toBe(controlled.length);
      await expect(firstArticle.locator('.rating').isVisible()).resolves.toBe(true);
      // Hiding it again.
      await first.click();
      await expect(first.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.locator('.answer:visible').count()).resolves.toBe(0);

      // Off again: everything shows, no buttons.
      await page.getByRole('button', { name: 'Test me' }).click();
      const off = await testMeReport(page);
      expect(off.answersShown.every(Boolean)).toBe(true);
      expect(off.units.flatMap((unit) => unit.buttons).every((button) => !button.shown)).toBe(true);
      expect(off.ratingBars.every((bar) => bar.shown.every((shown) => !shown))).toBe(true);
      expect(problems).toEqual([]);
    },
  );

  test('without JavaScript the answers are simply visible and no Test-me controls show, even with ?test=1', async () => {
    const { context, problems } = await browser.newContext({ javaScriptEnabled: false });
    for (const path of [sectionPath, `${sectionPath}?test=1`, paperPath]) {
      const page = await browser.visit(context, path);
      const report = await testMeReport(page);
      expect(report.answersShown.length).toBeGreaterThan(0);
      expect(report.answersShown.every(Boolean), path).toBe(true);
      expect(report.reveals).toBe(0);
      expect(report.ratingBars.every((bar) => bar.shown.length === 0)).toBe(true);
      expect(report.toggle.map((toggle) => toggle.shown)).toEqual([false]);
      expect(report.progress.every((shown) => !shown)).toBe(true);
      // Drawn as a reader scrolling through would see them (no page script runs to do it: see PageChoices).
      await page.locator('article.question').evaluateAll((questions) => {
        for (const question of questions) (question as HTMLElement).style.contentVisibility = 'visible';
      });
      const answerText = await page
        .locator('article.question .answer')
        .evaluateAll((answers) => answers.map((answer) => (answer as HTMLElement).innerText.trim().length));
      expect(answerText.every((length) => length > 0)).toBe(true);
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});

/** Records, frame by frame from the first, how many answers the page shows: installed before any page script. */
const ANSWER_FRAMES_PROBE = `(() => {
  const frames = [];
  window.__answerFrames = frames;
  const check = () => {
    const answers = [...document.querySelectorAll('article.question .answer')];
    frames.push({ answers: answers.length, shown: answers.filter((answer) => getComputedStyle(answer).display !== 'none').length, complete: document.readyState === 'complete' });
    if (frames.length < 400 && !(document.readyState === 'complete' && frames.length > 3)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface AnswerFrame {
  answers: number;
  shown: number;
  complete: boolean;
}

async function answerFrames(page: Page): Promise<AnswerFrame[]> {
  await page.waitForFunction(() => (window as unknown as { __answerFrames: AnswerFrame[] }).__answerFrames.some((frame) => frame.complete));
  return page.evaluate(() => (window as unknown as { __answerFrames: AnswerFrame[] }).__answerFrames);
}

describe('Test me before first paint', () => {
  test('a remembered Test-me, or a link with ?test=1, never shows an answer, not even in the first frames', async () => {
    const { context, problems } = await browser.newContext();
    await context.addInitScript(ANSWER_FRAMES_PROBE);

    // The probe does see answers when they show (Test-me off).
    const off = await browser.visit(context, sectionPath);
    const shownFrames = await answerFrames(off);
    expect(shownFrames.some((frame) => frame.answers > 0 && frame.shown === frame.answers)).toBe(true);

    // A review-queue link: the page must not flash the answer it is about to quiz.
    const target = sectionQuestions.find((question) => question.hasAnswer)!;
    const fromLink = await browser.visit(context, `${sectionPath}?test=1#${target.id}`);
    const linked = await answerFrames(fromLink);
    expect(linked.some((frame) => frame.answers > 0)).toBe(true);
    expect(linked.filter((frame) => frame.shown > 0)).toEqual([]);
    const box = await fromLink.locator(`article[id="${target.id}"]`).boundingBox();
    expect(Math.abs(box!.y), 'the linked question is at the top of the window').toBeLessThan(50);

    // Turned on by the toggle, then remembered on the next pages.
    await off.getByRole('button', { name: 'Test me' }).click();
    for (const path of [sectionPath, paperPath]) {
      const page = await browser.visit(context, path);
      const frames = await answerFrames(page);
      expect(
        frames.some((frame) => frame.answers > 0),
        path,
      ).toBe(true);
      expect(
        frames.filter((frame) => frame.shown > 0),
        path,
      ).toEqual([]);
      await expect(page.locator('[data-test-me-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    }
    expect(problems).toEqual([]);
  });
});
