/**
 * Revision mode: Test-me hides the answers behind "Show answer" buttons, the student rates each
 * question (by mouse or keyboard alone), ratings live in localStorage and come back in the review
 * queue on the right day; progress can be exported, reset and imported, damaged data never breaks
 * a page, and a page prints as a worksheet without its answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Progress } from '../../src/lib/progress/storage.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, dehyphen, pdfText } from './setup/site.ts';
import { urls } from '../../src/lib/site/urls.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(tmpdir(), 'e2e-revision-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const course = allCourses().find((entry) => entry.own)!;
const key = (id: string): string => `${course.id}/${id}`;

type Rating = 'got-it' | 'shaky' | 'unknown';
const LABEL: Record<Rating, string> = { 'got-it': 'Got it', shaky: 'Shaky', unknown: "Didn't know" };

/** The first section with at least three answered questions and one screenshot-only question. */
const section = course.sections.find((candidate) => {
  const questions = course.questions.filter((question) => question.section === candidate.number);
  return (
    !candidate.scope && questions.filter((question) => question.hasAnswer).length >= 3 && questions.some((question) => !question.hasAnswer)
  );
})!;
const sectionPath = `/${course.id}/s${section.number}/`;
const sectionQuestions = course.questions.filter((question) => question.section === section.number);
/** A paper with a question from that section that has a written answer. */
const [paperSlug, paperQuestions] = [...course.papers].find(([, questions]) =>
  questions.some((question) => question.section === section.number && question.hasAnswer),
)!;
const paperPath = `/${course.id}/papers/${paperSlug}/`;

/** Calendar days of the controlled clock, in a time zone without daylight saving. */
const TIME_ZONE = 'Asia/Hong_Kong';
const at = (day: string, time = '10:00'): Date => new Date(`${day}T${time}:00+08:00`);
const DAY1 = '2026-03-02';
const DAY2 = '2026-03-03';
const DAY4 = '2026-03-05';
const DAY7 = '2026-03-08';
const DAY11 = '2026-03-12';

async function visit(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
  return page;
}

async function stored(page: Page): Promise<Progress | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('revision-progress');
    return raw === null ? null : (JSON.parse(raw) as Progress);
  });
}

/** Ids of the questions on the page, in page order. */
async function articleIds(page: Page): Promise<string[]> {
  return page.locator('article.question[data-question-id]').evaluateAll((articles) => articles.map((article) => article.id));
}

/** Reveals a question's first answer unit (when it has one) and rates it, by mouse. Test-me must be on. */
async function rateByMouse(page: Page, id: string, rating: Rating): Promise<void> {
  const article = page.locator(`article[id="${id}"]`);
  const reveal = article.locator('.reveal').first();
  if ((await reveal.count()) > 0 && (await reveal.getAttribute('aria-expanded')) === 'false') await reveal.click();
  await article.getByRole('group', { name: 'How did it go?' }).getByRole('button', { name: LABEL[rating], exact: true }).click();
}

/** The due questions the review queue lists, in order, as question ids. */
async function queue(page: Page): Promise<string[]> {
  await page.locator('[data-review-queue] > *').first().waitFor();
  return page
    .locator('.review-list a.card')
    .evaluateAll((links) => links.map((link) => decodeURIComponent(new URL((link as HTMLAnchorElement).href).hash.slice(1))));
}

