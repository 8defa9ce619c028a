/**
 * npm run build runs this last, once pages, search index and PDFs are written: the offline
 * service worker <dist>/sw.js, with the precache list of everything it stores on the first visit.
 */
import { parseArgs } from 'node:util';
import { urls } from '../src/lib/site/urls.ts';
import { runCli } from './lib/cli.ts';
import { writeServiceWorker } from './lib/offline.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  const { files, bytes } = await writeServiceWorker(values.dist);
  console.log(
    `Offline: ${urls.serviceWorker()} stores ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MB) on the first visit, for everything under ${urls.base}.`,
  );
});
