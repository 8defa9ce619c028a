import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The Markdown dialect of notes files and of the site's renderer: CommonMark + GFM + `$` math. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function parseMarkdown(text: string): Root {
  // remark-math is typed as a plugin returning `undefined`, which makes unified forget the tree type.
  return parser.runSync(parser.parse(text)) as Root;
}
