/**
 * Chinese that scripts put on the page is marked lang="zh", as the pages built on the server mark
 * theirs (Words.astro), so screen readers read it with a Chinese voice: search results, the search
 * status line and filters, and the review queue.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { questionKey } from '../../src/lib/content/paths.ts';
import { review } from '../../src/lib/progress/schedule.ts';
import { CURRENT_VERSION, writeProgress } from '../../src/lib/progress/storage.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses } from './setup/site.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** The text runs under `selector` that have Chinese in them, each with whether it is inside an element marked lang="zh…". */
function chineseText(page: Page, selector: string): Promise<{ text: string; zh: boolean }[]> {
  return page.locator(selector).evaluateAll((roots) =>
    roots.flatMap((root) => {
      const found: { text: string; zh: boolean }[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (/\p{Script=Han}/u.test(text))
          found.push({ text, zh: node.parentElement?.closest('[lang]')?.getAttribute('lang')?.startsWith('zh') ?? false });
      }
      return found;
    }),
  );
}

async function search(page: Page, query: string): Promise<void> {
  await page.locator('#search-input').fill(query);
  await page.waitForFunction((expected) => new URL(location.href).searchParams.get('q') === expected, query);
  await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
}

describe('Chinese filled in by scripts is marked lang="zh"', () => {
  it('in search results, from either index, in the status line and in the filters', async () => {
    const { page, problems } = await browser.open('/search/');
    // Before a query, the status line suggests some, one in Chinese.
    await page.waitForFunction(() => /过拟合/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const hint = await chineseText(page, '#search-status');
    expect(hint.length).toBeGreaterThan(0);
    expect(hint.filter((run) => !run.zh)).toEqual([]);
    await page.locator('.search-filters summary').click();
    // A query without Chinese goes to the Latin index, whose excerpts keep the Chinese around the match.
    for (const query of ['mode collapse', '信息增益']) {
      await search(page, query);
      const found = await chineseText(page, '.search-panel');
      expect(found.length, query).toBeGreaterThan(0);
      expect(
        found.filter((run) => !run.zh),
        query,
      ).toEqual([]);
    }
    // Section names in the filters (checked with the rest of the panel above).
    expect((await chineseText(page, '.search-filters')).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('in the review queue', async () => {
    const course = allCourses().find((candidate) => candidate.sections.some((section) => /\p{Script=Han}/u.test(sectionName(section))));
    if (!course) throw new Error('no course of the test site names a section in Chinese');
    const section = course.sections.find((candidate) => /\p{Script=Han}/u.test(sectionName(candidate)));
    const question = course.questions.find((candidate) => candidate.section === section?.number);
    if (!question) throw new Error(`no question in ${course.id}'s Chinese-named section`);
    // Not known three days ago: due now. No exam date for this reader, so the page is the due list.
    const stored = writeProgress({
      version: CURRENT_VERSION,
      examDates: { [course.id]: { date: null, setAt: new Date().toISOString() } },
      reviews: { [questionKey(course.id, question.id)]: review(undefined, 'unknown', new Date(Date.now() - 3 * 86_400_000)) },
    });
    const { context, problems } = await browser.newContext();
    await context.addInitScript(
      ([key, value]) => {
        if (location.protocol.startsWith('http')) localStorage.setItem(key, value);
      },
      [STORAGE_KEYS.progress, stored] as const,
    );
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${course.id}/review/`);
    await page.locator('.review-list a.card').first().waitFor();
    const found = await chineseText(page, '[data-review-queue]');
    expect(found.map((run) => run.text).join('')).toContain(section?.title);
    expect(found.filter((run) => !run.zh)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
