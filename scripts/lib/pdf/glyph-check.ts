/**
 * Every character a printed page draws should have a font the site ships, or Chromium prints it
 * with whatever the machine has (an empty box on a machine without it) while the PDF's text layer
 * still holds it. Text is judged against the print fonts (the files fonts/print.css declares, which
 * scripts/lib/print-fonts.ts cut to the site's characters); formulas against the KaTeX fonts the
 * site serves, which the build also cuts: a character the full KaTeX font has but the served
 * subset lacks was dropped by the subsetting, a fault of the build that stops it. What KaTeX's
 * fonts never had falls back to the print fonts, as text does. Characters no font has at all never
 * get here: the pages show a marker in their place (src/lib/markdown/rehype-unprintable-characters.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkitten';
import { codePointLabel, needsGlyph } from '../../../src/lib/fonts/coverage.ts';
import { katexFontName } from '../../../src/lib/fonts/katex-glyphs.ts';
import { urls } from '../../../src/lib/site/urls.ts';
import type { PrintFacts } from './page-facts.ts';

const KATEX_FONTS = join(import.meta.dirname, '../../../node_modules/katex/dist/fonts');

export interface MissingGlyph {
  character: string;
  /** The page that draws it ("/dasc7606/s5/"). */
  page: string;
  /** A served KaTeX subset lost it (the build's fault: it stops), or no font the site ships has it (a warning). */
  kind: 'katex-subset' | 'not-shipped';
  /** What happens, or what to do about it. */
  remedy: string;
}

/** The code points a font file maps. A subset none of the pages draws with keeps no character map: none. */
export function fontCodePoints(font: Buffer): number[] {
  const parsed = create(font);
  if (!('characterSet' in parsed)) return [];
  try {
    return parsed.characterSet;
  } catch (error) {
    if (error instanceof Error && /cmap/.test(error.message)) return [];
    throw error;
  }
}

/** Code points of font files, read once per build. */
export class FontCharacters {
  private readonly cache = new Map<string, Set<number>>();

  of(file: string): Set<number> {
    let characters = this.cache.get(file);
    if (!characters) {
      characters = new Set(fontCodePoints(readFileSync(file)));
      this.cache.set(file, characters);
    }
    return characters;
  }
}

/** The served font file behind a face's URL, and KaTeX's full font of the same name. */
function katexFiles(dist: string, fontUrl: string): { served: string; original: string } | undefined {
  const inSite = urls.inSite(decodeURIComponent(new URL(fontUrl).pathname));
  const file = inSite?.split('/').pop();
  const name = file && katexFontName(file);
  if (inSite === undefined || !name) return undefined;
  return { served: join(dist, inSite), original: join(KATEX_FONTS, `${name}.woff2`) };
}

/** Every code point the print fonts' files hold: the files fonts/print.css declares. */
export function printFontCharacters(dist: string, stylesheet: string, fonts: FontCharacters): Set<number> {
  const characters = new Set<number>();
  const css = readFileSync(join(dist, stylesheet), 'utf8');
  for (const [, url] of css.matchAll(/url\(\.\.\/(_astro\/[^)]+\.woff2)\)/g))
    for (const codePoint of fonts.of(join(dist, url!))) characters.add(codePoint);
  return characters;
}

const NOT_SHIPPED = "no font the site ships has it: it prints with this machine's fonts, if any";

export function missingGlyphs(page: string, facts: PrintFacts, dist: string, shipped: Set<number>, fonts: FontCharacters): MissingGlyph[] {
  const missing = new Map<string, MissingGlyph>();
  const inPrintFonts = (character: string): void => {
    if (!needsGlyph(character) || shipped.has(character.codePointAt(0)!) || missing.has(character)) return;
    missing.set(character, { character, page, kind: 'not-shipped', remedy: NOT_SHIPPED });
  };
  for (const character of facts.characters) inPrintFonts(character);
  for (const group of facts.math) {
    const files = group.fontUrl ? katexFiles(dist, group.fontUrl) : undefined;
    for (const character of group.characters) {
      if (!needsGlyph(character)) continue;
      const codePoint = character.codePointAt(0)!;
      if (files && fonts.of(files.served).has(codePoint)) continue;
      if (files && fonts.of(files.original).has(codePoint)) {
        missing.set(character, {
          character,
          page,
          kind: 'katex-subset',
          remedy: `the subset ${files.served.split('/').pop()} lacks it though KaTeX's font has it (see scripts/lib/katex-fonts.ts)`,
        });
        continue;
      }
      inPrintFonts(character);
    }
  }
  return [...missing.values()];
}

export function describeMissingGlyphs(missing: MissingGlyph[], what = 'would print as an empty box'): string {
  return [
    `${missing.length} character${missing.length === 1 ? '' : 's'} ${what}:`,
    ...missing.map((glyph) => `  ${glyph.character} (${codePointLabel(glyph.character)}) on ${glyph.page}: ${glyph.remedy}`),
  ].join('\n');
}
