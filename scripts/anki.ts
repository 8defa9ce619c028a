/**
 * The build's Anki step on its own (npm run build runs it after the search index): each course's
 * questions as a file Anki's text import reads, and the screenshots its cards show, into
 * <dist>/<course>/anki/ (scripts/lib/anki-export.ts). `node scripts/anki.ts [--dist dir]`.
 */
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { urls } from '../src/lib/site/urls.ts';
import { ankiStep } from './lib/anki-export.ts';
import { runCli } from './lib/cli.ts';
import { stepLine } from './lib/progress.ts';

runCli(() => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  console.log(stepLine(ankiStep(values.dist, contentDirectory(), urls)));
});
