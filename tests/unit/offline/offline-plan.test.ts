/**
 * Save for offline's plans (lib/offline/plan.ts, lib/offline/screenshots.ts): what a course's copy
 * holds on a device, what the reader is told first, what saving, updating and removing download
 * and delete when several courses share one store.
 */
import { describe, expect, it } from 'vitest';
import type { CourseManifest, OfflineFile, ScreenshotCandidate } from '../../../src/lib/offline/manifest.ts';
import {
  copyBreakdown,
  describeSizes,
  saveChoice,
  filesNoLongerNeeded,
  filesToDownload,
  filesToSave,
  formatBytes,
  planUpdate,
  saveSizes,
  type SavedCourse,
} from '../../../src/lib/offline/plan.ts';
import { parseSrcset, pickCandidate, storedAlternative } from '../../../src/lib/offline/screenshots.ts';
import { distPaths, parseCourseId } from '../../../src/lib/content/paths.ts';

const KB = 1024;
const file = (path: string, bytes = KB, revision = 'r1'): OfflineFile => ({ path: distPaths.file(path), bytes, revision });
const widths = (name: string, ...sizes: number[]): ScreenshotCandidate[] =>
  sizes.map((width) => ({ ...file(`_astro/${name}-${width}.webp`, width * 10), width }));

function manifest(course: string, changes: Partial<CourseManifest> = {}): CourseManifest {
  return {
    course: parseCourseId(course),
    pages: [file(''), file('search/'), file(`${course}/`), file(`${course}/s1/`, 60 * KB)],
    assets: [file('_astro/Layout.css', 40 * KB), file('_astro/KaTeX_Main.woff2', 9 * KB)],
    search: [file('pagefind/pagefind.js', 47 * KB), file(`pagefind/fragment/${course}_1.pf_fragment`)],
    screenshots: [widths(`${course}-q1`, 480, 960, 2100), [file(`_astro/${course}-scope.webp`, 20 * KB)]],
    pdfs: [file(`${course}/pdf/s1.pdf`, 700 * KB)],
    ...changes,
  };
}

const saved = (course: string, files: OfflineFile[], includePdfs = false): SavedCourse => ({
  course: parseCourseId(course),
  revision: 'old',
  includePdfs,
  savedAt: '2026-05-01T00:00:00.000Z',
  files,
  screenshots: [],
});

const paths = (files: { path: string }[]): string[] => files.map((entry) => entry.path).sort();
const PHONE = { slotWidth: 390, devicePixelRatio: 3 };
const LAPTOP = { slotWidth: 736, devicePixelRatio: 1 };

