/**
 * The PDF step of `npm run build`, on a small site of its own (notes written here, its own caches):
 * it says how far it is and sums up every step; its PDFs draw ✅ ❌ ⚠️ → ∑ 中文 (read from the
 * pixels of the rendered page, not the text layer), are tagged, titled, in English, with bookmarks
 * per question and part; a rebuild with nothing changed runs nothing, one after an edit prints only
 * the pages whose HTML changed and shows a screenshot added since; and without the
 * emoji font, or with a formula character cut from the served KaTeX fonts, the step fails, naming
 * the character, the page and the package to install or the font that lost it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import subsetFont from 'subset-font';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coursePaths, IMAGE_FOLDER } from '../../src/lib/content/layout.ts';
import { katexFontName } from '../../src/lib/fonts/katex-glyphs.ts';
import { readCourse } from '../../src/lib/content/read.ts';
import { fontCodePoints } from '../../scripts/lib/pdf/glyph-check.ts';
import { ROOT } from './setup/build-site.ts';
import { npmRun } from './setup/npm.ts';
import { pdfOutline, pdfWords, renderRegion } from './setup/pdf.ts';

const WORK = mkdtempSync(join(tmpdir(), 'e2e-pdf-build-'));
const CONTENT = join(WORK, 'content');
const DIST = join(WORK, 'dist');
const ENV = { CONTENT_DIR: CONTENT, SITE_OUT_DIR: DIST, SITE_CACHE_DIR: join(WORK, 'cache'), SITE_BASE: '/' };
const COURSE = 'marks';
const MARKS = ['✅', '❌', '⚠️', '→', '∑', '中文'];

const NOTES = `# Marks Course

# Section 1 Judging options

## Q1 2024 May

### Answer

### (a) Which options reduce overfitting?

Marks: ${MARKS.join(' ')}

1. increase the size of the network（增大网络）：❌ 通常更容易过拟合。
2. use data augmentation（数据增强）：✅ 增加有效数据量。
3. use ReLU（用 ReLU）：⚠️ 不直接针对过拟合。

### (b) The L1 loss

The loss is $\\frac{1}{N}\\sum_{i=1}^{N} |T_i - G_i|$ over all elements.

# Section 2 Second section

## Q2 2023 Dec

### Answer

A plain answer long enough to be a sentence, 一个中文句子。

## Q3 2023 Dec

![Q3](./2023Dec/3.png)

### Answer

Read from the screenshot, which the student adds after the first build.
`;

let firstBuild = '';
afterAll(() => rmSync(WORK, { recursive: true, force: true }));
beforeAll(async () => {
  writeFileSync(join(WORK, 'notes.md'), NOTES);
  await npmRun('import', [join(WORK, 'notes.md'), '--course', COURSE, '--content', CONTENT]);
  firstBuild = await npmRun('build', [], ENV);
}, 300_000);

const pdfOf = (name: string): string => join(DIST, COURSE, 'pdf', `${name}.pdf`);
const PDF_NAMES = ['s1', 's2', 'paper-2024-may', 'paper-2023-dec'];

describe('npm run build', () => {
  it('says how far the PDFs are, one plain line each when not on a terminal, then one line per step with its time', () => {
    for (let done = 1; done <= 4; done++)
      expect(firstBuild).toMatch(new RegExp(`^Printing PDFs ${done}/4 · ${COURSE}/(s1|s2|paper-2024-may|paper-2023-dec)$`, 'm'));
    expect(firstBuild).not.toContain('\r');
    for (const step of ['Astro build', 'KaTeX fonts', 'Search index', 'Offline', 'Total'])
      expect(firstBuild).toMatch(new RegExp(`^  ${step} +\\d+(\\.\\d)? s`, 'm'));
    expect(firstBuild).toMatch(/^ {2}PDFs +\d+(\.\d)? s +4 PDFs \(2 sections, 2 papers, [\d.]+ MB\): 4 printed, 0 unchanged$/m);
  });
});

describe('the PDF of a page with marks, arrows, sums and Chinese', () => {
  it('draws every one of ✅ ❌ ⚠️ → ∑ 中文 (pixels of the rendered page)', () => {
    const words = pdfWords(pdfOf('s1'));
    const line = words.find((word) => word.text === 'Marks:');
    expect(line, 'the "Marks:" line').toBeDefined();
    const found = MARKS.map((mark) => {
      const word = words.find(
        (candidate) =>
          candidate.page === line!.page &&
          candidate.yMin < line!.yMax &&
          candidate.yMax > line!.yMin &&
          candidate.text.replace(/\uFE0F/g, '') === mark.replace(/\uFE0F/g, ''),
      );
      expect(word, `${mark} beside "Marks:"`).toBeDefined();
      return { mark, pixels: renderRegion(pdfOf('s1'), word!.page, 150, word!, 'colour') };
    });
    const colour = (mark: string, test: (r: number, g: number, b: number) => boolean): number => {
      const { pixels } = found.find((entry) => entry.mark === mark)!;
      let count = 0;
      for (let at = 0; at < pixels.pixels.length; at += 3)
        if (test(pixels.pixels[at]!, pixels.pixels[at + 1]!, pixels.pixels[at + 2]!)) count += 1;
      return count;
    };
    // Noto Color Emoji: a green tick, a red cross, a yellow sign. An empty box (□) is grey.
    expect(
      colour('✅', (r, g, b) => g > 120 && g > r + 50 && g > b + 50),
      '✅ is green',
    ).toBeGreaterThan(20);
    expect(
      colour('❌', (r, g, b) => r > 150 && r > g + 80 && r > b + 80),
      '❌ is red',
    ).toBeGreaterThan(20);
    expect(
      colour('⚠️', (r, g, b) => r > 180 && g > 120 && b < 90),
      '⚠️ is yellow',
    ).toBeGreaterThan(20);
    // Drawn in black, each its own shape: missing glyphs would all be the same empty box.
    const ink = MARKS.slice(3).map((mark) => colour(mark, (r, g, b) => r + g + b < 300));
    for (const count of ink) expect(count).toBeGreaterThan(10);
    for (let first = 0; first < ink.length; first++)
      for (let second = first + 1; second < ink.length; second++)
        expect(Math.abs(ink[first]! - ink[second]!), `${MARKS[3 + first]} and ${MARKS[3 + second]} differ`).toBeGreaterThan(
          Math.max(ink[first]!, ink[second]!) * 0.1,
        );
  });

  it('is tagged, titled and in English, with a bookmark per question and part titled as the page titles them', async () => {
    const info = execFileSync('pdfinfo', [pdfOf('s1')], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged: +yes$/m);
    expect(info).toMatch(/^Title: +Section 1 · Judging options — Marks Course$/m);
    expect(pdfOutline(pdfOf('s1'))).toEqual([
      {
        title: 'Section 1 · Judging options',
        children: [
          {
            title: 'Q1 · 2024 May',
            children: [
              { title: 'Answer', children: [] },
              { title: '(a) Which options reduce overfitting?', children: [] },
              { title: '(b) The L1 loss', children: [] },
            ],
          },
        ],
      },
    ]);
    expect(pdfOutline(pdfOf('paper-2024-may'))[0]?.children.map((question) => question.title)).toEqual([
      'Q1 · Section 1 · Judging options · 2024 May',
    ]);
    const document = await PDFDocument.load(readFileSync(pdfOf('s1')), { updateMetadata: false });
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
  });

  it('links nowhere outside the document: the server that printed it is gone', () => {
    for (const name of PDF_NAMES) expect(readFileSync(pdfOf(name)).toString('latin1')).not.toMatch(/\/URI\s*\(/);
  });
});

describe('a rebuild', () => {
  it(
    'runs nothing when nothing changed, prints no PDF whose page did not change, and only the pages of an edited question',
    { timeout: 400_000 },
    async () => {
      const before = Object.fromEntries(PDF_NAMES.map((name) => [name, readFileSync(pdfOf(name))]));
      const unchanged = await npmRun('build', [], ENV);
      expect(unchanged).toMatch(/ is up to date: nothing it is built from changed since the last build\.$/m);
      expect(unchanged).not.toMatch(/^Astro build|^Printing PDFs/m);
      for (const name of PDF_NAMES) expect(readFileSync(pdfOf(name)).equals(before[name]!), name).toBe(true);
      // The PDF step on its own finds every page's PDF in its cache.
      const reprinted = await npmRun('build', ['--only', 'pdf'], ENV);
      expect(reprinted).toMatch(/^PDFs: .*0 printed, 4 unchanged/m);
      // Then the offline lists, which name the PDFs, are written again.
      expect(reprinted).toMatch(/^Offline: .*Save for offline: marks /m);
      expect(reprinted).not.toMatch(/^Printing PDFs/m);
      for (const name of PDF_NAMES) expect(readFileSync(pdfOf(name)).equals(before[name]!), name).toBe(true);

      // The student adds a sentence to Q2, and the screenshot Q3 names to the images folder: Q3's
      // text is unchanged (Astro caches rendered Markdown by its text), yet the screenshot must show.
      const sectionPage = (): string => readFileSync(join(DIST, COURSE, 's2', 'index.html'), 'utf8');
      expect(sectionPage()).toContain('Screenshot 2023Dec/3.png not added yet');
      const second = readCourse(CONTENT, COURSE).questions.find((question) => question.data.section === 2 && question.data.number === '2')!;
      const file = join(CONTENT, COURSE, coursePaths.question(second.data.id));
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nOne more sentence, added after the first build.\n`);
      mkdirSync(join(CONTENT, COURSE, IMAGE_FOLDER, '2023Dec'), { recursive: true });
      copyFileSync(join(ROOT, 'tests/fixtures/notes/2023Oct/1.png'), join(CONTENT, COURSE, IMAGE_FOLDER, '2023Dec', '3.png'));
      const edited = await npmRun('build', [], ENV);
      expect(sectionPage()).not.toContain('not added yet');
      expect(sectionPage()).toMatch(/<img class="screenshot"[^>]* src="\/_astro\/[^"]+\.webp"/);
      expect(edited).toMatch(/^ {2}PDFs +.*: 2 printed, 2 unchanged$/m);
      expect(edited).toMatch(new RegExp(`^Printing PDFs 2/2 · ${COURSE}/(s2|paper-2023-dec)$`, 'm'));
      expect(execFileSync('pdftotext', [pdfOf('s2'), '-'], { encoding: 'utf8' })).toContain(
        'One more sentence, added after the first build.',
      );
      for (const name of ['s1', 'paper-2024-may']) expect(readFileSync(pdfOf(name)).equals(before[name]!), name).toBe(true);
    },
  );
});

describe('without the emoji font', () => {
  /** fontconfig as installed, less Noto Color Emoji: how a machine without fonts-noto-color-emoji looks to Chromium and fc-list. */
  const config = join(WORK, 'no-emoji.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <selectfont><rejectfont><glob>*NotoColorEmoji*</glob></rejectfont></selectfont>\n</fontconfig>\n`,
  );

  it('the PDF step fails, naming each character, its page and the package to install', { timeout: 300_000 }, async () => {
    const withoutEmoji = execFileSync('fc-list', [':charset=2705', 'family'], {
      encoding: 'utf8',
      env: { ...process.env, FONTCONFIG_FILE: config },
    });
    expect(withoutEmoji.trim(), 'no font draws ✅ under this configuration').toBe('');
    const failure = npmRun('build', ['--only', 'pdf', '--no-cache'], { ...ENV, FONTCONFIG_FILE: config });
    await expect(failure).rejects.toThrow(/✅ \(U\+2705\) on \/marks\/s1\/: install fonts-noto-color-emoji/);
    await expect(failure).rejects.toThrow(/❌ \(U\+274C\) on \/marks\/(s1|papers\/2024-may)\/: install fonts-noto-color-emoji/);
  });
});

describe('a formula character the served KaTeX fonts lack', () => {
  it('fails the PDF step, naming the character, its page and the subset font that lost it', { timeout: 300_000 }, async () => {
    // Cut ∑ out of every KaTeX font the site serves, as a subsetting step that missed it would.
    const assets = join(DIST, '_astro');
    for (const file of readdirSync(assets).filter((name) => katexFontName(name))) {
      const path = join(assets, file);
      const kept = fontCodePoints(readFileSync(path)).filter((codePoint) => codePoint !== 0x2211);
      if (kept.length > 0)
        writeFileSync(path, await subsetFont(readFileSync(path), String.fromCodePoint(...kept), { targetFormat: 'woff2' }));
    }
    await expect(npmRun('build', ['--only', 'pdf', '--no-cache'], ENV)).rejects.toThrow(
      /∑ \(U\+2211\) on \/marks\/(s1|papers\/2024-may)\/: the subset KaTeX_Size1-Regular\.[\w-]+\.woff2 lacks it though KaTeX's font has it/,
    );
  });
});
