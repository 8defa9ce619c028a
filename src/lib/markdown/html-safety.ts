/**
 * Notes are shared between classmates, so raw HTML in them is untrusted: it must never run code,
 * load anything from another site or redirect the reader. Raw HTML is parsed (hast-util-raw),
 * each hostile construct is replaced by a visible marker saying what was removed (its text kept
 * where that makes sense) and reported with its line, and hast-util-sanitize then applies an
 * explicit allow-list: the formatting notes use, Markdown's own output and the markup of our
 * remark plugins. KaTeX renders after this step, from TeX, with `trust` off (see pipeline.ts).
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { randomUUID } from 'node:crypto';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseMarkdown } from '../notes/markdown.ts';

export interface HtmlFinding {
  /** 1-based line in the Markdown the tree was made from; undefined when unknown. */
  line: number | undefined;
  /** What was found and what became of it: "<script> removed: notes cannot run code". */
  message: string;
}

/** The class of the visible markers that stand where something was removed. */
export const REMOVED_CLASS = 'html-removed';

/** Elements removed whole, with what the marker says; their text is code, styles or another page. */
const REMOVED: Record<string, string> = {
  script: 'notes cannot run code',
  noscript: 'notes cannot run code',
  template: 'notes cannot run code',
  style: 'notes cannot restyle the site',
  link: 'notes cannot load style sheets or other files',
  meta: 'notes cannot redirect or reload the page',
  base: 'notes cannot change where links lead',
  iframe: 'notes cannot embed other pages',
  frame: 'notes cannot embed other pages',
  frameset: 'notes cannot embed other pages',
  object: 'notes cannot embed plug-ins or other pages',
  embed: 'notes cannot embed plug-ins or other pages',
  applet: 'notes cannot embed plug-ins or other pages',
  portal: 'notes cannot embed other pages',
  video: 'notes cannot load media from other sites',
  audio: 'notes cannot load media from other sites',
};

/** Elements that go while what is inside them stays (made harmless in turn). */
const UNWRAPPED: Record<string, string> = {
  svg: 'notes cannot embed drawings, which may run code',
  math: 'write formulas as $…$',
  form: 'notes cannot send data anywhere',
  select: 'notes cannot send data anywhere',
  textarea: 'notes cannot send data anywhere',
};

/** Schemes a link may use; a relative link is always fine. */
const LINK_SCHEMES = ['http', 'https', 'mailto'];
/**
 * An image source the site serves itself: relative, no scheme, not `//host/…`, and without the
 * spaces or control characters a browser would drop (so "ht\ttps:" cannot sneak past).
 */
const OWN_IMAGE = /^(?![\\/]{2})[^\u0000-\u0020:]*$/;

/** Classes the Markdown pipeline itself writes before this step (remark plugins, GFM, remark-math). */
const OWN_CLASSES = [
  'question-body',
  'answer',
  'answer-heading',
  'part',
  'part-heading',
  'exam-badge',
  'variants',
  'variant-tabs',
  'variant-tab',
  'variant',
  'variant-label',
  'js-only',
  'screenshot',
  'shot-missing',
  'note-details',
  'callout',
  'callout-title',
  'shot-hint',
  'math-inline',
  'math-display',
  'footnotes',
  'sr-only',
  'task-list-item',
  'contains-task-list',
  'data-footnote-backref',
  'highlight',
  'cloze',
  'ink',
  'answer-inline',
  'answer-text',
  'answer-mark',
  'key-answer',
  'key-label',
  REMOVED_CLASS,
];

/**
 * The allow-list: GitHub's (hast-util-sanitize's default), plus our own markup, minus what could
 * fetch from another site (picture/source, absolute image URLs). Ids keep their names, since
 * permalinks point at them, but only in the shapes the pipeline writes (`s1-…`, footnotes):
 * a note's own id could otherwise shadow a name the site's scripts look up.
 */
