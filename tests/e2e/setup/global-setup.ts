/**
 * Builds the site the end-to-end tests run against, from notes imported into a throwaway folder:
 * the user's notes (content/dasc7606/notes.md) with realistic stand-ins for the screenshots they name
 * (scripts/lib/stand-in-screenshots.ts) and, when present, the second-course fixture (tests/fixtures/notes/ml-midterm.md). Then prints the PDFs, serves the site and hands base URL,
 * built folder and courses to the tests through `inject()`.
 *
 * The `e2e-subpath` project does it all again with the site built and served under a sub-path
 * (SITE_BASE from its env, as on GitHub Pages), in .e2e-subpath/.
 *
 * E2E_REUSE_BUILD=1 keeps an existing .e2e/dist (for iterating on tests); CI always rebuilds.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeMissingScreenshots } from '../../../scripts/lib/stand-in-screenshots.ts';
import { serveStatic } from '../../../scripts/lib/static-server.ts';
import { IMAGE_FOLDER } from '../../../src/lib/content/layout.ts';
import { normalizeBase } from '../../../src/lib/site/urls.ts';
import { npmRun } from './npm.ts';

export interface E2eCourse {
  /** Course id, the folder under content and dist. */
  id: string;
  /** The notes file it was imported from, relative to the project. */
  notes: string;
  /** True for the user's own notes, false for the test fixture. */
  own: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * Where the served site starts, without a trailing slash: "http://127.0.0.1:40123", or
     * "http://127.0.0.1:40123/revision" under a sub-path; tests open baseUrl + "/dasc7606/s1/".
     */
    baseUrl: string;
    /** Absolute path of the built site. */
    dist: string;
    /** Absolute path of the imported content the site was built from. */
    contentDir: string;
    courses: E2eCourse[];
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');

const SOURCES: E2eCourse[] = [
  { id: 'dasc7606', notes: 'content/dasc7606/notes.md', own: true },
  { id: 'ml-midterm', notes: 'tests/fixtures/notes/ml-midterm.md', own: false },
];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = normalizeBase(project.config.env?.SITE_BASE);
  // E2E_WORK_DIR lets two test runs (say, two people's) build their sites side by side.
  const work = (process.env.E2E_WORK_DIR ? resolve(process.env.E2E_WORK_DIR) : join(ROOT, '.e2e')) + (base === '/' ? '' : '-subpath');
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  const reuse = process.env.E2E_REUSE_BUILD === '1' && !process.env.CI && existsSync(join(dist, 'index.html'));
  const courses = SOURCES.filter(
    (course) => existsSync(join(ROOT, course.notes)) && (!reuse || existsSync(join(content, course.id, 'course.md'))),
  );
  if (!reuse) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    for (const course of courses) {
      await npmRun('import', [course.notes, '--course', course.id, '--content', relative(ROOT, content)]);
      if (course.own) {
        // Screenshots the user already put in the real content folder come along; realistic ones stand in for the rest.
        const images = join(ROOT, 'content', course.id, IMAGE_FOLDER);
        if (existsSync(images)) cpSync(images, join(content, course.id, IMAGE_FOLDER), { recursive: true, force: false });
        await writeMissingScreenshots(content, course.id);
      }
    }
    // Its own Astro cache, so the test build never evicts (or reuses) the real site's.
    // The build prints the PDFs too.
    await npmRun('build', [], { CONTENT_DIR: content, SITE_OUT_DIR: dist, SITE_CACHE_DIR: join(work, 'cache'), SITE_BASE: base });
  }
  const server = await serveStatic(dist, { base });
  project.provide('baseUrl', server.url + base.slice(0, -1));
  project.provide('dist', dist);
  project.provide('contentDir', content);
  project.provide('courses', courses);
  return () => server.close();
}
