/**
 * The build's offline step on its own (npm run build runs it last, once pages, search index and
 * PDFs are written; scripts/lib/offline.ts): the service worker <dist>/sw.js with the shell it
 * stores on install, and what Save for offline stores per course.
 */
import { parseArgs } from 'node:util';
import { runCli } from './lib/cli.ts';
import { offlineStep } from './lib/offline.ts';
import { stepLine } from './lib/progress.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  console.log(stepLine(await offlineStep(values.dist)));
});
