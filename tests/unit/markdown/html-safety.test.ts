/**
 * Raw HTML in notes, through the site's real Markdown renderer (@astrojs/markdown-remark with
 * our plugins): hostile constructs are removed with a visible note and a located warning, while
 * harmless formatting, KaTeX and our own markup come through unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { findHostileHtml, REMOVED_CLASS } from '../../../src/lib/markdown/html-safety.ts';
import { rehypePlugins, remarkPlugins } from '../../../src/lib/markdown/pipeline.ts';
import { ROOT } from '../helpers/cli.ts';

const options = { remarkPlugins, smartypants: false, syntaxHighlight: false } as const;
const site = await createMarkdownProcessor({ ...options, rehypePlugins: [...rehypePlugins] });
const QUESTION = join(ROOT, 'no-course/questions/s1-2024-may-q1.md');

let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message).trimStart()));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function render(markdown: string, path = QUESTION): Promise<{ html: string; tree: Root; text: string }> {
  const { code } = await site.render(markdown, { fileURL: new URL(`file://${path}`) });
  const tree = fromHtml(code, { fragment: true });
  return { html: code, tree, text: toText(tree) };
}

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => void found.push(node));
  return found;
}

const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const insideKatex = (tree: Root): Set<Element> => {
  const inside = new Set<Element>();
  visit(tree, 'element', (node) => {
    if (classes(node).includes('katex')) visit(node, 'element', (child) => void inside.add(child));
  });
  return inside;
};

/** Nothing in the rendered page can run code, load from elsewhere or move the reader. */
function expectInert(tree: Root): void {
  const katex = insideKatex(tree);
  for (const node of elements(tree)) {
    expect([
      'script',
      'style',
      'iframe',
      'frame',
      'object',
      'embed',
      'meta',
      'link',
      'base',
      'form',
      'svg',
      'video',
      'audio',
      'source',
      'picture',
    ]).not.toContain(node.tagName);
    if (node.tagName === 'math') expect(katex.has(node)).toBe(true);
    for (const [key, value] of Object.entries(node.properties)) {
      expect(key, `${node.tagName} ${key}`).not.toMatch(/^on/i);
      if (key === 'style') expect(katex.has(node), `style outside KaTeX: ${String(value)}`).toBe(true);
      expect(['srcSet', 'formAction', 'action', 'xLinkHref', 'background', 'poster']).not.toContain(key);
    }
    const { href, src } = node.properties;
    if (href !== undefined) expect(String(href)).toMatch(/^(https?:|mailto:|#|[^:]*$)/);
    if (src !== undefined) expect(String(src)).toMatch(/^(?!\/\/)[^:\s]*$/);
  }
}

const markers = (tree: Root): string[] =>
  elements(tree)
    .filter((node) => classes(node).includes(REMOVED_CLASS))
    .map((node) => toText(node));

describe('hostile raw HTML', () => {
  it.each<[string, string, RegExp, RegExp]>([
    ['<script>', 'Before <script>alert(1)</script> after', /<script> removed: notes cannot run code/, /notes cannot run code/],
    ['a script block', 'Before\n\n<script>\nalert(1)\n</script>\n\nafter', /<script> removed/, /notes cannot run code/],
    [
      'an onerror handler',
      'Before <img src="x" onerror="alert(1)"> after',
      /event handler onerror="alert\(1\)" removed from <img>[\s\S]*image "x" not shown/,
      /Image not shown \(x\): write screenshots as/,
    ],
    [
      'a raw image that forges the Markdown mark',
      'Before <img src="x" data-markdown-image="1"> after',
      /image "x" not shown/,
      /write screenshots as/,
    ],
    ['an onclick handler', '<p onclick="alert(1)">Before after</p>', /event handler onclick/, /^$/],
    ['a javascript: Markdown link', 'Before [link](javascript:alert(1)) after', /link to "javascript:alert\(1\)" removed/, /link removed/],
    [
      'a javascript: link in capitals with spaces',
      'Before <a href="  JAVASCRIPT:alert(1)">link</a> after',
      /link to "JAVASCRIPT:alert\(1\)" removed/,
      /link removed/,
    ],
    [
      'a javascript: link hidden by entities',
      'Before [link](jav&#x09;ascript&colon;alert(1)) after',
      /link to "jav%09ascript:alert\(1\)" removed/,
      /link removed/,
    ],
    [
      'a javascript: link with a tab entity in raw HTML',
      'Before <a href="java&#9;script:alert(1)">link</a> after',
      /link to "java\s?script:alert\(1\)" removed/,
      /link removed/,
    ],
    [
      'a javascript: reference link',
      'Before [link][x] after\n\n[x]: javascript:alert(1)',
      /link to "javascript:alert\(1\)" removed/,
      /link removed/,
    ],
    ['a data: link with HTML', 'Before [link](data:text/html,<script>alert(1)</script>) after', /link to "data:text\/html/, /link removed/],
    ['a vbscript: link', 'Before <a href="vbscript:msgbox(1)">link</a> after', /link to "vbscript:msgbox\(1\)" removed/, /link removed/],
    [
      'an <iframe>',
      'Before\n\n<iframe src="https://evil.example/"></iframe>\n\nafter',
      /<iframe> \(https:\/\/evil\.example\/\) removed/,
      /notes cannot embed other pages/,
    ],
    [
      'an <object>',
      'Before <object data="https://evil.example/x.swf"></object> after',
      /<object> \(https:\/\/evil\.example\/x\.swf\) removed/,
      /plug-ins/,
    ],
    [
      'an <embed>',
      'Before <embed src="https://evil.example/x.swf"> after',
      /<embed> \(https:\/\/evil\.example\/x\.swf\) removed/,
      /plug-ins/,
    ],
    ['a <style>', 'Before\n\n<style>body{display:none}</style>\n\nafter', /<style> removed/, /cannot restyle/],
    ['a style attribute', 'Before <span style="position:fixed;inset:0">after</span>', /^$/, /^$/],
    [
      'a meta refresh',
      'Before\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\nafter',
      /<meta http-equiv="refresh"> removed/,
      /redirect/,
    ],
    ['a <base>', 'Before <base href="https://evil.example/"> after', /<base> \(https:\/\/evil\.example\/\) removed/, /where links lead/],
    [
      'a <form>',
      'Before <form action="https://evil.example/"><input name="p">inside</form> after',
      /<form> removed, what is inside kept/,
      /send data/,
    ],
    [
      'an SVG with a script',
      'Before <svg><script>alert(1)</script><text>inside</text></svg> after',
      /<svg> removed[\s\S]*<script> removed/,
      /drawings/,
    ],
    ['an SVG with onload', 'Before <svg onload="alert(1)"><text>inside</text></svg> after', /<svg> removed/, /drawings/],
    [
      'an SVG data: image',
      'Before <img src="data:image/svg+xml,<svg onload=alert(1)>"> after',
      /image "data:image\/svg\+xml/,
      /notes load nothing from other sites/,
    ],
    [
      'an image with a tab in its scheme',
      'Before <img src="ht&#9;tps://evil.example/p.png"> after',
      /image "ht\s?tps:\/\/evil/,
      /other sites/,
    ],
    [
      'a remote Markdown image',
      'Before ![pixel](https://evil.example/p.png) after',
      /image "https:\/\/evil\.example\/p\.png" not shown/,
      /Image "pixel" not shown/,
    ],
    [
      'a protocol-relative image',
      'Before <img src="//evil.example/p.png"> after',
      /image "\/\/evil\.example\/p\.png" not shown/,
      /other sites/,
    ],
    [
      'a <video>',
      'Before <video src="https://evil.example/v.mp4" autoplay></video> after',
      /<video> \(https:\/\/evil\.example\/v\.mp4\) removed/,
      /media/,
    ],
    [
      'a <link> style sheet',
      'Before <link rel="stylesheet" href="https://evil.example/s.css"> after',
      /<link> \(https:\/\/evil\.example\/s\.css\) removed/,
      /style sheets/,
    ],
    ['a <picture> source', 'Before <picture><source srcset="https://evil.example/p.png"></picture> after', /^$/, /^$/],
  ])('neutralises %s, keeps the text around it and says where', async (_name, markdown, warning, note) => {
    const { tree, text } = await render(markdown);
    expectInert(tree);
    expect(text).toMatch(/Before/);
    expect(text).toMatch(/after/);
    if (/inside/.test(markdown)) expect(text).toContain('inside');
    if (/\[link\]|>link</.test(markdown)) expect(text).toContain('link');
    expect(markers(tree).join('\n')).toMatch(note);
    if (warning.source === '^$') expect(warnings).toEqual([]);
    else {
      expect(warnings.join('\n')).toMatch(warning);
      for (const line of warnings)
        expect(line).toMatch(new RegExp(`^html warning: ${QUESTION.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
    }
  });

  it('turns TeX that asks for a link or an image into KaTeX error text, never a link', async () => {
    const { tree, text } = await render(
      '$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\includegraphics{https://evil.example/i.png}$ $\\htmlStyle{color:red}{y}$',
    );
    expectInert(tree);
    expect(elements(tree).some((node) => node.tagName === 'a' || node.tagName === 'img')).toBe(false);
    expect(text).toContain('\\href');
  });

  it.each([
    ['<b>', 1300],
    ['<b>', 20_000],
    ['<div>', 20_000],
  ])(
    'renders %s nested %i deep without overflowing the stack, keeping the text (found by the import fuzz test)',
    async (tag, depth) => {
      const { tree, text } = await render(`Before\n\n${tag.repeat(depth)}inside\n\nafter`);
      expectInert(tree);
      expect(text).toMatch(/Before[\s\S]*inside[\s\S]*after/);
      expect(warnings.join('\n')).toMatch(/nested (more than 64 levels|too) deep/);
    },
    60_000,
  );

  it('reports each construct on its own line of the Markdown', () => {
    const markdown = ['Safe.', '', '<script>x()</script>', '', 'Text <b onclick="y()">bold</b>.', '', '[a](javascript:z())'].join('\n');
    expect(findHostileHtml(markdown).map(({ line, message }) => `${line}: ${message.split(':')[0]}`)).toEqual([
      '3: <script> removed',
      '5: event handler onclick="y()" removed from <b>',
      '7: link to "javascript',
    ]);
  });
});

describe('what stays', () => {
  it('keeps the harmless formatting notes use', async () => {
    const markdown =
      'H<sub>2</sub>O, mc<sup>2</sup>, <kbd>Ctrl</kbd>, <b>bold</b> <i>it</i> <u>u</u><br>next <mark>hi</mark>\n\n<details><summary>Hint</summary>Hidden text</details>\n\n- [x] done\n- [ ] todo\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note[^1] and <a href="https://example.com" title="t">a link</a>, [mail](mailto:a@b.c), [anchor](#top).\n\n[^1]: The footnote.';
    const { html, tree } = await render(markdown, join(ROOT, 'no-course/course.md'));
    expectInert(tree);
    expect(warnings).toEqual([]);
    expect(markers(tree)).toEqual([]);
    for (const fragment of [
      '<sub>2</sub>',
      '<sup>2</sup>',
      '<kbd>Ctrl</kbd>',
      '<b>bold</b>',
      '<i>it</i>',
      '<br>',
      '<mark>hi</mark>',
      '<details><summary>Hint</summary>Hidden text</details>',
      '<span class="task-box" data-ticked="" role="img" aria-label="ticked"></span>',
      '<table data-scroll-x="">',
      'href="https://example.com" title="t"',
      'href="mailto:a@b.c"',
      'href="#top"',
      'id="user-content-fn-1"',
      'href="#user-content-fn-1"',
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it("renders every page of the user's notes exactly as without the sanitiser (KaTeX, parts, tabs, screenshots)", async () => {
    const plain = await createMarkdownProcessor({
      ...options,
      rehypePlugins: rehypePlugins.filter((plugin) => plugin !== rehypePlugins[0]),
    });
    const course = join(ROOT, 'content/dasc7606');
    const pages = [
      'course.md',
      ...['sections', 'questions'].flatMap((dir) => readdirSync(join(course, dir)).map((name) => `${dir}/${name}`)),
    ];
    let katex = 0;
    for (const page of pages) {
      const path = join(course, page);
      const { body } = splitFrontmatter(readFileSync(path, 'utf8')) ?? { body: '' };
      const fileURL = new URL(`file://${path}`);
      const safe = (await site.render(body, { fileURL })).code;
      expect(safe, page).toBe((await plain.render(body, { fileURL })).code);
      katex += safe.split('class="katex"').length - 1;
    }
    expect(pages.length).toBeGreaterThan(25);
    expect(katex).toBeGreaterThan(50);
    expect(warnings.filter((line) => line.startsWith('html warning'))).toEqual([]);
  }, 60_000);
});

describe('the hostile notes fixture', () => {
  it('has a warning on each hostile line and none on the harmless ones', () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/notes/hostile.md'), 'utf8');
    const lines = text.split('\n');
    const warned = new Set(findHostileHtml(text).map(({ line }) => line));
    const hostile = lines.flatMap((line, index) =>
      /<(script|img|p on|iframe|object|style|meta|form|svg|a href|video|link)|\]\(javascript|\]\(jav&|^\[evil\]|^!\[.*\]\(https?:/.test(
        line,
      )
        ? [index + 1]
        : [],
    );
    expect(hostile.length).toBeGreaterThan(15);
    // A reference link is reported where it is used.
    const expected = hostile.map((line) =>
      lines[line - 1]?.startsWith('[evil]:') ? lines.findIndex((other) => other.includes('][evil]')) + 1 : line,
    );
    expect([...warned].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(expected.sort((a, b) => a - b));
  });
});
