/**
 * The PDF cache (scripts/lib/pdf/cache.ts): a page is printed again when its HTML or anything it
 * loaded changed, or the printing environment did; otherwise its PDF comes from the cache.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PdfCache } from '../../../scripts/lib/pdf/cache.ts';

const PRINT_CSS = readFileSync(join(import.meta.dirname, '../../../src/styles/print.css'), 'utf8');
const STYLESHEET = '_astro/Layout.DcH1Uju-.css';
const PAGES = {
  s1: 'ml/s1/index.html',
  s2: 'ml/s2/index.html',
  paper: 'ml/papers/2023-oct/index.html',
};

let work: string;
let dist: string;
let cacheDir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

/** A built site as the build leaves it: pages that load the site's stylesheet (print.css inside) and a screenshot. */
function buildSite(): void {
  rmSync(dist, { recursive: true, force: true });
  write(STYLESHEET, `body{margin:0}\n${PRINT_CSS}`);
  write('_astro/7.B3xY9q.webp', 'RIFF-webp-bytes');
  for (const [name, page] of Object.entries(PAGES))
    write(page, `<!doctype html><title>${name}</title><link rel="stylesheet" href="/${STYLESHEET}">`);
}

/** One build's PDF step: reuses what it can, "prints" the rest; returns the pages it printed. */
function printStep(environment = 'chromium 156; fonts A; code 1'): string[] {
  const cache = new PdfCache(cacheDir, dist, environment);
  const printed: string[] = [];
  for (const page of Object.values(PAGES)) {
    if (cache.reuse(page, join(dist, page.replace('index.html', 'out.pdf')))) continue;
    printed.push(page);
    const resources = [STYLESHEET, ...(page === PAGES.s1 ? ['_astro/7.B3xY9q.webp'] : [])];
    cache.store(page, resources, new TextEncoder().encode(`%PDF-1.4 ${readFileSync(join(dist, page), 'utf8')}`));
  }
  cache.save();
  return printed;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
  dist = join(work, 'dist');
  cacheDir = join(work, 'cache');
  buildSite();
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('PdfCache', () => {
  it('prints every page the first time, and none when a new build changed nothing', () => {
    expect(printStep()).toEqual(Object.values(PAGES));
    buildSite();
    expect(printStep()).toEqual([]);
    // The reused PDF is the one printed before, copied into the new build.
    expect(readFileSync(join(dist, 'ml/s2/out.pdf'), 'utf8')).toBe(`%PDF-1.4 ${readFileSync(join(dist, PAGES.s2), 'utf8')}`);
  });

  it('reprints a page whose HTML changed, and not the others', () => {
    printStep();
    buildSite();
    write(PAGES.s2, `${readFileSync(join(dist, PAGES.s2), 'utf8')}<p>One question edited.</p>`);
    expect(printStep()).toEqual([PAGES.s2]);
    expect(printStep()).toEqual([]);
  });

  it('reprints every page when print.css changes', () => {
    printStep();
    buildSite();
    write(STYLESHEET, `body{margin:0}\n${PRINT_CSS.replace('size: A4;', 'size: A5;')}`);
    expect(printStep()).toEqual(Object.values(PAGES));
  });

  it('reprints the page whose screenshot changed under the same name', () => {
    printStep();
    buildSite();
    write('_astro/7.B3xY9q.webp', 'RIFF-other-bytes');
    expect(printStep()).toEqual([PAGES.s1]);
  });

  it('reprints every page for another Chromium, other fonts or other printing code', () => {
    printStep();
    expect(printStep('chromium 157; fonts A; code 1')).toEqual(Object.values(PAGES));
    expect(printStep('chromium 157; fonts B; code 1')).toEqual(Object.values(PAGES));
  });

  it('keeps two sites apart in one cache folder (the test suite builds at / and under /revision/)', () => {
    printStep();
    const first = dist;
    dist = join(work, 'dist-subpath');
    buildSite();
    for (const page of Object.values(PAGES)) write(page, readFileSync(join(dist, page), 'utf8').replaceAll('href="/', 'href="/revision/'));
    expect(printStep()).toEqual(Object.values(PAGES));
    dist = first;
    expect(printStep()).toEqual([]);
  });

  it('prints again when a cached PDF is gone or the manifest is damaged', () => {
    printStep();
    for (const file of readdirSync(cacheDir)) if (file.endsWith('.pdf')) rmSync(join(cacheDir, file));
    expect(printStep()).toEqual(Object.values(PAGES));
    writeFileSync(join(cacheDir, 'manifest.json'), '{not json');
    expect(printStep()).toEqual(Object.values(PAGES));
    expect(printStep()).toEqual([]);
  });
});
