/**
 * What the offline service worker stores when it installs: Workbox's list of a small built site's
 * shell (styles and scripts) and nothing else, and the key a request is stored under.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getManifest } from 'workbox-build';
import { shellOptions } from '../../../scripts/lib/offline.ts';
import { storedUrl } from '../../../src/lib/offline/precache.ts';

const dist = mkdtempSync(join(tmpdir(), 'precache-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const SHELL = ['_astro/Layout.DcH1Uju-.css', '_astro/urls.BLVsWTv1.js', '_astro/ui.Bp2eZbck.js'];
const NOT_ON_INSTALL = [
  'favicon.ico',
  'index.html',
  'search/index.html',
  'ml/s1/index.html',
  'ml/offline.json',
  'offline.json',
  'ml/pdf/s1.pdf',
  '_astro/KaTeX_Main-Regular.Ab12Cd34.woff2',
  'fonts/print.css',
  '_astro/noto-sans-sc-print-400.Xy12Ab34.woff2',
  '_astro/7.B3xY9q.webp',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/fragment/zh_99ab0.pf_fragment',
  'pagefind/vocabulary.json',
  'sw.js',
];

for (const file of [...SHELL, ...NOT_ON_INSTALL]) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), `contents of ${file}`);
}

describe('the shell the worker stores on install', () => {
  it('is the styles and scripts: no page, font, screenshot, PDF or search file', async () => {
    const { manifestEntries, warnings } = await getManifest(shellOptions(dist));
    expect(warnings).toEqual([]);
    expect(manifestEntries?.map((entry) => entry.url).sort()).toEqual(SHELL.map((file) => `/${file}`).sort());
  });

  it('takes their names, hashes of their content, as their revisions', async () => {
    const { manifestEntries } = await getManifest(shellOptions(dist));
    expect(manifestEntries?.map((entry) => entry.revision)).toEqual(SHELL.map(() => null));
  });
});

describe('storedUrl', () => {
  it.each([
    ['https://example.org/revision/ml/s1/', 'https://example.org/revision/ml/s1/'],
    ['https://example.org/revision/ml/s1/?highlight=mode+collapse#s1-q2', 'https://example.org/revision/ml/s1/'],
    ['https://example.org/ml/s1/?test=1#s1-q2', 'https://example.org/ml/s1/'],
    ['https://example.org/ml/pdf/s1.pdf', 'https://example.org/ml/pdf/s1.pdf'],
    ['https://example.org/', 'https://example.org/'],
  ])('%s → %s', (request, stored) => {
    expect(storedUrl(request)).toBe(stored);
  });
});