/** "3/7 rated · 1 shaky · 1 didn't know", from ratings of some of the keys. */
function expectedTally(keys: string[], ratings: Record<string, Rating>): string {
  const given = keys.map((entry) => ratings[entry]).filter((rating) => rating !== undefined);
  const shaky = given.filter((rating) => rating === 'shaky').length;
  const unknown = given.filter((rating) => rating === 'unknown').length;
  return [
    `${given.length}/${keys.length} rated`,
    ...(shaky > 0 ? [`${shaky} shaky`] : []),
    ...(unknown > 0 ? [`${unknown} didn't know`] : []),
  ].join(' · ');
}

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
      const page = await visit(context, path);
      const report = await testMeReport(page);
      expect(report.answersShown.length).toBeGreaterThan(0);
      expect(report.answersShown.every(Boolean), path).toBe(true);
      expect(report.reveals).toBe(0);
      expect(report.ratingBars.every((bar) => bar.shown.length === 0)).toBe(true);
      expect(report.toggle.map((toggle) => toggle.shown)).toEqual([false]);
      expect(report.progress.every((shown) => !shown)).toBe(true);
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
    const off = await visit(context, sectionPath);
    const shownFrames = await answerFrames(off);
    expect(shownFrames.some((frame) => frame.answers > 0 && frame.shown === frame.answers)).toBe(true);

    // A review-queue link: the page must not flash the answer it is about to quiz.
    const target = sectionQuestions.find((question) => question.hasAnswer)!;
    const fromLink = await visit(context, `${sectionPath}?test=1#${target.id}`);
    const linked = await answerFrames(fromLink);
    expect(linked.some((frame) => frame.answers > 0)).toBe(true);
    expect(linked.filter((frame) => frame.shown > 0)).toEqual([]);
    const box = await fromLink.locator(`article[id="${target.id}"]`).boundingBox();
    expect(Math.abs(box!.y), 'the linked question is at the top of the window').toBeLessThan(50);

    // Turned on by the toggle, then remembered on the next pages.
    await off.getByRole('button', { name: 'Test me' }).click();
    for (const path of [sectionPath, paperPath]) {
      const page = await visit(context, path);
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

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element: its question, role in Test-me, and state. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      question: active?.closest('article.question')?.id ?? null,
      reveal: active?.matches('.reveal') ?? false,
      expanded: active?.getAttribute('aria-expanded') ?? null,
      rating: active?.matches('.rating-button') ? (active.dataset.rating ?? null) : null,
      ratingShown: active?.matches('.rating-button') ? active.getClientRects().length > 0 : false,
    };
  });
}

/**
 * Keyboard only: from the focused question's first control, reveals every answer unit (alternating
 * Space and Enter), Tabs to the rating button and presses it. Returns the reveals made.
 */
