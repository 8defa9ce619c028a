/**
 * Obsidian callouts: a block quote whose first line is `[!type]` with an optional fold sign and
 * title (`> [!quote]- Answer`, `> [!tip]+ 记忆`, `> [!note]`) is a container of that type, folded
 * away (`-`) or foldable and open (`+`), titled as written. Nested callouts (`> > [!info]`) too.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Container } from './dialect.ts';
import { inlineText } from './inline-text.ts';

const CALLOUT_HEAD = /^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*/;

/** Replaces every callout block quote in the tree (at any depth) by a container. */
export function adoptCallouts(tree: Root): void {
  const visitChildren = (parent: { children: RootContent[] }): void => {
    parent.children.forEach((child, index) => {
      if ('children' in child && Array.isArray(child.children)) visitChildren(child as { children: RootContent[] });
      if (child.type === 'blockquote') {
        const container = calloutOf(child);
        if (container) parent.children[index] = container;
      }
    });
  };
  visitChildren(tree);
}

function calloutOf(quote: Blockquote): Container | undefined {
  const [first, ...rest] = quote.children;
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  const match = head?.type === 'text' ? CALLOUT_HEAD.exec(head.value) : null;
  if (!match || head?.type !== 'text') return undefined;
  const [titleLine, body] = splitFirstLine([{ ...head, value: head.value.slice(match[0].length) }, ...first.children.slice(1)]);
  const children: RootContent[] = body.length > 0 ? [{ ...first, children: body } satisfies Paragraph, ...rest] : rest;
  return {
    type: 'notesContainer',
    name: (match[1] ?? '').toLowerCase(),
    label: inlineText(titleLine).trim(),
    ...(match[2] === '-' ? { fold: 'closed' as const } : match[2] === '+' ? { fold: 'open' as const } : {}),
    children,
    position: quote.position,
  };
}

/** A paragraph's children split at its first line end (a newline in a text, or a hard break). */
function splitFirstLine(children: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  const first: PhrasingContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent;
    if (child.type === 'break') return [first, children.slice(index + 1)];
    if (child.type === 'text' && child.value.includes('\n')) {
      const at = child.value.indexOf('\n');
      const after = child.value.slice(at + 1);
      if (at > 0) first.push({ ...child, value: child.value.slice(0, at) });
      return [first, [...(after === '' ? [] : [{ ...child, value: after }]), ...children.slice(index + 1)]];
    }
    first.push(child);
  }
  return [first, []];
}
