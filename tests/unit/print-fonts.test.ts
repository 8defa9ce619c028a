/** The print fonts' build step (scripts/lib/print-fonts.ts): reading the package's faces and the site's characters. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFaces, parseUnicodeRange, siteCodePoints } from '../../scripts/lib/print-fonts.ts';

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+4e00-4e0f, U+3002,U+1f300')).toEqual([
      [0x4e00, 0x4e0f],
      [0x3002, 0x3002],
      [0x1f300, 0x1f300],
    ]);
  });
});

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

describe('siteCodePoints', () => {
  it('holds the characters of every page, character references too', () => {
    const dist = mkdtempSync(join(tmpdir(), 'print-fonts-'));
    try {
      writeFileSync(join(dist, 'index.html'), '<p>中文 &#x6587;&#25991;</p>');
      writeFileSync(join(dist, 'style.css'), '一');
      const codePoints = siteCodePoints(dist);
      expect(codePoints.has(0x4e2d)).toBe(true);
      expect(codePoints.has(0x6587)).toBe(true);
      expect(codePoints.has(25991)).toBe(true);
      expect(codePoints.has(0x4e00)).toBe(false);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
