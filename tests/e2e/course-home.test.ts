/**
 * The course home for the night before: on a 390 × 844 phone the first screen holds the exam line,
 * the one thing to do now and the first section, in light and dark, with no date, with a date and
 * progress, and with tonight's plan done; axe finds nothing, also with both small controls open;
 * everything else (scope, papers, downloads, Save for offline) comes after the sections.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { examWeight } from '../../src/lib/progress/forecast.ts';
import { planToward } from '../../src/lib/progress/plan.ts';
import { rate } from '../../src/lib/progress/schedule.ts';
import { chooseExamDate, emptyProgress, writeProgress, type Progress } from '../../src/lib/progress/storage.ts';
import { violations } from './setup/a11y.ts';
import { useBrowser } from './setup/browser.ts';
import { at, course, coursePath, key, storeProgress, TIME_ZONE } from './setup/revision.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
const NOW = at('2026-12-12', '21:00');
const EXAM = '2026-12-15T09:30';
const examinable = course.questions.filter((question) => examWeight(question) > 0);
const weighted = course.questions.map((question) => ({ key: key(question.id), weight: examWeight(question) }));
const perDay = Math.ceil(examinable.length / 3);

/** An exam date set yesterday and a few questions rated then. */
function withDate(): Progress {
  let progress = chooseExamDate(emptyProgress(), course.id, EXAM, at('2026-12-11', '20:00'));
  for (const [index, question] of examinable.slice(0, 3).entries())
    progress = rate(progress, key(question.id), index === 1 ? 'shaky' : 'got-it', at('2026-12-11', `20:1${index}`));
  return progress;
}

/** That, and tonight's plan rated Got it since 20:30, but for the last, not known a minute ago: back in 9 minutes. */
function planDone(): Progress {
  let progress = withDate();
  const today = planToward(weighted, progress.reviews, NOW, EXAM).today;
  for (const [index, { key: entry }] of today.entries()) {
    const last = index === today.length - 1;
    progress = rate(
      progress,
      entry,
      last ? 'unknown' : 'got-it',
      last ? new Date(NOW.getTime() - 60_000) : at('2026-12-12', `20:${30 + index}`),
    );
  }
  return progress;
}

const STATES: { name: string; progress: () => Progress | undefined; line: RegExp; action: RegExp }[] = [
  { name: 'no exam date', progress: () => undefined, line: /^No exam date set$/, action: /^Start Test me: Section \d+ · / },
  {
    name: 'an exam date and progress',
    progress: withDate,
    line: /^Exam in 3 days · ready \d+ %$/,
    action: new RegExp(`^Tonight: ${perDay} questions, about \\d+ min$`),
  },
  {
    name: "tonight's plan done",
    progress: planDone,
    line: /^Exam in 3 days · ready \d+ %$/,
    action: /^Tonight’s plan is done\. 1 question back in 9 min\.$/,
  },
];

/** Where an element is on the first screen: its box, and whether it lies wholly inside the viewport. */
async function onFirstScreen(page: Page, selector: string): Promise<{ text: string; inside: boolean }> {
  const element = page.locator(selector).first();
  await element.waitFor();
  const box = (await element.boundingBox())!;
  const viewport = page.viewportSize()!;
  return {
    text: (await element.innerText()).trim(),
    inside: box.y >= 0 && box.y + box.height <= viewport.height && box.width > 0 && box.height > 0,
  };
}

describe.each(['light', 'dark'] as const)('on a 390 × 844 phone, %s', (colorScheme) => {
  test.each(STATES.map((state) => [state.name, state] as const))(
    '%s: the exam line, the one action and the first section are above the fold, axe-clean',
    async (_name, state) => {
      const { context, problems } = await browser.newContext({ ...PHONE, colorScheme, timezoneId: TIME_ZONE });
      await context.clock.setFixedTime(NOW);
      const progress = state.progress();
      if (progress) await storeProgress(context, writeProgress(progress));
      const page = await browser.visit(context, coursePath);

      const line = await onFirstScreen(page, '[data-exam-countdown]');
      expect(line.text).toMatch(state.line);
      expect(line.inside, 'the exam line').toBe(true);
      const action = await onFirstScreen(page, '[data-now-action] > *');
      expect(action.text).toMatch(state.action);
      expect(action.inside, 'the action').toBe(true);
      const firstSection = course.sections.find((section) => !section.scope)!;
      const section = await onFirstScreen(page, '.course-sections a.card');
      expect(section.text).toContain(`Section ${firstSection.number}`);
      expect(section.inside, 'the first section link').toBe(true);
      expect(await violations(page)).toEqual([]);

      // The two small controls, opened: the exam date form, and how readiness is worked out when there is an exam ahead.
      await page.locator('[data-exam-toggle]').tap();
      await expect(page.locator('[data-exam-form]').isVisible()).resolves.toBe(true);
      const how = page.getByRole('button', { name: 'How is this worked out?' });
      await expect(how.isVisible()).resolves.toBe(progress !== undefined);
      if (progress) {
        await how.tap();
        await expect(page.locator('#readiness-how').isVisible()).resolves.toBe(true);
        await expect(how.getAttribute('aria-expanded')).resolves.toBe('true');
      }
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});

describe('the rest of the home', () => {
  test('comes after the sections: scope, papers, the review queue, mock paper and Anki downloads, Save for offline', async () => {
    const { page, problems } = await browser.open(coursePath, { timezoneId: TIME_ZONE });
    const order = await page.evaluate(() => {
      const position = (selector: string): number => {
        const all = [...document.querySelectorAll('main *')];
        return all.indexOf(document.querySelector(selector)!);
      };
      return {
        sections: position('.course-sections'),
        scope: position('.scope'),
        papers: position('#papers-title'),
        review: position('main a[href$="/review/"]'),
        anki: position('main a[download][href$=".txt"]'),
        offline: position('.save-offline'),
      };
    });
    expect(order.sections).toBeGreaterThan(0);
    expect(order.scope, 'the user’s notes have a scope section').toBeGreaterThan(0);
    for (const [name, index] of Object.entries(order)) if (name !== 'sections') expect(index, name).toBeGreaterThan(order.sections);
    expect(problems).toEqual([]);
  });

  test('the action opens what it names: the first section in Test me, or the revise page', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(NOW);
    const page = await browser.visit(context, coursePath);
    await page.locator('[data-now-action] a').click();
    await page.waitForURL(/\?test=1$/);
    expect(new URL(page.url()).pathname.endsWith(`/${course.id}/s${course.questions[0]!.section}/`)).toBe(true);
    await expect(page.locator('html').getAttribute('data-test-me')).resolves.toBe('');

    const planned = await browser.newContext({ timezoneId: TIME_ZONE });
    await planned.context.clock.setFixedTime(NOW);
    await storeProgress(planned.context, writeProgress(withDate()));
    const home = await browser.visit(planned.context, coursePath);
    await home.locator('[data-now-action] a').click();
    await home.waitForURL(/\/revise\/$/);
    await expect(home.locator('h1').innerText()).resolves.toBe('Tonight’s plan');
    expect([...problems, ...planned.problems]).toEqual([]);
  });
});
