/**
 * The steps of `npm run build`, in order, each `{ name, label, run(context) }` with one context:
 * the built folder, the content, the caches, where progress goes and the build's options.
 * scripts/build.ts runs them (all, or those `--only` names), the benchmark times them by their
 * labels, the summary lines the build ends with. A step's code loads only when it is needed, and
 * the later steps' code loads while the first (Astro) runs.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedStep } from './cache-dirs.ts';
import type { ProgressOutput, StepResult } from './progress.ts';

export interface BuildOptions {
  /** Print each page's PDF (`--no-pdfs` turns it off). */
  pdfs: boolean;
  /** Reuse PDFs of unchanged pages from the cache (`--no-cache` prints every one again). */
  cache: boolean;
  /** Fail on a character no shipped font has, instead of marking it (`--strict`). */
  strict: boolean;
  /** Threads the steps that can share out their work run on (site/build-options.ts buildThreads). */
  threads: number;
}

export interface BuildContext {
  /** The built site's folder (site/build-options.ts outDirectory). */
  dist: string;
  /** The content folder the site is built from. */
  contentDir: string;
  /** Where a step keeps what lets the next build skip work (scripts/lib/cache-dirs.ts). */
  cacheDir: (step: CachedStep) => string;
  /** Where steps say how far they are. */
  output: ProgressOutput;
  options: BuildOptions;
}

export interface BuildStep {
  /** What `npm run build -- --only <name>` calls it. */
  name: string;
  /** Its line in the build's summary ("PDFs"). */
  label: string;
  /** Loads the step's code (modules are cached: loading early only moves the wait). */
  load: () => Promise<unknown>;
  /** Whether the build runs it with these options. */
  runs: (options: BuildOptions) => boolean;
  run: (context: BuildContext) => Promise<StepResult>;
}

/** A step whose code is the module `load` returns. */
function step<Module>(
  name: string,
  label: string,
  load: () => Promise<Module>,
  run: (module: Module, context: BuildContext) => StepResult | Promise<StepResult>,
  runs: (options: BuildOptions) => boolean = () => true,
): BuildStep {
  return { name, label, load, runs, run: async (context) => run(await load(), context) };
}

const ASTRO = join(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');

/** `astro build` in its own process (its memory is freed before the next steps), its output shown as it comes. */
async function astroBuild({ dist, options }: BuildContext): Promise<StepResult> {
  const started = performance.now();
  const code = await new Promise<number | null>((done, fail) =>
    spawn(process.execPath, [ASTRO, 'build'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        // A production build whatever NODE_ENV the caller has (vitest's is "test"): Vite reads it for
        // import.meta.env.DEV, and pages' scripts must not take the dev server's paths.
        NODE_ENV: 'production',
        // Read by the pages (src/lib/site/build-options.ts).
        ...(options.pdfs ? {} : { SITE_PDFS: 'off' }),
      },
    })
      .on('error', fail)
      .on('close', done),
  );
  if (code !== 0) throw new Error(`astro build failed (exit ${code})`);
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
  return { name: 'Astro build', ms: performance.now() - started, summary: `${pages} pages` };
}

export const BUILD_STEPS: readonly BuildStep[] = [
  step(
    'astro',
    'Astro build',
    async () => undefined,
    (_, context) => astroBuild(context),
  ),
  step(
    'katex-fonts',
    'KaTeX fonts',
    () => import('./katex-fonts.ts'),
    ({ subsetKatexFonts }, { dist, cacheDir, output, options }) => subsetKatexFonts(dist, cacheDir('katex-fonts'), output, options.threads),
  ),
  step(
    'print-fonts',
    'Print fonts',
    () => import('./print-fonts.ts'),
    ({ writePrintFonts }, { dist, cacheDir, output, options }) =>
      writePrintFonts(dist, cacheDir('print-fonts'), { output, strict: options.strict, threads: options.threads }),
  ),
  step(
    'search',
    'Search index',
    () => import('./search-index.ts'),
    ({ writeSearchIndex }, { dist, contentDir, output, options }) => writeSearchIndex(dist, contentDir, output, options.threads),
  ),
  step(
    'anki',
    'Anki export',
    () => import('./anki-export.ts'),
    ({ ankiStep }, { dist, contentDir, output, options }) => ankiStep(dist, contentDir, output, options.threads),
  ),
  // Before the PDFs, which print a cut page whole, as the Print button does.
  step(
    'long-pages',
    'Long pages',
    () => import('./long-pages.ts'),
    ({ cutLongPages }, { dist, options }) => cutLongPages(dist, options.threads),
  ),
  step(
    'pdf',
    'PDFs',
    () => import('./pdf/print-pdfs.ts'),
    ({ printPdfs }, { dist, cacheDir, output, options }) =>
      printPdfs(dist, { cacheDir: options.cache ? cacheDir('pdf') : undefined, output, strict: options.strict }),
    (options) => options.pdfs,
  ),
  // Last: it lists every file the other steps wrote, for the service worker and Save for offline.
  step(
    'offline',
    'Offline',
    () => import('./offline.ts'),
    ({ offlineStep }, { dist }) => offlineStep(dist),
  ),
];

/**
 * The steps a build runs: all that run with its options, or those `only` names followed by the
 * last step (offline), whose lists name every built file and so must follow any change to them.
 */
export function stepsToRun(steps: readonly BuildStep[], options: BuildOptions, only?: readonly string[]): BuildStep[] {
  if (only === undefined) return steps.filter((candidate) => candidate.runs(options));
  const unknown = only.filter((name) => !steps.some((candidate) => candidate.name === name));
  if (unknown.length > 0)
    throw new Error(`no build step ${unknown.join(', ')}: the steps are ${steps.map((candidate) => candidate.name).join(', ')}`);
  const last = steps.at(-1);
  return steps.filter((candidate) => only.includes(candidate.name) || candidate === last);
}

/** Runs `steps` in order on one context; the later steps' code loads while the first runs. */
export async function runSteps(steps: readonly BuildStep[], context: BuildContext): Promise<StepResult[]> {
  const loading = Promise.all(steps.slice(1).map((later) => later.load()));
  loading.catch(() => undefined); // reported by the step that needs it
  const results: StepResult[] = [];
  for (const current of steps) results.push(await current.run(context));
  return results;
}
