/**
 * What students write inside a line that Markdown editors render but CommonMark leaves as text:
 * - `==highlight==` (Obsidian, Typora) is highlighted text;
 * - `{{c1::answer}}` / `{{c1::answer::hint}}` (Anki cloze) is a blank with its answer;
 * - `![[image.png]]`, `![[image.png|300]]` (Obsidian embeds) and `![alt|300](url)` are images, sized;
 * - `[[Page]]`, `[[Page|shown text]]` (Obsidian links to notes not imported) show their text;
 * - `<font color='red'>…</font>` and `<span style="color:…">…</span>` are inked text (often the
 *   marked option of a multiple-choice question), kept as a kind of mark, not as raw HTML;
 * - a line break before an option line (`A. …`, `(B)`, `C、…`) stays a line break, as editors show it.
 */
import type { Image, Parent, PhrasingContent, Root, Text } from 'mdast';

/** `==text==`: highlighted. */
export interface Highlight extends Parent {
  type: 'highlight';
  children: PhrasingContent[];
}

/** `{{c1::answer::hint}}`: a cloze blank, its answer as children. */
export interface Cloze extends Parent {
  type: 'cloze';
  /** The hint shown in the blank, if written. */
  hint?: string | undefined;
  children: PhrasingContent[];
}

/** Text in a colour the student chose (`<font color>`), as one of a few ink names. */
export interface Inked extends Parent {
  type: 'inked';
  ink: Ink;
  children: PhrasingContent[];
}

export type Ink = 'red' | 'orange' | 'green' | 'blue' | 'purple' | 'other';

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight;
    cloze: Cloze;
    inked: Inked;
  }
  interface RootContentMap {
    highlight: Highlight;
    cloze: Cloze;
    inked: Inked;
  }
}

/** Phrasing parents whose children the dialect reads (text in code and math is not theirs). */
const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'highlight',
  'cloze',
  'inked',
]);

export function applyInlineDialect(tree: Root): void {
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (!Array.isArray(node.children)) return;
    if (PHRASING_PARENTS.has(node.type)) {
      node.children = phrasing(node.children as PhrasingContent[], node.type === 'paragraph');
    }
    for (const child of node.children) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
}

/** Nothing the dialect reads: most paragraphs, left as they are. */
const plain = (children: PhrasingContent[], paragraph: boolean): boolean =>
  children.every(
    (child) =>
      child.type !== 'html' &&
      child.type !== 'image' &&
      (child.type !== 'text' || (!/==|\{\{|\}\}|\[\[/.test(child.value) && (!paragraph || !child.value.includes('\n')))),
  );

function phrasing(children: PhrasingContent[], paragraph: boolean): PhrasingContent[] {
  if (plain(children, paragraph)) return children;
  let out = inkHtml(children);
  out = out.flatMap((child) => (child.type === 'text' ? splitText(child) : child.type === 'image' ? [sizedImage(child)] : [child]));
  out = pairMarkers(out);
  if (paragraph) out = optionLineBreaks(out);
  return mergeTexts(out);
}

const WIKI = /(!?)\[\[([^\]\n|]+?)(?:\|([^\]\n]*))?\]\]/g;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|bmp)$/i;

/** Wiki embeds and links inside one text, and the markers (`==`, `{{c1::`, `}}`) as marker texts for pairMarkers. */
function splitText(text: Text): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  const value = text.value;
  for (const match of value.matchAll(WIKI)) {
    const at = match.index ?? 0;
    if (at > last) out.push(...markers(value.slice(last, at), text));
    const [, bang, target = '', alias] = match;
    if (bang === '!' && IMAGE_FILE.test(target.trim())) {
      const size = alias !== undefined ? /^\s*(\d{1,4})(?:\s*x\s*(\d{1,4}))?\s*$/.exec(alias) : null;
      out.push({
        type: 'image',
        url: encodeURI(target.trim()),
        alt: alias !== undefined && !size ? alias.trim() : '',
        position: text.position,
        ...(size?.[1] ? { data: { hProperties: { width: Number(size[1]) } } } : {}),
      });
    } else {
      // A link to (or embed of) a note that is not part of these notes: its name, as Obsidian shows the link.
      out.push({ type: 'text', value: (alias ?? target).trim() });
    }
    last = at + match[0].length;
  }
  if (last < value.length) out.push(...markers(value.slice(last), text));
  return out;
}

