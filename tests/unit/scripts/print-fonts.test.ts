/** The fonts' build step (scripts/lib/print-fonts.ts): the package's faces, each page's characters, and the screen fallbacks linked only where needed. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linksScreenFallbacks, packageFaces, pageCharacters, writePrintFonts } from '../../../scripts/lib/print-fonts.ts';
import { SCREEN_FALLBACK_STYLESHEET } from '../../../src/lib/fonts/print-fonts.ts';

const work = mkdtempSync(join(tmpdir(), 'print-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packageFaces', () => {
  it('takes each face of the weight with its woff2 file and range', () => {
    const css = `/* noto-sans-sc-[4]-400-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/noto-sans-sc-4-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-400-normal.woff) format('woff');
  unicode-range: U+1f1e9-1f1f5,U+3002;
}
`;
    expect(packageFaces(css, '/pkg', 400)).toEqual([
      {
        weight: 400,
        file: join('/pkg', 'files/noto-sans-sc-4-400-normal.woff2'),
        unicodeRange: 'U+1f1e9-1f1f5,U+3002',
        ranges: [
          [0x1f1e9, 0x1f1f5],
          [0x3002, 0x3002],
        ],
      },
    ]);
  });
});

describe('pageCharacters', () => {
  it('holds the characters of every page, character references too, and those written as emoji', async () => {
    const dist = join(work, 'read');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<p>中文 &#x6587;&#25991; ⚠️</p>');
    writeFileSync(join(dist, 'style.css'), '一');
    const page = (await pageCharacters(dist)).get('index.html')!;
    expect(page.codePoints.has(0x4e2d)).toBe(true);
    expect(page.codePoints.has(0x6587)).toBe(true);
    expect(page.codePoints.has(25991)).toBe(true);
    expect(page.codePoints.has(0x4e00)).toBe(false);
    expect([...page.emojiStyle]).toEqual([0x26a0]);
  });
});

describe('writePrintFonts', () => {
  it('links the screen fallbacks from the pages that need one only, and declares every font for print', { timeout: 60_000 }, async () => {
    const dist = join(work, 'site');
    mkdirSync(join(dist, '_astro'), { recursive: true });
    mkdirSync(join(dist, 'plain'));
    const page = (body: string): string => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
    writeFileSync(join(dist, 'index.html'), page('<p>R ⨝ S, ✅ and 中文</p><code>x = 1</code>'));
    writeFileSync(join(dist, 'plain', 'index.html'), page('<p>Plain “quoted” text, 中文 and → arrows.</p>'));
    const result = await writePrintFonts(dist, join(work, 'cache'));
    expect(result.summary).toMatch(/fallbacks for emoji 1, math 3 characters, .*; 1 page links the screen fallbacks$/);
    expect(linksScreenFallbacks(readFileSync(join(dist, 'index.html'), 'utf8'))).toBe(true);
    expect(linksScreenFallbacks(readFileSync(join(dist, 'plain', 'index.html'), 'utf8'))).toBe(false);
    const print = readFileSync(join(dist, 'fonts', 'print.css'), 'utf8');
    for (const family of ['Noto Sans SC Print', 'Print Emoji', 'Print Math', 'Print Mono'])
      expect(print).toContain(`font-family: '${family}';`);
    expect(print).toMatch(/font-family: 'Print Emoji';[^}]*tech\(color-COLRv1\);\n {2}unicode-range: U\+2705;/);
    expect(print).toMatch(/font-family: 'Print Math';[^}]*unicode-range: U\+201C-201D,U\+2A1D;/);

    // Run again (`npm run build -- --only print-fonts`), the page still links the fallbacks once.
    await writePrintFonts(dist, join(work, 'cache'));
    const again = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(again.match(new RegExp(SCREEN_FALLBACK_STYLESHEET, 'g'))).toHaveLength(1);
    expect(again).toMatch(/<\/title><link rel="stylesheet" href="[^"]+"><\/head><body><p>R ⨝ S, ✅ and 中文<\/p>/);
  });
});
