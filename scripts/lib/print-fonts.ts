/**
 * A build step after `astro build`: the fonts the site ships, cut to the characters its pages use,
 * so that every character prints, and shows, the same on any machine (src/lib/fonts/print-fonts.ts,
 * src/lib/fonts/fallback-fonts.ts). All come from registry packages:
 *
 * - Text prints in Noto Sans SC with TrueType outlines (@fontsource/noto-sans-sc, cut by
 *   unicode-range into about a hundred files per weight): every file whose range holds a character
 *   of the site is cut down to those characters.
 * - What that lacks is given, character by character, to one fallback font (math, symbols, emoji,
 *   and monospace for code), each cut to its characters (the colour emoji files are copied whole).
 *
 * Every file is named by its content hash and written to _astro/. `<dist>/fonts/print.css` declares
 * them under the print families, which only print uses (the pages load it to print,
 * src/client/print-fonts.ts). A second stylesheet, also in _astro/, declares the same files as
 * the screen fallbacks, named after the reader's fonts (src/styles/tokens.css), each with
 * unicode-range: a page whose text holds a character of a fallback font links it, so a page without
 * one loads neither it nor any of its fonts. It declares the text font's files too, as a last resort
 * for Latin and Chinese on a machine without such fonts. Subsets are cached as the KaTeX ones are.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { codePointLabel, needsGlyph } from '../../src/lib/fonts/coverage.ts';
import {
  assignCharacters,
  FALLBACK_FONTS,
  parseUnicodeRange,
  readCharacters,
  readUtf8Characters,
  unicodeRange,
  type FallbackFont,
  type SiteCharacters,
} from '../../src/lib/fonts/fallback-fonts.ts';
import { PRINT_FONT_FAMILY, PRINT_FONT_STYLESHEET, SCREEN_FALLBACK_STYLESHEET } from '../../src/lib/fonts/print-fonts.ts';
import { MARKER_CLASS } from '../../src/lib/markdown/rehype-unprintable-characters.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { readTextIfExists, writeFileAtomic } from './files.ts';
import { fontCodePoints } from './pdf/glyph-check.ts';
import type { ProgressOutput, StepResult } from './progress.ts';
import { onThreads, shareOut } from './threads.ts';

const hash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const contentHash = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('base64url').slice(0, 8);

/** The weights the site prints: body text, and bold for headings, labels and <strong> (650 and 700 pick it). */
const WEIGHTS = [400, 700] as const;

/** The family screens fall back to, last, for Latin and Chinese (on a machine without such fonts): the print files again. */
export const SCREEN_TEXT_FAMILY = 'Fallback Noto Sans SC';

/** Noto Sans SC draws curly quotes full width, the Chinese way: "it’s" would print as "it’ s". A Latin fallback draws them. */
const FULL_WIDTH_QUOTES: [number, number] = [0x2018, 0x201f];

export interface FontFace {
  weight: number;
  /** The woff2 file, absolute. */
  file: string;
  /** The CSS unicode-range, as the package declares it. */
  unicodeRange: string;
  /** The code points of that range. */
  ranges: [number, number][];
}

/** The package's faces of one weight (its <weight>.css: every subset, woff2 only). */
export function packageFaces(css: string, cssDir: string, weight: number): FontFace[] {
  const faces: FontFace[] = [];
  for (const [block] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;}]+)/.exec(block)?.[1]?.trim();
    if (!file || !unicodeRange || !/font-style:\s*normal/.test(block)) continue;
    faces.push({ weight, file: join(cssDir, file), unicodeRange, ranges: parseUnicodeRange(unicodeRange) });
  }
  return faces;
}

/** A thread's share of the pages (threads.ts): the characters each holds (markup included: it only adds ASCII, which the text font has). */
export async function readPageCharacters(files: string[], { dist }: { dist: string }): Promise<[string, SiteCharacters][]> {
  return files.map((file) => {
    const html = readFileSync(join(dist, file));
    const found = { codePoints: new Set<number>(), emojiStyle: new Set<number>() };
    readUtf8Characters(html, found);
    // Character references are ASCII: a one-byte string of the page finds them, without decoding it.
    if (html.includes('&#'))
      for (const [, hex, decimal] of html.toString('latin1').matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi))
        readCharacters(String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(decimal)), found);
    return [file, found];
  });
}

/** Pages a thread should have at least, for its start to pay off. */
const PAGES_PER_THREAD = 200;

