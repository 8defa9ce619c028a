/**
 * Which characters the machine's fonts can draw, and what to install for one they cannot.
 * The PDF step prints with headless Chromium, which draws a character no installed font has as an
 * empty box (□) while the PDF's text layer still holds it: so before printing, every character a
 * page shows is looked up in the fonts' coverage (fontconfig's charsets, read once per build).
 */

/** Sorted, non-overlapping inclusive code point ranges with a binary-search lookup. */
export class CodePointRanges {
  private readonly starts: number[];
  private readonly ends: number[];

  constructor(ranges: Iterable<readonly [number, number]>) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    this.starts = [];
    this.ends = [];
    for (const [start, end] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]! + 1) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  has(codePoint: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < this.starts[middle]!) high = middle - 1;
      else if (codePoint > this.ends[middle]!) low = middle + 1;
      else return true;
    }
    return false;
  }

  get size(): number {
    return this.starts.length;
  }
}

/** fontconfig's charset notation ("20-7e a0-17f 2705"): hexadecimal code points and ranges. */
export function parseFontconfigCharset(charset: string): [number, number][] {
  return charset
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const [start = '', end = start] = token.split('-');
      return [Number.parseInt(start, 16), Number.parseInt(end, 16)] as [number, number];
    })
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end));
}

/** Characters that draw nothing of their own: spaces, controls, joiners, variation selectors (the ️ of ⚠️). */
const NO_GLYPH = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

export function needsGlyph(character: string): boolean {
  return !NO_GLYPH.test(character);
}

/** Debian packages that bring a font for a script or symbol block, most specific first. */
const PACKAGES: { package: string; ranges: [number, number][] }[] = [
  {
    package: 'fonts-noto-color-emoji',
    ranges: [
      [0x2600, 0x27bf], // Miscellaneous Symbols, Dingbats (✅ ❌ ⚠)
      [0x2b00, 0x2bff], // Miscellaneous Symbols and Arrows (⭐)
      [0x1f000, 0x1faff], // emoji and pictographs
    ],
  },
  {
    package: 'fonts-noto-cjk',
    ranges: [
      [0x1100, 0x11ff], // Hangul Jamo
      [0x2e80, 0x2fdf], // CJK and Kangxi radicals
      [0x3000, 0x303f], // CJK punctuation
      [0x3040, 0x31ff], // kana, bopomofo, Hangul compatibility
      [0x3200, 0x4dbf], // enclosed CJK, compatibility, Extension A
      [0x4e00, 0x9fff], // CJK Unified Ideographs
      [0xac00, 0xd7af], // Hangul syllables
      [0xf900, 0xfaff], // CJK compatibility ideographs
      [0xfe30, 0xfe4f], // CJK compatibility forms
      [0xff00, 0xffef], // full-width forms (，（）：)
      [0x20000, 0x3134f], // Extensions B and later
    ],
  },
];

/** The Debian package to install for a character no font on the machine has. */
export function fontPackageFor(codePoint: number): string {
  const found = PACKAGES.find((entry) => entry.ranges.some(([start, end]) => codePoint >= start && codePoint <= end));
  // Noto's core package covers the other scripts and symbols (Noto Sans Math, Symbols, Symbols 2).
  return found?.package ?? 'fonts-noto-core';
}

export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
