/**
 * The Content-Security-Policy of every built page: strict as written (no 'unsafe-inline', no
 * eval, nothing from another origin), and nothing the site itself does breaks it. Every page is
 * visited with every switch toggled, search run, a result opened and print emulated, while the
 * browser reports each violation (securitypolicyviolation events and console messages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from './setup/browser.ts';
import { builtPages } from './setup/site.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const dist = inject('dist');

/** The policy of a built page, directive name → sources, or undefined without a CSP <meta>. */
function policyOf(path: string): Map<string, string[]> | undefined {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  if (metas.length !== 1) return undefined;
  const policy = new Map<string, string[]>();
  for (const directive of metas[0]![1]!.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

const HASH = /^'sha256-[A-Za-z0-9+/]+=*'$/;

test('finds the pages to check', () => {
  expect(builtPages()).toEqual(expect.arrayContaining(['/', '/search/', '/dasc7606/', '/dasc7606/review/', '/dasc7606/s5/']));
});

describe.each(builtPages())('%s as built', (path) => {
  test('has one strict policy that covers every script and style in the page', () => {
    const policy = policyOf(path);
    expect(policy).toBeDefined();
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    // A <meta> policy only covers what follows it: no script or style may come before it
    // (the site's own favicon may: an icon runs nothing).
    const meta = html.search(/<meta http-equiv="content-security-policy"/i);
    expect(html.slice(0, meta)).not.toMatch(/<script|<style|<link(?![^>]*rel="icon")/i);
    expect(policy!.get('default-src')).toEqual(["'none'"]);
    expect(policy!.get('script-src')?.filter((source) => !HASH.test(source))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy!.get('style-src')?.filter((source) => !HASH.test(source))).toEqual(["'self'"]);
    const attributes = policy!.get('style-src-attr');
    if (attributes) expect(attributes.filter((source) => !HASH.test(source))).toEqual(["'unsafe-hashes'"]);
    for (const name of ['connect-src', 'font-src', 'worker-src']) expect(policy!.get(name), name).toEqual(["'self'"]);
    expect(policy!.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy!.get('base-uri')).toEqual(["'none'"]);
    expect(policy!.get('form-action')).toEqual(["'none'"]);
    expect([...policy!.keys()].filter((name) => name.startsWith('script-src-'))).toEqual([]);
  });
});

/** Collects the violations every page of the context reports, as readable lines. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', ({ page }, line: string) => violations.push(`${page.url()}: ${line}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`.trim());
    });
  });
  context.on('page', (page) =>
    page.on('console', (message) => {
      if (/content.security.policy/i.test(message.text()))
        violations.push(`${page.url()}: console ${message.type()}: ${message.text().slice(0, 300)}`);
    }),
  );
  return violations;
}

/** Clicks `selector`'s visible matches, at most `limit` of them. */
async function clickVisible(page: Page, selector: string, limit = 50): Promise<number> {
  let clicked = 0;
  for (const element of await page.locator(selector).all()) {
    if (clicked >= limit) break;
    if (!(await element.isVisible())) continue;
    await element.click();
    clicked += 1;
  }
  return clicked;
}

/** Every switch of the page, on and off again; returns what it found to toggle. */
async function toggleEverything(page: Page): Promise<string[]> {
  const toggled: string[] = [];
  const theme = page.locator('[data-theme-toggle]');
  await theme.click();
  await theme.click();
  toggled.push('theme');
  await page.locator('.reading-options summary').click();
  for (const value of ['zh', 'en', 'both']) await page.locator(`input[name="reading-language"][value="${value}"]`).check();
  await page.locator('input[name="examinable-only"]').check();
  await page.locator('input[name="examinable-only"]').uncheck();
  await page.locator('.reading-options summary').click();
  toggled.push('reading options');
  // A mock paper shows its Test-me switch once a paper is drawn (mock-paper.test.ts checks that page drawn).
  if (await page.locator('[data-test-me-toggle]').first().isVisible()) {
    await page.locator('[data-test-me-toggle]').click();
    await clickVisible(page, 'button.reveal', 3);
    await clickVisible(page, '.rating:not([hidden]) .rating-button', 1);
    await page.locator('[data-test-me-toggle]').click();
    await page.locator('[data-print-mode]').selectOption('questions');
    await page.locator('[data-print-mode]').selectOption('answers');
    toggled.push('test me', 'print mode');
  }
  if ((await clickVisible(page, '[role="tab"][aria-selected="false"]')) > 0) toggled.push('variant tabs');
  const zoomable = page.locator('img.zoomable').first();
  if ((await zoomable.count()) > 0) {
    await zoomable.click();
    await page.locator('dialog.lightbox[open]').waitFor();
    await page.keyboard.press('Escape');
    toggled.push('lightbox');
  }
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await page.emulateMedia({ media: null });
  toggled.push('print');
  return toggled;
}

const toggled = new Set<string>();

describe.each(builtPages())('%s in use', (path) => {
  test('keeps to its policy with every switch on and off, and in print', async () => {
    const { context, problems } = await browser.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    for (const what of await toggleEverything(page)) toggled.add(what);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test('the pages had every kind of switch to toggle', () => {
  expect([...toggled].sort()).toEqual(['lightbox', 'print', 'print mode', 'reading options', 'test me', 'theme', 'variant tabs']);
});

test('search keeps to the policy: Pagefind and its WebAssembly, filters, a result, typo correction', async () => {
  const { context, problems } = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await page.locator('[data-search-open]').click();
  await page.locator('dialog.search-dialog #search-input').fill('生成对抗网络 GAN');
  await page.locator('.search-result-link').first().waitFor();
  await page.locator('.search-filters summary').click();
  await page.locator('.filter-toggle').waitFor();
  await Promise.all([page.waitForURL(/#/), page.locator('.search-result-link').first().click()]);
  // The landing page highlights the searched words (a module loaded on arrival).
  await page.waitForLoadState('networkidle');
  // A query with a typo loads the vocabulary too.
  await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('discrimnator')}`, { waitUntil: 'load' });
  await page.waitForFunction(() => /found|No questions/.test(document.querySelector('#search-status')?.textContent ?? ''));
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('printing for real keeps to the policy: a PDF of a section page with its running header', async () => {
  const { context, problems } = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${builtPages().find((path) => /\/s\d+\/$/.test(path))}`, { waitUntil: 'load' });
  await page.pdf({ format: 'A4' });
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('the check can fail: an inline script, an inline style and a foreign image are reported', async () => {
  const { context } = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  // A page with math, whose policy allows KaTeX's style attributes by hash.
  const section = builtPages().find((path) => /\/s\d+\/$/.test(path) && policyOf(path)?.has('style-src-attr'))!;
  await page.goto(baseUrl + section, { waitUntil: 'load' });
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "pwned"';
    document.body.append(script);
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    const image = document.createElement('img');
    image.src = 'https://example.com/x.png';
    document.body.append(image);
  });
  await expect.poll(() => violations.filter((line) => line.includes(' blocked ')).length).toBe(3);
  const text = violations.join('\n');
  expect(text).toMatch(/script-src-elem blocked inline/);
  expect(text).toMatch(/style-src-attr blocked inline/);
  expect(text).toMatch(/img-src blocked https:\/\/example\.com/);
  expect(text).toMatch(/console error: Executing inline script violates/);
  await expect(page.title()).resolves.not.toBe('pwned');
  // KaTeX's own style attributes did apply: a strut has the height its attribute names.
  const strut = await page
    .locator('.katex .strut')
    .first()
    .evaluate((element) => ({ attribute: (element as HTMLElement).style.height, computed: getComputedStyle(element).height }));
  expect(strut.attribute).toMatch(/em$/);
  expect(strut.computed).not.toBe('auto');
});
