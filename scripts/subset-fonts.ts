/**
 * npm run build runs this after `astro build`: KaTeX's fonts in the built site are cut down to
 * the characters its pages draw, renamed by their new content hash (so no cache ever serves an
 * old subset), and the stylesheets are pointed at the new names. A stylesheet so changed is
 * renamed by its new content too, and the pages pointed at it: every name in _astro/ stays a hash
 * of its content, which the offline worker and browsers' caches rely on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import subsetFont from 'subset-font';
import { katexFontName, katexGlyphs } from '../src/lib/fonts/katex-glyphs.ts';
import { runCli } from './lib/cli.ts';

/** Eight characters of a hash of the content, as Vite names built assets. */
const contentHash = (content: Uint8Array | string): string => createHash('sha256').update(content).digest('base64url').slice(0, 8);

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
    const renamed = `${name}.${contentHash(subset)}.woff2`;
    writeFileSync(join(assets, renamed), subset);
    if (renamed !== file) rmSync(join(assets, file));
    renames.set(file, renamed);
    before += original.length;
    after += subset.length;
  }
  const stylesheetRenames = new Map<string, string>();
  for (const stylesheet of filesUnder(assets, '.css')) {
    const original = readFileSync(stylesheet, 'utf8');
    let css = original;
    for (const [from, to] of renames) css = css.replaceAll(from, to);
    if (css === original) continue;
    const name = basename(stylesheet);
    const renamed = name.replace(/\.[\w-]+\.css$/, `.${contentHash(css)}.css`);
    writeFileSync(join(dirname(stylesheet), renamed), css);
    if (renamed !== name) rmSync(stylesheet);
    stylesheetRenames.set(name, renamed);
  }
  for (const file of [...filesUnder(dist, '.html'), ...filesUnder(assets, '.js')]) {
    const original = readFileSync(file, 'utf8');
    let text = original;
    for (const [from, to] of stylesheetRenames) text = text.replaceAll(`/_astro/${from}`, `/_astro/${to}`);
    if (text !== original) writeFileSync(file, text);
  }
  console.log(
    `KaTeX fonts: ${renames.size} subset to ${glyphs.size} characters, ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB.`,
  );
});
