/**
 * A build step after the Anki export, before the PDFs: every section and paper page over
 * PAGE_LIMIT is cut (src/lib/site/long-pages.ts), its later questions moved into files beside it
 * that the page loads as the reader scrolls. Pages are shared out over threads (threads.ts). The
 * PDF step prints the page with all its questions, as the Print button does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cutPage, PAGE_LIMIT } from '../../src/lib/site/long-pages.ts';
import { findPrintablePages, fileInDist } from './built-pages.ts';
import type { StepResult } from './progress.ts';
import { onThreads, shareOut } from './threads.ts';
import type { DistPath } from '../../src/lib/content/paths.ts';

interface Cut {
  pages: number;
  files: number;
  largest: number;
}

/** A thread's share of the pages (site paths): each cut if it is long, and written back with its files of later questions. */
export async function cutPages(paths: DistPath[], { dist }: { dist: string }): Promise<Cut> {
  const done: Cut = { pages: 0, files: 0, largest: 0 };
  for (const path of paths) {
    const file = fileInDist(dist, path);
    const cut = cutPage(readFileSync(file, 'utf8'));
    if (!cut) continue;
    writeFileSync(file, cut.page);
    for (const later of cut.later) writeFileSync(join(dirname(file), later.file), later.html);
    done.pages += 1;
    done.files += cut.later.length;
    done.largest = Math.max(done.largest, Buffer.byteLength(cut.page), ...cut.later.map((later) => Buffer.byteLength(later.html)));
  }
  return done;
}

/** Pages a thread should have at least, for its start to pay off. */
const PAGES_PER_THREAD = 50;

export async function cutLongPages(dist: string, threads = 1): Promise<StepResult> {
  const started = performance.now();
  const paths = findPrintablePages(dist).map((page) => page.url);
  const shares = shareOut(paths, threads, { atLeast: PAGES_PER_THREAD });
  const cuts = await onThreads<string, { dist: string }, never, Cut>(shares, {
    module: import.meta.url,
    name: 'cutPages',
    data: { dist },
    onProgress: () => undefined,
  });
  const pages = cuts.reduce((sum, cut) => sum + cut.pages, 0);
  const files = cuts.reduce((sum, cut) => sum + cut.files, 0);
  const largest = Math.max(0, ...cuts.map((cut) => cut.largest));
  const summary =
    pages === 0
      ? `no page over ${PAGE_LIMIT / 1024} KB`
      : `${pages} page${pages === 1 ? '' : 's'} over ${PAGE_LIMIT / 1024} KB cut, their later questions in ${files} files loaded as the reader scrolls (largest file ${Math.round(largest / 1024)} KB)`;
  return { name: 'Long pages', ms: performance.now() - started, summary };
}
