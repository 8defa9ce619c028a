/** Every page loads cleanly, and the home pages list what the content holds. */
import { describe, expect, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { allCourses, allPages, printablePages } from './setup/site.ts';
import { urls } from '../../src/lib/site/urls.ts';

const browser = useBrowser();
const courses = allCourses();

describe('every page loads without errors', () => {
  test('the built site has a section page per non-scope section and a paper page per paper', () => {
    const pages = printablePages();
    for (const course of courses) {
      const sections = pages.filter((page) => page.course === course.id && page.kind === 'section').map((page) => page.section);
      expect(sections).toEqual(course.sections.filter((section) => !section.scope).map((section) => section.number));
      const papers = pages.filter((page) => page.course === course.id && page.kind === 'paper').map((page) => page.paper);
      expect(papers.sort()).toEqual([...course.papers.keys()].sort());
      expect(papers.length).toBeGreaterThan(0);
    }
  });

  test.each(allPages())('%s', async (path) => {
    const { page, problems } = await browser.open(path, { waitUntil: 'networkidle' });
    // Lazy screenshots must load too: bring every one into view.
    await page.evaluate(() => {
      for (const image of document.images) image.loading = 'eager';
    });
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    await page.waitForLoadState('networkidle');
    const broken = await page.evaluate(() =>
      [...document.images].filter((image) => image.hasAttribute('src') && image.naturalWidth === 0).map((image) => image.src),
    );
    expect(broken).toEqual([]);
    expect(problems).toEqual([]);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.title()).resolves.not.toBe('');
  });
});

describe('home pages', () => {
  test('the home page links to every course', async () => {
    const { page } = await browser.open('/');
    for (const course of courses) {
      const card = page.locator(`a.card[href="${urls.course(course.id)}"]`);
      await expect(card.count()).resolves.toBe(1);
      await expect(card.innerText()).resolves.toContain(course.title);
    }
  });

  test.each(courses.map((course) => [course.id, course] as const))(
    '%s home shows each section with its counts, and its papers',
    async (_id, course) => {
      const { page } = await browser.open(`/${course.id}/`);
      await expect(page.locator('h1').innerText()).resolves.toBe(course.title);

      const sectionCards = page.locator('section[aria-labelledby="sections-title"] a.card');
      const questionSections = course.sections.filter((section) => !section.scope);
      await expect(sectionCards.count()).resolves.toBe(questionSections.length);
      for (const [index, section] of questionSections.entries()) {
        const card = sectionCards.nth(index);
        const questions = course.questions.filter((question) => question.section === section.number);
        const answered = questions.filter((question) => question.hasAnswer).length;
        await expect(card.getAttribute('href')).resolves.toBe(urls.section(course.id, section.number));
        const text = (await card.innerText()).replace(/\s+/g, ' ');
        expect(text).toContain(`Section ${section.number}`);
        expect(text).toContain(section.title);
        expect(text).toContain(`${questions.length} question${questions.length === 1 ? '' : 's'}`);
        expect(text).toContain(`${answered} with written answers`);
      }

      const paperCards = page.locator('section[aria-labelledby="papers-title"] a.card');
      await expect(paperCards.count()).resolves.toBe(course.papers.size);
      for (const [slug, questions] of course.papers) {
        const card = page.locator(`section[aria-labelledby="papers-title"] a.card[href="${urls.paper(course.id, slug)}"]`);
        const text = (await card.innerText()).replace(/\s+/g, ' ');
        expect(text).toContain(questions[0]?.paper?.label);
        expect(text).toContain(`${questions.length} question${questions.length === 1 ? '' : 's'}`);
      }
    },
  );

  test.each(courses.map((course) => [course.id, course] as const))(
    '%s section pages list their questions in the TOC',
    async (_id, course) => {
      for (const section of course.sections.filter((entry) => !entry.scope)) {
        const { page } = await browser.open(`/${course.id}/s${section.number}/`);
        const ids = course.questions.filter((question) => question.section === section.number).map((question) => question.id);
        const articles = await page.locator('main article.question').evaluateAll((nodes) => nodes.map((node) => node.id));
        expect([...articles].sort()).toEqual([...ids].sort());
        const tocTargets = await page.locator('nav.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        expect(tocTargets).toEqual(articles.map((id) => `#${id}`));
        await expect(page.locator('h1').innerText()).resolves.toContain(section.title);
      }
    },
  );
});
