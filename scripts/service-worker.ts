/**
 * npm run build runs this last, once pages, search index and PDFs are written: the offline
 * service worker <dist>/sw.js, with the precache list of everything it stores on the first visit.
 */
import { parseArgs } from 'node:util';
import { runCli } from './lib/cli.ts';
import { offlineStep } from './lib/offline.ts';
import { stepLine } from './lib/progress.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  console.log(stepLine(await offlineStep(values.dist)));
});
