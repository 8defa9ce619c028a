/**
 * Part of npm run build (before the service worker step, which stores the PDFs for offline use);
 * `npm run pdf -- [--dist dir] [--no-cache]` prints them again: every section and paper page of the
 * built site, each page whose PDF inputs changed since the last build (scripts/lib/pdf/).
 */
import { parseArgs } from 'node:util';
import { stepCacheDir } from './lib/cache-dirs.ts';
import { runCli } from './lib/cli.ts';
import { printPdfs } from './lib/pdf/print-pdfs.ts';
import { stepLine } from './lib/progress.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' }, 'no-cache': { type: 'boolean', default: false } },
  });
  const result = await printPdfs(values.dist, { cacheDir: values['no-cache'] ? undefined : stepCacheDir('pdf'), output: process.stderr });
  console.log(stepLine(result));
});
