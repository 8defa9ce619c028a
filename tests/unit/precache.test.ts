/**
 * What the offline service worker stores: Workbox's precache list of a small built site, and the
 * stored file a page request stands for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getManifest } from 'workbox-build';
import { manifestOptions } from '../../scripts/lib/offline.ts';
import { precachedFileUrl } from '../../src/lib/offline/precache.ts';

const dist = mkdtempSync(join(tmpdir(), 'precache-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const STORED = [
  'index.html',
  'search/index.html',
  'ml/s1/index.html',
  'ml/review/index.html',
  'ml/pdf/s1.pdf',
  'ml/pdf/paper-2023-oct.pdf',
  'favicon.ico',
  '_astro/Layout.DcH1Uju-.css',
  '_astro/urls.BLVsWTv1.js',
  '_astro/KaTeX_Main-Regular.Ab12Cd34.woff2',
  'fonts/print.css',
  '_astro/noto-sans-sc-print-400.Xy12Ab34.woff2',
  '_astro/7.B3xY9q.webp',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.zh_c6a6826ea8.pf_meta',
  'pagefind/wasm.unknown.pagefind',
  'pagefind/index/zh_4f1e2.pf_index',
  'pagefind/fragment/zh_99ab0.pf_fragment',
  'pagefind/filter/zh_77cd1.pf_filter',
  'pagefind/vocabulary.json',
  'pagefind/full/pagefind.js',
  'pagefind/full/pagefind-entry.json',
  'pagefind/full/pagefind.zh_0b1c2d3e4f.pf_meta',
  'pagefind/full/wasm.unknown.pagefind',
  'pagefind/full/index/zh_a1b2c.pf_index',
  'pagefind/full/fragment/zh_d3e4f.pf_fragment',
  'pagefind/full/filter/zh_5a6b7.pf_filter',
];
const NOT_STORED = [
  'sw.js',
  'pagefind/full/pagefind-ui.js',
  'pagefind/full/pagefind-worker.js',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-ui.css',
  'pagefind/pagefind-modular-ui.js',
  'pagefind/pagefind-component-ui.js',
  'pagefind/pagefind-highlight.js',
  'pagefind/pagefind-worker.js',
];

for (const file of [...STORED, ...NOT_STORED]) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), `contents of ${file}`);
}

describe('the precache list', () => {
  it('holds every page, asset, PDF and search file, and nothing the site never loads', async () => {
    const { manifestEntries, warnings } = await getManifest(manifestOptions(dist));
    expect(warnings).toEqual([]);
    expect(manifestEntries?.map((entry) => entry.url).sort()).toEqual(STORED.map((file) => `/${file}`).sort());
  });

  it('revisions files by content, except those whose name is already a hash of it', async () => {
    const { manifestEntries } = await getManifest(manifestOptions(dist));
    const revision = new Map(manifestEntries?.map((entry) => [entry.url, entry.revision]));
    for (const hashed of [
      '/_astro/urls.BLVsWTv1.js',
      '/pagefind/fragment/zh_99ab0.pf_fragment',
      '/pagefind/full/index/zh_a1b2c.pf_index',
      '/pagefind/pagefind.zh_c6a6826ea8.pf_meta',
    ])
      expect(revision.get(hashed), hashed).toBeNull();
    for (const named of [
      '/index.html',
      '/ml/pdf/s1.pdf',
      '/pagefind/pagefind-entry.json',
      '/pagefind/full/pagefind-entry.json',
      '/pagefind/vocabulary.json',
    ])
      expect(revision.get(named), named).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('precachedFileUrl', () => {
  it.each([
    ['https://example.org/revision/ml/s1/', 'https://example.org/revision/ml/s1/index.html'],
    ['https://example.org/revision/ml/s1/?highlight=mode+collapse#s1-q2', 'https://example.org/revision/ml/s1/index.html'],
    ['https://example.org/ml/s1/?test=1#s1-q2', 'https://example.org/ml/s1/index.html'],
    ['https://example.org/ml/pdf/s1.pdf', 'https://example.org/ml/pdf/s1.pdf'],
    ['https://example.org/', 'https://example.org/index.html'],
  ])('%s → %s', (request, stored) => {
    expect(precachedFileUrl(request)).toBe(stored);
  });
});
