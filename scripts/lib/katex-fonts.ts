/**
 * A build step after `astro build`: KaTeX's fonts in the built site are cut down to the characters
 * its pages draw, renamed by their new content hash (so no cache ever serves an old subset), and
 * the stylesheets are pointed at the new names. A stylesheet so changed is renamed by its new
 * content too, and the pages and scripts pointed at it: every name in _astro/ stays a hash of its
 * content, which the offline worker and browsers' caches rely on. Subsetting and re-encoding woff2 take seconds, and
 * a build whose pages draw the same characters makes the same subsets: so each page's characters
 * (by the hash of its HTML) and each subset (by font and characters) are kept in a cache folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { katexFontName, katexGlyphs } from '../../src/lib/fonts/katex-glyphs.ts';
import { readTextIfExists, writeFileAtomic } from './files.ts';
import { startStep, type ProgressOutput, type StepResult } from './progress.ts';
import { onThreads, shareOut } from './threads.ts';

const hash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Eight characters of a hash of the content, as Vite names built assets. */
const contentHash = (content: Uint8Array | string): string => createHash('sha256').update(content).digest('base64url').slice(0, 8);

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

/** The characters each page draws with KaTeX's fonts, by the hash of the page's HTML. */
type PageGlyphs = Record<string, string>;

/** A thread's share of the pages (threads.ts): the characters each draws, by the hash of its HTML, from `known` when it was read before. */
export async function readPageGlyphs(pages: string[], { known }: { known: PageGlyphs }, progress: () => void): Promise<PageGlyphs> {
  const seen: PageGlyphs = {};
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const key = hash(html);
    seen[key] = known[key] ?? [...katexGlyphs(html)].join('');
    progress();
  }
  return seen;
}

/** Pages a thread should have at least, for its start to pay off. */
const PAGES_PER_THREAD = 200;

export async function subsetKatexFonts(dist: string, cacheDir: string, output?: ProgressOutput, threads = 1): Promise<StepResult> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const glyphsFile = join(cacheDir, 'page-glyphs.json');
  const known = JSON.parse(readTextIfExists(glyphsFile) ?? '{}') as PageGlyphs;
  const pages = filesUnder(dist, '.html');
  const reading = startStep('KaTeX fonts', 'Reading pages for KaTeX characters', pages.length, output);
  const shares = shareOut(pages, threads, { atLeast: PAGES_PER_THREAD });
  const read = await onThreads<string, { known: PageGlyphs }, undefined, PageGlyphs>(shares, {
    module: import.meta.url,
    name: 'readPageGlyphs',
    data: { known },
    onProgress: () => reading.advance(),
  });
  reading.finish('');
  const seen: PageGlyphs = Object.assign({}, ...read);
  const glyphs = new Set<string>();
  for (const drawn of Object.values(seen)) for (const glyph of drawn) glyphs.add(glyph);
  // Only this build's pages: the file never grows past one site's.
  writeFileAtomic(glyphsFile, JSON.stringify(seen));
  const text = [...glyphs].sort().join('');

  const assets = join(dist, '_astro');
  const renames = new Map<string, string>();
  let before = 0;
  let after = 0;
  let subsetNow = 0;
  const keptSubsets = new Set<string>();
  for (const file of readdirSync(assets)) {
    const name = katexFontName(file);
    if (!name) continue;
    const original = readFileSync(join(assets, file));
    const cached = join(cacheDir, `${hash(`${hash(original)} ${text}`)}.woff2`);
    keptSubsets.add(cached);
    let subset: Buffer;
    if (existsSync(cached)) subset = readFileSync(cached);
    else {
      // A font none of the pages draws with keeps one glyph: the file must still be a valid font.
      subset = await subsetFont(original, text === '' ? ' ' : text, { targetFormat: 'woff2' });
      writeFileAtomic(cached, subset);
      subsetNow += 1;
    }
    const renamed = `${name}.${contentHash(subset)}.woff2`;
    writeFileSync(join(assets, renamed), subset);
    if (renamed !== file) rmSync(join(assets, file));
    renames.set(file, renamed);
    before += original.length;
    after += subset.length;
  }
  for (const file of readdirSync(cacheDir))
    if (file.endsWith('.woff2') && !keptSubsets.has(join(cacheDir, file))) rmSync(join(cacheDir, file));
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
  return {
    name: 'KaTeX fonts',
    ms: performance.now() - started,
    summary: `${renames.size} fonts cut to ${glyphs.size} characters, ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (${subsetNow} subset now, ${renames.size - subsetNow} from the cache)`,
  };
}
