/** axe-core finds no WCAG 2.1 A/AA violations on any reader-facing page, in light and dark. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allPages } from './setup/site.ts';

const browser = useBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Violations in the page, or only inside the elements `include` selects. */
async function violations(page: Page, include?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async ({ tags, include }) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.slice(0, 300)),
    }));
  }, { tags: TAGS, include });
}

describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
  test.each(allPages())('%s', async (path) => {
    const { page, problems } = await browser.open(path, { colorScheme });
    // Checked as the reader sees it: lazy screenshots loaded, tabs made.
    await page.evaluate(() => {
      for (const image of document.images) image.loading = 'eager';
    });
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test('the other answer variants pass too once their tab is chosen', async () => {
  const sectionPages = allPages().filter((url) => /\/s\d+\/$/.test(url));
  let checked = 0;
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of sectionPages) {
      const { page } = await browser.open(path, { colorScheme });
      const tablists = await page.getByRole('tablist').all();
      const most = Math.max(0, ...(await Promise.all(tablists.map((list) => list.getByRole('tab').count()))));
      for (let index = 1; index < most; index += 1) {
        for (const list of tablists) {
          const tab = list.getByRole('tab').nth(index);
          if ((await tab.count()) > 0) await tab.click();
        }
        expect(await violations(page, '.variants'), `${path}, tab ${index + 1}`).toEqual([]);
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('the check can fail: a page without a language is reported', async () => {
  const { page } = await browser.open('/');
  await page.evaluate(() => document.documentElement.removeAttribute('lang'));
  expect((await violations(page)).map((violation) => violation.id)).toContain('html-has-lang');
});
