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
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 600_000,
  expect: { poll: { timeout: 15_000 } },
};

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
      // Every site these files build (the shared one and their own) is built and served under a
      // sub-path, as GitHub Pages serves it: the harder case for every link, asset, search result,
      // PDF and the offline worker's scope. The site at the root is pdf-build.test.ts's.
      {
        test: {
          name: 'e2e',
          ...e2e,
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, PDF_BUILD],
          globalSetup: ['tests/e2e/setup/global-setup.ts'],
          env: { SITE_BASE: '/revision/' },
          sequence: { groupOrder: 1 },
        },
      },
      { test: { name: 'e2e-pdf-build', ...e2e, include: [PDF_BUILD], sequence: { groupOrder: 2 } } },
    ],
  },
});
