import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { siteMarkdown } from '../helpers/markdown.ts';

describe('task-list boxes', async () => {
  const site = await siteMarkdown();
  /** Each item's box as screen readers meet it (its label, or hidden), with the item's classes and words. */
  const items = async (markdown: string, path = 'notes.md'): Promise<string[]> => {
    const { code } = await site.render(markdown, {
      frontmatter: { id: 'q1', course: 'c', section: 1, number: '1', heading: 'Q1' },
      fileURL: new URL(`file:///content/c/${path}`),
    });
    const tree = fromHtml(code, { fragment: true });
    let inputs = 0;
    const found: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'input') inputs += 1;
      if (node.tagName !== 'li') return;
      let box = 'no box';
      visit(node, 'element', (inner: Element) => {
        const classes = inner.properties.className;
        if (!Array.isArray(classes) || !classes.includes('task-box')) return;
        box =
          inner.properties.ariaHidden === 'true' ? 'hidden' : `${String(inner.properties.role)} "${String(inner.properties.ariaLabel)}"`;
      });
      found.push(
        `${toText(node).trim()}: ${box}${Array.isArray(node.properties.className) && node.properties.className.includes('answer-mark') ? ', the answer' : ''}`,
      );
    });
    expect(inputs, 'no unlabelled form field is left').toBe(0);
    return found;
  };

  it('state their tick to screen readers in a list of things to do', async () => {
    expect(await items('- [x] read chapter 1\n- [ ] read chapter 2\n')).toEqual([
      'read chapter 1: img "ticked"',
      'read chapter 2: img "not ticked"',
    ]);
  });

  it('leave the ticked option of a question to its answer mark, which Test me can hide', async () => {
    expect(await items('Which command shows the working directory?\n\n- [ ] cd\n- [x] pwd\n- [ ] ls\n', 'questions/q1.md')).toEqual([
      'cd: hidden',
      'pwd: hidden, the answer',
      'ls: hidden',
    ]);
  });

  it('in a loose list sit in the item’s paragraph', async () => {
    expect(await items('- [x] one\n\n- [ ] two\n')).toEqual(['one: img "ticked"', 'two: img "not ticked"']);
  });
});
