/**
 * Question screenshots: the ones in the course's image folder show as optimised images with
 * width, height and alt, and enlarge in a dialog; the missing ones show a placeholder that
 * names the file and the folder to put it in.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allCourses, screenshotFile, type CourseMeta, type Screenshot } from './setup/site.ts';
import { COLUMN_SIZES, SCREEN_WIDTHS } from '../../src/lib/markdown/screenshot-sizes.ts';
import { urls } from '../../src/lib/site/urls.ts';

const browser = useBrowser();
const courses = allCourses();
const ROOT = join(import.meta.dirname, '../..');

interface Expected {
  kind: 'image' | 'missing';
  name: string;
  alt: string;
  folder: string;
}

function expected(course: CourseMeta, images: Screenshot[]): Expected[] {
  return images.map((image) => {
    const file = screenshotFile(course.id, image.src);
    return {
      kind: existsSync(file) ? 'image' : 'missing',
      name: image.src.replace(/^(\.\/)+/, ''),
      alt: image.alt,
      folder: relative(ROOT, dirname(file)).split(sep).join('/'),
    };
  });
}

interface Shown {
  kind: 'image' | 'missing';
  text: string;
  alt: string;
  src: string;
  srcset: string;
  sizes: string;
  width: string | null;
  height: string | null;
  folder: string;
  visible: boolean;
}

/** Screenshots and placeholders inside `root`, in page order (runs in the page). */
function shownIn(root: Element): Shown[] {
  return [...root.querySelectorAll('img.screenshot, .shot-missing')].map((node) => ({
    kind: node.tagName === 'IMG' ? ('image' as const) : ('missing' as const),
    text: (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
    alt: node.getAttribute('alt') ?? '',
    src: node.getAttribute('src') ?? '',
    srcset: node.getAttribute('srcset') ?? '',
    sizes: node.getAttribute('sizes') ?? '',
    width: node.getAttribute('width'),
    height: node.getAttribute('height'),
    folder: node.getAttribute('data-folder') ?? '',
    visible: node.getClientRects().length > 0,
  }));
}

/** The candidates of a `srcset` with width descriptors ("a.webp 400w, b.webp 800w"). */
function candidates(srcset: string): { url: string; width: number }[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/))
    .filter(([url, descriptor]) => url && descriptor?.endsWith('w'))
    .map(([url, descriptor]) => ({ url: url!, width: Number.parseInt(descriptor!, 10) }));
}

function check(shown: Shown[], wanted: Expected[], where: string): void {
  expect(
    shown.map((item) => item.kind),
    where,
  ).toEqual(wanted.map((item) => item.kind));
  for (const [index, item] of shown.entries()) {
    const want = wanted[index]!;
    expect(item.visible, `${where}: ${want.name} is shown`).toBe(true);
    if (item.kind === 'image') {
      // The alt text keeps the label the notes gave the screenshot (often just "Q3").
      expect(item.alt.trim(), `${where}: alt of ${want.name}`).not.toBe('');
      expect(item.alt, `${where}: alt of ${want.name}`).toContain(want.alt);
      expect(Number(item.width)).toBeGreaterThan(0);
      expect(Number(item.height)).toBeGreaterThan(0);
      // Optimised by Astro's image pipeline: a hashed WebP under /_astro/, not the PNG as written,
      // in a few widths for the browser to choose from, the widest the one the `width` attribute names.
      expect(urls.inSite(item.src)).toMatch(/^_astro\/[^/]+\.webp$/);
      const sources = candidates(item.srcset);
      // One source only for a file no wider than the smallest width made.
      expect(sources.length, `${where}: sources of ${want.name}`).toBeGreaterThan(Number(item.width) > SCREEN_WIDTHS[0] ? 1 : 0);
      expect(sources.every((source) => /^_astro\/[^/]+\.webp$/.test(urls.inSite(source.url) ?? ''))).toBe(true);
      expect(Math.max(...sources.map((source) => source.width))).toBe(Number(item.width));
      expect(item.sizes).toBe(COLUMN_SIZES);
    } else {
      expect(item.text).toContain(`Screenshot ${want.name} not added yet`);
      expect(item.text).toContain(want.folder);
      expect(item.folder).toBe(want.folder);
    }
  }
}

