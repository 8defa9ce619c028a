/**
 * The fonts the notes need are installed wherever the site is built: the README's setup, CI and
 * the GitHub Pages workflow all install the packages the PDF glyph check names for Chinese and emoji.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fontPackageFor } from '../../src/lib/fonts/coverage.ts';

const ROOT = join(import.meta.dirname, '../..');
const INSTALLERS = ['README.md', '.ci/run', '.github/workflows/pages.yml'];

it.each(INSTALLERS)('%s installs the fonts for Chinese and for ✅ ❌ ⚠️', (file) => {
  const installs = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => /apt-get install/.test(line) && /fonts-/.test(line));
  expect(installs.length, `${file} installs fonts`).toBeGreaterThan(0);
  for (const character of ['中', '✅', '❌', '⚠']) {
    const needed = fontPackageFor(character.codePointAt(0)!);
    expect(
      installs.some((line) => line.split(/[\s`,]+/).includes(needed)),
      `${file} installs ${needed} for ${character}`,
    ).toBe(true);
  }
});
