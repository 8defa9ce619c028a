/**
 * npm run build runs this after the search index: each course's questions as a file Anki's text
 * import reads, and the screenshots its cards show, into <dist>/<course>/anki/ (scripts/lib/anki-export.ts).
 */
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { readContentFolder } from '../src/lib/content/read.ts';
import { urls } from '../src/lib/site/urls.ts';
import { ankiExport, writeAnkiExport } from './lib/anki-export.ts';
import { runCli } from './lib/cli.ts';

runCli(() => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  for (const course of readContentFolder(contentDirectory())) {
    const exported = ankiExport(course, values.dist, urls);
    writeAnkiExport(course.id, exported, values.dist, urls);
    console.log(`Anki: ${course.id}: ${exported.notes.length} notes, ${exported.media.size} screenshots`);
  }
});