test('the courses have both kinds of screenshots to test', () => {
  const all = courses.flatMap((course) =>
    expected(course, [...course.questions.flatMap((question) => question.images), ...course.sections.flatMap((section) => section.images)]),
  );
  expect(all.filter((item) => item.kind === 'missing').length).toBeGreaterThan(0);
  if (courses.some((course) => !course.own)) expect(all.filter((item) => item.kind === 'image').length).toBeGreaterThan(0);
});

describe.each(courses.map((course) => [course.id, course] as const))('%s', (_id, course) => {
  test('each question shows its screenshots or placeholders, in the notes’ order', async () => {
    for (const section of course.sections.filter((entry) => !entry.scope)) {
      const { page } = await browser.open(`/${course.id}/s${section.number}/`);
      for (const question of course.questions.filter((entry) => entry.section === section.number)) {
        const shown = await page.locator(`article[id="${question.id}"]`).evaluate(shownIn);
        check(shown, expected(course, question.images), question.id);
      }
      const images = page.locator('main img.screenshot');
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        // Lazy: it starts loading as it nears the screen, and must then load.
        await image.evaluate((node: HTMLImageElement) =>
          node.complete
            ? undefined
            : new Promise((done) => ['load', 'error'].forEach((event) => node.addEventListener(event, done, { once: true }))),
        );
        await expect(image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).resolves.toBe(true);
        const [natural, declared] = await image.evaluate((node: HTMLImageElement) => [
          node.naturalWidth / node.naturalHeight,
          node.width / node.height,
        ]);
        expect(Math.abs(natural! - declared!)).toBeLessThan(0.02);
      }
    }
  });

  test('the exam scope on the course home shows its screenshot or placeholder', async () => {
    const scope = course.sections.find((section) => section.scope);
    const { page } = await browser.open(`/${course.id}/`);
    if (!scope) {
      await expect(page.locator('.scope').count()).resolves.toBe(0);
      return;
    }
    const shown = await page.locator('.scope').evaluate(shownIn);
    check(shown, expected(course, scope.images), 'scope');
  });
});

/** Courses with at least one screenshot in their image folder, with the first question that shows one. */
const withImages = courses.flatMap((course) => {
  const question = course.questions.find((entry) => expected(course, entry.images).some((item) => item.kind === 'image'));
  return question ? [[course.id, question] as const] : [];
});

