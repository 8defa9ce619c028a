/**
 * npm run build runs this step after `astro build` (scripts/lib/search-index.ts): the Pagefind
 * indexes of the built site. `node scripts/index.ts [--dist dir]`.
 */
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { runCli } from './lib/cli.ts';
import { stepLine } from './lib/progress.ts';
import { writeSearchIndex } from './lib/search-index.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  console.log(stepLine(await writeSearchIndex(values.dist, contentDirectory(), process.stderr)));
});
