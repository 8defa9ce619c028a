/**
 * What students write that CommonMark reads otherwise, made to mean what they meant. Applied to
 * every parse of notes and content, by the importer (markdown.ts) and by the site (as the first
 * remark plugin), so both see the same tree:
 * - containers `:::details 解析` … `:::` (VitePress, Docusaurus) become one block, never literal `:::`;
 * - `###1 d i)` (no space after the hashes: a paragraph in CommonMark) is the heading it was meant to be;
 * - a Typora image `<img src="./img/x.png" alt="…" style="zoom:50%;" />` of a local file is a
 *   screenshot like `![…](./img/x.png)` (only `src` and `alt` kept); other HTML stays for the sanitiser.
 */
import type { Heading, Html, Image, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Element, Properties } from 'hast';
import type { Position } from 'unist';
import { fromHtml } from 'hast-util-from-html';

/**
 * A block set apart by its syntax: `:::name label` … `:::` (VitePress, Docusaurus), a MkDocs
 * admonition `!!! name "label"` / `??? name` (indented body), or an Obsidian callout
 * `> [!name]- label` (callouts.ts).
 */
export interface Container {
  type: 'notesContainer';
  /** "details", "tip", "warning", "quote", "answer" … as written, lower case. */
  name: string;
  /** The title on the opening line: "中文翻译和解析", "Answer". */
  label: string;
  /** Folded away until opened (`??? …`, `> [!x]-`), or foldable and open (`???+ …`, `> [!x]+`); undefined when not foldable. */
  fold?: 'closed' | 'open' | undefined;
  children: RootContent[];
  position?: Position | undefined;
  data?: { hName?: string; hProperties?: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    notesContainer: Container;
  }
  interface Data {
    /** The title the page gives a container (its summary, or a callout's title line), not the notes' text. */
    notesTitle?: boolean | undefined;
  }
}

const CONTAINER_OPEN = /^ {0,3}(:{3,})\s*([A-Za-z][\w-]*)?\s*(.*?)\s*:*\s*$/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,}|\$\$)/;

export interface ContainerFence {
  /** 1-based lines of the opening and closing fences; an admonition's "closing fence" is the line after its body. */
  open: number;
  close: number;
  name: string;
  label: string;
  fold?: Container['fold'];
  /** For an admonition: the columns its body is indented by (taken off for parsing). */
  indent?: number | undefined;
}

/** `!!! note "Title"`, `??? answer`, `???+ tip`: a MkDocs (Material) admonition's opening line. */
const ADMONITION_OPEN = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+(?:"([^"]*)"|'([^']*)'|(\S.*?)))?[ \t]*$/;

/**
 * The container fences of a text, outside code blocks and display math, innermost closed first.
 * An opening fence never closed is left as text (and said so by the caller if it likes).
 */
export function findContainerFences(lines: string[]): ContainerFence[] {
  const fences: ContainerFence[] = [];
  const open: { line: number; name: string; label: string; colons: number }[] = [];
  let code: string | undefined;
  lines.forEach((text, index) => {
    const fence = FENCE.exec(text)?.[1];
    if (code !== undefined) {
      if (fence !== undefined && fence[0] === code[0] && fence.length >= code.length) code = undefined;
      return;
    }
    if (fence !== undefined) {
      // `$$ x $$` on one line opens and closes itself.
      if (!(fence === '$$' && text.trim().length > 2 && text.trim().endsWith('$$'))) code = fence;
      return;
    }
    const close = CONTAINER_CLOSE.exec(text);
    if (close && open.length > 0) {
      const start = open.pop();
      if (start) fences.push({ open: start.line, close: index + 1, name: start.name, label: start.label });
      return;
    }
    const opening = CONTAINER_OPEN.exec(text);
    if (opening?.[2]) {
      open.push({ line: index + 1, name: opening[2].toLowerCase(), label: opening[3] ?? '', colons: opening[1]?.length ?? 3 });
      return;
    }
    const admonition = ADMONITION_OPEN.exec(text);
    if (admonition?.[2]) {
      const end = admonitionEnd(lines, index);
      if (end > index + 1) {
        const marker = admonition[1] ?? '!!!';
        fences.push({
          open: index + 1,
          close: end + 1,
          name: admonition[2].toLowerCase(),
          label: admonition[3] ?? admonition[4] ?? admonition[5] ?? '',
          fold: marker === '!!!' ? undefined : marker.endsWith('+') ? 'open' : 'closed',
          indent: 4,
        });
      }
    }
  });
  return fences.sort((a, b) => a.open - b.open);
}

