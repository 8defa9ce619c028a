/**
 * The PDF step of the build: every section and paper page of the built site as a PDF, at the path
 * its "Open PDF" link names (urls.sectionPdf / urls.paperPdf). Pages whose PDF inputs did not
 * change since the last build come from the cache (cache.ts); the others are printed (print-page.ts),
 * checked for characters the site's fonts cannot draw (glyph-check.ts: a warning, or a failure
 * with --strict), given their bookmark titles (finish-document.ts) and cached.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findPrintablePages, fileInDist, type PrintablePage } from '../built-pages.ts';
import { findChromium, type ChromiumKind } from '../chromium.ts';
import { FALLBACK_FONTS } from '../../../src/lib/fonts/fallback-fonts.ts';
import { PRINT_FONT_STYLESHEET } from '../../../src/lib/fonts/print-fonts.ts';
import { systemFonts, type SystemFonts } from '../fontconfig.ts';
import { startStep, type ProgressOutput, type Step, type StepResult } from '../progress.ts';
import { PdfCache, sha256 } from './cache.ts';
import type { MissingGlyph } from './glyph-check.ts';

/** Pages printed at once: enough to keep Chromium busy, few enough for a small machine. */
const CONCURRENCY = 4;
/**
 * The headless shell when installed: 19 PDFs of the user's notes in 19 s against 26 s (chromium.ts).
 * Its pages are the browser's, though a line may break a word sooner: its text is laid out a little wider.
 */
const PRINTER: ChromiumKind = 'shell';

const ROOT = join(import.meta.dirname, '../../..');
/** The code that decides what a PDF looks like: a change to any of it prints every page again. */
const PRINTING_CODE = [
  ...readdirSync(import.meta.dirname).map((file) => join(import.meta.dirname, file)),
  join(ROOT, 'scripts/lib/chromium.ts'),
  join(ROOT, 'src/lib/print/outline.ts'),
  join(ROOT, 'src/lib/fonts/coverage.ts'),
  join(ROOT, 'src/lib/fonts/print-fonts.ts'),
  // How the print fonts are cut from their packages: the cache keys a page on the characters it takes from them (font-inputs.ts).
  join(ROOT, 'src/lib/fonts/fallback-fonts.ts'),
  join(ROOT, 'scripts/lib/print-fonts.ts'),
  ...[
    'playwright-core',
    'pdf-lib',
    'fontkitten',
    'subset-font',
    '@fontsource/noto-sans-sc',
    ...FALLBACK_FONTS.map((font) => font.package),
  ].map((name) => join(ROOT, 'node_modules', name, 'package.json')),
];

/** Everything outside the site that goes into a PDF: Chromium's version, the machine's fonts, the printing code. */
export function printEnvironment(fonts: SystemFonts | undefined = systemFonts()): string {
  const chromium = execFileSync(findChromium(PRINTER), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const code = PRINTING_CODE.map((file) => sha256(readFileSync(file))).join(' ');
  return sha256([chromium, fonts?.fingerprint ?? 'no fontconfig', code].join('\n'));
}

export interface PrintPdfsOptions {
  /** The PDF cache's folder; undefined prints every page. */
  cacheDir: string | undefined;
  output?: ProgressOutput;
  /** Fail when a page draws a character no font the site ships has (`npm run build -- --strict`). */
  strict?: boolean;
}

function pageLabel(page: PrintablePage): string {
  return `${page.course}/${basename(page.pdf, '.pdf')}`;
}

/**
 * Prints `pages` (CONCURRENCY at once) and writes each PDF into the built folder and the cache.
 * Returns the characters some page draws that no font the site ships has; fails naming each
 * formula character a served KaTeX subset lost.
 */
async function printPages(dist: string, pages: PrintablePage[], cache: PdfCache | undefined, step: Step): Promise<MissingGlyph[]> {
  // Loaded only to print: a build whose PDFs all come from the cache needs neither Chromium nor pdf-lib.
  const [{ launchChromium }, { serveStatic }, { printContext, printPage }, { finishDocument }, glyphCheck] = await Promise.all([
    import('../chromium.ts'),
    import('../static-server.ts'),
    import('./print-page.ts'),
    import('./finish-document.ts'),
    import('./glyph-check.ts'),
  ]);
  const missing: MissingGlyph[] = [];
  const lost: MissingGlyph[] = [];
  const fontFiles = new glyphCheck.FontCharacters();
  const shipped = glyphCheck.printFontCharacters(dist, PRINT_FONT_STYLESHEET, fontFiles);
  const server = await serveStatic(dist);
  const browser = await launchChromium({ kind: PRINTER });
  try {
    const context = await printContext(browser);
    const queue = [...pages];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let page = queue.shift(); page; page = queue.shift()) {
          const printed = await printPage(context, server.url, page.url);
          const unprintable = glyphCheck.missingGlyphs(page.url, printed.facts, dist, shipped, fontFiles);
          lost.push(...unprintable.filter((glyph) => glyph.kind === 'katex-subset'));
          missing.push(...unprintable.filter((glyph) => glyph.kind === 'not-shipped'));
          if (!unprintable.some((glyph) => glyph.kind === 'katex-subset')) {
            const pdf = await finishDocument(printed.pdf, printed.facts.headings);
            const file = fileInDist(dist, page.pdf);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, pdf);
            cache?.store(htmlPath(page), printed.resources, pdf);
          }
          step.advance(pageLabel(page));
        }
      }),
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  if (lost.length > 0) throw new Error(glyphCheck.describeMissingGlyphs(lost));
  return missing;
}

/** The page's HTML file inside the built folder: the cache's name for it. */
function htmlPath(page: PrintablePage): string {
  return fileInDist('', page.url);
}

export async function printPdfs(dist: string, options: PrintPdfsOptions): Promise<StepResult> {
  const started = performance.now();
  const pages = findPrintablePages(dist);
  if (pages.length === 0) throw new Error(`no section or paper pages in ${dist}/`);
  const cache = options.cacheDir === undefined ? undefined : new PdfCache(options.cacheDir, dist, printEnvironment());

  const toPrint = pages.filter((page) => !cache?.reuse(htmlPath(page), fileInDist(dist, page.pdf)));
  const step = startStep('PDFs', 'Printing PDFs', toPrint.length, options.output);
  let missing: MissingGlyph[] = [];
  try {
    if (toPrint.length > 0) missing = await printPages(dist, toPrint, cache, step);
  } finally {
    // What printed well is kept, even when another page failed.
    cache?.save();
  }
  if (missing.length > 0) {
    const { describeMissingGlyphs } = await import('./glyph-check.ts');
    const report = describeMissingGlyphs(missing, 'printed in no font the site ships');
    if (options.strict) throw new Error(`--strict: ${report}`);
    options.output?.write(`warning: ${report}\n`);
  }

  const sections = pages.filter((page) => page.kind === 'section').length;
  const bytes = pages.reduce((sum, page) => sum + statSync(fileInDist(dist, page.pdf)).size, 0);
  const summary =
    `${pages.length} PDFs (${sections} sections, ${pages.length - sections} papers, ${(bytes / 1024 / 1024).toFixed(1)} MB): ` +
    `${toPrint.length} printed, ${pages.length - toPrint.length} unchanged`;
  return { ...step.finish(summary), ms: performance.now() - started };
}
