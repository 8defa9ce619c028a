/**
 * Builds the site the end-to-end tests run against, from notes imported into a throwaway folder:
 * the user's notes (content/dasc7606/notes.md) with realistic stand-ins for the screenshots they name
 * (scripts/lib/stand-in-screenshots.ts) and, when present, the second-course fixture (tests/fixtures/notes/ml-midterm.md). Then prints the PDFs, serves the site and hands base URL,
 * built folder and courses to the tests through `inject()`.
 *
 * The site is built and served under the project's SITE_BASE (a sub-path, as on GitHub Pages:
 * vitest.config.ts). How sites are built and reused: build-site.ts.
 */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeMissingScreenshots } from '../../../scripts/lib/stand-in-screenshots.ts';
import { serveStatic } from '../../../scripts/lib/static-server.ts';
import { IMAGE_FOLDER } from '../../../src/lib/content/layout.ts';
import { normalizeBase, parseCourseId, type CourseId } from '../../../src/lib/content/paths.ts';
import { buildSite, ROOT } from './build-site.ts';

export interface E2eCourse {
  /** Course id, the folder under content and dist. */
  id: CourseId;
  /** The notes file it was imported from, relative to the project. */
  notes: string;
  /** True for the user's own notes, false for the test fixture. */
  own: boolean;
  /** The exam date it is imported with (`--exam-date`), kept in its course.md. */
  examDate?: string;
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

const SOURCES: E2eCourse[] = [
  { id: parseCourseId('dasc7606'), notes: 'content/dasc7606/notes.md', own: true },
  { id: parseCourseId('ml-midterm'), notes: 'tests/fixtures/notes/ml-midterm.md', own: false, examDate: '2027-01-11' },
];

/** Screenshots the user already put in the real content folder come along; realistic ones stand in for the rest. */
async function addScreenshots(content: string, course: CourseId): Promise<void> {
  const images = join(ROOT, 'content', course, IMAGE_FOLDER);
  if (existsSync(images)) cpSync(images, join(content, course, IMAGE_FOLDER), { recursive: true, force: false });
  await writeMissingScreenshots(content, course);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = normalizeBase(project.config.env?.SITE_BASE);
  const courses = SOURCES.filter((course) => existsSync(join(ROOT, course.notes)));
  const own = courses.find((course) => course.own);
  const site = await buildSite('site', courses, {
    base,
    afterImport: async (content) => {
      if (own) await addScreenshots(content, own.id);
    },
  });
  const server = await serveStatic(site.dist, { base });
  project.provide('baseUrl', server.url + base.slice(0, -1));
  project.provide('dist', site.dist);
  project.provide('contentDir', site.content);
  project.provide('courses', courses);
  return () => server.close();
}
