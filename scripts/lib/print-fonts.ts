/**
 * A build step after `astro build`: the fonts the site prints its text with. Chromium embeds the
 * machine's Noto Sans CJK (an OpenType/CFF collection) in a PDF as Type 3 fonts, glyph by glyph,
 * which makes the PDFs' text several times larger than it needs to be and renders poorly in some
 * readers. The same design with TrueType outlines (Google Fonts' Noto Sans SC, from the npm package
 * @fontsource/noto-sans-sc, cut by unicode-range into about a hundred files per weight) is embedded
 * as small CID TrueType subsets instead.
 *
 * Every file whose range holds a character of the site's pages is cut down to those characters,
 * named by its content hash and written to _astro/; <dist>/fonts/print.css declares them as
 * PRINT_FONT_FAMILY with their unicode ranges. The pages link that stylesheet for print only, and
 * print.css puts the family before the system's CJK fonts, which still draw any character these
 * files lack (the glyph check, scripts/lib/pdf/glyph-check.ts, judges text against those). Screens
 * never use the family and never download its files. Subsets are cached as the KaTeX ones are.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { PRINT_FONT_FAMILY, PRINT_FONT_STYLESHEET } from '../../src/lib/fonts/print-fonts.ts';
import { writeFileAtomic } from './files.ts';
import type { StepResult } from './progress.ts';

const hash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The weights the site prints: body text, and bold for headings, labels and <strong> (650 and 700 pick it). */
const WEIGHTS = [400, 700] as const;

export interface FontFace {
  weight: number;
  /** The woff2 file, absolute. */
  file: string;
  /** The CSS unicode-range, as the package declares it. */
  unicodeRange: string;
  /** The code points of that range. */
  ranges: [number, number][];
}

/** Code point ranges of a CSS unicode-range ("U+4e00-4e0f,U+3002"). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
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

/** Every code point the built pages hold (markup included: it only adds ASCII, which every range file holds anyway). */
export function siteCodePoints(dist: string): Set<number> {
  const codePoints = new Set<number>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(dist, file), 'utf8');
    for (const character of html) codePoints.add(character.codePointAt(0)!);
    for (const [, hex, decimal] of html.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi))
      codePoints.add(hex ? Number.parseInt(hex, 16) : Number(decimal));
  }
  return codePoints;
}

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));
}

export async function writePrintFonts(dist: string, cacheDir: string): Promise<StepResult> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const dir = packageDir();
  const site = siteCodePoints(dist);
  const rules: string[] = [];
  const kept = new Set<string>();
  let subsetNow = 0;
  let bytes = 0;
  let characters = 0;
  for (const weight of WEIGHTS) {
    for (const face of packageFaces(readFileSync(join(dir, `${weight}.css`), 'utf8'), dir, weight)) {
      const used = [...site].filter((codePoint) => face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
      if (used.length === 0) continue;
      const text = String.fromCodePoint(...used.sort((a, b) => a - b));
      const original = readFileSync(face.file);
      const cached = join(cacheDir, `${hash(`${hash(original)} ${text}`)}.woff2`);
      kept.add(cached);
      let subset: Buffer;
      if (existsSync(cached)) subset = readFileSync(cached);
      else {
        subset = await subsetFont(original, text, { targetFormat: 'woff2' });
        writeFileAtomic(cached, subset);
        subsetNow += 1;
      }
      const name = `noto-sans-sc-print-${weight}.${createHash('sha256').update(subset).digest('base64url').slice(0, 8)}.woff2`;
      writeFileSync(join(dist, '_astro', name), subset);
      bytes += subset.length;
      characters += weight === WEIGHTS[0] ? used.length : 0;
      // swap: printed before its file has loaded (Ctrl+P rather than the Print button), text prints
      // in the system's fonts instead of not at all.
      rules.push(
        `@font-face {\n  font-family: '${PRINT_FONT_FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n` +
          `  font-display: swap;\n  src: url(../_astro/${name}) format('woff2');\n  unicode-range: ${face.unicodeRange};\n}\n`,
      );
    }
  }
  for (const file of readdirSync(cacheDir)) if (file.endsWith('.woff2') && !kept.has(join(cacheDir, file))) rmSync(join(cacheDir, file));
  const stylesheet = join(dist, PRINT_FONT_STYLESHEET);
  mkdirSync(dirname(stylesheet), { recursive: true });
  const header = `/* ${PRINT_FONT_FAMILY}: Noto Sans SC (SIL Open Font License 1.1) cut to the characters of this site, for print only. */\n`;
  writeFileSync(stylesheet, header + rules.join(''));
  return {
    name: 'Print fonts',
    ms: performance.now() - started,
    summary: `${rules.length} Noto Sans SC files cut to ${characters} characters, ${Math.round(bytes / 1024)} KB (${subsetNow} subset now, ${rules.length - subsetNow} from the cache)`,
  };
}
