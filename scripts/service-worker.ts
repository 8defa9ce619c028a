/**
 * npm run build runs this last, once pages, search index and PDFs are written: the offline service
 * worker <dist>/sw.js with the shell it stores on install, and what Save for offline stores per course.
 */
import { parseArgs } from 'node:util';
import { formatBytes, REPORTED_SCREEN, saveSizes } from '../src/lib/offline/plan.ts';
import { urls } from '../src/lib/site/urls.ts';
import { runCli } from './lib/cli.ts';
import { writeOfflineManifests, writeServiceWorker } from './lib/offline.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  const shell = await writeServiceWorker(values.dist);
  const courses = writeOfflineManifests(values.dist).map((manifest) => {
    const sizes = saveSizes(manifest, REPORTED_SCREEN);
    return `${manifest.course} ${formatBytes(sizes.withoutPdfs)} (with PDFs ${formatBytes(sizes.withPdfs)})`;
  });
  console.log(
    `Offline: ${urls.serviceWorker()} stores the shell on install (${shell.files} files, ${formatBytes(shell.bytes)}); Save for offline: ${courses.join(', ')}.`,
  );
});
