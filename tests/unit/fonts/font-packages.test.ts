/**
 * The site ships every font it prints and shows (src/lib/fonts/), so no machine needs font
 * packages: the README's setup, CI and the GitHub Pages workflow install none, and the dependencies
 * hold the font packages the build reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FALLBACK_FONTS } from '../../../src/lib/fonts/fallback-fonts.ts';

const ROOT = join(import.meta.dirname, '../../..');
const INSTALLERS = ['README.md', '.ci/run', '.github/workflows/pages.yml'];

it.each(INSTALLERS)('%s installs no font package', (file) => {
  const installs = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => /apt-get install/.test(line));
  expect(installs.filter((line) => /\bfonts-/.test(line))).toEqual([]);
});

it('the README installs Chromium, its headless shell and poppler-utils only', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toMatch(/`sudo apt-get install -y chromium chromium-headless-shell poppler-utils`/);
});

it('the font packages the build reads are dependencies', () => {
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of ['@fontsource/noto-sans-sc', ...FALLBACK_FONTS.map((font) => font.package)])
    expect(dependencies[name], name).toBeDefined();
});
