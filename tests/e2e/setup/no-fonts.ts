/**
 * A machine whose fonts draw nothing, as fontconfig (so Chromium and fc-list) sees it: its one font
 * has a space and no other character, so every character a page shows or prints must come from
 * the fonts the site ships. (With no font at all Chromium cannot run: a page with a <select>
 * ends the browser.) The font is cut from a font the site's dependencies hold.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { ROOT } from './build-site.ts';

/** Writes the font and a fontconfig file naming only it into `dir`; returns the file, for FONTCONFIG_FILE. */
export async function fontconfigWithoutGlyphs(dir: string): Promise<string> {
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const source = readFileSync(join(ROOT, 'node_modules/@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff2'));
  writeFileSync(join(fonts, 'space-only.ttf'), await subsetFont(source, ' ', { targetFormat: 'truetype' }));
  const config = join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return config;
}
