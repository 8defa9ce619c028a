/** The build's one list of steps: what `npm run build` runs, what `--only` runs, and that each step gets the same context. */
import { describe, expect, it } from 'vitest';
import { BUILD_STEPS, runSteps, stepsToRun, type BuildContext, type BuildStep } from '../../../scripts/lib/build-steps.ts';
import { runScript } from '../helpers/cli.ts';

const ALL = { pdfs: true, cache: true, strict: false, threads: 2 };

describe('the build steps', () => {
  it('are Astro first and the offline lists last, each with its own name', () => {
    const names = BUILD_STEPS.map((step) => step.name);
    expect(names).toEqual(['astro', 'katex-fonts', 'print-fonts', 'search', 'anki', 'long-pages', 'pdf', 'offline']);
    expect(new Set(BUILD_STEPS.map((step) => step.label)).size).toBe(BUILD_STEPS.length);
  });

  it('a build runs every step; without PDFs, all but the PDF step', () => {
    expect(stepsToRun(BUILD_STEPS, ALL).map((step) => step.name)).toEqual(BUILD_STEPS.map((step) => step.name));
    expect(stepsToRun(BUILD_STEPS, { ...ALL, pdfs: false }).map((step) => step.name)).not.toContain('pdf');
  });

  it('--only runs the steps it names, then the offline step, whose lists name every built file', () => {
    expect(stepsToRun(BUILD_STEPS, ALL, ['pdf']).map((step) => step.name)).toEqual(['pdf', 'offline']);
    expect(stepsToRun(BUILD_STEPS, ALL, ['anki', 'katex-fonts']).map((step) => step.name)).toEqual(['katex-fonts', 'anki', 'offline']);
    expect(stepsToRun(BUILD_STEPS, ALL, ['offline']).map((step) => step.name)).toEqual(['offline']);
  });

  it('--only with a name that is no step fails, listing the steps', () => {
    expect(() => stepsToRun(BUILD_STEPS, ALL, ['pdfs'])).toThrow(
      'no build step pdfs: the steps are astro, katex-fonts, print-fonts, search, anki, long-pages, pdf, offline',
    );
  });
});

describe('runSteps', () => {
  const context: BuildContext = {
    dist: 'site',
    contentDir: 'notes',
    cacheDir: (step) => `cache/${step}`,
    output: { write: () => true },
    options: ALL,
  };

  /** A step that records the context it ran with, and when its code was loaded. */
  function recording(name: string, log: string[], contexts: BuildContext[]): BuildStep {
    return {
      name,
      label: name.toUpperCase(),
      runs: () => true,
      load: async () => void log.push(`load ${name}`),
      run: async (given) => {
        await Promise.resolve();
        log.push(`run ${name}`);
        contexts.push(given);
        return { name: name.toUpperCase(), ms: 1, summary: `${name} done` };
      },
    };
  }

  it('runs the steps in order, each with the same context, and loads the later ones while the first runs', async () => {
    const log: string[] = [];
    const contexts: BuildContext[] = [];
    const steps = ['first', 'second', 'third'].map((name) => recording(name, log, contexts));
    const results = await runSteps(steps, context);
    expect(results.map((result) => result.summary)).toEqual(['first done', 'second done', 'third done']);
    expect(contexts).toEqual([context, context, context]);
    for (const given of contexts) expect(given).toBe(context);
    // The first step loads its own code as it runs; the later ones' code is loading meanwhile.
    expect(log).toEqual(['load second', 'load third', 'run first', 'run second', 'run third']);
  });

  it('--only runs just the named step and the offline step on the shared context', async () => {
    const log: string[] = [];
    const contexts: BuildContext[] = [];
    const steps = BUILD_STEPS.map((real) => ({ ...recording(real.name, log, contexts), runs: real.runs }));
    await runSteps(stepsToRun(steps, ALL, ['pdf']), context);
    expect(log.filter((line) => line.startsWith('run'))).toEqual(['run pdf', 'run offline']);
    expect(contexts.every((given) => given === context)).toBe(true);
  });
});

describe('npm run build -- --only', () => {
  it('fails at once, naming the steps, when asked for one that does not exist', () => {
    const run = runScript('scripts/build.ts', ['--only', 'index']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: no build step index: the steps are astro, katex-fonts, print-fonts, search, anki, long-pages, pdf, offline',
    );
  });
});
