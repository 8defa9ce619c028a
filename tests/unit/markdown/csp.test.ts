import { createHash } from 'node:crypto';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeMath from '../../../src/lib/markdown/rehype-math.ts';
import rehypeStyleHashes from '../../../src/lib/markdown/rehype-style-hashes.ts';
import { katexOptions } from '../../../src/lib/markdown/pipeline.ts';
import { cspHash, STYLE_HASHES_KEY, styleAttributeHashes } from '../../../src/lib/markdown/csp.ts';

/** Renders Markdown with math as the site does (KaTeX, then the style hashes), returning HTML and the recorded hashes. */
async function render(markdown: string): Promise<{ html: string; hashes: unknown }> {
  const file = new VFile(markdown);
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeMath, katexOptions)
      .use(rehypeStyleHashes)
      .use(rehypeStringify, { allowDangerousHtml: true })
      .process(file),
  );
  return { html, hashes: (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.[STYLE_HASHES_KEY] };
}

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as browsers compute it', () => {
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(cspHash('height:0.6444em;')).toBe(`sha256-${createHash('sha256').update('height:0.6444em;').digest('base64')}`);
  });
});

describe('rehype-style-hashes', () => {
  it('records one hash per distinct style attribute, exactly the values in the HTML', async () => {
    const { html, hashes } = await render('Loss $\\frac{1}{n}\\sum_i x_i^2$ and again $\\frac{1}{n}$.\n\n$$\\sqrt{x}$$');
    const values = new Set([...html.matchAll(/ style="([^"]*)"/g)].map((match) => match[1]!));
    expect(values.size).toBeGreaterThan(3);
    expect(hashes).toEqual([...values].sort().map(cspHash));
  });

  it('records nothing for text without inline styles', async () => {
    expect((await render('Just words, **bold**.')).hashes).toEqual([]);
  });
});

describe('styleAttributeHashes', () => {
  it('merges the entries of a page without repeats, ignoring entries without hashes', () => {
    const entry = (list: unknown) => ({ rendered: { metadata: { frontmatter: { [STYLE_HASHES_KEY]: list } } } });
    const a = cspHash('a');
    const b = cspHash('b');
    expect(styleAttributeHashes([entry([b, a]), entry([a]), {}, { rendered: { metadata: {} } }, entry('nonsense')])).toEqual([a, b].sort());
  });
});
