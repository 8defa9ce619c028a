import type { PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  adoptLocalImages,
  blankContainerFences,
  findContainerFences,
  liftHashHeadings,
  wrapContainers,
  type HashHeading,
} from './dialect.ts';

/** The Markdown dialect of notes files and of the site's renderer: CommonMark + GFM + `$` math. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

function parseCommonMark(text: string): Root {
  // remark-math is typed as a plugin returning `undefined`, which makes unified forget the tree type.
  return parser.runSync(parser.parse(text)) as Root;
}

/** Parses notes or content as students write them (dialect.ts); `headings` collects the `###1` lines read as headings. */
export function parseMarkdown(text: string, headings: HashHeading[] = []): Root {
  const lines = text.split('\n');
  const fences = findContainerFences(lines);
  const tree = parseCommonMark(blankContainerFences(text, fences));
  applyDialect(tree, lines, fences, headings);
  return tree;
}

/**
 * The dialect on a tree already parsed from `text` (the site's processor parses before its plugins
 * run): re-parsed only when the text has containers, whose fence lines must not join the blocks around them.
 */
export function applyDialectTo(tree: Root, text: string): void {
  const lines = text.split('\n');
  const fences = findContainerFences(lines);
  if (fences.length > 0) tree.children = parseCommonMark(blankContainerFences(text, fences)).children;
  applyDialect(tree, lines, fences, []);
}

function applyDialect(tree: Root, lines: string[], fences: ReturnType<typeof findContainerFences>, headings: HashHeading[]): void {
  headings.push(...liftHashHeadings(tree, lines));
  wrapContainers(tree, fences, lines);
  adoptLocalImages(tree);
}

/** Text of a heading or paragraph with inline math kept as `$…$` and code as `` `…` ``. */
export function inlineText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'inlineMath') return `$${node.value}$`;
      if (node.type === 'inlineCode') return `\`${node.value}\``;
      if ('value' in node) return node.value;
      if ('children' in node) return inlineText(node.children);
      return '';
    })
    .join('');
}
