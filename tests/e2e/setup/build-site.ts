/**
 * Builds a site for browser tests from notes imported into a throwaway folder, as a student would:
 * `npm run import` for each course, then `npm run build` (PDFs included). The shared site
 * (global-setup.ts) and the sites of their own (hostile notes, notes in other styles) are made here.
 *
 * E2E_REUSE_BUILD=1 reuses a site while iterating on tests, but only one built from the same notes
 * and the same code (a digest of both is kept beside it), never in CI; the import's and build's
 * output are kept too, so tests that read them assert the same on a reused site.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { filesDigest } from '../../../scripts/lib/files.ts';
import { normalizeBase } from '../../../src/lib/content/paths.ts';
import { urls } from '../../../src/lib/site/urls.ts';
import { npmRun } from './npm.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface SiteCourse {
  /** Course id. */
  id: string;
  /** The notes file or folder, relative to the project. */
  notes: string;
  /** The exam date to import it with (`--exam-date`). */
  examDate?: string | undefined;
  /** Who wrote the notes (`--author`): several notes of one course are a study group's. */
  author?: string | undefined;
}

export interface BuiltSite {
  /** Where the site was built and its content imported. */
  work: string;
  dist: string;
  content: string;
  /** What `npm run import` printed for each course (each notes file: `<course>` or `<course>/<notes file>`), and what `npm run build` printed. */
  importOutput: Record<string, string>;
  buildOutput: string;
}

interface SiteOptions {
  /** The base the site is built for: the test's SITE_BASE (urls.base) by default, which serveStatic serves it under. */
  base?: string | undefined;
  /** False builds without PDFs (`--no-pdfs`), for sites whose tests read no PDF. */
  pdfs?: boolean | undefined;
  /** Runs after the import, before the build (e.g. to add screenshots to the content). */
  afterImport?: ((content: string) => Promise<void>) | undefined;
}

/** The folder sites are built in: .e2e/ in the project, or E2E_WORK_DIR (two runs side by side). */
export function e2eWorkDir(): string {
  return process.env.E2E_WORK_DIR ? resolve(process.env.E2E_WORK_DIR) : join(ROOT, '.e2e');
}

/**
 * The PDF cache the test sites share, beside their folders (which each build empties): a page whose
 * HTML, stylesheets, fonts, screenshots, Chromium and printing code are all unchanged since an
 * earlier run prints to the same PDF, so it is not printed again (scripts/lib/pdf/cache.ts). The
 * tests of printing itself (pdf-build.test.ts) build with a cache of their own.
 */
export function sharedPdfCacheDir(): string {
  return `${e2eWorkDir()}-pdf-cache`;
}

const siteBase = (options: SiteOptions): string => normalizeBase(options.base ?? urls.base);

/** What a site is made from: its notes, the site's code and its dependencies. */
function inputsDigest(courses: SiteCourse[], options: SiteOptions): string {
  const inputs = [
    ...courses.map((course) => join(ROOT, course.notes)),
    ...['src', 'scripts', 'tests/e2e/setup', 'astro.config.mjs', 'package-lock.json'].map((path) => join(ROOT, path)),
  ];
  return filesDigest(
    ROOT,
    inputs,
    createHash('sha256')
      .update(siteBase(options))
      .update(courses.map((course) => `${course.id} ${course.author ?? ''}`).join('\n'))
      .update(`pdfs: ${options.pdfs !== false}`),
  );
}

export async function buildSite(name: string, courses: SiteCourse[], options: SiteOptions = {}): Promise<BuiltSite> {
  const work = join(e2eWorkDir(), name);
  const site: BuiltSite = { work, dist: join(work, 'dist'), content: join(work, 'content'), importOutput: {}, buildOutput: '' };
  const stamp = join(work, 'inputs.sha256');
  const outputs = join(work, 'outputs.json');
  const digest = inputsDigest(courses, options);
  const reusable = process.env.E2E_REUSE_BUILD === '1' && !process.env.CI && existsSync(outputs) && readFileSync(stamp, 'utf8') === digest;
  if (reusable) return { ...site, ...(JSON.parse(readFileSync(outputs, 'utf8')) as Pick<BuiltSite, 'importOutput' | 'buildOutput'>) };

  rmSync(work, { recursive: true, force: true });
  mkdirSync(site.content, { recursive: true });
  for (const course of courses) {
    const examDate = course.examDate ? ['--exam-date', course.examDate] : [];
    const author = course.author ? ['--author', course.author] : [];
    const key = site.importOutput[course.id] === undefined ? course.id : `${course.id}/${basename(course.notes)}`;
    site.importOutput[key] = await npmRun('import', [
      course.notes,
      '--course',
      course.id,
      '--content',
      relative(ROOT, site.content),
      ...examDate,
      ...author,
    ]);
  }
  await options.afterImport?.(site.content);
  // Its own Astro cache, so the test build never evicts (or reuses) the real site's.
  site.buildOutput = await npmRun('build', options.pdfs === false ? ['--no-pdfs'] : [], {
    CONTENT_DIR: site.content,
    SITE_OUT_DIR: site.dist,
    SITE_CACHE_DIR: join(work, 'cache'),
    PDF_CACHE_DIR: sharedPdfCacheDir(),
    SITE_BASE: siteBase(options),
  });
  writeFileSync(outputs, JSON.stringify({ importOutput: site.importOutput, buildOutput: site.buildOutput }));
  writeFileSync(stamp, digest);
  return site;
}