/** The 0-based line after an admonition's body: its lines indented by four columns (a tab counts), blank lines between them included. */
function admonitionEnd(lines: string[], open: number): number {
  let end = open + 1;
  for (let at = open + 1; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (line.trim() === '') continue;
    if (!/^(?: {4}|\t)/.test(line)) break;
    end = at + 1;
  }
  return end;
}

/**
 * The lines with container fence lines blanked (same line count), so blocks never straddle them,
 * and admonition bodies taken out of their indent; `dedented` gets each line whose columns moved, and by how much.
 */
export function blankContainerFences(lines: string[], fences: ContainerFence[], dedented: Map<number, number>): string[] {
  if (fences.length === 0) return lines;
  const out = [...lines];
  for (const fence of fences) {
    out[fence.open - 1] = '';
    if (fence.indent === undefined) {
      out[fence.close - 1] = '';
      continue;
    }
    for (let line = fence.open + 1; line < fence.close; line++) {
      const text = out[line - 1] ?? '';
      const indent = text.startsWith('\t') ? 1 : Math.min(fence.indent, /^ */.exec(text)?.[0].length ?? 0);
      out[line - 1] = text.slice(indent);
      dedented.set(line, (dedented.get(line) ?? 0) + indent);
    }
  }
  return out;
}

const lineOf = (node: { position?: RootContent['position'] }): number => node.position?.start.line ?? 0;

/** A point of the text (unist positions carry offsets; later steps such as hast-util-raw rely on them). */
function pointAt(lines: string[], line: number, column: number): { line: number; column: number; offset: number } {
  let offset = 0;
  for (let index = 0; index < line - 1; index++) offset += (lines[index] ?? '').length + 1;
  return { line, column, offset: offset + column - 1 };
}

/** Groups the top-level blocks between each pair of fences into a container node (nested fences nest). */
export function wrapContainers(tree: Root, fences: ContainerFence[], lines: string[]): void {
  const wrap = (nodes: RootContent[], within: ContainerFence[]): RootContent[] => {
    const out: RootContent[] = [];
    let index = 0;
    const outer = within.filter(
      // An admonition nested at the end of another's body ends on the same line as it.
      (fence) => !within.some((other) => other !== fence && other.open < fence.open && other.close >= fence.close),
    );
    for (const fence of outer) {
      while (index < nodes.length && lineOf(nodes[index] as RootContent) < fence.open) out.push(nodes[index++] as RootContent);
      const inside: RootContent[] = [];
      while (index < nodes.length && lineOf(nodes[index] as RootContent) < fence.close) inside.push(nodes[index++] as RootContent);
      const nested = within.filter((other) => other.open > fence.open && other.close <= fence.close);
      // An admonition has no closing fence: it ends with its body, the line before `close`.
      const lastLine = fence.indent === undefined ? fence.close : fence.close - 1;
      out.push({
        type: 'notesContainer',
        name: fence.name,
        label: fence.label,
        ...(fence.fold ? { fold: fence.fold } : {}),
        children: wrap(inside, nested),
        position: { start: pointAt(lines, fence.open, 1), end: pointAt(lines, lastLine, (lines[lastLine - 1] ?? '').length + 1) },
      });
    }
    out.push(...nodes.slice(index));
    return out;
  };
  tree.children = wrap(tree.children, fences);
}