/** A marker for pairMarkers: kept as a text node with this data until paired (or left as text). */
interface MarkerData {
  marker: 'highlight' | 'cloze-open' | 'cloze-close';
  hint?: string;
}

const MARKER = /==|\{\{c\d+::|\}\}/g;

function markers(value: string, like: Text): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(MARKER)) {
    const at = match.index ?? 0;
    const raw = match[0];
    // `a == b` is a comparison, `===` a rule of its own: a highlight marker touches its text on the inside.
    if (raw === '==' && (value[at - 1] === '=' || value[at + 2] === '=')) continue;
    if (at > last) out.push({ ...like, value: value.slice(last, at), data: undefined });
    const marker: MarkerData['marker'] = raw === '==' ? 'highlight' : raw === '}}' ? 'cloze-close' : 'cloze-open';
    out.push({ type: 'text', value: raw, data: { marker } as never });
    last = at + raw.length;
  }
  if (last < value.length) out.push({ ...like, value: value.slice(last) });
  return out;
}

const markerOf = (node: PhrasingContent | undefined): MarkerData['marker'] | undefined =>
  node?.type === 'text' ? (node.data as MarkerData | undefined)?.marker : undefined;

const textBefore = (nodes: PhrasingContent[], index: number): string => {
  const node = nodes[index - 1];
  return node?.type === 'text' ? node.value : node === undefined ? '' : 'x';
};
const textAfter = (nodes: PhrasingContent[], index: number): string => {
  const node = nodes[index + 1];
  return node?.type === 'text' ? node.value : node === undefined ? '' : 'x';
};

/** Pairs `==…==` into highlights and `{{c1::…}}` into clozes, left to right; unpaired markers stay text. */
function pairMarkers(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const open: { kind: 'highlight' | 'cloze'; at: number }[] = [];
  nodes.forEach((node, index) => {
    const marker = markerOf(node);
    if (marker === 'highlight') {
      const top = open[open.length - 1];
      if (top?.kind === 'highlight' && !/\s$/.test(textBefore(nodes, index))) {
        open.pop();
        const inside = out.splice(top.at + 1);
        out.splice(top.at, 1, { type: 'highlight', children: inside, data: { hName: 'mark', hProperties: { className: ['highlight'] } } });
        return;
      }
      if (!/^\s|^$/.test(textAfter(nodes, index))) open.push({ kind: 'highlight', at: out.length });
    } else if (marker === 'cloze-open') open.push({ kind: 'cloze', at: out.length });
    else if (marker === 'cloze-close') {
      const at = open.map((entry) => entry.kind).lastIndexOf('cloze');
      if (at !== -1) {
        const [top] = open.splice(at);
        const start = top?.at ?? 0;
        const inside = out.splice(start + 1);
        const { children, hint } = clozeHint(inside);
        out.splice(start, 1, { type: 'cloze', hint, children, data: { hName: 'span', hProperties: { className: ['cloze'] } } });
        return;
      }
    }
    out.push(node);
  });
  return out.map((node) => (markerOf(node) ? { type: 'text', value: (node as Text).value } : node));
}

/** `answer::hint` inside a cloze: the hint after the last `::` of its text. */
function clozeHint(children: PhrasingContent[]): { children: PhrasingContent[]; hint?: string } {
  const last = children[children.length - 1];
  if (last?.type !== 'text') return { children };
  const at = last.value.lastIndexOf('::');
  if (at === -1) return { children };
  const head = last.value.slice(0, at);
  return {
    children: [...children.slice(0, -1), ...(head === '' ? [] : [{ ...last, value: head }])],
    hint: last.value.slice(at + 2).trim(),
  };
}

/** `![alt|300](x.png)`: the size Obsidian reads from the alt text. */
function sizedImage(image: Image): Image {
  const size = /^(.*?)\|\s*(\d{1,4})(?:\s*x\s*\d{1,4})?\s*$/.exec(image.alt ?? '');
  if (!size) return image;
  return {
    ...image,
    alt: (size[1] ?? '').trim(),
    data: { ...image.data, hProperties: { ...image.data?.hProperties, width: Number(size[2]) } },
  };
}

