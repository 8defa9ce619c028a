/**
 * The PDF step of `npm run build`, on a small site of its own (notes written here, its own caches),
 * built and printed on a machine whose fonts draw nothing (setup/no-fonts.ts): every character
 * comes from the fonts the site ships. It says how far it is and sums up every step; its PDFs and
 * its pages on screen draw ⨝ ∀ ∃ ⇒ ≤ ∑ ✅ ❌ ⚠️ → 中文 (read from the pixels, not the text layer);
 * the PDFs embed no font but the site's, are tagged, titled, in English, with bookmarks per question
 * and part. Characters no font has (U+10FE4D, U+0007) never stop the build: the page and the PDF
 * show a marker in their place, the build and the content check name file and line, and only
 * --strict fails. A rebuild with nothing changed runs nothing, one after an edit prints only the
 * pages whose HTML changed and shows a screenshot added since; a formula character cut from the
 * served KaTeX fonts fails the step, naming the character, the page and the font that lost it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import subsetFont from 'subset-font';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coursePaths, IMAGE_FOLDER } from '../../src/lib/content/layout.ts';
import { katexFontName } from '../../src/lib/fonts/katex-glyphs.ts';
import { readCourse } from '../../src/lib/content/read.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { fontCodePoints } from '../../scripts/lib/pdf/glyph-check.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { ROOT } from './setup/build-site.ts';
import { fontconfigWithoutGlyphs } from './setup/no-fonts.ts';
import { npmRun } from './setup/npm.ts';
import { pdfOutline, pdfWords, renderRegion } from './setup/pdf.ts';
import { parseCourseId, siteUrls } from '../../src/lib/content/paths.ts';
import { linkChecker } from './setup/links.ts';

const WORK = mkdtempSync(join(tmpdir(), 'e2e-pdf-build-'));
const CONTENT = join(WORK, 'content');
const DIST = join(WORK, 'dist');
const FONTCONFIG_FILE = join(WORK, 'no-fonts', 'fonts.conf');
const ENV = { CONTENT_DIR: CONTENT, SITE_OUT_DIR: DIST, SITE_CACHE_DIR: join(WORK, 'cache'), SITE_BASE: '/', FONTCONFIG_FILE };
const COURSE = parseCourseId('marks');
/** In colour (the emoji font), then in black, each its own shape. */
const COLOURED = ['✅', '❌', '⚠️'];
const BLACK = ['⨝', '∀', '∃', '⇒', '≤', '∑', '→', '中文'];
const MARKS = [...COLOURED, ...BLACK];
const PRIVATE_USE = '\u{10FE4D}';
const BELL = '\u0007';

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

Pasted from a PDF: ${PRIVATE_USE} here, and a bell ${BELL} there.

## Q3 2023 Dec

![Q3](./2023Dec/3.png)

### Answer