/** `###1 d i)` opens a heading of depth 3 (2 to 6 hashes, so a `#hashtag` stays text). */
const HASH_HEADING = /^(#{2,6})(?=[^#\s])/;

export interface HashHeading {
  line: number;
  text: string;
}

/** Turns paragraphs whose first line is `##…` without a space into that heading (and the rest of the paragraph). */
export function liftHashHeadings(tree: Root, lines: string[]): HashHeading[] {
  const lifted: HashHeading[] = [];
  const next: RootContent[] = [];
  for (const node of tree.children) {
    const start = node.position?.start;
    const first = start ? (lines[start.line - 1] ?? '') : '';
    const hashes = node.type === 'paragraph' && start?.column === 1 ? HASH_HEADING.exec(first)?.[1] : undefined;
    if (node.type !== 'paragraph' || hashes === undefined || !start) {
      next.push(node);
      continue;
    }
    const [headingChildren, rest] = splitFirstLine(node.children, hashes.length);
    const heading: Heading = {
      type: 'heading',
      depth: hashes.length as Heading['depth'],
      children: headingChildren,
      position: { start, end: pointAt(lines, start.line, first.length + 1) },
    };
    next.push(heading);
    if (rest.length > 0 && node.position) {
      next.push({ type: 'paragraph', children: rest, position: { start: pointAt(lines, start.line + 1, 1), end: node.position.end } });
    }
    lifted.push({ line: start.line, text: first });
  }
  tree.children = next;
  return lifted;
}

/** A paragraph's children split after its first line, with `hashes` characters taken off its start. */
function splitFirstLine(children: PhrasingContent[], hashes: number): [PhrasingContent[], PhrasingContent[]] {
  const first: PhrasingContent[] = [];
  const rest: PhrasingContent[] = [];
  let inFirst = true;
  children.forEach((child, index) => {
    if (!inFirst) return void rest.push(child);
    if (child.type === 'break') return void (inFirst = false);
    if (child.type === 'text') {
      let value = index === 0 ? child.value.slice(hashes) : child.value;
      const newline = value.indexOf('\n');
      if (newline !== -1) {
        const after = value.slice(newline + 1);
        value = value.slice(0, newline);
        inFirst = false;
        if (after !== '') rest.push({ type: 'text', value: after });
      }
      first.push({ ...child, value: index === 0 ? value.trimStart() : value });
      return;
    }
    first.push(child);
  });
  return [first, rest];
}

/** Attributes Typora and other editors give an image (hast names): the image keeps only `src` and `alt`. */
const IMAGE_ATTRIBUTES = new Set(['src', 'alt', 'title', 'width', 'height', 'style', 'align', 'className', 'loading']);

/** An image's `src` that the site serves itself: relative, no scheme, not `//host`. */
const LOCAL_SOURCE = /^(?![a-z][a-z0-9+.-]*:|[\\/]{2}|\/)[^\s]+$/i;

/** A raw `<img>` of a local file, as an image node; undefined for anything else (left to the sanitiser). */
function localImage(html: string, position: RootContent['position']): Image | undefined {
  if (!/^\s*<img\b[^>]*>\s*$/i.test(html)) return undefined;
  const element = fromHtml(html, { fragment: true }).children.find((node): node is Element => node.type === 'element');
  const src = element?.properties.src;
  if (!element || typeof src !== 'string' || !LOCAL_SOURCE.test(src)) return undefined;
  // Only what an editor writes for an image; anything else (an event handler …) is for the sanitiser to report.
  if (Object.keys(element.properties).some((name) => !IMAGE_ATTRIBUTES.has(name))) return undefined;
  const alt = element.properties.alt;
  return { type: 'image', url: src, alt: typeof alt === 'string' ? alt : '', position };
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'notesContainer']);

