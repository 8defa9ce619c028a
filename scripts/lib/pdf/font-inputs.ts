/**
 * What a page's PDF takes from the fonts the build cuts to the whole site's characters (the print
 * fonts and the screen fallbacks, scripts/lib/print-fonts.ts). Those files, their stylesheets and
 * the name of the fallbacks' stylesheet in every page that links it change whenever any page gains
 * or loses a character, so the PDF cache (cache.ts) keys a page on this instead: for each face, in
 * the order its stylesheet declares them, its family, weight and format and those of the page's
 * characters its file holds. A file is a cut of one package font to its characters (the package
 * versions and the cutting code are in the print environment, print-pdfs.ts), so that is every
 * glyph the page can take from it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseUnicodeRange } from '../../../src/lib/fonts/fallback-fonts.ts';
import { PRINT_FONT_STYLESHEET, SCREEN_FALLBACK_STYLESHEET } from '../../../src/lib/fonts/print-fonts.ts';

interface Face {
  /** family, weight and format, as declared. */
  declared: string;
  /** The font file, inside the built folder. */
  file: string;
}

/** Files whose text can put a character on the page (the page, its later questions, scripts, stylesheets). */
const TEXT_FILE = /\.(html|css|js|mjs|json|svg|txt)$/;

const isFallbackStylesheet = (path: string): boolean => new RegExp(`^${SCREEN_FALLBACK_STYLESHEET.source}$`).test(path);

const codePoints = (ranges: [number, number][]): number[] =>
  ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, index) => from + index));

/** The built site's print fonts and screen fallbacks, read once per build. */
export class SiteFonts {
  private readonly dist: string;
  private readonly faces: Face[] = [];
  /** Each font file's characters: print.css declares each file with exactly them. */
  private readonly characters = new Map<string, Set<number>>();

  constructor(dist: string) {
    this.dist = dist;
    const assets = join(dist, '_astro');
    const fallbacks = existsSync(assets)
      ? readdirSync(assets)
          .map((name) => `_astro/${name}`)
          .filter(isFallbackStylesheet)
      : [];
    // print.css first: its ranges are the files' characters (the fallbacks' may be coarser).
    for (const stylesheet of [PRINT_FONT_STYLESHEET, ...fallbacks.sort()]) this.read(stylesheet);
  }

  private read(stylesheet: string): void {
    const path = join(this.dist, stylesheet);
    if (!existsSync(path)) return;
    for (const [rule] of readFileSync(path, 'utf8').matchAll(/@font-face\s*\{[^}]*\}/g)) {
      const url = /url\(([^)]+)\)/.exec(rule)?.[1];
      const range = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1];
      if (!url || !range) continue;
      const file = posix.normalize(posix.join(posix.dirname(stylesheet), url));
      if (!this.characters.has(file)) this.characters.set(file, new Set(codePoints(parseUnicodeRange(range.trim()))));
      const format = /src:\s*url\([^)]*\)\s*([^;}]*)/.exec(rule)?.[1] ?? '';
      const declared = [
        stylesheet === PRINT_FONT_STYLESHEET ? 'print' : 'screen',
        propertyOf(rule, 'font-family'),
        propertyOf(rule, 'font-weight'),
        format,
      ];
      this.faces.push({ declared: declared.join(' '), file });
    }
  }

  /** Whether a file the page loaded is one of these fonts or their stylesheets: the page's key holds them as `fingerprint`. */
  covers(path: string): boolean {
    return path === PRINT_FONT_STYLESHEET || isFallbackStylesheet(path) || this.characters.has(path);
  }

  /** What the page takes from these fonts, given the files it loaded (paths inside the built folder). */
  fingerprint(loaded: readonly string[]): string {
    const page = new Set<number>();
    for (const path of loaded) {
      if (this.covers(path) || !TEXT_FILE.test(path) || !existsSync(join(this.dist, path))) continue;
      const text = readFileSync(join(this.dist, path), 'utf8');
      for (const character of text) page.add(character.codePointAt(0)!);
      for (const [, hex, decimal] of text.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi))
        page.add(hex ? Number.parseInt(hex, 16) : Number(decimal));
    }
    return this.faces
      .map(({ declared, file }) => {
        const used = [...(this.characters.get(file) ?? [])].filter((codePoint) => page.has(codePoint));
        return used.length > 0 ? `${declared} ${used.join(',')}` : '';
      })
      .filter(Boolean)
      .join('\n');
  }
}

function propertyOf(rule: string, property: string): string {
  return new RegExp(`${property}:\\s*([^;}]+)`).exec(rule)?.[1]?.trim() ?? '';
}

/** A page's HTML without the content hash of the fallbacks' stylesheet it may link (the fingerprint stands for that). */
export function withoutFallbackHash(html: string): string {
  return html.replace(new RegExp(SCREEN_FALLBACK_STYLESHEET.source, 'g'), '_astro/fallback-fonts.css');
}
