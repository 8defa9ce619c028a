/**
 * What Save for offline stores per course, worked out at build from a small built site of two
 * courses with a real Pagefind index (scripts/lib/offline.ts reads it, lib/offline/manifest.ts decides):
 * the course's pages and nothing of the other course's, and revisions that change with the files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltSite, writeOfflineManifests } from '../../../scripts/lib/offline.ts';
import { courseManifest, isCourseManifest, isOfflineIndex } from '../../../src/lib/offline/manifest.ts';
import { courseIndexPath, SEARCH_ROOT } from '../../../src/lib/search/indexes.ts';
import { pageImages } from '../../../src/lib/offline/page-images.ts';
import { parseCourseId } from '../../../src/lib/content/paths.ts';

const dist = mkdtempSync(join(tmpdir(), 'offline-manifest-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${body}</main></body></html>`;

const FILES: Record<string, string> = {
  'index.html': page('<a href="/ml/">ML</a> <a href="/dl/">DL</a>'),
  'search/index.html': page('search'),
  'ml/index.html': page('<img src="/_astro/scope.A1.webp" width="10" height="10" alt="">'),
  'ml/s1/index.html': page(
    '<img src="/_astro/q1.B2.webp" srcset="/_astro/q1.B2-480.webp 480w, /_astro/q1.B2-960.webp 960w, /_astro/q1.B2.webp 2100w" width="10" height="10" alt="">',
  ),
  'ml/papers/2023-oct/index.html': page('<img src="/_astro/q1.B2.webp" width="10" height="10" alt="">'),
  'ml/review/index.html': page('review'),
  // A long page's later questions, in a file beside it.
  'ml/s1/questions-2.html': page('<img src="/_astro/q2.D4.webp" width="10" height="10" alt="">'),
  '_astro/q2.D4.webp': 'image q2',
  'ml/pdf/s1.pdf': '%PDF ml s1',
  'ml/pdf/paper-2023-oct.pdf': '%PDF ml paper',
  'dl/index.html': page('dl'),
  'dl/s1/index.html': page('<img src="/_astro/dl.C3.webp" width="10" height="10" alt="">'),
  'dl/pdf/s1.pdf': '%PDF dl s1',
  '_astro/Layout.X1.css': 'css',
  '_astro/urls.Y2.js': 'js',
  '_astro/KaTeX_Main-Regular.Z3.woff2': 'font',
  '_astro/scope.A1.webp': 'image scope',
  '_astro/q1.B2.webp': 'image q1 2100',
  '_astro/q1.B2-480.webp': 'image q1 480',
  '_astro/q1.B2-960.webp': 'image q1 960',
  '_astro/dl.C3.webp': 'image dl',
  'favicon.ico': 'icon',
  'pagefind/vocabulary.json': '{}',
  'pagefind/courses.json': '{"courses":["dl","ml"]}',
  'pagefind/courses/ml/vocabulary.json': '{}',
  'pagefind/courses/dl/vocabulary.json': '{}',
  'pagefind/pagefind-ui.js': 'never loaded',
  'sw.js': 'worker',
};

beforeAll(async () => {
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), content);
  }
  // Real Pagefind indexes, laid out as scripts/lib/search-index.ts writes them: the root index with
  // Pagefind's code, and each course's Latin and full index.
  const write = async (path: string, records: [string, string][]): Promise<void> => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error('Pagefind did not start');
    for (const [url, text] of records) await index.addHTMLFile({ url, content: page(`<h1>${text}</h1><p>${text}</p>`) });
    await index.writeFiles({ outputPath: join(dist, path) });
  };
  await write(SEARCH_ROOT, [['/search/', 'search']]);
  const ml: [string, string][] = [
    ['/ml/s1/#s1-q1', 'overfitting and regularisation'],
    ['/ml/s1/#s1-q2', 'gradient descent'],
  ];
  const dl: [string, string][] = [['/dl/s1/#s1-q1', 'mode collapse in generative adversarial networks']];
  for (const [course, records] of [
    ['ml', ml],
    ['dl', dl],
  ] as const) {
    await write(courseIndexPath(parseCourseId(course), 'latin'), records);
    await write(courseIndexPath(parseCourseId(course), 'full'), records);
  }
  await pagefind.close();
}, 60_000);

const paths = (files: { path: string }[]): string[] => files.map((file) => file.path).sort();

describe("a course's offline manifest", () => {
  it('holds its own pages with the home and search page, and no page of the other course', async () => {
    const manifest = courseManifest(await readBuiltSite(dist), parseCourseId('ml'));
    expect(paths(manifest.pages)).toEqual(['', 'ml/', 'ml/papers/2023-oct/', 'ml/review/', 'ml/s1/', 'ml/s1/questions-2.html', 'search/']);
    expect(paths(courseManifest(await readBuiltSite(dist), parseCourseId('dl')).pages)).toEqual(['', 'dl/', 'dl/s1/', 'search/']);
  });

  it('holds the screenshots its pages show, each image once with every width a page offers, and only its PDFs', async () => {
    const manifest = courseManifest(await readBuiltSite(dist), parseCourseId('ml'));
    // The paper page shows q1 without srcset, the section page with: one image, three widths.
    expect(manifest.screenshots.map((candidates) => candidates.map((candidate) => [candidate.path, candidate.width]))).toEqual([
      [
        ['_astro/q1.B2-480.webp', 480],
        ['_astro/q1.B2-960.webp', 960],
        ['_astro/q1.B2.webp', 2100],
      ],
      // The later questions' screenshot, from their file.
      [['_astro/q2.D4.webp', undefined]],
      [['_astro/scope.A1.webp', undefined]],
    ]);
    expect(paths(manifest.pdfs)).toEqual(['ml/pdf/paper-2023-oct.pdf', 'ml/pdf/s1.pdf']);
  });

  it('holds the styles, scripts, fonts and favicon, never the worker or the manifests', async () => {
    const manifest = courseManifest(await readBuiltSite(dist), parseCourseId('ml'));
    expect(paths(manifest.assets)).toEqual([
      '_astro/KaTeX_Main-Regular.Z3.woff2',
      '_astro/Layout.X1.css',
      '_astro/urls.Y2.js',
      'favicon.ico',
    ]);
    const everything = [manifest.pages, manifest.assets, manifest.search, manifest.pdfs, ...manifest.screenshots]
      .flat()
      .map((file) => file.path);
    expect(everything.filter((path) => /sw\.js|offline\.json|pagefind-ui/.test(path))).toEqual([]);
  });

  it("holds Pagefind's code, the root index and the list of courses, its own course's index and vocabulary, and nothing of the other's", async () => {
    const site = await readBuiltSite(dist);
    const ml = courseManifest(site, parseCourseId('ml')).search.map((file) => file.path);
    const dl = courseManifest(site, parseCourseId('dl')).search.map((file) => file.path);
    const own = (list: string[], course: string): string[] => list.filter((path) => path.startsWith(`pagefind/courses/${course}/`));
    expect(own(ml, 'ml').filter((path) => path.includes('/fragment/'))).toHaveLength(4);
    expect(own(ml, 'ml')).toEqual(
      expect.arrayContaining([
        'pagefind/courses/ml/pagefind-entry.json',
        'pagefind/courses/ml/full/pagefind-entry.json',
        'pagefind/courses/ml/vocabulary.json',
      ]),
    );
    expect(own(ml, 'dl')).toEqual([]);
    expect(own(dl, 'ml')).toEqual([]);
    expect(own(dl, 'dl').filter((path) => path.includes('/fragment/'))).toHaveLength(2);
    const shared = ml.filter((path) => !path.startsWith('pagefind/courses/'));
    expect(shared).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/courses.json']));
    expect(shared.some((path) => /^pagefind\/wasm\./.test(path))).toBe(true);
    expect(shared.some((path) => /^pagefind\/index\//.test(path))).toBe(true);
    // The site-wide vocabulary serves a search of every course, which the saved copy cannot answer.
    expect(shared).not.toContain('pagefind/vocabulary.json');
    expect(dl.filter((path) => !path.startsWith('pagefind/courses/'))).toEqual(shared);
  });

  it('gives every file its size as stored (text gzipped, as the saved store keeps it) and content hash', async () => {
    const manifest = courseManifest(await readBuiltSite(dist), parseCourseId('ml'));
    const page = manifest.pages.find((file) => file.path === 'ml/s1/');
    expect(page?.stored).toBe('gzip');
    expect(page?.bytes).toBe(gzipSync(FILES['ml/s1/index.html'] ?? '').length);
    expect(page?.revision).toMatch(/^[0-9a-f]{16}$/);
    const font = manifest.assets.find((file) => file.path.endsWith('.woff2'));
    expect(font).toMatchObject({ bytes: Buffer.byteLength(FILES['_astro/KaTeX_Main-Regular.Z3.woff2'] ?? '') });
    expect(font?.stored).toBeUndefined();
    for (const file of manifest.search.filter((entry) => entry.path.includes('/fragment/'))) expect(file.stored).toBeUndefined();
    expect(new Set([manifest.pages, manifest.assets].flat().map((file) => file.revision)).size).toBe(
      manifest.pages.length + manifest.assets.length,
    );
  });
});

describe('the manifests the build writes', () => {
  it("are valid, and a change to one course's page changes that course's revision only", async () => {
    const manifests = await writeOfflineManifests(dist);
    expect(manifests.map((manifest) => manifest.course)).toEqual(['dl', 'ml']);
    const read = (file: string): unknown => JSON.parse(readFileSync(join(dist, file), 'utf8'));
    expect(isCourseManifest(read('ml/offline.json'))).toBe(true);
    const before = read('offline.json');
    if (!isOfflineIndex(before)) throw new Error('no offline index');

    writeFileSync(join(dist, 'ml/s1/index.html'), page('edited after the exam'));
    await writeOfflineManifests(dist);
    const afterPage = read('offline.json');
    if (!isOfflineIndex(afterPage)) throw new Error('no offline index');
    expect(afterPage.courses.ml).not.toBe(before.courses.ml);
    expect(afterPage.courses.dl).toBe(before.courses.dl);

    // A file both courses store (the search page) changes both.
    writeFileSync(join(dist, 'search/index.html'), page('search, rebuilt'));
    await writeOfflineManifests(dist);
    const afterShared = read('offline.json');
    if (!isOfflineIndex(afterShared)) throw new Error('no offline index');
    expect(afterShared.courses.dl).not.toBe(afterPage.courses.dl);
    expect(afterShared.courses.ml).not.toBe(afterPage.courses.ml);
  });

  it('refuses shapes the browser code could not use', () => {
    expect(isCourseManifest({ course: 'ml', pages: [] })).toBe(false);
    expect(isCourseManifest({ course: 'ml', pages: [{ path: 'x' }], assets: [], search: [], pdfs: [], screenshots: [] })).toBe(false);
    expect(isOfflineIndex({ courses: { ml: 3 } })).toBe(false);
  });
});

describe('reading the built site', () => {
  it("finds every image's sources: src, srcset widths and densities, and a picture's sources; not a screenshot's print twin", () => {
    const html = page(
      [
        '<img src="/a.webp" alt="">',
        '<img class="screenshot-print" src="/a-print.jpg" loading="lazy" alt="">',
        '<img src="/b.webp" srcset="/b-1x.webp 1x, /b-2x.webp 2x" alt="">',
        '<picture><source type="image/avif" srcset="/c-480.avif 480w, /c-960.avif 960w"><img src="/c.webp" srcset="/c-480.webp 480w" alt=""></picture>',
      ].join(''),
    );
    expect(pageImages(html)).toEqual([
      [{ url: '/a.webp' }],
      [{ url: '/b.webp' }, { url: '/b-1x.webp', width: undefined, density: 1 }, { url: '/b-2x.webp', width: undefined, density: 2 }],
      [
        { url: '/c-480.avif', width: 480, density: undefined },
        { url: '/c-960.avif', width: 960, density: undefined },
        { url: '/c.webp' },
        { url: '/c-480.webp', width: 480, density: undefined },
      ],
    ]);
  });
});
