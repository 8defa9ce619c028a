/** The characters a page draws with KaTeX's fonts, read from its HTML without parsing the page (katex-glyphs.ts). */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { katexGlyphs, katexHtmlRanges } from '../../../src/lib/fonts/katex-glyphs.ts';
import { katexOptions } from '../../../src/lib/markdown/pipeline.ts';

const FORMULAS = [
  ['\\frac{1}{N}\\sum_{i=1}^{N} x_i', false],
  ['\\sqrt{x^2 + y^2} \\le \\|W\\|', true],
  ['a < b \\;\\&\\; c > d', false],
  ["f'(x) = \\text{梯度} \\cdot \\text{“quoted”}", false],
  ['\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}', true],
  ['\\overrightarrow{AB} \\widehat{xyz}', false],
] as const;

/** A page as the site builds it: formulas in paragraphs, with text and MathML around them. */
const page = `<main><p>Text with 中文 and &lt;tags&gt; outside math.</p>${FORMULAS.map(
  ([tex, display]) => `<p>Before ${katex.renderToString(tex, { ...katexOptions, displayMode: display })} after.</p>`,
).join('')}</main>`;

/** The same, by parsing the page: every `.katex-html` element's text. */
function parsedGlyphs(html: string): Set<string> {
  const glyphs = new Set<string>();
  visit(fromHtml(html), 'element', (node: Element) => {
    const classes = node.properties.className;
    if (!Array.isArray(classes) || !classes.includes('katex-html')) return undefined;
    for (const character of toText(node, { whitespace: 'pre' })) if (character.trim() !== '') glyphs.add(character);
    return 'skip';
  });
  return glyphs;
}

describe('katexGlyphs', () => {
  it('finds exactly the characters a parser finds in the .katex-html spans, references read, none from the MathML or the text around', () => {
    const glyphs = katexGlyphs(page);
    expect([...glyphs].sort()).toEqual([...parsedGlyphs(page)].sort());
    for (const character of ['∑', '梯', '<', '&', '”', '′']) expect(glyphs, character).toContain(character);
    for (const character of ['中', 'T', 'M']) expect(glyphs, character).not.toContain(character);
  });

  it('finds nothing on a page without math', () => {
    expect(katexGlyphs('<p>No math here, only <span class="katex-htmlish">text</span>.</p>')).toEqual(new Set());
  });
});

describe('katexHtmlRanges', () => {
  it('spans each formula’s .katex-html element, from its tag to the end of its closing tag', () => {
    const ranges = katexHtmlRanges(page);
    expect(ranges).toHaveLength(FORMULAS.length);
    for (const [start, end] of ranges) {
      const markup = page.slice(start, end);
      expect(markup.startsWith('<span class="katex-html" aria-hidden="true">')).toBe(true);
      // What follows closes the .katex span the range sits in.
      expect(page.slice(end, end + 7)).toBe('</span>');
      // One whole element: the markup parses to the span alone, nothing left open or over.
      const tree = fromHtml(markup, { fragment: true });
      expect(tree.children).toHaveLength(1);
      expect(tree.children[0]).toMatchObject({ tagName: 'span', properties: { className: ['katex-html'] } });
    }
  });
});
