/**
 * Every character a printed page draws must have a font, or Chromium prints an empty box (□) while
 * the PDF's text layer still holds the character. Text is judged against the machine's fonts
 * (fontconfig); formulas against the KaTeX fonts the site serves, which the build cuts down to the
 * characters its pages use: a character the full KaTeX font has but the served subset lacks was
 * dropped by the subsetting. What KaTeX's fonts never had falls back to the machine's fonts, as in
 * the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkitten';
import { codePointLabel, fontPackageFor, needsGlyph } from '../../../src/lib/fonts/coverage.ts';
import { katexFontName } from '../../../src/lib/fonts/katex-glyphs.ts';
import { urls } from '../../../src/lib/site/urls.ts';
import type { SystemFonts } from '../fontconfig.ts';
import type { PrintFacts } from './page-facts.ts';

const KATEX_FONTS = join(import.meta.dirname, '../../../node_modules/katex/dist/fonts');

export interface MissingGlyph {
  character: string;
  /** The page that draws it ("/dasc7606/s5/"). */
  page: string;
  /** What to do about it: the Debian package to install, or the subset font that lost it. */
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

export function missingGlyphs(page: string, facts: PrintFacts, dist: string, system: SystemFonts, fonts: FontCharacters): MissingGlyph[] {
  const missing = new Map<string, MissingGlyph>();
  const onSystem = (character: string): void => {
    const codePoint = character.codePointAt(0)!;
    if (!needsGlyph(character) || system.coverage.has(codePoint) || missing.has(character)) return;
    missing.set(character, { character, page, remedy: `install ${fontPackageFor(codePoint)}` });
  };
  for (const character of facts.characters) onSystem(character);
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
          remedy: `the subset ${files.served.split('/').pop()} lacks it though KaTeX's font has it (see scripts/lib/katex-fonts.ts)`,
        });
        continue;
      }
      onSystem(character);
    }
  }
  return [...missing.values()];
}

export function describeMissingGlyphs(missing: MissingGlyph[]): string {
  return [
    `${missing.length} character${missing.length === 1 ? '' : 's'} would print as an empty box:`,
    ...missing.map((glyph) => `  ${glyph.character} (${codePointLabel(glyph.character)}) on ${glyph.page}: ${glyph.remedy}`),
  ].join('\n');
}
