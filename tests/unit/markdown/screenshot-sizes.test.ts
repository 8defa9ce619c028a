/**
 * Screenshot sizes: the widths a screen picks from, the print copy at 200 ppi, the lightbox's
 * `sizes`, and the styles those numbers stand for. Then the Markdown pipeline's output: what it
 * hands Astro's image pipeline for a screenshot and its print copy.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COLUMN_SIZES,
  LIGHTBOX_MAX_WIDTH,
  lightboxSizes,
  PRINT,
  printSize,
  screenSources,
} from '../../../src/lib/markdown/screenshot-sizes.ts';
import { LEADS_PAGE } from '../../../src/lib/markdown/rehype-screenshot-sources.ts';
import { ROOT } from '../helpers/cli.ts';
import { siteMarkdown } from '../helpers/markdown.ts';

const css = (name: string): string => readFileSync(join(ROOT, 'src/styles', name), 'utf8');

describe('screen sources', () => {
  it.each([
    ['a 1.5× capture of a desktop page', { width: 2100, height: 1350 }, [400, 680, 800, 1000, 1200, 2100]],
    ['a narrow capture', { width: 900, height: 700 }, [400, 680, 800, 900]],
    ['a tiny one', { width: 300, height: 200 }, [300]],
    ['one as wide as a width made', { width: 800, height: 600 }, [400, 680, 800]],
    ['a huge one: no wider than twice the lightbox', { width: 6000, height: 4000 }, [400, 680, 800, 1000, 1200, 2800]],
  ])('%s', (_name, original, widths) => {
    expect(screenSources(original)).toEqual({ widths, width: widths.at(-1) });
  });
});

describe('the print copy', () => {
  it('fills the printed column at 200 ppi', () => {
    // 178 mm = 7.01 in; at 200 ppi, 1402 px.
    expect(printSize({ width: 2100, height: 1350 })).toEqual({ width: 1402, height: 901 });
  });

  it('is narrower for a tall page, which prints at the maximum height', () => {
    // 240 mm tall → 120 mm wide = 945 px at 200 ppi.
    expect(printSize({ width: 1000, height: 2000 })).toEqual({ width: 945, height: 1890 });
  });

  it('is never larger than the file', () => {
    expect(printSize({ width: 600, height: 400 })).toEqual({ width: 600, height: 400 });
  });
});

describe('the numbers follow the styles', () => {
  it('print: A4 less the side margins, and the maximum height of a screenshot', () => {
    const page = /@page\s*{\s*size:\s*A4;\s*margin:\s*(\d+)mm\s+(\d+)mm/.exec(css('print.css'));
    expect(page, '@page size and margin in print.css').not.toBeNull();
    expect(PRINT.columnMm).toBe(210 - 2 * Number(page![2]));
    expect(css('print.css')).toMatch(new RegExp(`img\\.screenshot-print\\s*{\\s*max-height:\\s*${PRINT.maxHeightMm}mm;`));
  });

  it('screen: the reading column and the page padding', () => {
    const measure = /--measure:\s*([\d.]+rem);/.exec(css('tokens.css'))?.[1];
    const sidePadding = /\.page\s*{[^}]*padding:\s*[\d.]+rem\s+([\d.]+)rem/.exec(css('frame.css'))?.[1];
    expect(COLUMN_SIZES).toBe(`min(${measure}, 100vw - ${2 * Number(sidePadding)}rem)`);
  });

  it('the lightbox: as wide as its dialog, never wider than the file', () => {
    expect(css('question.css')).toMatch(new RegExp(`\\.lightbox\\s*{\\s*max-width:\\s*min\\(96vw,\\s*${LIGHTBOX_MAX_WIDTH}px\\);`));
    expect(lightboxSizes(2100)).toBe('min(96vw, 1400px, 2100px)');
  });
});

describe('the Markdown pipeline', async () => {
  const site = await siteMarkdown();
  const work = mkdtempSync(join(tmpdir(), 'screenshot-sizes-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const question = join(work, 'demo', 'questions', 's1-2024-may-q1.md');
  mkdirSync(join(work, 'demo', 'images', '2024 May'), { recursive: true });
  const page = (width: number, height: number): Promise<Buffer> =>
    sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
  writeFileSync(join(work, 'demo', 'images', '2024 May', 'wide.png'), await page(2100, 1350));
  writeFileSync(join(work, 'demo', 'images', '2024 May', 'tall.png'), await page(1000, 2000));

  /** The options each image of the rendered HTML hands Astro's image pipeline, with its class. */
  const images = async (markdown: string, frontmatter: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> => {
    const { code } = await site.render(markdown, { fileURL: new URL(`file://${question}`), frontmatter });
    return [...code.matchAll(/<img class="([^"]+)" __ASTRO_IMAGE_="([^"]+)">/g)].map(([, className, json]) => ({
      className,
      ...(JSON.parse(json!.replaceAll('&#x22;', '"')) as Record<string, unknown>),
    }));
  };

  it('gives a screenshot its widths and sizes, and a print copy right after it', async () => {
    const [screen, print, ...rest] = await images('Text.\n\n![Q1](./2024%20May/wide.png)\n');
    expect(rest).toEqual([]);
    expect(screen).toMatchObject({
      className: 'screenshot',
      src: '../images/2024 May/wide.png',
      width: 2100,
      widths: [400, 680, 800, 1000, 1200, 2100],
      sizes: COLUMN_SIZES,
      loading: 'lazy',
    });
    expect(print).toMatchObject({
      className: 'screenshot-print',
      src: screen!.src,
      alt: screen!.alt,
      width: 1402,
      format: 'jpeg',
      quality: PRINT.jpegQuality,
      loading: 'lazy',
    });
    expect(screen!.alt).toBe('Q1: question screenshot 2024 May/wide.png');
  });

  it('loads the first screenshot of the entry that opens a page at once and first, the others when near the screen', async () => {
    const markdown = '![A](./2024%20May/tall.png)\n\n![B](./2024%20May/wide.png)\n';
    const screens = (shown: Record<string, unknown>[]) =>
      shown.filter((image) => image.className === 'screenshot').map(({ loading, fetchpriority }) => ({ loading, fetchpriority }));
    expect(screens(await images(markdown, { [LEADS_PAGE]: true }))).toEqual([
      { loading: 'eager', fetchpriority: 'high' },
      { loading: 'lazy', fetchpriority: undefined },
    ]);
    expect(screens(await images(markdown))).toEqual([
      { loading: 'lazy', fetchpriority: undefined },
      { loading: 'lazy', fetchpriority: undefined },
    ]);
  });

  it('sizes each screenshot of a file by its own shape', async () => {
    const shown = await images('![A](./2024%20May/tall.png)\n\n![B](./2024%20May/wide.png)\n');
    expect(shown.map((image) => [image.className, image.width])).toEqual([
      ['screenshot', 1000],
      ['screenshot-print', 945],
      ['screenshot', 2100],
      ['screenshot-print', 1402],
    ]);
  });
});
