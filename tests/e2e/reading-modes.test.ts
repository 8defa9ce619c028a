/**
 * Reading filters: answers in both languages, Chinese only or English only, and examinable parts
 * only. The blocks hidden are exactly those the language tags predict; an answer written in one
 * language only never vanishes; the choice applies before first paint and persists. How it prints:
 * reading-modes-print.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { classifyText } from '../../src/lib/markdown/language.ts';
import { STORAGE_KEYS } from '../../src/lib/site/storage-keys.ts';
import { useBrowser } from './setup/browser.ts';
import { choose, course, MODES, sectionPages } from './setup/reading.ts';
import type { QuestionMeta } from './setup/site.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
/** Screenshots of the three modes, kept in the work folder for a person to look at. */
const shots = join(dirname(inject('dist')), 'screenshots', 'reading-modes');

/** The frontmatter of a part, as the importer writes it. */
interface PartMeta {
  anchor: string;
  examinability: 'unmarked' | 'not-examined' | 'may-be-examined' | 'probably-not-examined';
  hasAnswer: boolean;
}
const partsOf = (question: QuestionMeta): PartMeta[] => question.parts as unknown as PartMeta[];

/** What the page shows in the current mode, block by block and part by part. */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const display = (element: Element): string => getComputedStyle(element).display;
    const notExaminedParent = (element: Element): boolean =>
      element.parentElement?.matches('.part[data-examinability="not-examined"]') === true && !element.matches('.part-heading');
    /** Visible text that is answer, not heading, label, note or screenshot placeholder. */
    const answerText = (element: HTMLElement): string => {
      let text = element.innerText;
      for (const label of element.querySelectorAll<HTMLElement>(
        'h3, h4, h5, h6, .part-heading, .variant-label, .lang-note, .shot-missing, .reveal, .rating, .variant-tabs',
      )) {
        const inner = label.innerText;
        if (inner) text = text.replace(inner, '');
      }
      return text.replace(/\s+/g, '');
    };
    const blocks = [
      ...document.querySelectorAll<HTMLElement>(
        'article.question .question-body :is(p, li, h3, h4, h5, h6, table, blockquote, [data-lang])',
      ),
    ]
      .filter((block) => !block.matches('.lang-note'))
      .map((block) => ({
        question: block.closest('article')!.id,
        lang: block.dataset.lang ?? null,
        only: block.hasAttribute('data-lang-only'),
        notExaminedChild: notExaminedParent(block),
        hidden: display(block) === 'none',
        text: block.textContent?.slice(0, 60) ?? '',
      }));
    const notes = [...document.querySelectorAll<HTMLElement>('.lang-note')].map((note) => {
      const unit = note.parentElement!;
      const ownBlocks = [...unit.querySelectorAll<HTMLElement>('[data-lang]')].filter(
        (block) =>
          block.parentElement?.closest('.part, .variant, .question-body') === unit ||
          block.closest('.part, .variant, .question-body') === unit,
      );
      return {
        question: note.closest('article')!.id,
        language: note.dataset.langNote ?? '',
        notExaminedChild: notExaminedParent(note),
        // Its own style (a note in an answer variant's unselected tab is hidden with its panel).
        shown: display(note) !== 'none',
        unitLanguages: [
          ...new Set(ownBlocks.map((block) => `${block.dataset.lang}${block.hasAttribute('data-lang-only') ? '-only' : ''}`)),
        ],
      };
    });
    const parts = [...document.querySelectorAll<HTMLElement>('article.question section.part')].map((part) => ({
      id: part.id,
      rendered: part.getClientRects().length > 0,
      insideCollapsed: part.parentElement?.closest('.part[data-examinability="not-examined"]') !== null,
      text: answerText(part),
    }));
    const questions = [...document.querySelectorAll<HTMLElement>('article.question')].map((article) => ({
      id: article.id,
      answerText: [...article.querySelectorAll<HTMLElement>('.answer')].map(answerText).join(''),
      bodyText: answerText(article.querySelector<HTMLElement>('.question-body')!),
    }));
    return {
      langMode: root.dataset.langMode ?? 'both',
      examinableOnly: root.dataset.examinableOnly !== undefined,
      blocks,
      notes,
      parts,
      questions,
    };
  });
}