describe('a course copy on this device', () => {
  it('holds every page, asset and search file, one width of each screenshot, and PDFs only when chosen', () => {
    const onPhone = filesToSave(manifest('ml'), { ...PHONE, includePdfs: false });
    expect(paths(onPhone)).toEqual(
      [
        '',
        'search/',
        'ml/',
        'ml/s1/',
        '_astro/Layout.css',
        '_astro/KaTeX_Main.woff2',
        'pagefind/pagefind.js',
        'pagefind/fragment/ml_1.pf_fragment',
        '_astro/ml-q1-2100.webp',
        '_astro/ml-scope.webp',
      ].sort(),
    );
    expect(paths(filesToSave(manifest('ml'), { ...LAPTOP, includePdfs: true }))).toEqual(
      paths([...onPhone.filter((entry) => !entry.path.includes('q1')), file('_astro/ml-q1-960.webp'), file('ml/pdf/s1.pdf')]),
    );
  });

  it('keeps the width it already stored while the image is the same', () => {
    const stored = new Set(['_astro/ml-q1-480.webp']);
    const files = filesToSave(manifest('ml'), { ...LAPTOP, includePdfs: false }, stored);
    expect(paths(files).filter((path) => path.includes('q1'))).toEqual(['_astro/ml-q1-480.webp']);
  });

  it('says what it will store before anything starts', () => {
    const sizes = saveSizes(manifest('ml'), LAPTOP);
    expect(sizes.withPdfs - sizes.withoutPdfs).toBe(700 * KB);
    expect(describeSizes(23, sizes)).toBe(`23 questions · ${formatBytes(sizes.withoutPdfs)} · with PDFs ${formatBytes(sizes.withPdfs)}`);
    expect(describeSizes(1, saveSizes(manifest('ml', { pdfs: [] }), LAPTOP))).toBe(`1 question · ${formatBytes(sizes.withoutPdfs)}`);
  });

  it('adds up by kind to what it stores, for the README table', () => {
    const breakdown = copyBreakdown(manifest('ml'), LAPTOP);
    expect(breakdown.screenshots).toEqual({ files: 2, bytes: 9600 + 20 * KB });
    expect(breakdown.pdfs).toEqual({ files: 1, bytes: 700 * KB });
    const parts = Object.values(breakdown);
    expect(parts.reduce((sum, part) => sum + part.bytes, 0)).toBe(saveSizes(manifest('ml'), LAPTOP).withPdfs);
  });

  it.each([
    [0, '0 KB'],
    [512, '1 KB'],
    [640 * KB, '640 KB'],
    [1.1 * 1024 * KB, '1.1 MB'],
    [8.74 * 1024 * KB, '8.7 MB'],
    [10 * 1024 * 1024 * KB, '10 GB'],
    [1.25 * 1024 * 1024 * KB, '1.3 GB'],
  ])('writes %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('what the Save for offline panel says of a choice', () => {
  const MB = 1024 * KB;
  const sizes = { withoutPdfs: 3 * MB, withPdfs: 11 * MB };
  const choice = { includePdfs: false, saved: false, free: undefined, saveData: false };

  it('downloads the copy, with the PDFs when asked; a saved copy downloads only its PDFs', () => {
    expect(saveChoice(sizes, choice)).toEqual({ label: 'Save 3.0 MB', note: '', enoughRoom: true });
    expect(saveChoice(sizes, { ...choice, includePdfs: true }).label).toBe('Save 11.0 MB');
    expect(saveChoice(sizes, { ...choice, includePdfs: true, saved: true }).label).toBe('Save 8.0 MB');
  });

  it('says how much room is left, and refuses a copy that does not fit', () => {
    expect(saveChoice(sizes, { ...choice, free: 500 * MB })).toMatchObject({
      note: 'The browser lets this site store 500.0 MB more.',
      enoughRoom: true,
    });
    expect(saveChoice(sizes, { ...choice, free: 2 * MB })).toEqual({
      label: 'Save 3.0 MB',
      note: 'Not enough room: this needs 3.0 MB and the browser lets this site store 2.0 MB more.',
      enoughRoom: false,
    });
    expect(saveChoice(sizes, { ...choice, free: -KB }).note).toContain('store 0 KB more');
  });

  it('reminds a reader who asked to save data what it downloads', () => {
    expect(saveChoice(sizes, { ...choice, saveData: true, free: 500 * MB }).note).toBe(
      'Your browser asks to save data: this downloads 3.0 MB. The browser lets this site store 500.0 MB more.',
    );
  });
});

describe('saving beside other saved courses', () => {
  it('downloads only what the store does not already hold, as the same revision', () => {
    const other = saved('dl', [file(''), file('search/', KB, 'r0'), file('_astro/Layout.css', 40 * KB)]);
    const files = filesToSave(manifest('ml'), { ...LAPTOP, includePdfs: false });
    const download = paths(filesToDownload(files, [other]));
    expect(download).not.toContain('');
    expect(download).not.toContain('_astro/Layout.css');
    // Same path, another revision (the other copy is older): downloaded.
    expect(download).toContain('search/');
    expect(download).toContain('ml/s1/');
  });

  it('removing a copy deletes only what no other saved course needs', () => {
    const ml = saved('ml', filesToSave(manifest('ml'), { ...LAPTOP, includePdfs: true }), true);
    const dl = saved('dl', filesToSave(manifest('dl'), { ...LAPTOP, includePdfs: true }), true);
    const removed = filesNoLongerNeeded(ml.files, [dl]);
    expect(removed).toEqual(
      expect.arrayContaining(['ml/', 'ml/s1/', 'ml/pdf/s1.pdf', 'pagefind/fragment/ml_1.pf_fragment', '_astro/ml-q1-960.webp']),
    );
    expect(removed.filter((path) => ['', 'search/', '_astro/Layout.css', 'pagefind/pagefind.js'].includes(path))).toEqual([]);
    expect(filesNoLongerNeeded(ml.files, [])).toHaveLength(ml.files.length);
  });
});

describe('after a new build', () => {
  const before = manifest('ml');
  const copy = saved('ml', filesToSave(before, { ...LAPTOP, includePdfs: false }));

  it('downloads only the changed and new files, and deletes what the course no longer has', () => {
    const after = manifest('ml', {
      pages: [...before.pages.filter((page) => page.path !== 'ml/s1/'), file('ml/s1/', 61 * KB, 'r2'), file('ml/s2/')],
      screenshots: [[file('_astro/ml-scope.webp', 20 * KB)]],
    });
    const plan = planUpdate(copy, after, { ...LAPTOP, includePdfs: false }, []);
    expect(paths(plan.download)).toEqual(['ml/s1/', 'ml/s2/']);
    expect(plan.download.find((entry) => entry.path === 'ml/s1/')?.revision).toBe('r2');
    expect(plan.remove).toEqual(['_astro/ml-q1-960.webp']);
    expect(paths(plan.files)).toEqual(paths(filesToSave(after, { ...LAPTOP, includePdfs: false })));
  });

  it('downloads nothing when nothing changed, on any screen', () => {
    const plan = planUpdate(copy, before, { ...PHONE, includePdfs: false }, []);
    expect(plan.download).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('keeps a file another saved course still needs', () => {
    const after = manifest('ml', { search: [file('pagefind/fragment/ml_1.pf_fragment')] });
    const other = saved('dl', [file('pagefind/pagefind.js', 47 * KB)]);
    expect(planUpdate(copy, after, { ...LAPTOP, includePdfs: false }, [other]).remove).toEqual([]);
    expect(planUpdate(copy, after, { ...LAPTOP, includePdfs: false }, []).remove).toEqual(['pagefind/pagefind.js']);
  });
});

describe('screenshot widths', () => {
  it('reads srcset candidates with width or density descriptors', () => {
    expect(parseSrcset('/a-480.webp 480w, /a-960.webp 960w')).toEqual([
      { url: '/a-480.webp', width: 480, density: undefined },
      { url: '/a-960.webp', width: 960, density: undefined },
    ]);
    expect(parseSrcset('/b.webp, /b@2x.webp 2x')).toEqual([
      { url: '/b.webp', width: undefined, density: undefined },
      { url: '/b@2x.webp', width: undefined, density: 2 },
    ]);
  });

  it('picks, as the browser does, the smallest width that fills the slot at the pixel ratio, else the largest', () => {
    const candidates = widths('q', 480, 960, 2100);
    expect(pickCandidate(candidates, 390, 1).width).toBe(480);
    expect(pickCandidate(candidates, 390, 2).width).toBe(960);
    expect(pickCandidate(candidates, 736, 2).width).toBe(2100);
    expect(pickCandidate(candidates, 1400, 2).width).toBe(2100);
    const densities = [file('b.webp'), { ...file('b@2x.webp'), density: 2 }, { ...file('b@1x.webp'), density: 1 }];
    expect(pickCandidate(densities, 700, 2).path).toBe('b@2x.webp');
    expect(pickCandidate(densities, 700, 1).path).toBe('b@1x.webp');
    expect(pickCandidate([file('only.webp')], 390, 3).path).toBe('only.webp');
  });

  it('answers a request for an unstored width with the stored width of the same image', () => {
    const images = [
      ['a-480.webp', 'a-960.webp'],
      ['b-480.webp', 'b-960.webp'],
    ];
    const stored = new Set(['a-960.webp']);
    expect(storedAlternative('a-480.webp', images, stored)).toBe('a-960.webp');
    expect(storedAlternative('b-480.webp', images, stored)).toBeUndefined();
    expect(storedAlternative('c.webp', images, stored)).toBeUndefined();
  });
});
