/**
 * A student adds screenshots after the first build: the next build must show them, although the
 * notes did not change (Astro caches rendered Markdown by its text).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { npmRun } from './setup/npm.ts';
import { urls } from '../../src/lib/site/urls.ts';

const ROOT = join(import.meta.dirname, '../..');
const WORK = mkdtempSync(join(tmpdir(), 'e2e-rebuild-'));
const NOTES = join(WORK, 'notes.md');
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** The first existing PNG in the fixtures, to stand in for a student's screenshot. */
function samplePng(): string {
  const dir = join(ROOT, 'tests', 'fixtures', 'notes');
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.png') ? [join(folder, entry.name)] : [],
    );
  const [png] = walk(dir);
  if (!png) throw new Error(`no PNG under ${dir}`);
  return png;
}

test('a screenshot added after a build shows after the next build, in place of its placeholder', { timeout: 240_000 }, async () => {
  writeFileSync(
    NOTES,
    '# Rebuild Course\n\n# Section 1 Basics\n\n## Q1 2024 May\n\n![Q1](./2024May/1.png)\n\n### Answer\n\nAn answer long enough to be a sentence.\n',
  );
  const content = join(WORK, 'content');
  const env = { CONTENT_DIR: content, SITE_OUT_DIR: join(WORK, 'dist'), SITE_CACHE_DIR: join(WORK, 'cache') };
  await npmRun('import', [NOTES, '--course', 'rebuild', '--content', content]);

  await npmRun('build', [], env);
  const before = readFileSync(join(WORK, 'dist', 'rebuild', 's1', 'index.html'), 'utf8');
  expect(before).toContain('Screenshot 2024May/1.png not added yet');
  expect(before).not.toContain('class="screenshot"');

  mkdirSync(join(content, 'rebuild', 'images', '2024May'), { recursive: true });
  copyFileSync(samplePng(), join(content, 'rebuild', 'images', '2024May', '1.png'));
  await npmRun('build', [], env);
  const after = readFileSync(join(WORK, 'dist', 'rebuild', 's1', 'index.html'), 'utf8');
  expect(after).not.toContain('not added yet');
  expect(after).toMatch(new RegExp(`<img class="screenshot"[^>]* src="${urls.at('_astro/')}[^"]+\\.webp"`));
});