/** Each part: whether it shows, and its visible answer text (the same rules as in measure()). */
function measureParts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article.question section.part')].map((part) => {
      let text = part.innerText;
      for (const label of part.querySelectorAll<HTMLElement>(
        'h3, h4, h5, h6, .part-heading, .variant-label, .lang-note, .shot-missing, .reveal, .rating, .variant-tabs',
      )) {
        const inner = label.innerText;
        if (inner) text = text.replace(inner, '');
      }
      return {
        id: part.id,
        rendered: part.getClientRects().length > 0,
        insideCollapsed: part.parentElement?.closest('.part[data-examinability="not-examined"]') !== null,
        text: text.replace(/\s+/g, ''),
      };
    }),
  );
}

type PartSeen = Awaited<ReturnType<typeof measureParts>>[number];

/** Parts as seen with each answer-variant tab selected in turn (a part in another tab is hidden until then). */
async function partsAcrossTabs(page: Page): Promise<Map<string, PartSeen>> {
  const seen = new Map<string, PartSeen>();
  const record = (parts: PartSeen[]): void => {
    for (const part of parts) {
      const before = seen.get(part.id);
      if (!before || (part.rendered && (!before.rendered || part.text.length > before.text.length))) seen.set(part.id, part);
    }
  };
  record(await measureParts(page));
  // The first tab of each group is selected already; the others in turn, then back to the first.
  const others = await page.locator('article.question [role="tab"]:not([aria-selected="true"])').all();
  for (const tab of others) {
    if (!(await tab.isVisible())) continue;
    await tab.click();
    record(await measureParts(page));
  }
  for (const tablist of await page.locator('article.question [role="tablist"]').all())
    await tablist.locator('[role="tab"]').first().click();
  return seen;
}

