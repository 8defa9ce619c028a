/**
 * Ratings are stored by "<course>/<question id>", shown as badges and page progress on section and
 * paper pages (which share them), kept across reloads, and counted per section and paper on the
 * course home.
 */
import type { Page } from 'playwright-core';
import { createEmptyCard, fsrs, Rating as FsrsGrade, type Grade } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { urls } from '../../src/lib/site/urls.ts';
import { useBrowser } from './setup/browser.ts';
import {
  articleIds,
  at,
  course,
  expectedTally,
  key,
  LABEL,
  rateByMouse,
  sectionPath,
  sectionQuestions,
  stored,
  TIME_ZONE,
  type Rating,
} from './setup/revision.ts';

const browser = useBrowser();
const DAY1 = '2026-03-02';
/** ts-fsrs as the site configures it (FSRS-6, 90 % retention, no fuzz, a learning and a relearning step of 10 minutes), set up here on its own. */
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] });

/** What the test rates on the section page (its order is the notes' order): two answered questions and a screenshot-only one. */
const answered = sectionQuestions.filter((question) => question.hasAnswer).map((question) => question.id);
const screenshotOnly = sectionQuestions.filter((question) => !question.hasAnswer).map((question) => question.id);
const ratedOnSection = [answered[0]!, answered[1]!, screenshotOnly[0]!];
/** A paper that shows one of those (so it shares their ratings) and an answered question none of them is, to rate there. */
const paper = [...course.papers].find(
  ([, questions]) =>
    questions.some((question) => ratedOnSection.includes(question.id)) &&
    questions.some((question) => question.hasAnswer && !ratedOnSection.includes(question.id)),
);

describe('ratings', () => {
  test('are saved by "<course>/<question id>", shown as badges and page progress, kept across reloads and shown on the course home', async () => {
    const { context, problems } = await browser.newContext({ timezoneId: TIME_ZONE });
    await context.clock.setFixedTime(at(DAY1));
    const page = await browser.visit(context, sectionPath);
    const ids = await articleIds(page);
    expect(ids).toEqual(sectionQuestions.map((question) => question.id));
    expect(paper, 'a paper sharing a rated question and holding an unrated answered one').toBeDefined();
    const [paperSlug, paperQuestions] = paper!;
    await expect(page.locator('.page-progress').innerText()).resolves.toBe(`0/${ids.length} rated`);
    await expect(page.locator('.rating-badge:visible').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Test me' }).click();
    const ratings: Record<string, Rating> = {
      [key(answered[0]!)]: 'got-it',
      [key(answered[1]!)]: 'shaky',
      [key(screenshotOnly[0]!)]: 'unknown',
    };
    for (const [entry, rating] of Object.entries(ratings)) await rateByMouse(page, entry.slice(course.id.length + 1), rating);

    // Each a first review, with the memory ts-fsrs gives its grade: back in 2 days after Got it, in its learning step
    // (15 minutes after Shaky, 10 after Didn't know) otherwise.
    const firstReview = (grade: Grade, days: number, state: 'Review' | 'Learning', minutes?: number) => {
      const card = scheduler.next(createEmptyCard(at(DAY1)), at(DAY1), grade).card;
      expect(card.scheduled_days).toBe(days);
      if (minutes !== undefined) expect(card.due.getTime() - at(DAY1).getTime()).toBe(minutes * 60_000);
      return {
        previous: null,
        card: {
          due: card.due.toISOString(),
          stability: card.stability,
          difficulty: card.difficulty,
          scheduledDays: card.scheduled_days,
          learningSteps: 0,
          reps: 1,
          lapses: 0,
          state,
        },
      };
    };
    expect(await stored(page)).toEqual({
      version: 3,
      reviews: {
        [key(answered[0]!)]: { rating: 'got-it', ratedAt: at(DAY1).toISOString(), ...firstReview(FsrsGrade.Good, 2, 'Review') },
        [key(answered[1]!)]: { rating: 'shaky', ratedAt: at(DAY1).toISOString(), ...firstReview(FsrsGrade.Hard, 0, 'Learning', 15) },
        [key(screenshotOnly[0]!)]: {
          rating: 'unknown',
          ratedAt: at(DAY1).toISOString(),
          ...firstReview(FsrsGrade.Again, 0, 'Learning', 10),
        },
      },
      examDates: {},
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
    const paperPage = await browser.visit(context, `/${course.id}/papers/${paperSlug}/`);
    await checkPage(paperPage);
    const unrated = (await articleIds(paperPage)).find(
      (id) => !ratings[key(id)] && paperQuestions.find((question) => question.id === id)?.hasAnswer,
    );
    expect(unrated, 'an answered question of the paper not rated yet').toBeDefined();
    await rateByMouse(paperPage, unrated!, 'shaky');
    ratings[key(unrated!)] = 'shaky';
    await checkPage(paperPage);

    // The course home: per section and per paper.
    const home = await browser.visit(context, `/${course.id}/`);
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
    await expect(home.locator('.course-sections .page-progress').innerText()).resolves.toBe(
      expectedTally(
        course.questions.map((question) => key(question.id)),
        ratings,
      ),
    );
    expect(problems).toEqual([]);
  });
});
