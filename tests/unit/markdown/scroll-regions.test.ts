import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SCROLL_REGION } from '../../../src/lib/markdown/rehype-scroll-regions.ts';
import { siteMarkdown } from '../helpers/markdown.ts';

describe('blocks that scroll sideways', async () => {
  const site = await siteMarkdown();
  /** The tag of each element the rendered Markdown marks as a scroll region, with its text's first character. */
  const marked = async (markdown: string): Promise<string[]> => {
    const found: string[] = [];
    visit(fromHtml((await site.render(markdown)).code, { fragment: true }), 'element', (node) => {
      if (node.properties.dataScrollX !== undefined) found.push(`${node.tagName} ${toText(node).trim().charAt(0)}`);
    });
    return found;
  };

  it('are display formulas, tables and code, marked for the page to make reachable by keyboard', async () => {
    const markdown = 'Text with $x^2$ inline.\n\n$$\nE = mc^2\n$$\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ncode\n```\n';
    expect(SCROLL_REGION).toBe('data-scroll-x');
    expect(await marked(markdown)).toEqual(['span E', 'table a', 'pre c']);
  });

  it('are not paragraphs or inline formulas', async () => {
    expect(await marked('A paragraph with $a + b$ and **bold**.\n')).toEqual([]);
  });
});