describe.each(sectionPages.map((entry) => [entry.path, entry] as const))('%s', (path, { questions }) => {
  test('in every language mode, with and without examinable-only, answers keep visible text and the hidden blocks are exactly those predicted', async () => {
    const { context, problems } = await browser.newContext();
    const page = await browser.visit(context, path);
    const answered = questions.filter((question) => question.hasAnswer);
    const seen = { zhHidden: 0, enHidden: 0, notes: 0 };

    for (const examinableOnly of [false, true]) {
      for (const mode of MODES) {
        const label = `${mode}${examinableOnly ? ', examinable only' : ''}`;
        await choose(page, mode, examinableOnly);
        const now = await measure(page);
        expect(now.langMode, label).toBe(mode);
        expect(now.examinableOnly, label).toBe(examinableOnly);

        // The same page loaded afresh with the stored choice looks the same.
        await page.reload({ waitUntil: 'load' });
        const reloaded = await measure(page);
        expect(reloaded, `${label}: after a reload`).toEqual(now);
        await expect(page.locator(`[data-reading-options] input[name="reading-language"][value="${mode}"]`).isChecked()).resolves.toBe(
          true,
        );
        await expect(page.locator('[data-reading-options] input[name="examinable-only"]').isChecked()).resolves.toBe(examinableOnly);

        // Blocks: hidden exactly when their language tag says so (or they are the content of a collapsed part).
        const wrong = now.blocks.filter((block) => {
          const otherLanguage = (mode === 'en' && block.lang === 'zh') || (mode === 'zh' && block.lang === 'en');
          const expected = (otherLanguage && !block.only) || (examinableOnly && block.notExaminedChild);
          return block.hidden !== expected;
        });
        expect(wrong, label).toEqual([]);
        const tagged = (lang: string, only: boolean) =>
          now.blocks.filter((block) => block.lang === lang && block.only === only && !(examinableOnly && block.notExaminedChild));
        const hiddenOf = (lang: string, only: boolean) => tagged(lang, only).filter((block) => block.hidden).length;
        expect(hiddenOf('zh', false), label).toBe(mode === 'en' ? tagged('zh', false).length : 0);
        expect(hiddenOf('en', false), label).toBe(mode === 'zh' ? tagged('en', false).length : 0);
        expect(
          hiddenOf('zh', true) + hiddenOf('en', true) + hiddenOf('mixed', false),
          `${label}: one-language and mixed blocks never hide`,
        ).toBe(0);
        expect(
          now.blocks.filter((block) => block.lang === null && block.hidden && !(examinableOnly && block.notExaminedChild)),
          `${label}: blocks without words never hide`,
        ).toEqual([]);
        if (mode === 'en') seen.zhHidden += hiddenOf('zh', false);
        if (mode === 'zh') seen.enHidden += hiddenOf('en', false);

        // A note says where a unit is answered in the other language only.
        for (const note of now.notes) {
          expect(note.unitLanguages, `${note.question}: the note's unit is answered in ${note.language} only`).toEqual([
            `${note.language}-only`,
          ]);
          const expected = mode !== 'both' && note.language !== mode && !(examinableOnly && note.notExaminedChild);
          expect(note.shown, `${label}: ${note.language} note in ${note.question}`).toBe(expected);
          if (expected) seen.notes += 1;
        }

        // Every answered question still shows answer text.
        for (const question of answered) {
          const shown = now.questions.find((entry) => entry.id === question.id)!;
          expect(shown.answerText.length + shown.bodyText.length, `${label}: ${question.id} shows its answer`).toBeGreaterThan(0);
          expect(shown.answerText.length, `${label}: ${question.id} shows text in its answer blocks`).toBeGreaterThan(0);
        }
        // Every answered part shows text, unless examinable-only collapsed it.
        const parts = await partsAcrossTabs(page);
        for (const question of answered) {
          for (const part of partsOf(question)) {
            const id = `${question.id}--${part.anchor}`;
            const shown = parts.get(id);
            expect(shown, `${id} is on the page`).toBeDefined();
            const collapsed = examinableOnly && (part.examinability === 'not-examined' || shown!.insideCollapsed);
            if (collapsed) {
              expect(shown!.text, `${label}: ${id} is a stub`).toBe('');
              continue;
            }
            expect(shown!.rendered, `${label}: ${id} shows`).toBe(true);
            if (part.hasAnswer) expect(shown!.text.length, `${label}: ${id} shows answer text`).toBeGreaterThan(0);
          }
        }
      }
    }
    // What the page holds decides what the modes can show; the user's notes have bilingual pages.
    const tags = (await measure(page)).blocks;
    if (tags.some((block) => block.lang === 'zh' && !block.only)) expect(seen.zhHidden).toBeGreaterThan(0);
    if (tags.some((block) => block.lang === 'en' && !block.only)) expect(seen.enHidden).toBeGreaterThan(0);
    if ((await page.locator('.lang-note').count()) > 0) expect(seen.notes).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

test("the user's notes give the modes something to do: bilingual blocks, one-language units and not-examined parts", async () => {
  const { page } = await browser.open(sectionPages[0]!.path);
  const counts = { zh: 0, en: 0, mixed: 0, only: 0, notes: 0 };
  for (const { path } of sectionPages) {
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    const here = await page.evaluate(() => ({
      zh: document.querySelectorAll('[data-lang="zh"]:not([data-lang-only])').length,
      en: document.querySelectorAll('[data-lang="en"]:not([data-lang-only])').length,
      mixed: document.querySelectorAll('[data-lang="mixed"]').length,
      only: document.querySelectorAll('[data-lang-only]').length,
      notes: document.querySelectorAll('.lang-note').length,
    }));
    for (const name of Object.keys(counts) as (keyof typeof counts)[]) counts[name] += here[name];
  }
  expect(counts.zh).toBeGreaterThan(0);
  expect(counts.en).toBeGreaterThan(0);
  expect(counts.mixed).toBeGreaterThan(0);
  expect(counts.only).toBeGreaterThan(0);
  expect(counts.notes).toBeGreaterThan(0);
  const statuses = course.questions.flatMap((question) => partsOf(question).map((part) => part.examinability));
  expect(statuses).toContain('not-examined');
  expect(statuses).toContain('probably-not-examined');
});

/** Records, frame by frame from the very first, what the page shows: set before any page script runs. */
const FIRST_PAINT_PROBE = `(() => {
  const frames = [];
  let bodyMode;
  window.__frames = frames;
  window.__bodyMode = () => bodyMode;
  new MutationObserver((records, observer) => {
    // The first of the page's content (the pre-paint script runs just before it, at the top of <body>).
    if (document.querySelector('.skip-link')) {
      const root = document.documentElement;
      bodyMode = { lang: root.dataset.langMode ?? 'both', examinableOnly: root.dataset.examinableOnly !== undefined };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const check = () => {
    const zh = [...document.querySelectorAll('[data-lang="zh"]:not([data-lang-only])')];
    const notExamined = [...document.querySelectorAll('.part[data-examinability="not-examined"] > :not(.part-heading)')];
    frames.push({
      zh: zh.length,
      zhShown: zh.filter((element) => getComputedStyle(element).display !== 'none').length,
      notExamined: notExamined.length,
      notExaminedShown: notExamined.filter((element) => getComputedStyle(element).display !== 'none').length,
      complete: document.readyState === 'complete',
    });
    if (frames.length < 400 && !(document.readyState === 'complete' && frames.length > 3)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

describe('the choice', () => {
  test('applies before first paint: in English-only, examinable-only mode no frame ever shows a Chinese block or a not-examined part', async () => {
    const { context, problems } = await browser.newContext();
    const setup = await browser.visit(context, '/');
    await choose(setup, 'en', true);
    await context.addInitScript(FIRST_PAINT_PROBE);
    const path = sectionPages.find((entry) =>
      entry.questions.some((question) => partsOf(question).some((part) => part.examinability === 'not-examined')),
    )!.path;
    const page = await browser.visit(context, path);
    await page.waitForFunction(() => (window as unknown as { __frames: { complete: boolean }[] }).__frames.some((frame) => frame.complete));
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: { zh: number; zhShown: number; notExamined: number; notExaminedShown: number }[] }).__frames,
    );
    const bodyMode = await page.evaluate(() => (window as unknown as { __bodyMode: () => unknown }).__bodyMode());
    // The mode is on <html> before the parser reaches the page's content, so the first styled frame already has it.
    expect(bodyMode).toEqual({ lang: 'en', examinableOnly: true });
    expect(frames.length).toBeGreaterThan(0);
    expect(
      frames.some((frame) => frame.zh > 0 && frame.notExamined > 0),
      'frames with the content were seen',
    ).toBe(true);
    expect(frames.filter((frame) => frame.zhShown > 0 || frame.notExaminedShown > 0)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the probe sees Chinese blocks in the frames where they do show (guards the test above)', async () => {
    const { context } = await browser.newContext();
    await context.addInitScript(FIRST_PAINT_PROBE);
    const page = await browser.visit(context, sectionPages[0]!.path);
    await page.waitForFunction(() => (window as unknown as { __frames: { complete: boolean }[] }).__frames.some((frame) => frame.complete));
    // Nothing stored: both languages show, and the probe counts the Chinese blocks as shown.
    const frames = await page.evaluate(() => (window as unknown as { __frames: { zhShown: number }[] }).__frames);
    expect(frames.some((frame) => frame.zhShown > 0)).toBe(true);
  });

  test('persists across pages and reloads, and "Both" forgets it', async () => {
    const { context, problems } = await browser.newContext();
    const [first, second] = [sectionPages[0]!.path, sectionPages.at(-1)!.path];
    const page = await browser.visit(context, first);
    await choose(page, 'zh', true);
    const state = (): Promise<unknown> =>
      page.evaluate(
        (names) => ({
          lang: document.documentElement.dataset.langMode ?? 'both',
          examinableOnly: document.documentElement.dataset.examinableOnly !== undefined,
          radio: document.querySelector<HTMLInputElement>('input[name="reading-language"]:checked')?.value,
          checkbox: document.querySelector<HTMLInputElement>('input[name="examinable-only"]')?.checked,
          enShown: [...document.querySelectorAll('[data-lang="en"]:not([data-lang-only])')].filter(
            (element) => getComputedStyle(element).display !== 'none',
          ).length,
          stored: names.map((name) => localStorage.getItem(name)),
        }),
        [STORAGE_KEYS.readingLanguage, STORAGE_KEYS.examinableOnly],
      );
    const chinese = { lang: 'zh', examinableOnly: true, radio: 'zh', checkbox: true, enShown: 0, stored: ['zh', '1'] };
    expect(await state()).toEqual(chinese);
    await page.reload({ waitUntil: 'load' });
    expect(await state()).toEqual(chinese);
    for (const path of [second, `/${course.id}/`, '/', `/${course.id}/review/`]) {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      expect(await state(), path).toEqual(chinese);
    }
    await page.goto(baseUrl + second, { waitUntil: 'load' });
    await choose(page, 'both', false);
    const both = await state();
    expect(both).toMatchObject({ lang: 'both', examinableOnly: false, radio: 'both', checkbox: false, stored: [null, null] });
    await page.goto(baseUrl + first, { waitUntil: 'load' });
    expect(await state()).toEqual({ ...(both as object), enShown: await page.locator('[data-lang="en"]:not([data-lang-only])').count() });
    expect(problems).toEqual([]);
  });
});

describe('examinable only', () => {
  const withStatuses = sectionPages.filter(({ questions }) =>
    questions.some((question) =>
      partsOf(question).some((part) => part.examinability === 'not-examined' || part.examinability === 'probably-not-examined'),
    ),
  );

  test.each(withStatuses.map((entry) => [entry.path, entry] as const))(
    'on %s collapses not-examined parts to a one-line stub and keeps probably-not-examined ones, marked',
    async (path, { questions }) => {
      const { page, problems } = await browser.open(path);
      const report = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('article.question section.part[data-examinability]')]
            .filter((part) => part.dataset.examinability !== 'unmarked')
            .map((part) => {
              const heading = part.querySelector<HTMLElement>(':scope > .part-heading')!;
              const style = getComputedStyle(heading);
              const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
              // The note and the Test-me button have their own rules (shown only in a language mode, in Test-me).
              const content = [...part.children].filter((child) => child !== heading && !child.matches('.lang-note, .reveal'));
              return {
                id: part.id,
                status: part.dataset.examinability,
                headingShown: heading.getClientRects().length > 0,
                headingLines: Math.round(heading.getBoundingClientRect().height / lineHeight),
                marker: getComputedStyle(heading, '::before').content,
                badge: heading.querySelector<HTMLElement>('.exam-badge')?.innerText ?? null,
                contentShown: content.filter((child) => getComputedStyle(child).display !== 'none').length,
                content: content.length,
                partHeight: part.getBoundingClientRect().height,
                headingHeight: heading.getBoundingClientRect().height,
                lineHeight,
              };
            }),
        );
      const expectedStatuses = questions.flatMap((question) =>
        partsOf(question)
          .filter((part) => part.examinability !== 'unmarked')
          .map((part) => [`${question.id}--${part.anchor}`, part.examinability]),
      );

      const off = await report();
      expect(off.map((part) => [part.id, part.status])).toEqual(expectedStatuses);
      for (const part of off) {
        expect(part.contentShown, `${part.id} shows everything by default`).toBe(part.content);
        expect(part.marker).toBe('none');
      }

      await choose(page, 'both', true);
      const on = await report();
      const LABELS: Record<string, string> = {
        'not-examined': 'Not examined · 不考',
        'probably-not-examined': 'Probably not examined · 可能不考',
        'may-be-examined': 'May be examined · 可能考',
      };
      for (const part of on) {
        expect(part.headingShown, part.id).toBe(true);
        expect(part.badge, part.id).toBe(LABELS[part.status!]);
        if (part.status === 'not-examined') {
          expect(part.marker, part.id).toBe('"Not examined: "');
          expect(part.contentShown, `${part.id}: content hidden`).toBe(0);
          expect(part.content).toBeGreaterThan(0);
          expect(part.headingLines, `${part.id}: heading on one line`).toBe(1);
          expect(part.partHeight, `${part.id}: the part is its heading`).toBeLessThanOrEqual(part.headingHeight + 2 * part.lineHeight);
        } else {
          expect(part.marker, part.id).toBe('none');
          expect(part.contentShown, `${part.id}: stays`).toBe(part.content);
        }
      }
      expect(on.filter((part) => part.status === 'not-examined').length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );
});

describe('screenshots of a bilingual part', () => {
  const target = course.questions.find(
    (question) => question.section === 1 && question.number === '1' && partsOf(question).some((part) => part.anchor === '2'),
  );

  test('look different in each mode: both shows most, English and Chinese each less', async () => {
    expect(target, 'Section 1 Q1 has a part (2)').toBeDefined();
    mkdirSync(shots, { recursive: true });
    const heights: Record<string, number> = {};
    const { context, problems } = await browser.newContext({ colorScheme: 'light', deviceScaleFactor: 1 });
    const page = await browser.visit(context, `/${course.id}/s1/`);
    for (const mode of MODES) {
      await choose(page, mode, false);
      const part = page.locator(`[id="${target!.id}--2"]`);
      await part.scrollIntoViewIfNeeded();
      await part.screenshot({ path: join(shots, `s1-q1-part2-${mode}.png`) });
      heights[mode] = (await part.boundingBox())!.height;
      const text = await part.innerText();
      if (mode === 'en') expect(classifyText(text.replace(/^.*\n/, ''))).toBe('en');
      if (mode === 'zh') expect(classifyText(text)).toBe('zh');
      if (mode === 'both') expect(classifyText(text)).toBe('mixed');
    }
    expect(heights.both).toBeGreaterThan(heights.en!);
    expect(heights.both).toBeGreaterThan(heights.zh!);
    expect(problems).toEqual([]);
  });

  const chineseOnly = course.questions.find((question) => question.section === 4 && question.number === '5');

  test('a part answered in Chinese only keeps its answer in English-only mode, under a note saying so', async () => {
    expect(chineseOnly, 'Section 4 Q5').toBeDefined();
    const anchor = partsOf(chineseOnly!).find((part) => part.hasAnswer)!.anchor;
    mkdirSync(shots, { recursive: true });
    const { context, problems } = await browser.newContext({ colorScheme: 'light', deviceScaleFactor: 1 });
    const page = await browser.visit(context, `/${course.id}/s4/`);
    const part = page.locator(`[id="${chineseOnly!.id}--${anchor}"]`);
    for (const mode of MODES) {
      await choose(page, mode, false);
      await part.scrollIntoViewIfNeeded();
      await part.screenshot({ path: join(shots, `s4-q5-part-${anchor}-${mode}.png`) });
      await expect(part.locator('.lang-note').isVisible(), mode).resolves.toBe(mode === 'en');
      if (mode === 'en') await expect(part.locator('.lang-note').innerText()).resolves.toBe('Answered in Chinese only · 只有中文');
      const answer = await part.locator('.answer').innerText();
      expect(classifyText(answer), mode).toBe('zh');
    }
    expect(problems).toEqual([]);
  });
});
