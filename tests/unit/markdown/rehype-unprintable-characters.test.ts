/**
 * A character no font has, as the site's Markdown pipeline renders it (rehype-unprintable-characters.ts):
 * a boxed, explained code point in its place, formulas left to KaTeX, and a build warning with file and line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { siteMarkdown } from '../helpers/markdown.ts';
import { captureWarnings } from '../helpers/warnings.ts';

const site = await siteMarkdown();
const work = mkdtempSync(join(tmpdir(), 'unprintable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const warnings = captureWarnings();

const BODY = [
  '### (a) Pasted',
  '',
  'The stem had \u{10FE4D} here,',
  'and a bell \u0007 there.',
  '',
  'A formula $x + y$ and ⨝ ✅ 中文 stay.',
].join('\n');

it('shows a boxed code point with its explanation in place of each, the rest as written', async () => {
  const html = (await site.render(BODY)).code;
  expect(html).toContain(
    'The stem had <span class="unprintable-character" role="img" aria-label="U+10FE4D: a private-use character that no font can show, left as written in the notes" title="U+10FE4D: a private-use character that no font can show, left as written in the notes">U+10FE4D</span> here,',
  );
  expect(html).toMatch(
    /and a bell <span class="unprintable-character" role="img" aria-label="U\+0007: a control character[^"]*"[^>]*>U\+0007<\/span> there\./,
  );
  expect(html).not.toMatch(/[\u{10FE4D}\u0007]/u);
  expect(html).toContain('and ⨝ ✅ <span lang="zh">中文</span> stay.');
  expect(html).toContain('class="katex"');
});

it('prints a warning naming the content file and its line, frontmatter counted, with the fix', async () => {
  const file = join(work, 'q1.md');
  writeFileSync(file, `---\nid: q1\ntitle: Pasted\n---\n\n${BODY}\n`);
  await site.render(BODY, { fileURL: new URL(`file://${file}`) });
  expect(warnings).toEqual([
    expect.stringMatching(
      new RegExp(
        `^character warning: ${file}:8: U\\+10FE4D is a private-use character that no font can show: .* Often left by copying from a PDF: retype it in the notes$`,
      ),
    ),
    expect.stringMatching(new RegExp(`^character warning: ${file}:9: U\\+0007 is a control character`)),
  ]);
});

it('leaves a character inside a formula to KaTeX', async () => {
  const html = (await site.render('Math $a \u{10FE4D} b$ here.')).code;
  expect(html).not.toContain('unprintable-character');
});
