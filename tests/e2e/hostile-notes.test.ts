/**
 * A classmate's notes that try to run code (tests/fixtures/notes/hostile.md) are imported and
 * built into a site of their own, then every page is opened, hovered, clicked and searched in
 * Chromium: no dialog, no script, no request to another origin, no navigation, no console error,
 * while the legitimate text around each attack, and a note saying what was removed, still show.
 * The same notes hold broken content (a text file named .png, a PNG cut short, a formula KaTeX
 * rejects): the build goes on, names file and line, and the page shows an explained placeholder.
 * Its own small build (about 25 s) keeps all this out of the shared site other tests check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPrintablePages } from '../../scripts/lib/built-pages.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { useBrowser } from './setup/browser.ts';
import { buildSite, ROOT, type BuiltSite } from './setup/build-site.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { parseCourseId } from '../../src/lib/content/paths.ts';

const COURSE = parseCourseId('hostile');
const NOTES = 'tests/fixtures/notes/hostile.md';

/** Text written around the attacks in the fixture: each must still be on the page. */
const LEGITIMATE = [
  'Safe text before the script stays.',
  'Safe text after the script stays.',
  'image with onerror, text around stays.',
  'Paragraph with event handlers keeps its words.',
  'Form words stay visible.',
  'Drawing words stay visible.',
  'Markdown javascript link text stays',
  'Entity-encoded link text stays',
  'Raw link with spaces and case stays',
  'Data URL link text stays',
  'Reference link text stays',
  'Water is H2O and E = mc2; press Ctrl.',
  'A line after a break.',
  'The hidden hint stays readable.',
  'real link',
  'A formula KaTeX rejects,',
  'stays visible as its source.',
];

const browser = useBrowser();
let server: StaticServer;
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite('hostile', [{ id: COURSE, notes: NOTES }]);
  server = await serveStatic(site.dist);
}, 300_000);

afterAll(async () => {
  await server?.close();
});

/** Every page the fixture makes (its one section and one paper; checked against the build below). */
const PRINTABLE = [`/${COURSE}/s1/`, `/${COURSE}/papers/2024-may/`];
const PAGES = ['/', `/${COURSE}/`, `/${COURSE}/review/`, ...PRINTABLE, '/search/?q=script'];

describe('a notes file full of attacks', () => {
  it('is imported and built, with a located warning for each attack', () => {
    const importOutput = site.importOutput[COURSE] ?? '';
    const { buildOutput } = site;
    const fixtureLines = readFileSync(join(ROOT, NOTES), 'utf8').split('\n');
    const warned = [...importOutput.matchAll(new RegExp(`^warning: ${NOTES}:(\\d+): `, 'gm'))].map((match) => Number(match[1]));
    expect(new Set(warned).size).toBeGreaterThan(15);
    for (const line of warned) expect(fixtureLines[line - 1]).toMatch(/<|\]\(|\]\[/);
    expect(buildOutput).toMatch(/^html warning: .*questions\/s1-2024-may-q1\.md:\d+: <script> removed/m);
    // Broken content: the build goes on, naming file and line.
    expect(buildOutput).toMatch(
      /^image error: .*questions\/s1-2024-may-q2\.md:\d+: screenshot hostile-images\/not-an-image\.png cannot be shown: it is not an image/m,
    );
    expect(buildOutput).toMatch(
      /^image error: .*questions\/s1-2024-may-q2\.md:\d+: screenshot hostile-images\/cut-short\.png cannot be shown: it is damaged or cut short/m,
    );
    expect(buildOutput).toMatch(/^math error: .*questions\/s1-2024-may-q2\.md:\d+: /m);
  });

  it('has the pages this test visits', () => {
    expect(findPrintablePages(site.dist).map((page) => `/${page.url}`)).toEqual(PRINTABLE);
  });

  it.each(PAGES)('%s runs nothing, loads nothing from elsewhere and goes nowhere', async (path) => {
    const { context, problems } = await browser.newContext();
    const origin = new URL(server.url).origin;
    const offsite: string[] = [];
    const dialogs: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(server.url + urls.file(path), { waitUntil: 'networkidle' });
    // From here on, any load is a reload or a navigation; the search page may rewrite its own query.
    const navigations: string[] = [];
    page.on('load', () => navigations.push(`load of ${page.url()}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && new URL(frame.url()).pathname !== new URL(server.url + urls.file(path)).pathname)
        navigations.push(frame.url());
    });

    // Give every trigger a chance: hover and click each element of the notes (not links, tabs or
    // KaTeX's inner spans), open each <details>.
    const targets = await page
      .locator(
        'main .question-body :is(p, li, img, span, div, section, h3, h4, h5, b, i, sub, sup, kbd, details, summary):not(.katex *):visible',
      )
      .all();
    for (const target of targets) {
      await target.hover({ force: true, timeout: 1000 }).catch(() => undefined);
      if (await target.evaluate((node) => node.closest('a, button, [role="tab"]') === null))
        await target.click({ force: true, timeout: 1000, noWaitAfter: true }).catch(() => undefined);
    }
    await page.waitForLoadState('networkidle');

    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    expect(navigations).toEqual([]);
    expect(problems).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(new URL(server.url + urls.file(path)).pathname);
    if (path.includes('s1')) expect(targets.length).toBeGreaterThan(20);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])', { hasText: 'alert' }).count()).toBe(0);
  });

  it('still shows the text around each attack, and says what was removed', async () => {
    const { context, problems } = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + urls.section(COURSE, 1), { waitUntil: 'networkidle' });
    for (const details of await page.locator('main details').all()) await details.locator('summary').click();
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const legitimate of LEGITIMATE) expect(text).toContain(legitimate);
    const notes = await page.locator('main .html-removed').allInnerTexts();
    for (const removed of [
      '<script>',
      '<iframe>',
      '<object>',
      '<embed>',
      '<style>',
      '<meta http-equiv="refresh">',
      '<form>',
      '<svg>',
      '<video>',
      '<link>',
    ]) {
      expect(
        notes.some((note) => note.includes(`Removed from the notes: ${removed}`)),
        removed,
      ).toBe(true);
    }
    expect(notes.filter((note) => note.includes('link removed'))).toHaveLength(5);
    expect(notes.filter((note) => note.startsWith('Image'))).toHaveLength(3);
    for (const note of await page.locator('main .html-removed').all()) expect(await note.isVisible()).toBe(true);
    // A formula that asks KaTeX for a javascript: link is drawn as KaTeX's error text, not a link.
    expect(await page.locator('main a[href^="javascript" i], main [href^="data:" i], main [src^="http"]').count()).toBe(0);
    expect(await page.locator('main .katex').count()).toBeGreaterThanOrEqual(2);
    // Broken screenshots and a broken formula show as explained placeholders, not as nothing.
    const placeholders = await page.locator('main .shot-missing').allInnerTexts();
    expect(
      placeholders.some((text) => text.includes('Screenshot hostile-images/not-an-image.png could not be read: it is not an image')),
    ).toBe(true);
    expect(
      placeholders.some((text) => text.includes('Screenshot hostile-images/cut-short.png could not be read: it is damaged or cut short')),
    ).toBe(true);
    expect(await page.locator('main .math-error', { hasText: '\\frac{1}{' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
