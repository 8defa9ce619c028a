/**
 * A character no font has (src/lib/fonts/unprintable.ts: private use, unassigned, a control
 * character) would show as an empty box, or as nothing, on screen and in the PDF. The page shows a
 * boxed `U+10FE4D` in its place instead, which a screen reader reads as what it is, and the build
 * prints the file and line with the fix. The content file keeps the character as written: this is
 * a rendering step only. Formulas are KaTeX's to render and are left alone.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { codePointLabel } from '../fonts/coverage.ts';
import { isUnprintable, markerExplanation, unprintableMessage } from '../fonts/unprintable.ts';
import { warnAt } from './build-warning.ts';
import { hasClass } from './hast-helpers.ts';

export const MARKER_CLASS = 'unprintable-character';

function marker(character: string): Element {
  const explanation = markerExplanation(character);
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [MARKER_CLASS], role: 'img', ariaLabel: explanation, title: explanation },
    children: [{ type: 'text', value: codePointLabel(character) }],
  };
}

/** The text split around its unprintable characters, each replaced by a marker; undefined when it has none. */
function withMarkers(node: Text, file: VFile): ElementContent[] | undefined {
  const pieces: ElementContent[] = [];
  let plain = '';
  let line = node.position?.start.line;
  for (const character of node.value) {
    if (isUnprintable(character)) {
      if (plain !== '') pieces.push({ type: 'text', value: plain });
      plain = '';
      pieces.push(marker(character));
      warnAt('character warning', file, line, unprintableMessage(character));
    } else plain += character;
    if (character === '\n' && line !== undefined) line += 1;
  }
  if (pieces.length === 0) return undefined;
  if (plain !== '') pieces.push({ type: 'text', value: plain });
  return pieces;
}

export default function rehypeUnprintableCharacters() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node, index, parent) => {
      if (hasClass(node, 'math-inline') || hasClass(node, 'math-display')) return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return undefined;
      const pieces = withMarkers(node, file);
      if (!pieces) return undefined;
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
