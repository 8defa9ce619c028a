/** Accessibility checks for any built page: axe-core's WCAG 2.2 AA rules, and Chinese marked for screen readers. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Page } from 'playwright-core';

// Evaluated through the DevTools protocol, not added as a <script>: the page's CSP stays in force.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Violations in the page, or only inside the elements `include` selects. Every part of the page is
 * checked as it shows once scrolled to: a question far off screen is not rendered until it comes
 * near (content-visibility: auto, question.css), and axe would skip it, or measure it wrongly.
 */
export async function violations(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(async () => {
    for (const element of document.querySelectorAll<HTMLElement>('main *')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
    // The math fonts of the questions now drawn: loaded before the check, not cut off by the next page.
    await document.fonts.ready;
    // And what the page's scripts do once they are drawn (a wide formula becomes a tab stop): after a frame.
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: object,
              options: object,
            ) => Promise<{
              violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(include ? { include: [[include]] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.slice(0, 300)),
      }));
    },
    { tags: TAGS, include },
  );
}

/** Chinese text a screen reader would read with the page's English voice: outside any lang="zh", not hidden, not math or code. */
export function chineseOutsideZh(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | Element, zh: boolean): void => {
    for (const child of node.children) {
      if (child.type === 'element') {
        const names = Array.isArray(child.properties.className) ? child.properties.className.map(String) : [];
        if (
          ['title', 'script', 'style', 'code', 'pre'].includes(child.tagName) ||
          child.properties.ariaHidden === 'true' ||
          names.includes('katex')
        )
          continue;
        walk(child, child.properties.lang === undefined ? zh : String(child.properties.lang).startsWith('zh'));
      } else if (child.type === 'text' && !zh && /\p{Script=Han}/u.test(child.value)) {
        found.push(child.value.trim().slice(0, 60));
      }
    }
  };
  walk(fromHtml(html), false);
  return found;
}
