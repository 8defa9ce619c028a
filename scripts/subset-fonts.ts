/**
 * npm run build runs this step after `astro build` (scripts/lib/katex-fonts.ts): KaTeX's fonts in
 * the built site cut down to the characters its pages draw. `node scripts/subset-fonts.ts [--dist dir]`.
 */
import { parseArgs } from 'node:util';
import { stepCacheDir } from './lib/cache-dirs.ts';
import { runCli } from './lib/cli.ts';
import { subsetKatexFonts } from './lib/katex-fonts.ts';
import { stepLine } from './lib/progress.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  const result = await subsetKatexFonts(values.dist, stepCacheDir('katex-fonts'), process.stderr);
  console.log(stepLine(result));
});