async function answerByKeyboard(page: Page, id: string, rating: Rating): Promise<number> {
  let reveals = 0;
  for (let presses = 0; presses < 80; presses += 1) {
    const now = await focused(page);
    expect(now.question, 'focus stays in the question').toBe(id);
    if (now.reveal && now.expanded === 'false') {
      await page.keyboard.press(reveals % 2 === 0 ? 'Space' : 'Enter');
      await expect(focused(page)).resolves.toMatchObject({ reveal: true, expanded: 'true' });
      reveals += 1;
    } else if (now.rating === rating) {
      expect(now.ratingShown).toBe(true);
      await page.keyboard.press(rating === 'shaky' ? 'Space' : 'Enter');
      return reveals;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached the ${rating} button of ${id}`);
}

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
    await page.keyboard.press('Enter');
    expect((await stored(page))?.reviews[key(target.id)]?.rating).toBe('got-it');
    await expect(article.locator('.rating-badge').innerText()).resolves.toBe('Got it');

    expect(problems).toEqual([]);
  });
});

describe('ratings', () => {
  test('are saved by "<course>/<question id>", shown as badges and page progress, kept across reloads and shown on the course home', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at(DAY1));
    const page = await visit(context, sectionPath);
    const ids = await articleIds(page);
    const answered = ids.filter((id) => sectionQuestions.find((question) => question.id === id)!.hasAnswer);
    const screenshotOnly = ids.filter((id) => !answered.includes(id));
    await expect(page.locator('.page-progress').innerText()).resolves.toBe(`0/${ids.length} rated`);
    await expect(page.locator('.rating-badge:visible').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Test me' }).click();
    const ratings: Record<string, Rating> = {
      [key(answered[0]!)]: 'got-it',
      [key(answered[1]!)]: 'shaky',
      [key(screenshotOnly[0]!)]: 'unknown',
    };
    for (const [entry, rating] of Object.entries(ratings)) await rateByMouse(page, entry.slice(course.id.length + 1), rating);

    const progress = await stored(page);
    expect(progress).toEqual({
      version: 2,
      reviews: {
        [key(answered[0]!)]: { rating: 'got-it', ratedAt: at(DAY1).toISOString(), box: 2, due: DAY4 },
        [key(answered[1]!)]: { rating: 'shaky', ratedAt: at(DAY1).toISOString(), box: 1, due: DAY2 },
        [key(screenshotOnly[0]!)]: { rating: 'unknown', ratedAt: at(DAY1).toISOString(), box: 0, due: DAY1 },
      },
    });

    const sectionKeys = ids.map(key);
    const checkPage = async (target: Page): Promise<void> => {
      const badges = await target.locator('article.question').evaluateAll((articles) =>
        articles.map((article) => {
          const badge = article.querySelector<HTMLElement>('.question-header h2 .rating-badge');
          return [
            article.getAttribute('data-question-id'),
            badge && !badge.hidden ? badge.textContent : null,
            badge?.dataset.rating ?? null,
          ];
        }),
      );
      const onPage = badges.map(([entry]) => entry!);
      expect(badges).toEqual(onPage.map((entry) => [entry, ratings[entry] ? LABEL[ratings[entry]] : null, ratings[entry] ?? null]));
      await expect(target.locator('.page-progress').innerText()).resolves.toBe(expectedTally(onPage, ratings));
      for (const entry of onPage) {
        const pressed = await target
          .locator(`article[data-question-id="${entry}"] .rating-button[aria-pressed="true"]`)
          .evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.rating));
        expect(pressed, entry).toEqual(ratings[entry] ? [ratings[entry]] : []);
      }
    };
    await checkPage(page);
    expect(await page.locator('.page-progress').innerText()).toBe(`3/${sectionKeys.length} rated · 1 shaky · 1 didn't know`);

    await page.reload({ waitUntil: 'load' });
    await expect(page.locator('html').getAttribute('data-test-me'), 'Test-me stays on after a reload').resolves.toBe('');
    await checkPage(page);

    // The paper page shares the ratings (same question keys) and adds its own.
    const paper = await visit(context, paperPath);
    await checkPage(paper);
    const unrated = (await articleIds(paper)).find(
      (id) => !ratings[key(id)] && paperQuestions.find((question) => question.id === id)?.hasAnswer,
    );
    if (unrated) {
      await rateByMouse(paper, unrated, 'shaky');
      ratings[key(unrated)] = 'shaky';
      await checkPage(paper);
    }

    // The course home: per section and per paper.
    const home = await visit(context, `/${course.id}/`);
    const cards = await home
      .locator('a.card:has(.card-progress)')
      .evaluateAll((links) =>
        links.map((link) => [
          new URL((link as HTMLAnchorElement).href).pathname,
          (link.querySelector('.card-progress') as HTMLElement).innerText,
        ]),
      );
    const expected = [
      ...course.sections
        .filter((entry) => !entry.scope)
        .map((entry) => [
          urls.section(course.id, entry.number),
          expectedTally(
            course.questions.filter((question) => question.section === entry.number).map((question) => key(question.id)),
            ratings,
          ),
        ]),
      ...[...course.papers].map(([slug, questions]) => [
        urls.paper(course.id, slug),
        expectedTally(
          questions.map((question) => key(question.id)),
          ratings,
        ),
      ]),
    ];
    expect(cards.sort()).toEqual(expected.sort());
    expect(cards.filter(([, text]) => !text!.startsWith('0/')).length).toBeGreaterThanOrEqual(2);
    await expect(home.locator('.course-review .page-progress').innerText()).resolves.toBe(
      expectedTally(
        course.questions.map((question) => key(question.id)),
        ratings,
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('review queue', () => {
  test('with a controlled clock, questions come back on the right day, in the right order', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    const review = `/${course.id}/review/`;
    await context.clock.setFixedTime(at(DAY1));

    const empty = await visit(context, review);
    await expect(empty.locator('.review-empty').innerText()).resolves.toMatch(/not rated any question/);

    // Day 1: Didn't know, Shaky, Got it.
    const page = await visit(context, `${sectionPath}?test=1`);
    const ids = await articleIds(page);
    const [unknown, shaky, gotIt, laterUnknown] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!];
    await rateByMouse(page, unknown, 'unknown');
    await rateByMouse(page, shaky, 'shaky');
    await rateByMouse(page, gotIt, 'got-it');

    const queueAt = async (moment: Date): Promise<{ due: string[]; page: Page }> => {
      await context.clock.setFixedTime(moment);
      const opened = await visit(context, review);
      return { due: await queue(opened), page: opened };
    };

    // Later on day 1 (late at night, still the same calendar day): only Didn't know.
    expect((await queueAt(at(DAY1, '23:30'))).due).toEqual([unknown]);
    // Day 2: Didn't know (overdue since day 1) before Shaky.
    const day2 = await queueAt(at(DAY2, '08:00'));
    expect(day2.due).toEqual([unknown, shaky]);
    const meta = await day2.page.locator('.review-list .card-meta').allInnerTexts();
    expect(meta[0]).toBe(`Section ${section.number} · ${section.title} · last: Didn't know · due ${DAY1}`);
    expect(meta[1]).toBe(`Section ${section.number} · ${section.title} · last: Shaky · due ${DAY2}`);

    // On day 2 one more question is not known: due today, so after the overdue one, and before
    // Shaky (same day) because it is less known.
    await context.clock.setFixedTime(at(DAY2, '08:10'));
    const day2Section = await visit(context, `${sectionPath}?test=1`);
    await rateByMouse(day2Section, laterUnknown, 'unknown');
    expect((await queueAt(at(DAY2, '08:20'))).due).toEqual([unknown, laterUnknown, shaky]);

    // Day 4: everything rated is due; Got it last.
    const day4 = await queueAt(at(DAY4, '09:00'));
    expect(day4.due).toEqual([unknown, laterUnknown, shaky, gotIt]);

    // A queue link opens the section in Test-me mode at the question.
    await day4.page.locator('.review-list a.card').first().click();
    await day4.page.waitForLoadState('load');
    const url = new URL(day4.page.url());
    expect(url.pathname).toBe(urls.at(sectionPath));
    expect(url.searchParams.get('test')).toBe('1');
    expect(decodeURIComponent(url.hash.slice(1))).toBe(unknown);
    await expect(day4.page.locator('html').getAttribute('data-test-me')).resolves.toBe('');
    await expect(day4.page.locator('[data-test-me-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(day4.page.locator(`article[id="${unknown}"]:target`).count()).resolves.toBe(1);
    const box = await day4.page.locator(`article[id="${unknown}"]`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(200);
    await expect(day4.page.locator(`article[id="${unknown}"] .answer:visible`).count(), 'answers wait behind Show answer').resolves.toBe(0);

    // Day 4, all four got right: nothing due, and the next review is named.
    for (const id of [unknown, shaky, gotIt, laterUnknown]) await rateByMouse(day4.page, id, 'got-it');
    const reviews = (await stored(day4.page))!.reviews;
    expect(Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, [value.box, value.due]]))).toEqual({
      [key(unknown)]: [2, DAY7],
      [key(shaky)]: [2, DAY7],
      [key(gotIt)]: [3, DAY11],
      [key(laterUnknown)]: [2, DAY7],
    });
    const settled = await queueAt(at(DAY4, '09:30'));
    expect(settled.due).toEqual([]);
    await expect(settled.page.locator('.review-empty').innerText()).resolves.toBe(`Nothing due. Next review: ${DAY7}.`);
    expect((await queueAt(at('2026-03-07', '23:59'))).due).toEqual([]);
    expect((await queueAt(at(DAY7, '00:01'))).due).toEqual([unknown, shaky, laterUnknown].sort((a, b) => key(a).localeCompare(key(b))));
    expect((await queueAt(at(DAY11))).due).toEqual([...[unknown, shaky, laterUnknown].sort((a, b) => key(a).localeCompare(key(b))), gotIt]);
    expect(problems).toEqual([]);
  });

  test('acceptance: a section by keyboard alone, the browser closed, and the next day exactly the right questions are due', async () => {
    const first = await browser.newContext({ timezoneId: TIME_ZONE });
    await first.context.clock.setFixedTime(at(DAY1, '21:00'));
    const page = await visit(first.context, sectionPath);
    const ids = await articleIds(page);
    const cycle: Rating[] = ['unknown', 'shaky', 'got-it'];
    const given = new Map(ids.map((id, index) => [id, cycle[index % cycle.length]!]));

    await tabTo(page, '[data-test-me-toggle]');
    await page.keyboard.press('Enter');
    for (const id of ids) {
      await page.keyboard.press('j');
      const reveals = await answerByKeyboard(page, id, given.get(id)!);
      expect(reveals, id).toBe(await page.locator(`article[id="${id}"] .reveal`).count());
    }
    const reviews = (await stored(page))!.reviews;
    expect(Object.fromEntries(Object.entries(reviews).map(([entry, value]) => [entry, value.rating]))).toEqual(
      Object.fromEntries(ids.map((id) => [key(id), given.get(id)])),
    );
    await expect(page.locator('.page-progress').innerText()).resolves.toBe(
      expectedTally(ids.map(key), Object.fromEntries(ids.map((id) => [key(id), given.get(id)!]))),
    );
    const state = await first.context.storageState();
    await first.context.close();
    expect(first.problems).toEqual([]);

    const next = await browser.newContext({ timezoneId: TIME_ZONE, storageState: state });
    await next.context.clock.setFixedTime(at(DAY2, '07:30'));
    const review = await visit(next.context, `/${course.id}/review/`);
    const byKey = (a: string, b: string): number => key(a).localeCompare(key(b));
    const unknown = ids.filter((id) => given.get(id) === 'unknown').sort(byKey);
    const shaky = ids.filter((id) => given.get(id) === 'shaky').sort(byKey);
    expect(unknown.length).toBeGreaterThan(0);
    expect(shaky.length).toBeGreaterThan(0);
    expect(await queue(review)).toEqual([...unknown, ...shaky]);
    expect(next.problems).toEqual([]);
  });
});

describe('progress data', () => {
  test('export, reset (after confirming) and import restore the ratings', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    // 07:00 in Hong Kong is still the day before in UTC: the file is named by the reader's day.
    await context.clock.setFixedTime(at(DAY1, '07:00'));
    const section = await visit(context, `${sectionPath}?test=1`);
    const ids = await articleIds(section);
    await rateByMouse(section, ids[0]!, 'unknown');
    await rateByMouse(section, ids[1]!, 'shaky');
    await rateByMouse(section, ids[2]!, 'got-it');
    const before = await stored(section);
    expect(Object.keys(before!.reviews)).toHaveLength(3);

    const page = await visit(context, `/${course.id}/review/`);
    expect(await queue(page)).toEqual([ids[0]]);
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
    expect(await stored(page)).toEqual({ version: 2, reviews: {} });
    await expect(page.locator('.review-empty').innerText()).resolves.toMatch(/not rated any question/);
    await expect(page.locator('[data-data-status]').innerText()).resolves.toBe('Progress reset.');
    const afterReset = await visit(context, sectionPath);
    await expect(afterReset.locator('.rating-badge:visible').count()).resolves.toBe(0);

    await page.locator('[data-import]').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-data-status]').innerText())
      .toBe(`Imported 3 ratings from ${download.suggestedFilename()}, keeping the latest rating of each question.`);
    expect(await stored(page)).toEqual(before);
    expect(await queue(page)).toEqual([ids[0]]);
    await afterReset.reload({ waitUntil: 'load' });
    await expect(afterReset.locator('.rating-badge:visible').allInnerTexts()).resolves.toEqual(["Didn't know", 'Shaky', 'Got it']);
    await expect(page.locator('.page-notice').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('import merges, keeping the latest rating of each question', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at(DAY4));
    const [a, b, c] = sectionQuestions.map((question) => question.id);
    const entry = (rating: Rating, day: string, box: number, due: string) => ({ rating, ratedAt: at(day).toISOString(), box, due });
    const mine: Progress = {
      version: 2,
      reviews: { [key(a!)]: entry('got-it', DAY2, 2, '2026-03-06'), [key(b!)]: entry('unknown', DAY1, 0, DAY1) },
    };
    const otherCourse = 'another-course/q1';
    const theirs = {
      version: 2,
      reviews: {
        [key(a!)]: entry('shaky', DAY1, 1, DAY2), // older than mine: mine stays
        [key(b!)]: entry('got-it', DAY2, 2, '2026-03-06'), // newer: theirs wins
        [key(c!)]: entry('shaky', DAY1, 1, DAY2), // only theirs
        [otherCourse]: entry('shaky', DAY1, 1, DAY2), // another course's: kept as is
        [key('no-such-question')]: entry('shaky', DAY1, 1, DAY2), // this course, but not in the notes: dropped
      },
    };
    const page = await visit(context, `/${course.id}/review/`);
    await page.evaluate((value) => localStorage.setItem('revision-progress', value), JSON.stringify(mine));
    await page.reload({ waitUntil: 'load' });
    expect(await queue(page)).toEqual([b]);

    const file = join(scratch, 'from-laptop.json');
    writeFileSync(file, JSON.stringify(theirs));
    await page.locator('[data-import]').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-data-status]').innerText())
      .toBe('Imported 4 ratings from from-laptop.json, keeping the latest rating of each question.');
    expect(await stored(page)).toEqual({
      version: 2,
      reviews: {
        [key(a!)]: mine.reviews[key(a!)],
        [key(b!)]: theirs.reviews[key(b!)],
        [key(c!)]: theirs.reviews[key(c!)],
        [otherCourse]: theirs.reviews[otherCourse],
      },
    });
    await expect
      .poll(() => page.locator('.page-notice[role="status"]').innerText())
      .toMatch(/1 rating was for questions no longer in the notes and was removed/);
    expect(await queue(page)).toEqual([c]);

    // A file that is not progress at all changes nothing and says so.
    writeFileSync(join(scratch, 'notes.json'), '{not json');
    await page.locator('[data-import]').setInputFiles(join(scratch, 'notes.json'));
    await expect.poll(() => page.locator('.page-notice', { hasText: 'not valid JSON' }).count()).toBe(1);
    expect(Object.keys((await stored(page))!.reviews)).toHaveLength(4);
    expect(problems).toEqual([]);
  });

  const valid = sectionQuestions.find((question) => question.hasAnswer)!;
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
          version: 2,
          reviews: {
            [key(valid.id)]: { rating: 'got-it', ratedAt: '2026-03-01T02:00:00.000Z', box: 2, due: '2026-03-04' },
            [key('s9-1999-may-q99')]: { rating: 'shaky', ratedAt: '2026-03-01T02:00:00.000Z', box: 1, due: '2026-03-02' },
          },
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
          version: 2,
          reviews: {
            [key(valid.id)]: { rating: 'got-it', ratedAt: '2026-03-01T02:00:00.000Z', box: 2, due: '2026-03-04' },
            [key(sectionQuestions[1]!.id)]: { rating: 'meh', box: 9 },
          },
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
      const page = await visit(context, '/');
      await page.evaluate((raw) => localStorage.setItem('revision-progress', raw), corrupt.raw());
      await page.goto(baseUrl + path, { waitUntil: 'load' });

      const notice = page.locator('.page-notice');
      await expect(notice.count()).resolves.toBe(1);
      await expect(notice.getAttribute('role')).resolves.toBe('status');
      await expect(notice.isVisible()).resolves.toBe(true);
      await expect.poll(() => notice.innerText()).toMatch(corrupt.notice);
      const progress = await stored(page);
      expect(progress?.version).toBe(2);
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
        expect((await stored(page))!.reviews[key(sectionQuestions.at(-1)!.id)]?.rating).toBe('unknown');
      }
      if (path === `/${course.id}/review/`) {
        await page.locator('[data-review-queue] > *').first().waitFor();
        const due = await queue(page);
        // Version 1's shaky rating from 1 March is due the next day (today); the others are not due yet.
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

describe('worksheet printing', () => {
  test('"Questions only" prints headings, part headings and screenshots with space to write; "With answers" prints answers even in Test-me', async () => {
    const { page, problems } = await browser.open(sectionPath);
    const printed = () =>
      page.evaluate(() => {
        const shown = (element: Element): boolean =>
          element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
        return {
          answers: [...document.querySelectorAll<HTMLElement>('article.question .answer')].map((answer) => ({
            shown: shown(answer),
            height: answer.getBoundingClientRect().height,
            text: answer.innerText.trim().length,
            childrenShown: [...answer.children].filter(shown).length,
          })),
          questionHeadings: [...document.querySelectorAll('article.question .question-header h2')].map(shown),
          partHeadings: [...document.querySelectorAll('article.question .part-heading')].map(shown),
          screenshots: [...document.querySelectorAll('article.question img.screenshot, article.question .shot-missing')].map(shown),
          controls: [...document.querySelectorAll('.reveal, .rating, .page-actions')].filter(shown).length,
        };
      });

    // With answers (the default), even though Test-me hides them on screen.
    await expect(page.locator('[data-print-mode]').inputValue()).resolves.toBe('answers');
    await page.getByRole('button', { name: 'Test me' }).click();
    await expect(page.locator('.answer:visible').count()).resolves.toBe(0);
    await page.emulateMedia({ media: 'print' });
    const withAnswers = await printed();
    expect(withAnswers.answers.length).toBeGreaterThan(0);
    expect(withAnswers.answers.every((answer) => answer.shown && answer.text > 0 && answer.childrenShown > 0)).toBe(true);
    expect(withAnswers.controls).toBe(0);

    // Questions only: every answer's content gives way to an empty box to write in.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-print-mode]').selectOption({ label: 'Questions only (worksheet)' });
    await page.emulateMedia({ media: 'print' });
    const worksheet = await printed();
    const mm = 96 / 25.4;
    for (const answer of worksheet.answers) {
      expect(answer).toMatchObject({ shown: true, text: 0, childrenShown: 0 });
      expect(answer.height).toBeGreaterThanOrEqual(40 * mm);
    }
    expect(worksheet.questionHeadings.length).toBe(sectionQuestions.length);
    expect(worksheet.questionHeadings.every(Boolean)).toBe(true);
    expect(worksheet.partHeadings.length).toBeGreaterThan(0);
    expect(worksheet.partHeadings.every(Boolean)).toBe(true);
    expect(worksheet.screenshots.length).toBe(sectionQuestions.reduce((sum, question) => sum + question.images.length, 0));
    expect(worksheet.screenshots.every(Boolean)).toBe(true);
    expect(worksheet.controls).toBe(0);

    // The PDF of the worksheet (page.pdf() prints with print media, once the emulation is off).
    await page.emulateMedia({ media: null });
    const answerSentences = (
      await page.locator('article.question .answer :is(p, li)').evaluateAll((blocks) => blocks.map((block) => block.textContent ?? ''))
    )
      .map(dehyphen)
      .filter((text) => text.length >= 16);
    const partHeadings = (await page.locator('article.question .part-heading').allInnerTexts()).map(dehyphen);
    expect(answerSentences.length).toBeGreaterThan(10);
    const file = join(scratch, 'worksheet.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = pdfText(file);
    for (const heading of partHeadings) expect(text, heading).toContain(heading);
    for (const question of sectionQuestions) expect(text).toContain(dehyphen(`Q${question.number}`));
    expect(answerSentences.filter((sentence) => text.includes(sentence))).toEqual([]);
    expect(text).not.toContain(dehyphen('Show answer'));

    // And back to "With answers": the PDF holds them again.
    await page.locator('[data-print-mode]').selectOption('answers');
    const full = join(scratch, 'with-answers.pdf');
    writeFileSync(full, await page.pdf({ format: 'A4' }));
    const fullText = pdfText(full);
    expect(
      answerSentences.filter((sentence) => !fullText.includes(sentence)).length,
      'answer sentences missing from the full PDF',
    ).toBeLessThan(answerSentences.length * 0.1);
    expect(problems).toEqual([]);
  });
});
