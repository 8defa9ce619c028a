import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The build's PDF step (rebuilds, its cache, fonts): a site of its own, built, edited and built
 * again, so it runs last and alone, as a student's machine would run the build.
 */
const PDF_BUILD = 'tests/e2e/pdf-build.test.ts';

/**
 * The browser tests: one built site shared by every file, one browser per file, two files at a
 * time (a file spends much of its time waiting on its browser, so two keep both cores busy).
 * A busy machine only slows them down: what they wait for (expect.poll included) may take 15 s.
 */
const e2e = {
  include: ['tests/e2e/**/*.test.ts'],
  exclude: [...configDefaults.exclude, PDF_BUILD],
  globalSetup: ['tests/e2e/setup/global-setup.ts'],
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 600_000,
  expect: { poll: { timeout: 15_000 } },
};

/**
 * The browser tests whose subject is a URL: every link, src and srcset of every page (PDFs and
 * screenshots included), pages loading their assets, search results, the offline copy, untrusted
 * notes going nowhere. How a page prints or a screenshot enlarges does not depend on the base.
 */
const SUBPATH_FILES = ['links', 'pages', 'search', 'offline', 'hostile-notes'];

export default defineConfig({
  test: {
    projects: [
      // Unit tests include real CLI runs (import, check), a few seconds each on a busy machine.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 2,
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      { test: { name: 'e2e', ...e2e, sequence: { groupOrder: 1 } } },
      // The files that follow URLs (links, search results, screenshots, PDFs, the offline copy, pages of
      // untrusted notes) again, on a site built and served under a sub-path as GitHub Pages serves it;
      // after the first, so the two never share the machine's cores. What only renders a page needs no second run.
      {
        test: {
          name: 'e2e-subpath',
          ...e2e,
          include: SUBPATH_FILES.map((name) => `tests/e2e/${name}.test.ts`),
          env: { SITE_BASE: '/revision/' },
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e-pdf-build',
          ...e2e,
          include: [PDF_BUILD],
          exclude: configDefaults.exclude,
          globalSetup: [],
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
