/**
 * Screenshots in print: the PDFs the build prints hold each screenshot once, as its JPEG print copy
 * at about 200 ppi at its printed size (read back with pdfimages), and the user's PDFs stay lean.
 * A reader's own Print button prints the same copies, loaded before the browser prints; until a
 * copy has loaded, print shows the screen image, never an empty frame.
 */
import { existsSync, statSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { embeddedImages } from '../../scripts/lib/pdf/embedded-images.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, printablePages, questionsOf, screenshotFile } from './setup/site.ts';

const browser = useBrowser();
const dist = inject('dist');
const courses = allCourses();
const own = courses.find((course) => course.own);
const MB = 1024 * 1024;

const ownPages = printablePages().filter((page) => page.course === own?.id);

describe.runIf(own)('the PDFs of the user’s notes', () => {
  test.each(ownPages.map((page) => [page.pdf, page] as const))('%s holds each screenshot once, a JPEG at about 200 ppi', (_pdf, page) => {
    const course = own!;
    const screenshots = questionsOf(course, page)
      .flatMap((question) => question.images.map((image) => screenshotFile(course.id, image.src)))
      .filter((path) => existsSync(path));
    const images = embeddedImages(fileInDist(dist, page.pdf)).filter((image) => image.type === 'image');
    expect(images.length).toBe(screenshots.length);
    for (const image of images) {
      expect(image.encoding, JSON.stringify(image)).toBe('jpeg');
      // 200 ppi across the printed column; a screenshot in an indented list prints a little narrower.
      expect(image.xPpi, JSON.stringify(image)).toBeGreaterThanOrEqual(195);
      expect(image.xPpi, JSON.stringify(image)).toBeLessThanOrEqual(230);
      expect(Math.abs(image.yPpi - image.xPpi)).toBeLessThanOrEqual(2);
    }
  });

  test('are 8 MB at most all together, their screenshots included (the screenshots issue’s goal)', () => {
    const files = ownPages.map((page) => fileInDist(dist, page.pdf));
    const screenshots = files.flatMap(embeddedImages).length;
    expect(screenshots).toBeGreaterThan(0);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes / MB).toBeLessThanOrEqual(8);
  });
});

/** The first page of the user's notes with screenshots (their stand-ins are large enough to need a print copy). */
const withScreenshots = ownPages.find((page) =>
  questionsOf(own!, page).some((question) => question.images.some((image) => existsSync(screenshotFile(own!.id, image.src)))),
);

test.each(withScreenshots ? [[withScreenshots.url]] : [])(
  '%s: the Print button loads the print copies first, and print shows them instead of the screen images',
  async (url) => {
    const { page, problems } = await browser.open(url);
    const printCopies = page.locator('img.screenshot-print');
    expect(await printCopies.count()).toBe(await page.locator('img.screenshot').count());
    const loadedCopies = (): Promise<string[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => [...document.querySelectorAll<HTMLImageElement>('img.screenshot-print')].some((copy) => copy.src === name)),
      );
    // The screen never loads a print copy; until one has loaded, print shows the screen image.
    expect(await loadedCopies()).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const inPrint = (): Promise<{ screen: boolean; copy: boolean; copyWidth: number }[]> =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('img.screenshot')].map((screen) => {
          const copy = screen.nextElementSibling as HTMLImageElement;
          return { screen: screen.checkVisibility(), copy: copy.checkVisibility(), copyWidth: copy.naturalWidth };
        }),
      );
    expect((await inPrint()).every((shown) => shown.screen && !shown.copy)).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The browser's print dialog cannot open headless: note what it would print when asked.
    await page.evaluate(() => {
      window.print = () => {
        const copies = [...document.querySelectorAll<HTMLImageElement>('img.screenshot-print')];
        document.documentElement.dataset.printedCopies = String(copies.filter((copy) => copy.complete && copy.naturalWidth > 0).length);
      };
    });
    await page.locator('[data-print]').click();
    await page.waitForFunction(() => document.documentElement.dataset.printedCopies !== undefined);
    await expect(page.locator('html').getAttribute('data-printed-copies')).resolves.toBe(String(await printCopies.count()));
    expect((await loadedCopies()).length).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const shown = await inPrint();
    expect(shown.every((image) => !image.screen && image.copy)).toBe(true);
    // The print copy is the larger file: 200 ppi across the printed column.
    expect(shown.every((image) => image.copyWidth > 1000)).toBe(true);
    expect(problems).toEqual([]);
  },
);
