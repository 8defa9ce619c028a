/**
 * npm run build [-- --no-pdfs] [-- --strict] [-- --only <step>[,<step>…] [--no-cache]]: the site in dist/
 * (SITE_OUT_DIR). A character no font has is marked on the page and warned about with its file and
 * line; --strict fails the build on it instead.
 * The steps (scripts/lib/build-steps.ts) run in order, each saying what it is doing and how far:
 * Astro builds the pages, then KaTeX font subsetting, the print fonts, the search index, the Anki
 * export, the PDFs and the offline service worker work on the built pages. At the end, one line
 * per step with its time. Font subsets and PDFs of unchanged pages come from caches outside dist/
 * (scripts/lib/cache-dirs.ts); when nothing the site is built from changed since the last build
 * and dist/ is as it left it, nothing runs (scripts/lib/up-to-date.ts).
 *
 * `--only pdf` runs that step alone on the built site (then the offline step, whose lists name
 * every built file); `--no-cache` prints every PDF again instead of reusing unchanged ones.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { buildThreads, outDirectory } from '../src/lib/site/build-options.ts';
import { BUILD_STEPS, runSteps, stepsToRun, type BuildContext } from './lib/build-steps.ts';
import { stepCacheDir } from './lib/cache-dirs.ts';
import { runCli } from './lib/cli.ts';
import { stepLine, summaryLines } from './lib/progress.ts';
import { inputsDigest, outputDigest, readBuildStamp, writeBuildStamp } from './lib/up-to-date.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      'no-pdfs': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  // Part of what the last build is compared with (scripts/lib/up-to-date.ts).
  if (values.strict) process.env.SITE_STRICT = 'on';
  const context: BuildContext = {
    dist: outDirectory(),
    contentDir: contentDirectory(),
    cacheDir: (step) => stepCacheDir(step),
    output: process.stderr,
    options: {
      pdfs: !values['no-pdfs'] && process.env.SITE_PDFS !== 'off',
      cache: !values['no-cache'],
      strict: values.strict,
      threads: buildThreads(),
    },
  };
  const { dist } = context;
  if (values.only !== undefined) {
    const steps = stepsToRun(BUILD_STEPS, context.options, values.only.split(',').filter(Boolean));
    for (const result of await runSteps(steps, context)) console.log(stepLine(result));
    return;
  }
  // Without PDFs, the build needs no Chromium at all.
  const printing = context.options.pdfs ? (await import('./lib/pdf/print-pdfs.ts')).printEnvironment() : 'no PDFs';
  const env = { ...process.env, SITE_PDFS: context.options.pdfs ? undefined : 'off' };
  const inputs = inputsDigest({ contentDir: context.contentDir, env, printEnvironment: printing });
  const last = readBuildStamp(stepCacheDir('build'));
  if (last?.inputs === inputs && existsSync(dist) && last.output === outputDigest(dist)) {
    console.log(`${dist}/ is up to date: nothing it is built from changed since the last build.`);
    return;
  }
  const results = await runSteps(stepsToRun(BUILD_STEPS, context.options), context);
  writeBuildStamp(stepCacheDir('build'), { inputs, output: outputDigest(dist) });
  console.log(['', `Built ${dist}/:`, ...summaryLines(results)].join('\n'));
});