describe.each(withImages)('%s', (courseId, question) => {
  test('a screenshot enlarges in a dialog on click or Enter, loading its larger file only then, and closes with Esc or its button', async () => {
    const { context, problems } = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${inject('baseUrl')}/${courseId}/s${question.section}/`);
    const image = page.locator(`article[id="${question.id}"] img.screenshot`).first();
    // The screenshot is the button, where the page drew it (not moved into one: a later largest paint).
    const button = page.getByRole('button', { name: /^Enlarge screenshot/ }).and(image);
    await expect(button.count()).resolves.toBe(1);
    const dialog = page.locator('dialog.lightbox');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((node) => (node as HTMLImageElement | null)?.complete === true, await image.elementHandle());
    const sources = candidates((await image.getAttribute('srcset')) ?? '').map((source) => ({
      ...source,
      url: new URL(source.url, page.url()).href,
    }));
    const widthOf = (url: string): number | undefined => sources.find((source) => source.url === url)?.width;
    const small = await image.evaluate((node: HTMLImageElement) => ({ url: node.currentSrc, width: node.getBoundingClientRect().width }));
    const requestedBefore = [...requested];

    await image.click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(true);
    const large = dialog.locator('img');
    await expect(large.getAttribute('alt')).resolves.toBe(await image.getAttribute('alt'));
    expect(widthOf(small.url), small.url).toBeDefined();
    const shownWhole = small.width >= Math.max(...sources.map((source) => source.width));
    // The page's copy at once, then (unless it is the whole file already) a sharper one.
    await page.waitForFunction(
      ([pageCopy, same]) => {
        const shown = document.querySelector<HTMLImageElement>('dialog.lightbox img');
        return shown?.complete === true && (same || shown.currentSrc !== pageCopy);
      },
      [small.url, shownWhole] as const,
    );
    const big = await large.evaluate((node: HTMLImageElement) => ({ url: node.currentSrc, width: node.getBoundingClientRect().width }));
    if (!shownWhole) {
      // Shown smaller than the file: larger in the dialog, from a larger file fetched only now.
      expect(big.width).toBeGreaterThan(small.width * 1.3);
      expect(widthOf(big.url), big.url).toBeGreaterThan(widthOf(small.url)!);
      expect(requestedBefore).not.toContain(big.url);
      expect(requested).toContain(big.url);
    } else {
      // Shown whole already: the dialog shows the same file at its size, not blown up.
      expect(big.url).toBe(small.url);
      expect(Math.round(big.width)).toBe(Math.round(small.width));
    }

    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(false);
    // Focus returns to the screenshot, so keyboard readers keep their place.
    await expect(button.evaluate((node) => node === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(false);
    // Space too, as on any button, without scrolling the page.
    await button.focus();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press(' ');
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(problems).toEqual([]);
  });
});

/** Phones whose screens pick different widths: 390 CSS px at 3× (an iPhone), 412 at 2.625× (a Pixel). */
const PHONES = [
  { phone: 'iPhone', width: 390, height: 844, pixelRatio: 3 },
  { phone: 'Pixel', width: 412, height: 915, pixelRatio: 2.625 },
] as const;

/**
 * A phone takes the smallest source that fills a screenshot's width in device pixels, never the
 * widest (kept for the lightbox), and no print copy.
 */
describe.each(withImages)('%s on a phone', (courseId) => {
  const course = courses.find((entry) => entry.id === courseId)!;
  const showsScreenshots = (section: number): boolean =>
    course.questions.some(
      (question) => question.section === section && expected(course, question.images).some((item) => item.kind === 'image'),
    );
  test.each(
    course.sections
      .filter((section) => !section.scope && showsScreenshots(section.number))
      .flatMap((section) => PHONES.map((phone) => ({ path: `/${courseId}/s${section.number}/`, ...phone }))),
  )('$path on $phone never picks the widest source', async ({ path, width, height, pixelRatio }) => {
    const { page, problems } = await browser.open(path, {
      viewport: { width, height },
      deviceScaleFactor: pixelRatio,
      isMobile: true,
      hasTouch: true,
    });
    const images = page.locator('main img.screenshot');
    let checked = 0;
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((node) => (node as HTMLImageElement | null)?.complete === true, await image.elementHandle());
      // The width the browser chooses for: its `sizes` (the reading column), which an image indented in a part is narrower than.
      const { current, srcset, slot } = await image.evaluate((node: HTMLImageElement) => {
        const probe = document.body.appendChild(document.createElement('div'));
        probe.style.width = node.sizes;
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return { current: node.currentSrc, srcset: node.srcset, slot: width };
      });
      const sources = candidates(srcset)
        .map((source) => ({ ...source, url: new URL(source.url, page.url()).href }))
        .sort((a, b) => a.width - b.width);
      const picked = sources.find((source) => source.url === current);
      expect(picked, `${current} is one of ${srcset}`).toBeDefined();
      const widest = sources.at(-1)!;
      const enough = sources.find((source) => source.width >= slot * pixelRatio) ?? widest;
      if (sources.length > 1) expect(picked!.width, current).toBeLessThan(widest.width);
      expect(picked!.width, `${current} for ${slot} CSS px at ${pixelRatio}×`).toBeLessThanOrEqual(enough.width);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
    const printCopies = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((entry) => /\.jpe?g$/.test(new URL(entry.name).pathname)),
    );
    expect(printCopies).toEqual([]);
    expect(problems).toEqual([]);
  });
});
