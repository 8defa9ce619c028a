/**
 * Worksheet printing: "Questions only" prints headings, part headings and screenshots with space to
 * write and no answers, in the browser's print and in a PDF; "With answers" prints them, even in Test-me.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { dehyphen, pdfText } from './setup/site.ts';
import { sectionPath, sectionQuestions } from './setup/revision.ts';

const browser = useBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'e2e-worksheet-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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
