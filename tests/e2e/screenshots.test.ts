/**
 * Question screenshots: the ones in the course's image folder show as optimised images with
 * width, height and alt, and enlarge in a dialog; the missing ones show a placeholder that
 * names the file and the folder to put it in.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allCourses, screenshotFile, type CourseMeta, type Screenshot } from './setup/site.ts';
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
    width: node.getAttribute('width'),
    height: node.getAttribute('height'),
    folder: node.getAttribute('data-folder') ?? '',
    visible: node.getClientRects().length > 0,
  }));
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
      // Optimised by Astro's image pipeline: a hashed WebP under /_astro/, not the PNG as written.
      expect(urls.inSite(item.src)).toMatch(/^_astro\/[^/]+\.webp$/);
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
  test('a screenshot enlarges in a dialog on click or Enter, and closes with Esc or its button', async () => {
    const { page, problems } = await browser.open(`/${courseId}/s${question.section}/`);
    const image = page.locator(`article[id="${question.id}"] img.screenshot`).first();
    const button = page.locator(`article[id="${question.id}"] button.zoomable:has(img.screenshot)`).first();
    await expect(button.count()).resolves.toBe(1);
    await expect(button.getAttribute('aria-label')).resolves.toMatch(/^Enlarge screenshot/);
    const dialog = page.locator('dialog.lightbox');
    await expect(dialog.isVisible()).resolves.toBe(false);

    await image.click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(true);
    const large = dialog.locator('img');
    await expect(large.getAttribute('alt')).resolves.toBe(await image.getAttribute('alt'));
    await expect(large.evaluate((node: HTMLImageElement) => node.src)).resolves.toBe(
      await image.evaluate((node: HTMLImageElement) => node.currentSrc || node.src),
    );
    await page.waitForFunction(() => (document.querySelector('dialog.lightbox img') as HTMLImageElement | null)?.complete === true);
    const sizes = await page.evaluate(() => {
      const small = document.querySelector('img.screenshot')!.getBoundingClientRect();
      const big = document.querySelector('dialog.lightbox img')!.getBoundingClientRect();
      return { small: small.width, big: big.width };
    });
    expect(sizes.big).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(false);
    // Focus returns to the screenshot's button, so keyboard readers keep their place.
    await expect(button.evaluate((node) => node === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.evaluate((node: HTMLDialogElement) => node.open)).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});