Read from the screenshot, which the student adds after the first build.
`;

let firstBuild = '';
afterAll(() => rmSync(WORK, { recursive: true, force: true }));
beforeAll(async () => {
  await fontconfigWithoutGlyphs(join(WORK, 'no-fonts'));
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

  // The other browser tests' sites are all served under a sub-path: this one is at the root.
  it('builds a site for the root whose every internal link and #fragment resolves', () => {
    const site = linkChecker(DIST, siteUrls('/'));
    expect(site.files.length).toBeGreaterThan(3);
    const broken = site.files.flatMap((file) => site.broken(file).map((link) => `${site.pageUrl(file)}: ${link}`));
    expect(broken).toEqual([]);
  });
});

/** A mark's pixels, RGB, three bytes a pixel. */
interface MarkPixels {
  mark: string;
  width: number;
  height: number;
  pixels: Buffer;
}

/** The ink of a region as a 12 × 12 grid of its bounding box, to tell shapes apart whatever their size. */
function shape({ width, height, pixels }: MarkPixels): boolean[] {
  const dark = (x: number, y: number): boolean => {
    const at = (y * width + x) * 3;
    return pixels[at]! + pixels[at + 1]! + pixels[at + 2]! < 300;
  };
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (dark(x, y)) [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  const grid: boolean[] = [];
  for (let row = 0; row < 12; row++)
    for (let column = 0; column < 12; column++) {
      const x = Math.floor(left + ((right - left + 1) * (column + 0.5)) / 12);
      const y = Math.floor(top + ((bottom - top + 1) * (row + 0.5)) / 12);
      grid.push(right >= 0 && dark(x, y));
    }
  return grid;
}

/**
 * ✅ ❌ ⚠️ in Noto Color Emoji's colours, and every other mark drawn in black, each its own shape:
 * characters without a font would all be the same empty box, or nothing.
 */
function expectEveryMarkDrawn(found: MarkPixels[], where: string): void {
  const count = (mark: string, test: (r: number, g: number, b: number) => boolean): number => {
    const { pixels } = found.find((entry) => entry.mark === mark)!;
    let matching = 0;
    for (let at = 0; at < pixels.length; at += 3) if (test(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!)) matching += 1;
    return matching;
  };
  expect(
    count('✅', (r, g, b) => g > 120 && g > r + 50 && g > b + 50),
    `${where}: ✅ is green`,
  ).toBeGreaterThan(20);
  expect(
    count('❌', (r, g, b) => r > 150 && r > g + 80 && r > b + 80),
    `${where}: ❌ is red`,
  ).toBeGreaterThan(20);
  expect(
    count('⚠️', (r, g, b) => r > 180 && g > 120 && b < 90),
    `${where}: ⚠️ is yellow`,
  ).toBeGreaterThan(20);
  const black = found.filter((entry) => BLACK.includes(entry.mark));
  for (const entry of black)
    expect(
      count(entry.mark, (r, g, b) => r + g + b < 300),
      `${where}: ${entry.mark} has ink`,
    ).toBeGreaterThan(10);
  const shapes = black.map(shape);
  for (let first = 0; first < black.length; first++)
    for (let second = first + 1; second < black.length; second++) {
      const differing = shapes[first]!.filter((cell, index) => cell !== shapes[second]![index]).length;
      expect(differing, `${where}: ${black[first]!.mark} and ${black[second]!.mark} differ`).toBeGreaterThan(8);
    }
}

describe('the PDF of a page with marks, arrows, sums and Chinese', () => {
  it('draws every one of ⨝ ∀ ∃ ⇒ ≤ ∑ ✅ ❌ ⚠️ → 中文 (pixels of the rendered page)', () => {
    const words = pdfWords(pdfOf('s1'));
    const line = words.find((word) => word.text === 'Marks:');
    expect(line, 'the "Marks:" line').toBeDefined();
    const found = MARKS.map((mark) => {
      const word = words.find(
        (candidate) =>
          candidate.page === line!.page &&
          candidate.yMin < line!.yMax &&
          candidate.yMax > line!.yMin &&
          candidate.text.replace(/\uFE0F/g, '') === mark.replace(/\uFE0F/g, '').normalize('NFKC'),
      );
      expect(word, `${mark} beside "Marks:"`).toBeDefined();
      return { mark, ...renderRegion(pdfOf('s1'), word!.page, 150, word!, 'colour') };
    });
    expectEveryMarkDrawn(found, 'PDF');
  });

  it('embeds no font but the ones the site ships', () => {
    for (const name of PDF_NAMES) {
      const fonts = execFileSync('pdffonts', [pdfOf(name)], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      expect(fonts.length, name).toBeGreaterThan(0);
      // Colour emoji are Type 3 glyphs, without a name.
      for (const font of fonts)
        expect(font, name).toMatch(
          /^(?:[A-Z]{6}\+(?:NotoSansSC\w*|NotoSansMath|NotoSansSymbols2?|NotoSansMono|KaTeX_[\w]+)-[\w]+|\[none\] +Type 3) /,
        );
    }
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

describe('on screen, on the same machine', () => {
  it(
    'draws every one of ⨝ ∀ ∃ ⇒ ≤ ∑ ✅ ❌ ⚠️ → 中文 from the fonts the page declares (pixels of a screenshot)',
    { timeout: 60_000 },
    async () => {
      const server = await serveStatic(DIST);
      const browser = await launchChromium({ kind: 'shell', env: { ...process.env, FONTCONFIG_FILE } });
      try {
        const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 });
        await page.goto(`${server.url}/${COURSE}/s1/`, { waitUntil: 'networkidle' });
        // Each mark's box on the page, from the text of the "Marks:" paragraph.
        const boxes = await page.evaluate(async (marks) => {
          await document.fonts.ready;
          const paragraph = [...document.querySelectorAll('p')].find((element) => element.textContent?.startsWith('Marks:'))!;
          paragraph.scrollIntoView();
          const texts: Text[] = [];
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
          return marks.map((mark) => {
            const text = texts.find((candidate) => candidate.data.includes(mark))!;
            const range = document.createRange();
            range.setStart(text, text.data.indexOf(mark));
            range.setEnd(text, text.data.indexOf(mark) + mark.length);
            const { x, y, width, height } = range.getBoundingClientRect();
            return { mark, x, y, width, height };
          });
        }, MARKS);
        const shot = await page.screenshot();
        const found = await Promise.all(
          boxes.map(async ({ mark, x, y, width, height }) => {
            const region = { left: Math.floor(x * 2), top: Math.floor(y * 2), width: Math.ceil(width * 2), height: Math.ceil(height * 2) };
            const { data, info } = await sharp(shot).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true });
            return { mark, width: info.width, height: info.height, pixels: data };
          }),
        );
        expectEveryMarkDrawn(found, 'screen');
      } finally {
        await browser.close();
        await server.close();
      }
    },
  );
});

describe('characters no font has (U+10FE4D, U+0007)', () => {
  const QUESTION = (): string => {
    const second = readCourse(CONTENT, COURSE).questions.find((question) => question.data.section === 2 && question.data.number === '2')!;
    return join(CONTENT, COURSE, coursePaths.question(second.data.id));
  };
  const lineIn = (file: string, text: string): number =>
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1;

  it('stay in the content file as written', () => {
    const text = readFileSync(QUESTION(), 'utf8');
    expect(text).toContain(`Pasted from a PDF: ${PRIVATE_USE} here, and a bell ${BELL} there.`);
  });

  it('never stop the build, which names the file, the line and the fix for each', () => {
    const line = lineIn(QUESTION(), 'Pasted from a PDF');
    expect(firstBuild).toContain(
      `character warning: ${QUESTION()}:${line}: U+10FE4D is a private-use character that no font can show: the page and its PDF show a marked U+10FE4D in its place. Often left by copying from a PDF: retype it in the notes`,
    );
    expect(firstBuild).toContain(`character warning: ${QUESTION()}:${line}: U+0007 is a control character that no font can show`);
  });

  it('show as a boxed, explained code point on the page and in its PDF', () => {
    const html = readFileSync(join(DIST, COURSE, 's2', 'index.html'), 'utf8');
    expect(html).toMatch(
      /<span class="unprintable-character" role="img" aria-label="U\+10FE4D: a private-use character that no font can show[^"]*"[^>]*>U\+10FE4D<\/span>/,
    );
    expect(html).toMatch(/<span class="unprintable-character"[^>]*aria-label="U\+0007: a control character[^"]*"[^>]*>U\+0007<\/span>/);
    const words = pdfWords(pdfOf('s2'));
    for (const label of ['U+10FE4D', 'U+0007']) {
      const word = words.find((candidate) => candidate.text === label);
      expect(word, `${label} in the PDF`).toBeDefined();
      // Boxed in red, dashed: the marker's border around the code point.
      const box = { xMin: word!.xMin - 4, yMin: word!.yMin - 3, xMax: word!.xMax + 4, yMax: word!.yMax + 3 };
      const { pixels } = renderRegion(pdfOf('s2'), word!.page, 150, box, 'colour');
      let red = 0;
      for (let at = 0; at < pixels.length; at += 3)
        if (pixels[at]! > 150 && pixels[at]! > pixels[at + 1]! + 60 && pixels[at]! > pixels[at + 2]! + 60) red += 1;
      expect(red, `${label} is boxed in red`).toBeGreaterThan(20);
    }
  });

  it('are named with file and line by the content check', () => {
    const checked = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', CONTENT], { cwd: ROOT, encoding: 'utf8' });
    expect(checked.status).toBe(0);
    const file = relative(ROOT, QUESTION());
    const line = lineIn(QUESTION(), 'Pasted from a PDF');
    expect(checked.stderr).toContain(`${file}:${line}: warning: U+10FE4D is a private-use character that no font can show`);
    expect(checked.stderr).toContain(`${file}:${line}: warning: U+0007 is a control character that no font can show`);
  });

  it('fail the build with --strict', { timeout: 300_000 }, async () => {
    const strict = npmRun('build', ['--strict', '--no-pdfs'], { ...ENV, SITE_OUT_DIR: join(WORK, 'strict') });
    await expect(strict).rejects.toThrow(
      /--strict: 2 pages mark characters no font can show \(the character warnings above name file and line\)/,
    );
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
      /∑ \(U\+2211\) on marks\/(s1|papers\/2024-may)\/: the subset KaTeX_Size1-Regular\.[\w-]+\.woff2 lacks it though KaTeX's font has it/,
    );
  });
});
