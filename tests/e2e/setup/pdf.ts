/**
 * Reading PDFs back with poppler, independently of the code that wrote them: words with their
 * boxes, regions rendered to pixels, the outline (bookmarks), and text lines without formulas.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of a PDF with their boxes (points, origin top left), from pdftotext -bbox. */
export function pdfWords(file: string): Word[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(
    /<page [^>]*>|<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0].startsWith('<page')) page += 1;
    else
      words.push({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: decodeXml(match[5]!).normalize('NFKC'),
      });
  }
  return words;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

export interface Region {
  width: number;
  height: number;
  /** One byte per pixel (grey, 0 black … 255 white) or three (RGB) for a colour render. */
  pixels: Buffer;
}

export type Box = Pick<Word, 'xMin' | 'yMin' | 'xMax' | 'yMax'>;

/** A box of a PDF page (points, origin top left) rendered at `dpi`, in grey or in colour. */
export function renderRegion(file: string, page: number, dpi: number, box: Box, mode: 'grey' | 'colour' = 'grey'): Region {
  const scratch = mkdtempSync(join(tmpdir(), 'e2e-region-'));
  try {
    const scale = dpi / 72;
    // A tall glyph's box can start above the page (negative y): render from its edge.
    const [xMin, yMin] = [Math.max(0, box.xMin), Math.max(0, box.yMin)];
    const region = [xMin, yMin, box.xMax - xMin, box.yMax - yMin].map((value) => String(Math.max(1, Math.round(value * scale))));
    const prefix = join(scratch, 'region');
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      ...(mode === 'grey' ? ['-gray'] : []),
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      region[0]!,
      '-y',
      region[1]!,
      '-W',
      region[2]!,
      '-H',
      region[3]!,
      file,
      prefix,
    ]);
    const data = readFileSync(`${prefix}.${mode === 'grey' ? 'pgm' : 'ppm'}`);
    const header = /^P[56]\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('unexpected pdftoppm output');
    return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A box of a page rendered whole in grey (renderPage) at `dpi`, cut out without rendering the page again. */
export function cropRegion(page: Region, dpi: number, box: Box): Region {
  const scale = dpi / 72;
  const [xMin, yMin] = [Math.max(0, box.xMin), Math.max(0, box.yMin)];
  const [x, y] = [Math.min(page.width - 1, Math.round(xMin * scale)), Math.min(page.height - 1, Math.round(yMin * scale))];
  const width = Math.max(1, Math.min(page.width - x, Math.round((box.xMax - xMin) * scale)));
  const height = Math.max(1, Math.min(page.height - y, Math.round((box.yMax - yMin) * scale)));
  const pixels = Buffer.alloc(width * height);
  for (let row = 0; row < height; row++)
    page.pixels.copy(pixels, row * width, (y + row) * page.width + x, (y + row) * page.width + x + width);
  return { width, height, pixels };
}

/** A whole page rendered in grey at `dpi`. */
export function renderPage(file: string, page: number, dpi: number): Region {
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
    execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' }),
  );
  return renderRegion(file, page, dpi, { xMin: 0, yMin: 0, xMax: Number(size?.[1] ?? 595), yMax: Number(size?.[2] ?? 842) });
}

export interface Bookmark {
  title: string;
  /** The page it opens, from 1. */
  page?: number;
  children: Bookmark[];
}

/** A PDF's outline as poppler reads it (pdftohtml -xml), without pages: titles and nesting. */
export function pdfOutline(file: string): Omit<Bookmark, 'page'>[] {
  const strip = (bookmarks: Bookmark[]): Omit<Bookmark, 'page'>[] =>
    bookmarks.map(({ title, children }) => ({ title, children: strip(children) }));
  return strip(pdfBookmarks(file));
}

/** A PDF's outline with the page each bookmark opens. */
export function pdfBookmarks(file: string): Bookmark[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outline = xml.slice(xml.indexOf('<outline>'));
  if (!outline.startsWith('<outline>')) return [];
  const root: Bookmark = { title: '', children: [] };
  const stack: Bookmark[] = [root];
  let last: Bookmark | undefined;
  for (const match of outline.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') stack.push(last ?? root);
    else if (match[0] === '</outline>') stack.pop();
    else {
      last = { title: decodeXml(match[2]!), page: Number(match[1]), children: [] };
      stack.at(-1)!.children.push(last);
    }
  }
  return root.children;
}

export interface HeadingPlace {
  title: string;
  /** The page its bookmark opens, from 1. */
  page: number;
  /** Where the heading starts, in points from the top of the page. */
  top: number;
  pageHeight: number;
}

/** Where each bookmark's heading is (its destination), read with pdf-lib: page and distance from the top. */
export async function headingPlaces(file: string): Promise<HeadingPlace[]> {
  const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = document.getPages();
  const places: HeadingPlace[] = [];
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const destination = item.lookup(PDFName.of('Dest'), PDFArray);
      const index = pages.findIndex((page) => page.ref === destination.get(0));
      const y = destination.lookup(3, PDFNumber).asNumber();
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const height = pages[index]!.getHeight();
      places.push({ title, page: index + 1, top: height - y, pageHeight: height });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return places;
}

interface Fragment {
  top: number;
  left: number;
  width: number;
  height: number;
  text: string;
}

/**
 * The lines of a PDF's text as drawn, without the text of fonts `leaveOut` matches (say /KaTeX_/:
 * formulas, whose sub- and superscripts sit off the line and make line-based extraction tear a
 * sentence from its formula). Pieces of a line apart by more than half a line's height (table
 * columns, a formula left out) are joined by three spaces.
 * From pdftohtml -xml, which gives every run of text with its font.
 */
export function pdfTextLines(file: string, leaveOut: RegExp): string[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: string[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const families = new Map([...page.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
    // Font ids are numbered across the document: a page may use one declared on an earlier page.
    for (const [id, family] of [...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/g)].map(
      (match) => [match[1]!, match[2]!] as const,
    ))
      if (!families.has(id)) families.set(id, family);
    const fragments: Fragment[] = [];
    for (const match of page.matchAll(/<text top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)" font="(\d+)">(.*?)<\/text>/g)) {
      if (leaveOut.test(families.get(match[5]!) ?? '')) continue;
      const text = decodeXml(match[6]!.replace(/<[^>]+>/g, ''));
      if (text.trim() === '') continue;
      fragments.push({ top: Number(match[1]), left: Number(match[2]), width: Number(match[3]), height: Number(match[4]), text });
    }
    fragments.sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2) || a.left - b.left);
    const rows: Fragment[][] = [];
    for (const fragment of fragments) {
      const row = rows.at(-1);
      const middle = (item: Fragment): number => item.top + item.height / 2;
      if (row && Math.abs(middle(fragment) - middle(row[0]!)) < Math.max(fragment.height, row[0]!.height) / 2) row.push(fragment);
      else rows.push([fragment]);
    }
    for (const row of rows) {
      row.sort((a, b) => a.left - b.left);
      let line = '';
      row.forEach((fragment, index) => {
        const previous = row[index - 1];
        const gap = previous ? fragment.left - (previous.left + previous.width) : 0;
        line += (previous && gap > fragment.height / 2 ? '   ' : '') + fragment.text;
      });
      lines.push(line.trim());
    }
  }
  return lines.filter(Boolean);
}
