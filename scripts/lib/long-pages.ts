/**
 * A build step after the Anki export, before the PDFs: every section and paper page over
 * PAGE_LIMIT is cut (src/lib/site/long-pages.ts), its later questions moved into files beside it
 * that the page loads as the reader scrolls. The PDF step prints the page with all its questions,
 * as the Print button does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cutPage, PAGE_LIMIT } from '../../src/lib/site/long-pages.ts';
import { findPrintablePages, fileInDist } from './built-pages.ts';
import type { StepResult } from './progress.ts';

export function cutLongPages(dist: string): StepResult {
  const started = performance.now();
  let pages = 0;
  let files = 0;
  let largest = 0;
  for (const printable of findPrintablePages(dist)) {
    const file = fileInDist(dist, printable.url);
    const cut = cutPage(readFileSync(file, 'utf8'));
    if (!cut) continue;
    writeFileSync(file, cut.page);
    for (const later of cut.later) writeFileSync(join(dirname(file), later.file), later.html);
    pages += 1;
    files += cut.later.length;
    largest = Math.max(largest, Buffer.byteLength(cut.page), ...cut.later.map((later) => Buffer.byteLength(later.html)));
  }
  const summary =
    pages === 0
      ? `no page over ${PAGE_LIMIT / 1024} KB`
      : `${pages} page${pages === 1 ? '' : 's'} over ${PAGE_LIMIT / 1024} KB cut, their later questions in ${files} files loaded as the reader scrolls (largest file ${Math.round(largest / 1024)} KB)`;
  return { name: 'Long pages', ms: performance.now() - started, summary };
}