export const SAFE_SCHEMA: Schema = {
  ...defaultSchema,
  // Plus formatting notes use that GitHub does not list (mark, u, small), and our tab buttons.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'picture' && name !== 'source'), 'mark', 'u', 'small', 'button'],
  attributes: {
    // One class list for every element (below): a tag's own list would replace it, not add to it.
    ...Object.fromEntries(
      Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [
        tag,
        list.filter((definition) => definition !== 'className' && definition[0] !== 'className'),
      ]),
    ),
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name' && name !== 'action'),
      ['id', /^s\d+-[a-z0-9-]+$/, /^user-content-/, 'footnote-label'],
      ['className', ...OWN_CLASSES, /^language-./],
      'role',
      'ariaLabel',
      'ariaLabelledBy',
      'ariaDescribedBy',
      'ariaControls',
      'ariaSelected',
      'dataPart',
      'dataDepth',
      'dataExaminability',
      'dataScope',
      'dataSource',
      'dataFolder',
      'dataAlt',
      'dataKind',
      'dataInk',
      'dataWidth',
    ],
    details: ['open'],
    button: ['type'],
    img: [...(defaultSchema.attributes?.img ?? []).filter((name) => name !== 'src'), ['src', OWN_IMAGE], 'loading', 'decoding'],
  },
  clobber: [],
  protocols: { ...defaultSchema.protocols, href: LINK_SCHEMES },
  strip: ['script', 'style', 'template', 'noscript'],
};

/**
 * A link the site keeps: relative, or with a scheme in LINK_SCHEMES, judged as hast-util-sanitize
 * judges it (so what this step reports is exactly what the schema removes): any other text
 * before a colon, even "java\tscript" or "JAVASCRIPT", is a scheme that is not allowed.
 */
function isSafeLink(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon === -1 || ['/', '?', '#'].some((mark) => url.includes(mark) && url.indexOf(mark) < colon)) return true;
  return LINK_SCHEMES.includes(url.slice(0, colon));
}

function shorten(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function marker(text: string, block: boolean): Element {
  return {
    type: 'element',
    tagName: block ? 'div' : 'span',
    properties: { className: [REMOVED_CLASS], role: 'note' },
    children: [{ type: 'text', value: text }],
  };
}

/** Far deeper than notes and our layout nest; each step after this one (and the browser) recurses per level. */
const MAX_HTML_DEPTH = 64;

/** The text under a node, without recursion (the tree may be thousands of levels deep). */
function textOf(node: Element): string {
  let text = '';
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'text') text += next.value;
    else if ('children' in next) stack.push(...[...next.children].reverse());
  }
  return text;
}

/**
 * Thousands of unclosed tags (`<b><b><b>…`) nest as deep, which overflows the stack of every
 * recursive step after parsing. Below MAX_HTML_DEPTH, what is left is kept as plain text.
 */
function flattenDeepHtml(tree: Root): HtmlFinding[] {
  const findings: HtmlFinding[] = [];
  const stack: { node: Root | Element; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (depth + 1 < MAX_HTML_DEPTH) stack.push({ node: child, depth: depth + 1 });
      else {
        child.children = [{ type: 'text', value: textOf(child) }];
        findings.push({
          line: child.position?.start.line,
          message: `HTML nested more than ${MAX_HTML_DEPTH} levels deep: what is inside is kept as plain text`,
        });
      }
    }
  }
  return findings;
}

/** Marks the images Markdown made, so raw HTML <img> tags can be told apart after parsing. */
const MARKDOWN_IMAGE = 'dataMarkdownImage';
const markdownImageMark = randomUUID();

/** Containers whose children are blocks: a marker there is a block too. */
const FLOW = new Set(['div', 'section', 'blockquote', 'li', 'td', 'th', 'details', 'dd']);

/**
 * Replaces hostile constructs in a tree whose raw HTML is already parsed, and reports them.
 * What it misses, the schema still removes; this step makes each removal visible and located.
 */
