/**
 * The characters KaTeX draws with its own fonts on a page: the text of `.katex-html` (the visual
 * rendering; the MathML copy uses the reader's fonts). The build subsets KaTeX's fonts to the
 * characters the whole site draws, which cuts a math page's font bytes by about four fifths.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';

function isKatexHtml(node: Element): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes('katex-html');
}

export function katexGlyphs(tree: Root): Set<string> {
  const glyphs = new Set<string>();
  visit(tree, 'element', (node) => {
    if (!isKatexHtml(node)) return undefined;
    for (const character of toText(node, { whitespace: 'pre' })) if (character.trim() !== '') glyphs.add(character);
    return 'skip';
  });
  return glyphs;
}

/** "KaTeX_Main-Regular.B22Nviop.woff2" → "KaTeX_Main-Regular"; undefined for other files. */
export function katexFontName(file: string): string | undefined {
  return /^(KaTeX_[A-Za-z0-9-]+)\.[^.]+\.woff2$/.exec(file)?.[1];
}
