/**
 * npm run build [-- --no-pdfs] [-- --strict]: the site in dist/ (SITE_OUT_DIR). A character no font has is
 * marked on the page and warned about with its file and line; --strict fails the build on it instead. Astro builds the pages (and says how far it is),
 * then the steps that work on the built pages run in this process, each saying what it is doing
 * and how far: KaTeX font subsetting, the print fonts, the search index, the Anki export, the PDFs, the offline service worker.
 * At the end, one line per step with its time. Font subsets and PDFs of unchanged pages come
 * from caches outside dist/ (scripts/lib/cache-dirs.ts); when nothing the site is built from
 * changed since the last build and dist/ is as it left it, nothing runs (scripts/lib/up-to-date.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { urls } from '../src/lib/site/urls.ts';
import { stepCacheDir } from './lib/cache-dirs.ts';
import { runCli } from './lib/cli.ts';
import { summaryLines, type StepResult } from './lib/progress.ts';
import { inputsDigest, outputDigest, readBuildStamp, writeBuildStamp } from './lib/up-to-date.ts';

const ASTRO = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');

/** `astro build` in its own process (its memory is freed before the next steps), its output shown as it comes. */
async function astroBuild(dist: string): Promise<StepResult> {
  const started = performance.now();
  const code = await new Promise<number | null>((done, fail) =>
    // A production build whatever NODE_ENV the caller has (vitest's is "test"): Vite reads it for
    // import.meta.env.DEV, and pages' scripts must not take the dev server's paths.
    spawn(process.execPath, [ASTRO, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
      .on('error', fail)
      .on('close', done),
  );
  if (code !== 0) throw new Error(`astro build failed (exit ${code})`);
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
  return { name: 'Astro build', ms: performance.now() - started, summary: `${pages} pages` };
}

runCli(async () => {
  const { values } = parseArgs({
    options: { 'no-pdfs': { type: 'boolean', default: false }, strict: { type: 'boolean', default: false } },
  });
  // Read by the pages (src/lib/site/build-options.ts), built in Astro's process, which inherits it.
  if (values['no-pdfs']) process.env.SITE_PDFS = 'off';
  // Part of what the last build is compared with (scripts/lib/up-to-date.ts).
  if (values.strict) process.env.SITE_STRICT = 'on';
  const pdfs = process.env.SITE_PDFS !== 'off';
  const dist = process.env.SITE_OUT_DIR ?? 'dist';
  // Without PDFs, the build needs no Chromium at all.
  const printing = pdfs ? (await import('./lib/pdf/print-pdfs.ts')).printEnvironment() : 'no PDFs';
  const inputs = inputsDigest({ contentDir: contentDirectory(), env: process.env, printEnvironment: printing });
  const last = readBuildStamp(stepCacheDir('build'));
  if (last?.inputs === inputs && existsSync(dist) && last.output === outputDigest(dist)) {
    console.log(`${dist}/ is up to date: nothing it is built from changed since the last build.`);
    return;
  }
  // The later steps' code (Pagefind, Vite, Workbox …) loads while Astro builds, not after.
  const modules = Promise.all([
    import('./lib/katex-fonts.ts'),
    import('./lib/print-fonts.ts'),
    import('./lib/search-index.ts'),
    import('./lib/anki-export.ts'),
    import('./lib/pdf/print-pdfs.ts'),
    import('./lib/offline.ts'),
  ]);
  modules.catch(() => undefined); // reported where awaited, after Astro
  const results = [await astroBuild(dist)];
  const [{ subsetKatexFonts }, { writePrintFonts }, { writeSearchIndex }, { ankiStep }, { printPdfs }, { offlineStep }] = await modules;
  results.push(await subsetKatexFonts(dist, stepCacheDir('katex-fonts'), process.stderr));
  results.push(await writePrintFonts(dist, stepCacheDir('print-fonts'), { output: process.stderr, strict: values.strict }));
  results.push(await writeSearchIndex(dist, contentDirectory(), process.stderr));
  results.push(ankiStep(dist, contentDirectory(), urls));
  if (pdfs) results.push(await printPdfs(dist, { cacheDir: stepCacheDir('pdf'), output: process.stderr, strict: values.strict }));
  results.push(await offlineStep(dist));
  writeBuildStamp(stepCacheDir('build'), { inputs, output: outputDigest(dist) });
  console.log(['', `Built ${dist}/:`, ...summaryLines(results)].join('\n'));
});