function neutralise(tree: Root): HtmlFinding[] {
  const findings: HtmlFinding[] = [];
  const report = (node: Nodes, message: string): void => {
    findings.push({ line: node.position?.start.line, message });
  };

  /** What stands in the place of `node`: itself (made harmless), or a marker and the text it keeps. */
  const replace = (node: Element, block: boolean): ElementContent[] => {
    const name = node.tagName;
    const removed = REMOVED[name];
    if (removed !== undefined) {
      const what =
        name === 'meta' && node.properties.httpEquiv !== undefined
          ? `<meta http-equiv="${String(node.properties.httpEquiv)}">`
          : `<${name}>`;
      const source = node.properties.src ?? node.properties.data ?? node.properties.href;
      const described = typeof source === 'string' ? `${what} (${shorten(source)})` : what;
      report(node, `${described} removed: ${removed}`);
      return [marker(`Removed from the notes: ${described}; ${removed}.`, block)];
    }
    const unwrapped = UNWRAPPED[name];
    if (unwrapped !== undefined) {
      report(node, `<${name}> removed, what is inside kept: ${unwrapped}`);
      visitChildren(node);
      return [marker(`Removed from the notes: <${name}> (what was inside follows); ${unwrapped}.`, block), ...node.children];
    }
    if (name === 'input' && node.properties.type !== 'checkbox') {
      report(node, `<input> removed: notes cannot send data anywhere`);
      return [marker('Removed from the notes: a form field; notes cannot send data anywhere.', false)];
    }
    for (const key of Object.keys(node.properties)) {
      if (!/^on[A-Za-z]/.test(key)) continue;
      report(
        node,
        `event handler ${key.toLowerCase()}="${shorten(String(node.properties[key]), 30)}" removed from <${name}>: notes cannot run code`,
      );
      delete node.properties[key];
    }
    visitChildren(node);
    const { href, src } = node.properties;
    if (typeof href === 'string' && !isSafeLink(href)) {
      report(node, `link to "${shorten(href, 40)}" removed: only http, https and mailto links are kept (its text stays)`);
      delete node.properties.href;
      // Its text stays, no longer looking like a link.
      node.tagName = 'span';
      return [node, marker(' (link removed: notes cannot run code or open hidden pages)', false)];
    }
    if (name === 'img') {
      const fromMarkdown = node.properties[MARKDOWN_IMAGE] === markdownImageMark;
      delete node.properties[MARKDOWN_IMAGE];
      const foreign = typeof src === 'string' && !OWN_IMAGE.test(src);
      if (fromMarkdown && !foreign) return [node];
      // Raw <img> tags are not screenshots: the importer does not copy them and the site does not serve them.
      const why = foreign
        ? 'notes load nothing from other sites'
        : 'write screenshots as ![alt](./folder/file.png) so they are copied and served';
      const source = typeof src === 'string' ? shorten(src, 60) : 'no source';
      report(node, `image "${source}" not shown: ${why}`);
      const alt = typeof node.properties.alt === 'string' && node.properties.alt !== '' ? ` "${shorten(node.properties.alt)}"` : '';
      return [marker(`Image${alt} not shown (${source}): ${why}.`, block)];
    }
    return [node];
  };

  const visitChildren = (parent: Root | Element): void => {
    const block = parent.type === 'root' || FLOW.has(parent.tagName);
    // A root's children are its elements' kind of children plus doctypes, which raw HTML in notes never yields.
    parent.children = (parent.children as ElementContent[]).flatMap((child) =>
      child.type === 'element' ? replace(child, block) : [child],
    );
  };

  visitChildren(tree);
  return findings;
}

/**
 * Parses raw HTML. Tags nested thousands deep overflow the parser's stack (hast-util-from-parse5
 * recurses per level): then the raw HTML is shown as the text it is, and reported.
 */
function parseRawHtml(tree: Root, source: VFile): { tree: Root; findings: HtmlFinding[] } {
  try {
    return { tree: raw(tree, { file: source }) as Root, findings: [] };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const findings: HtmlFinding[] = [];
    visit(tree, 'raw', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      parent.children[index] = { type: 'text', value: node.value, ...(node.position ? { position: node.position } : {}) };
      if (findings.length === 0)
        findings.push({
          line: node.position?.start.line,
          message: 'HTML nested too deeply to read: all raw HTML in this file is shown as plain text',
        });
    });
    return { tree, findings };
  }
}

/**
 * Parses the raw HTML in a tree made by remark-rehype with `allowDangerousHtml`, neutralises
 * and sanitises it. `source` is the Markdown the tree came from, so positions stay right.
 */
export function makeHtmlSafe(tree: Root, source: VFile): { tree: Root; findings: HtmlFinding[] } {
  // Before parsing, every <img> comes from Markdown: mark them with a value notes cannot know.
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') node.properties[MARKDOWN_IMAGE] = markdownImageMark;
  });
  const parsed = parseRawHtml(tree, source);
  const findings = [...parsed.findings, ...flattenDeepHtml(parsed.tree), ...neutralise(parsed.tree)];
  return { tree: sanitize(parsed.tree, SAFE_SCHEMA) as Root, findings };
}

/** The hostile HTML in a Markdown text, as the site's build will find it (for the content check). */
export function findHostileHtml(markdown: string): HtmlFinding[] {
  return hostileHtmlIn(parseMarkdown(markdown), markdown);
}

/** The same, in a tree parseMarkdown() already made of `markdown` (the importer's, which parses the notes once). */
export function hostileHtmlIn(tree: MdastRoot, markdown: string): HtmlFinding[] {
  return makeHtmlSafe(toHast(tree, { allowDangerousHtml: true }) as Root, new VFile(markdown)).findings;
}