const FONT_OPEN = /^<font\b[^>]*\bcolor\s*=\s*["']?\s*([#\w]+)[^>]*>$/i;
const SPAN_OPEN = /^<span\b[^>]*\bstyle\s*=\s*["'][^"']*?(?:^|;|\s)color\s*:\s*([#\w]+)[^>]*>$/i;

/** `<font color='red'>B. …</font>` as inked text (the tags' other attributes are dropped, as the sanitiser would). */
function inkHtml(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const open: { at: number; close: string; ink: Ink; tag?: 'b' | 'u' }[] = [];
  for (const child of children) {
    if (child.type === 'html') {
      const tag = child.value.trim();
      const bold = /^<(b|strong|u)>$/i.exec(tag)?.[1]?.toLowerCase();
      if (bold) {
        open.push({ at: out.length, close: `</${bold}>`, ink: 'other', tag: bold === 'u' ? 'u' : 'b' });
        out.push(child);
        continue;
      }
      const color = FONT_OPEN.exec(tag)?.[1] ?? SPAN_OPEN.exec(tag)?.[1];
      if (color !== undefined) {
        open.push({ at: out.length, close: /^<font/i.test(tag) ? '</font>' : '</span>', ink: inkOf(color) });
        out.push(child);
        continue;
      }
      const top = open[open.length - 1];
      if (top && tag.toLowerCase().replace(/\s+/g, '') === top.close) {
        open.pop();
        const inside = out.splice(top.at + 1);
        // `<b>…</b>` and `<u>…</u>` are bold and underlined text, as Markdown's own, not raw HTML.
        out.splice(
          top.at,
          1,
          top.tag
            ? { type: 'strong', children: inside, data: { hName: top.tag } }
            : {
                type: 'inked',
                ink: top.ink,
                children: inside,
                data: { hName: 'span', hProperties: { className: ['ink'], dataInk: top.ink } },
              },
        );
        continue;
      }
    }
    out.push(child);
  }
  return out;
}

const NAMED_INKS: Record<string, Ink> = {
  red: 'red',
  crimson: 'red',
  darkred: 'red',
  orange: 'orange',
  orangered: 'orange',
  yellow: 'orange',
  gold: 'orange',
  green: 'green',
  darkgreen: 'green',
  lime: 'green',
  blue: 'blue',
  navy: 'blue',
  darkblue: 'blue',
  purple: 'purple',
  violet: 'purple',
  magenta: 'purple',
};

/** A colour as one of the inks the site draws in both themes, by name or by the hue of `#rgb` / `#rrggbb`. */
export function inkOf(color: string): Ink {
  const lower = color.toLowerCase();
  const named = NAMED_INKS[lower];
  if (named) return named;
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(lower)?.[1];
  if (!hex) return 'other';
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.15) return 'other';
  const hue =
    max === r
      ? (((g - b) / (max - min)) * 60 + 360) % 360
      : max === g
        ? ((b - r) / (max - min)) * 60 + 120
        : ((r - g) / (max - min)) * 60 + 240;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 65) return 'orange';
  if (hue < 170) return 'green';
  if (hue < 260) return 'blue';
  return 'purple';
}

/** An option label at the start of a line: `A.`, `B、`, `C)`, `(D)`, `（A）`. */
const OPTION_LABEL = /^[ \t]*(?:[A-H][.．、)）:：]|[(（][A-H][)）])/;

const startsWithOption = (node: PhrasingContent | undefined): boolean => {
  if (!node) return false;
  if (node.type === 'text') return OPTION_LABEL.test(node.value);
  if ('children' in node) return startsWithOption(node.children[0]);
  return false;
};

/** Each option of a multiple-choice question on its own line, as editors show a line break before it. */
function optionLineBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  nodes.forEach((node, index) => {
    if (node.type !== 'text' || !node.value.includes('\n')) return void out.push(node);
    const lines = node.value.split('\n');
    lines.forEach((line, at) => {
      if (at > 0) {
        const next = at === lines.length - 1 && line === '' ? nodes[index + 1] : ({ type: 'text', value: line } as Text);
        out.push(startsWithOption(next) ? { type: 'break' } : { type: 'text', value: '\n' });
      }
      if (line !== '') out.push({ ...node, value: line });
    });
  });
  return out;
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { ...last, value: last.value + node.value, position: last.position };
    else out.push(node);
  }
  return out;
}