/** Typora's `<img src="./img/x.png" …>`: a block of only such tags becomes a paragraph of images; an inline one becomes an image. */
export function adoptLocalImages(tree: Root): void {
  const visitChildren = (parent: { type: string; children: unknown[] }): void => {
    const block = BLOCK_PARENTS.has(parent.type);
    parent.children.forEach((child, index) => {
      const node = child as RootContent;
      if (node.type === 'html') {
        const images = localImages(node);
        if (images)
          parent.children[index] = block
            ? ({ type: 'paragraph', children: images, position: node.position } satisfies Paragraph)
            : images[0];
        return;
      }
      if ('children' in node) visitChildren(node as { type: string; children: unknown[] });
    });
  };
  visitChildren(tree);
}

/** The images of an html node made only of local `<img>` tags (one tag when inline), or undefined. */
function localImages(node: Html): Image[] | undefined {
  const tags = node.value.match(/<img\b[^>]*>/gi);
  if (!tags || node.value.replace(/<img\b[^>]*>/gi, '').trim() !== '') return undefined;
  const images = tags.map((tag) => localImage(tag, node.position));
  return images.every((image): image is Image => image !== undefined) ? images : undefined;
}

const DETAILS_OPEN = /<details\b([^>]*)>\s*(?:<summary\b[^>]*>([\s\S]*?)<\/summary>)?/i;
const DETAILS_CLOSE = /<\/details\s*>/i;

/**
 * `<details><summary>Answer</summary>`, then Markdown, then `</details>` (HTML blocks end at a
 * blank line, so the Markdown between is blocks of its own): one container, whose summary names it,
 * folded unless written `open`. A `<details>` closed within its own HTML block is left to the sanitiser.
 * Text of an HTML block after its `</details>` stays, as an HTML block of its own.
 */
export function wrapDetails(parent: { children: RootContent[] }): void {
  const out: RootContent[] = [];
  const open: { at: number; node: Html; attributes: string; summary: string; rest: boolean }[] = [];
  const pending = [...parent.children];
  while (pending.length > 0) {
    const node = pending.shift() as RootContent;
    if (
      'children' in node &&
      (node.type === 'listItem' || node.type === 'blockquote' || node.type === 'notesContainer' || node.type === 'list')
    ) {
      if (node.type === 'list') for (const item of node.children) wrapDetails(item);
      else wrapDetails(node as { children: RootContent[] });
    }
    if (node.type !== 'html') {
      out.push(node);
      continue;
    }
    const opening = DETAILS_OPEN.exec(node.value);
    const closing = DETAILS_CLOSE.exec(node.value);
    if (opening && opening.index === 0 && (!closing || closing.index < opening.index)) {
      if (!closing) {
        const rest = node.value.slice(opening[0].length).trim();
        open.push({
          at: out.length,
          node,
          attributes: opening[1] ?? '',
          summary: (opening[2] ?? '').replace(/<[^>]*>/g, '').trim(),
          rest: rest !== '',
        });
        // An HTML block may go on after its summary (`<br/>`): that stays inside, as an HTML block.
        if (rest !== '') out.push({ ...node, value: rest });
        continue;
      }
    }
    const top = open[open.length - 1];
    if (closing && top && node.value.slice(0, closing.index).trim() === '') {
      open.pop();
      const children = out.splice(top.at);
      out.push({
        type: 'notesContainer',
        name: 'details',
        label: top.summary,
        fold: /\bopen\b/i.test(top.attributes) ? 'open' : 'closed',
        children,
        position: { start: top.node.position?.start ?? { line: 1, column: 1 }, end: node.position?.end ?? { line: 1, column: 1 } },
      });
      const after = node.value.slice(closing.index + closing[0].length).trim();
      if (after !== '') pending.unshift({ ...node, value: after });
      continue;
    }
    out.push(node);
  }
  // A <details> never closed stays the HTML block it was.
  for (const unclosed of open.reverse()) out.splice(unclosed.at, unclosed.rest ? 1 : 0, unclosed.node);
  parent.children = out;
}
