/**
 * A question as an Anki card, from the article its section page shows (HTML, as built): the front
 * is what Test me leaves showing (statement, screenshots, part headings), the back every answer
 * with the part and the source ("DeepSeek" …) it belongs to. Formulas go back to their TeX as
 * `\(…\)` and `\[…\]`, which Anki renders with MathJax; screenshots point at a flat media name, as
 * Anki's media folder wants.
 *
 * The page marks what to split on: `.answer` blocks (what Test me hides), `section.part` with its
 * `.part-heading`, and `section.variant` with `data-source` for answers from several sources.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { hasClass } from '../markdown/hast-helpers.ts';

export interface Card {
  front: string;
  back: string;
  /** Image URLs the card shows (as the page has them) → the media file names the card uses. */
  media: Map<string, string>;
}

function* elements(node: Element | Root): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

export function findElement(root: Element | Root, test: (element: Element) => boolean): Element | undefined {
  for (const element of elements(root)) if (test(element)) return element;
  return undefined;
}

const text = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '';

/** A copy of `node` without the children `drop` picks, everywhere inside it. */
function without(node: Element, drop: (child: Element) => boolean): Element {
  return {
    ...node,
    children: node.children
      .filter((child) => child.type !== 'element' || !drop(child))
      .map((child) => (child.type === 'element' ? without(child, drop) : child)),
  };
}

/** What the page adds for reading on screen, not content: reading-mode notes, tab buttons, heading links. */
const isScreenOnly = (element: Element): boolean =>
  hasClass(element, 'lang-note') || hasClass(element, 'variant-tabs') || hasClass(element, 'permalink');

const KEPT_ATTRIBUTES = new Set(['src', 'alt', 'href', 'lang', 'colSpan', 'rowSpan']);

/** Anki's form of an element tree: TeX for formulas, flat media names for images, line breaks in code kept, page attributes dropped. */
function forAnki(node: ElementContent, media: Map<string, string>, mediaName: (src: string) => string, inPre = false): ElementContent[] {
  if (node.type === 'text') {
    if (!inPre || !node.value.includes('\n')) return [node];
    return node.value
      .split('\n')
      .flatMap((line, index): ElementContent[] => [
        ...(index > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []),
        { type: 'text', value: line },
      ]);
  }
  if (node.type !== 'element') return [];
  if (hasClass(node, 'katex-display') || hasClass(node, 'katex')) {
    const tex = text(findElement(node, (element) => element.tagName === 'annotation') ?? { type: 'text', value: '' });
    return [{ type: 'text', value: hasClass(node, 'katex-display') ? `\\[${tex}\\]` : `\\(${tex}\\)` }];
  }
  const properties = Object.fromEntries(Object.entries(node.properties).filter(([name]) => KEPT_ATTRIBUTES.has(name)));
  if (node.tagName === 'img' && typeof node.properties.src === 'string') {
    const name = media.get(node.properties.src) ?? mediaName(node.properties.src);
    media.set(node.properties.src, name);
    properties.src = name;
  }
  const pre = inPre || node.tagName === 'pre';
  return [{ ...node, properties, children: node.children.flatMap((child) => forAnki(child, media, mediaName, pre)) }];
}

/**
 * One line of HTML without tabs: a record of Anki's text import is one line of tab-separated
 * fields. Newlines are whitespace to HTML, except in <pre> (kept there as <br>); a tab is written &#9;.
 */
function serialize(nodes: ElementContent[], media: Map<string, string>, mediaName: (src: string) => string): string {
  return toHtml(
    nodes.flatMap((node) => forAnki(node, media, mediaName)),
    { characterReferences: { useNamedReferences: true } },
  )
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('\t', '&#9;')
    .trim();
}

const strong = (children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'p',
  properties: {},
  children: [{ type: 'element', tagName: 'strong', properties: {}, children }],
});

/** The labels an answer sits under, outermost first: the source of a whole-question variant, then its part. */
function answerLabels(path: Element[]): { key: string; label: Element }[] {
  return path.flatMap((element) => {
    if (hasClass(element, 'variant') && typeof element.properties.dataSource === 'string')
      return [{ key: `variant ${element.properties.dataSource}`, label: strong([{ type: 'text', value: element.properties.dataSource }]) }];
    const heading = hasClass(element, 'part')
      ? element.children.find((child): child is Element => hasClass(child, 'part-heading'))
      : undefined;
    return heading ? [{ key: `part ${String(element.properties.id)}`, label: strong(heading.children) }] : [];
  });
}

/** The `.answer` blocks of a tree in document order, each with the elements it sits in. */
function answers(root: Element, path: Element[] = []): { answer: Element; path: Element[] }[] {
  return root.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    if (hasClass(child, 'answer')) return [{ answer: child, path }];
    return answers(child, [...path, child]);
  });
}

/** The tree with only the first of each run of sibling answer variants, and no variant labels. */
function firstVariants(node: Element): Element {
  const children = node.children.filter(
    (child, index) =>
      child.type !== 'element' ||
      (!hasClass(child, 'variant-label') &&
        !(hasClass(child, 'variant') && node.children.slice(0, index).some((before) => hasClass(before, 'variant')))),
  );
  return { ...node, children: children.map((child) => (child.type === 'element' ? firstVariants(child) : child)) };
}

/**
 * The card of a question article. `heading` is the card's title line (the question as the site
 * names it), `mediaName` gives the flat file name an image URL is stored under.
 */
export function cardOf(article: Element, heading: string, mediaName: (src: string) => string): Card {
  const media = new Map<string, string>();
  const title = strong([{ type: 'text', value: heading }]);
  const body = article.children.find((child): child is Element => hasClass(child, 'question-body'));
  const clean = body && without(body, isScreenOnly);
  if (!clean) return { front: serialize([title], media, mediaName), back: '', media };

  // Front: what Test me leaves showing; of an answer given whole by several sources, the first one's parts.
  const front = firstVariants(without(clean, (element) => hasClass(element, 'answer') || hasClass(element, 'answer-heading')));

  // Back: each answer under the labels it sits under, a label again only when it changes.
  const back: ElementContent[] = [];
  let previous: string[] = [];
  for (const { answer, path } of answers(clean)) {
    const labels = answerLabels(path);
    const firstNew = labels.findIndex((label, index) => label.key !== previous[index]);
    if (firstNew !== -1) back.push(...labels.slice(firstNew).map((label) => label.label));
    previous = labels.map((label) => label.key);
    back.push(...answer.children);
  }
  return { front: serialize([title, ...front.children], media, mediaName), back: serialize(back, media, mediaName), media };
}
