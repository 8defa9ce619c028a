/**
 * The characters KaTeX draws with its own fonts on a page: the text of `.katex-html` (the visual
 * rendering; the MathML copy uses the reader's fonts). The build subsets KaTeX's fonts to the
 * characters the whole site draws, which cuts a math page's font bytes by about four fifths.
 *
 * Read from the page's HTML as KaTeX writes it, without parsing the page: a site of thousands of
 * questions is hundreds of megabytes of it, most of it these spans.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const KATEX_HTML = '<span class="katex-html"';

/**
 * Where each span of KaTeX's markup that starts with `tag` is (`<span class="katex">` a formula,
 * `<span class="katex-html"` its drawing): [start of its tag, end of its closing tag).
 */
export function katexSpanRanges(html: string, tag: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = html.indexOf(tag); start !== -1; start = html.indexOf(tag, start + 1)) {
    // KaTeX's spans hold only spans, MathML and SVG drawings: counting span tags finds the one that closes it.
    let depth = 0;
    let at = start;
    for (;;) {
      const open = html.indexOf('<span', at);
      const close = html.indexOf('</span>', at);
      if (close === -1) return ranges;
      if (open !== -1 && open < close) {
        depth += 1;
        at = open + 5;
      } else {
        depth -= 1;
        at = close + 7;
        if (depth === 0) break;
      }
    }
    ranges.push([start, at]);
    start = at - 1;
  }
  return ranges;
}

/** Where each formula's drawing (`.katex-html`) is. */
export function katexHtmlRanges(html: string): [number, number][] {
  return katexSpanRanges(html, KATEX_HTML);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of some KaTeX markup: its tags dropped, its character references read. */
function markupText(markup: string): string {
  const text = markup.replace(/<[^>]*>/g, '');
  if (!text.includes('&')) return text;
  const decoded = text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, decimal, name: string | undefined) =>
    name ? (ENTITIES[name.toLowerCase()] ?? '') : String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(decimal)),
  );
  // Any other named reference: let the HTML parser read it.
  return decoded.includes('&') ? toText(fromHtml(text, { fragment: true })) : decoded;
}

export function katexGlyphs(html: string): Set<string> {
  const glyphs = new Set<string>();
  for (const [start, end] of katexHtmlRanges(html))
    for (const character of markupText(html.slice(start, end))) if (character.trim() !== '') glyphs.add(character);
  return glyphs;
}

/** "KaTeX_Main-Regular.B22Nviop.woff2" → "KaTeX_Main-Regular"; undefined for other files. */
export function katexFontName(file: string): string | undefined {
  return /^(KaTeX_[A-Za-z0-9-]+)\.[^.]+\.woff2$/.exec(file)?.[1];
}
