/**
 * `npm run pdf -- [--dist dir] [--no-cache]`: prints the PDFs of a built site again (every section
 * and paper page whose PDF inputs changed since they were printed, or all with --no-cache;
 * scripts/lib/pdf/), then refreshes the offline service worker's list, which holds the PDFs.
 * npm run build runs the same PDF step.
 */
import { parseArgs } from 'node:util';
import { stepCacheDir } from './lib/cache-dirs.ts';
import { runCli } from './lib/cli.ts';
import { offlineStep } from './lib/offline.ts';
import { printPdfs } from './lib/pdf/print-pdfs.ts';
import { stepLine } from './lib/progress.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' }, 'no-cache': { type: 'boolean', default: false } },
  });
  const cacheDir = values['no-cache'] ? undefined : stepCacheDir('pdf');
  console.log(stepLine(await printPdfs(values.dist, { cacheDir, output: process.stderr })));
  console.log(stepLine(await offlineStep(values.dist)));
});
