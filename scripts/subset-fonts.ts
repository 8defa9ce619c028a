/**
 * npm run build runs this after `astro build`: KaTeX's fonts in the built site are cut down to
 * the characters its pages draw, renamed by their new content hash (so no cache ever serves an
 * old subset), and the stylesheets are pointed at the new names.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import subsetFont from 'subset-font';
import { katexFontName, katexGlyphs } from '../src/lib/fonts/katex-glyphs.ts';
import { runCli } from './lib/cli.ts';

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

runCli(async () => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' } } });
  const dist = values.dist;
  const glyphs = new Set<string>();
  for (const page of filesUnder(dist, '.html')) for (const glyph of katexGlyphs(fromHtml(readFileSync(page, 'utf8')))) glyphs.add(glyph);
  const text = [...glyphs].join('');

  const assets = join(dist, '_astro');
  const renames = new Map<string, string>();
  let before = 0;
  let after = 0;
  for (const file of readdirSync(assets)) {
    const name = katexFontName(file);
    if (!name) continue;
    const original = readFileSync(join(assets, file));
    // A font none of the pages draws with keeps one glyph: the file must still be a valid font.
    const subset = await subsetFont(original, text === '' ? ' ' : text, { targetFormat: 'woff2' });
    const renamed = `${name}.${createHash('sha256').update(subset).digest('base64url').slice(0, 8)}.woff2`;
    writeFileSync(join(assets, renamed), subset);
    if (renamed !== file) rmSync(join(assets, file));
    renames.set(file, renamed);
    before += original.length;
    after += subset.length;
  }
  for (const stylesheet of filesUnder(assets, '.css')) {
    let css = readFileSync(stylesheet, 'utf8');
    for (const [from, to] of renames) css = css.replaceAll(from, to);
    writeFileSync(stylesheet, css);
  }
  console.log(
    `KaTeX fonts: ${renames.size} subset to ${glyphs.size} characters, ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB.`,
  );
});