/** Every built page, by its path in the built folder, with the characters it holds; read on `threads` threads. */
export async function pageCharacters(dist: string, threads = 1): Promise<Map<string, SiteCharacters>> {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  const shares = shareOut(files, threads, { atLeast: PAGES_PER_THREAD });
  const read = await onThreads<string, { dist: string }, undefined, [string, SiteCharacters][]>(shares, {
    module: import.meta.url,
    name: 'readPageCharacters',
    data: { dist },
    onProgress: () => undefined,
  });
  return new Map(read.flat().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every code point the built pages hold. */
export function siteCharacters(pages: Map<string, SiteCharacters>): SiteCharacters {
  const site = { codePoints: new Set<number>(), emojiStyle: new Set<number>() };
  for (const page of pages.values()) {
    for (const codePoint of page.codePoints) site.codePoints.add(codePoint);
    for (const codePoint of page.emojiStyle) site.emojiStyle.add(codePoint);
  }
  return site;
}

function packageDir(name: string, file: string): string {
  return dirname(createRequire(import.meta.url).resolve(`${name}/${file}`));
}

/** The code points of each file, cached by its content: reading every fallback font's character map takes a second. */
class FileCoverage {
  private readonly cacheFile: string;
  private readonly known: Record<string, number[]>;
  private readonly seen: Record<string, number[]> = {};

  constructor(cacheFile: string) {
    this.cacheFile = cacheFile;
    this.known = JSON.parse(readTextIfExists(cacheFile) ?? '{}') as Record<string, number[]>;
  }

  of(file: string): Set<number> {
    const data = readFileSync(file);
    const key = hash(data);
    const codePoints = this.known[key] ?? fontCodePoints(data);
    this.seen[key] = codePoints;
    return new Set(codePoints);
  }

  save(): void {
    writeFileAtomic(this.cacheFile, JSON.stringify(this.seen));
  }
}

interface WrittenFace {
  family: string;
  weight: number;
  name: string;
  unicodeRange: string;
  tech: string | undefined;
}

function faceRule(face: WrittenFace, url: string): string {
  const format = face.tech ? `format('woff2') tech(${face.tech})` : `format('woff2')`;
  // swap: printed before its file has loaded (Ctrl+P rather than the Print button), the text prints in the next font of the stack.
  return (
    `@font-face {\n  font-family: '${face.family}';\n  font-style: normal;\n  font-weight: ${face.weight};\n` +
    `  font-display: swap;\n  src: url(${url}) ${format};\n  unicode-range: ${face.unicodeRange};\n}\n`
  );
}

/** Writes a cut (or whole) font file into _astro/ under its content hash, from the cache when it was cut before. */
class FontWriter {
  readonly kept = new Set<string>();
  subsetNow = 0;
  bytes = 0;
  private readonly dist: string;
  private readonly cacheDir: string;

  constructor(dist: string, cacheDir: string) {
    this.dist = dist;
    this.cacheDir = cacheDir;
  }

  async write(prefix: string, file: string, codePoints: number[], subset: boolean): Promise<string> {
    const original = readFileSync(file);
    let data: Buffer;
    if (!subset) data = original;
    else {
      const text = String.fromCodePoint(...codePoints.sort((a, b) => a - b));
      const cached = join(this.cacheDir, `${hash(`${hash(original)} ${text}`)}.woff2`);
      this.kept.add(cached);
      if (existsSync(cached)) data = readFileSync(cached);
      else {
        data = await subsetFont(original, text, { targetFormat: 'woff2' });
        writeFileAtomic(cached, data);
        this.subsetNow += 1;
      }
    }
    const name = `${prefix}.${contentHash(data)}.woff2`;
    writeFileSync(join(this.dist, '_astro', name), data);
    this.bytes += data.length;
    return name;
  }

  prune(): void {
    for (const file of readdirSync(this.cacheDir))
      if (file.endsWith('.woff2') && !this.kept.has(join(this.cacheDir, file))) rmSync(join(this.cacheDir, file));
  }
}

/** The files of a fallback font's package, each with its character map. */
function fallbackFiles(font: FallbackFont, coverage: FileCoverage): { file: string; codePoints: Set<number> }[] {
  const dir = packageDir(font.package, font.stylesheet);
  return packageFaces(readFileSync(join(dir, font.stylesheet), 'utf8'), dir, 400).map((face) => ({
    file: face.file,
    codePoints: coverage.of(face.file),
  }));
}

export interface PrintFontsOptions {
  /** Where problems are printed (the build's stderr). */
  output?: ProgressOutput;
  /** Fail when a page holds a character no shipped font has (`npm run build -- --strict`). */
  strict?: boolean;
  /** Threads that read the pages. */
  threads?: number;
}

/** The faces written so far: the print stylesheet's rules, and the screen fallbacks'. */
interface Faces {
  print: string[];
  screen: WrittenFace[];
}

const isQuote = (codePoint: number): boolean => codePoint >= FULL_WIDTH_QUOTES[0] && codePoint <= FULL_WIDTH_QUOTES[1];
const inRanges = (codePoint: number, ranges: [number, number][]): boolean =>
  ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** The text font: each package file holding a character of the site, cut to those characters. Returns how many, and what the font has. */
async function writeTextFont(
  site: SiteCharacters,
  writer: FontWriter,
  faces: Faces,
): Promise<{ files: number; has: (codePoint: number) => boolean }> {
  const dir = packageDir('@fontsource/noto-sans-sc', '400.css');
  const packageFiles = WEIGHTS.flatMap((weight) => packageFaces(readFileSync(join(dir, `${weight}.css`), 'utf8'), dir, weight));
  let files = 0;
  for (const face of packageFiles) {
    const used = [...site.codePoints].filter((codePoint) => !isQuote(codePoint) && inRanges(codePoint, face.ranges));
    // A file whose range holds only a variation selector or joiner of the site's: nothing to draw.
    if (!used.some((codePoint) => needsGlyph(String.fromCodePoint(codePoint)))) continue;
    const name = await writer.write(`noto-sans-sc-print-${face.weight}`, face.file, used, true);
    files += 1;
    // Exactly the site's characters: the emoji font (first in the print stack) and the quotes' font keep theirs.
    const written = { weight: face.weight, name, unicodeRange: unicodeRange(used), tech: undefined };
    faces.print.push(faceRule({ ...written, family: PRINT_FONT_FAMILY }, `../_astro/${name}`));
    // A last resort on screens: one weight (bold is made from it), and ranges coarser than the
    // characters (spans of them less than 4,096 code points apart), which keep the stylesheet a
    // quarter the size: a reader's fonts have Latin and Chinese, so these files are hardly ever
    // loaded. Characters that draw nothing (U+FE0F, U+2061) are left out, as they would load a file for nothing.
    const drawn = used.filter((codePoint) => codePoint === 0x20 || needsGlyph(String.fromCodePoint(codePoint)));
    if (face.weight === 400) faces.screen.push({ ...written, unicodeRange: unicodeRange(drawn, 0x1000), family: SCREEN_TEXT_FAMILY });
  }
  const has = (codePoint: number): boolean =>
    !isQuote(codePoint) && packageFiles.some((face) => face.weight === 400 && inRanges(codePoint, face.ranges));
  return { files, has };
}

/**
 * The fallback fonts: each character the text font lacks to one font (assignCharacters), and
 * within it to the file with the most characters that has it. Returns the characters given to the
 * screen fallbacks, how many each font has, and those no font has.
 */
async function writeFallbackFonts(
  site: SiteCharacters,
  textFontHas: (codePoint: number) => boolean,
  writer: FontWriter,
  coverage: FileCoverage,
  faces: Faces,
): Promise<{ onScreen: Set<number>; counts: string[]; uncovered: number[] }> {
  const files = new Map(FALLBACK_FONTS.map((font) => [font.id, fallbackFiles(font, coverage)]));
  const fontCoverage = FALLBACK_FONTS.map((font) => ({
    id: font.id,
    codePoints: new Set(files.get(font.id)!.flatMap((file) => [...file.codePoints])),
  }));
  const { byFont, uncovered } = assignCharacters(site, fontCoverage, textFontHas);
  const onScreen = new Set<number>();
  const counts: string[] = [];
  for (const font of FALLBACK_FONTS) {
    const assigned = byFont.get(font.id) ?? [];
    if (font.screenFamily) for (const codePoint of assigned) onScreen.add(codePoint);
    if (assigned.length > 0 && font.screenFamily) counts.push(`${font.id} ${assigned.length}`);
    const candidates = [...files.get(font.id)!].sort((a, b) => b.codePoints.size - a.codePoints.size);
    const byFile = new Map<string, number[]>();
    for (const codePoint of assigned) {
      const file = candidates.find((candidate) => candidate.codePoints.has(codePoint))!.file;
      byFile.set(file, [...(byFile.get(file) ?? []), codePoint]);
    }
    for (const [file, codePoints] of byFile) {
      const name = await writer.write(`${font.id}-print`, file, codePoints, font.subset);
      const written = { weight: 400, name, unicodeRange: unicodeRange(codePoints), tech: font.tech };
      faces.print.push(faceRule({ ...written, family: font.printFamily }, `../_astro/${name}`));
      if (font.screenFamily) faces.screen.push({ ...written, family: font.screenFamily });
    }
  }
  return { onScreen, counts, uncovered };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Warns about the characters no font the site ships has, naming a few pages of each. */
function warnUncovered(uncovered: number[], pages: Map<string, SiteCharacters>, output: ProgressOutput | undefined): void {
  const where = (codePoint: number): string =>
    [...pages]
      .filter(([, page]) => page.codePoints.has(codePoint))
      .map(([file]) => `/${file.replace(/index\.html$/, '')}`)
      .slice(0, 3)
      .join(', ');
  const lines = uncovered.map(
    (codePoint) => `  ${String.fromCodePoint(codePoint)} (${codePointLabel(String.fromCodePoint(codePoint))}) on ${where(codePoint)}`,
  );
  output?.write(
    `warning: ${plural(uncovered.length, 'character')} in no font the site ships: a reader sees them only if their own fonts have them, and PDFs print them with this machine's fonts, if any\n${lines.join('\n')}\n`,
  );
}

export async function writePrintFonts(dist: string, cacheDir: string, options: PrintFontsOptions = {}): Promise<StepResult> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const pages = await pageCharacters(dist, options.threads);
  const site = siteCharacters(pages);
  const writer = new FontWriter(dist, cacheDir);
  const coverage = new FileCoverage(join(cacheDir, 'coverage.json'));
  const faces: Faces = { print: [], screen: [] };
  const text = await writeTextFont(site, writer, faces);
  const { onScreen, counts, uncovered } = await writeFallbackFonts(site, text.has, writer, coverage, faces);
  writer.prune();
  coverage.save();

  const stylesheet = join(dist, PRINT_FONT_STYLESHEET);
  mkdirSync(dirname(stylesheet), { recursive: true });
  const header = `/* The print fonts: Noto Sans SC and the fallback fonts (SIL Open Font License 1.1) cut to the characters of this site. */\n`;
  writeFileSync(stylesheet, header + faces.print.join(''));
  // Every reader's fonts have Latin, Chinese and curly quotes: a page needs the screen fallbacks for a character of a fallback font only.
  const linked = linkScreenFallbacks(dist, pages, faces.screen, (codePoint) => onScreen.has(codePoint) && !isQuote(codePoint));

  if (uncovered.length > 0) warnUncovered(uncovered, pages, options.output);
  if (options.strict) {
    const marked = [...pages.keys()].filter((file) => readFileSync(join(dist, file), 'utf8').includes(`class="${MARKER_CLASS}"`));
    if (marked.length > 0)
      throw new Error(
        `--strict: ${plural(marked.length, 'page')} mark characters no font can show (the character warnings above name file and line): ${marked.slice(0, 5).join(', ')}`,
      );
    if (uncovered.length > 0)
      throw new Error(`--strict: ${plural(uncovered.length, 'character')} in no font the site ships (listed above)`);
  }
  return {
    name: 'Print fonts',
    ms: performance.now() - started,
    summary:
      `${text.files} Noto Sans SC files` +
      (counts.length > 0 ? `, fallbacks for ${counts.join(', ')} characters` : '') +
      `, ${Math.round(writer.bytes / 1024)} KB (${writer.subsetNow} subset now); ${plural(linked, 'page')} ${linked === 1 ? 'links' : 'link'} the screen fallbacks`,
  };
}

const SCREEN_FALLBACK_LINK = new RegExp(`<link rel="stylesheet" href="[^"]*${SCREEN_FALLBACK_STYLESHEET.source}">`);

/**
 * Writes the screen fallbacks' stylesheet into _astro/ (named by its content) and links it from
 * each page whose text needs it, after the Content-Security-Policy <meta> (style-src 'self'
 * allows it). Returns how many pages link it.
 */
function linkScreenFallbacks(
  dist: string,
  pages: Map<string, SiteCharacters>,
  faces: WrittenFace[],
  needed: (codePoint: number) => boolean,
): number {
  if (faces.length === 0) return 0;
  const css = `/* Fonts for what the reader's own fonts lack (SIL Open Font License 1.1), cut to this site's characters. */\n${faces.map((face) => faceRule(face, face.name)).join('')}`;
  const name = `fallback-fonts.${contentHash(css)}.css`;
  writeFileSync(join(dist, '_astro', name), css);
  const link = Buffer.from(`<link rel="stylesheet" href="${urls.file(`_astro/${name}`)}">`);
  let linked = 0;
  for (const [file, page] of pages) {
    if (![...page.codePoints].some(needed)) continue;
    const path = join(dist, file);
    // As bytes, never decoded and encoded again: the link is ASCII, so in a one-byte string of the head its offsets are the bytes'.
    const html = readFileSync(path);
    const headEnd = html.indexOf('</head>');
    if (headEnd < 0) continue;
    // A step run again (`--only print-fonts`) replaces the link it wrote before.
    const earlier = SCREEN_FALLBACK_LINK.exec(html.toString('latin1', 0, headEnd));
    const kept = earlier
      ? [html.subarray(0, earlier.index), html.subarray(earlier.index + earlier[0].length, headEnd)]
      : [html.subarray(0, headEnd)];
    writeFileSync(path, Buffer.concat([...kept, link, html.subarray(headEnd)]));
    linked += 1;
  }
  return linked;
}

/** Whether a page links the screen fallbacks (its HTML as built). */
export function linksScreenFallbacks(html: string): boolean {
  return SCREEN_FALLBACK_LINK.test(html);
}
