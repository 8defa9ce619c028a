/** Formulas are rendered at build time (HTML + MathML), and a broken one stays visible as its TeX. */
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { katexOptions } from '../../src/lib/markdown/pipeline.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, printablePages, questionsOf, squash } from './setup/site.ts';

const browser = useBrowser();
const courses = allCourses();
const pages = printablePages();
const ROOT = join(import.meta.dirname, '../..');

interface MathReport {
  /** Every script the page ran: each loaded one's URL and text, each inline one's text. */
  scripts: string[];
  formulas: { tex: string; hasMathml: boolean; visible: boolean }[];
  errors: { tex: string; label: string; visible: boolean }[];
}

const reports = new Map<string, MathReport>();

/** The scripts, formulas and formula errors of a page (read once per page and file). */
async function mathOn(path: string): Promise<MathReport> {
  const known = reports.get(path);
  if (known) return known;
  const { context, problems } = await browser.newContext();
  const page = await context.newPage();
  const loaded: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') loaded.push(response.text().then((text) => `${response.url()}\n${text}`));
  });
  // Until the network is quiet: scripts a page loads late count too.
  await page.goto(`${inject('baseUrl')}/${path}`, { waitUntil: 'networkidle' });
  const inline = await page
    .locator('script')
    .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('src') ?? 'inline'}\n${node.textContent ?? ''}`));
  const drawn = await page.evaluate((): Omit<MathReport, 'scripts'> => {
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    return {
      formulas: [...document.querySelectorAll('main .katex')].map((formula) => ({
        tex: formula.querySelector('.katex-mathml math annotation[encoding="application/x-tex"]')?.textContent ?? '',
        hasMathml: formula.querySelector('.katex-mathml math semantics') !== null,
        // Formulas in answer variants that are not the selected tab are hidden until chosen.
        visible:
          formula.closest('[hidden]') !== null ||
          (formula.querySelector('.katex-html') !== null && visible(formula.querySelector('.katex-html')!)),
      })),
      errors: [...document.querySelectorAll('main .math-error')].map((error) => ({
        tex: error.querySelector('code')?.textContent ?? '',
        label: error.textContent ?? '',
        visible: visible(error),
      })),
    };
  });
  expect(problems).toEqual([]);
  const report = { scripts: [...(await Promise.all(loaded)), ...inline], ...drawn };
  reports.set(path, report);
  return report;
}

describe.each(courses.map((course) => [course.id, course] as const))('math in %s', (_id, course) => {
  const notes = squash(readFileSync(join(ROOT, course.notes), 'utf8').replace(/^\uFEFF/, ''));
  const own = pages.filter((page) => page.course === course.id);

  // Opens each page of the course in turn: allow for a machine busy with other work.
  test('every formula in the notes is rendered with KaTeX and MathML, and comes from the notes', { timeout: 300_000 }, async () => {
    let total = 0;
    for (const target of own) {
      const questions = questionsOf(course, target);
      const written = questions.some((question) => /\$[^$\s][^$]*\$/.test(question.body));
      const { formulas, errors } = await mathOn(target.url);
      if (written) expect(formulas.length + errors.length, `${target.url} has formulas in its notes`).toBeGreaterThan(0);
      else expect(formulas, `${target.url} has no formulas in its notes`).toEqual([]);
      for (const formula of formulas) {
        expect(formula.hasMathml, `MathML for ${formula.tex}`).toBe(true);
        expect(formula.visible, `visible ${formula.tex}`).toBe(true);
        expect(notes, 'the formula is one the notes wrote').toContain(squash(formula.tex));
      }
      total += formulas.length;
    }
    expect(total).toBeGreaterThan(0);
  });

  if (course.own) {
    test("the user's notes render without a single formula error", async () => {
      for (const target of own) expect((await mathOn(target.url)).errors, target.url).toEqual([]);
    });
  } else {
    test('the one broken formula shows as a visible error box with its TeX, on its section page', async () => {
      const errors = [];
      for (const target of own.filter((page) => page.kind === 'section')) errors.push(...(await mathOn(target.url)).errors);
      expect(errors).toHaveLength(1);
      const [error] = errors;
      expect(error?.visible).toBe(true);
      expect(error?.label).toMatch(/^Formula could not be rendered \(.+\):/);
      expect(error?.tex.trim()).not.toBe('');
      expect(notes).toContain(squash(error?.tex ?? ''));
      // It really is a formula KaTeX rejects, not one the site broke.
      expect(() => katex.renderToString(error?.tex ?? '', { ...katexOptions, throwOnError: true })).toThrow();
    });
  }
});

test('section and paper pages load no KaTeX or other math script: formulas are rendered at build time', { timeout: 300_000 }, async () => {
  for (const target of pages) {
    for (const script of (await mathOn(target.url)).scripts) expect(script, target.url).not.toMatch(/katex|mathjax|renderMath|mathml/i);
  }
});
