/** Blocks set apart by their syntax: Obsidian callouts, MkDocs admonitions (nested too), and <details> holding Markdown. */
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { lines } from '../helpers/notes.ts';

/** Each container as [name, label, fold, its children's types], nested containers inside. */
function containers(nodes: RootContent[]): unknown[] {
  return nodes.flatMap((node) =>
    node.type === 'notesContainer'
      ? [
          [
            node.name,
            node.label,
            node.fold ?? '',
            node.children.map((child) => (child.type === 'notesContainer' ? containers([child])[0] : child.type)),
          ],
        ]
      : [],
  );
}

describe('containers', () => {
  it.each<[string, string, unknown[]]>([
    [
      'an Obsidian callout, folded, titled',
      lines('> [!quote]- Answer', '> The network layer.'),
      [['quote', 'Answer', 'closed', ['paragraph']]],
    ],
    ['a callout that opens folded out', lines('> [!tip]+ 记忆', '> 口诀'), [['tip', '记忆', 'open', ['paragraph']]]],
    ['a callout without a title', lines('> [!note]', '> text'), [['note', '', '', ['paragraph']]]],
    ['a quote is a quote', lines('> just a quote'), []],
    [
      'a MkDocs admonition',
      lines('!!! Answer "参考答案"', '    PCB 是…', '', '    - 进程标识符'),
      [['answer', '参考答案', '', ['paragraph', 'list']]],
    ],
    ['a collapsible one', lines('??? success', '    F'), [['success', '', 'closed', ['paragraph']]]],
    [
      'one nested in another, ending together',
      lines('???+ question "Quiz 1"', '    Is it?', '', '    ??? success "答案"', '        No.'),
      [['question', 'Quiz 1', 'open', ['paragraph', ['success', '答案', 'closed', ['paragraph']]]]],
    ],
    [
      '<details> with Markdown inside, and HTML after its end kept',
      lines('<details><summary><b>Answer: </b></summary>', '', '#### Why', 'Because.', '', '</details>', '<p align="right">top</p>'),
      [['details', 'Answer:', 'closed', ['heading', 'paragraph']]],
    ],
    [
      '<details open> nested in <details>',
      lines(
        '<details>',
        '<summary>Question 1</summary>',
        '',
        'Why?',
        '',
        '<details open>',
        '<summary>Answer</summary>',
        '',
        'Because.',
        '</details>',
        '</details>',
      ),
      [['details', 'Question 1', 'closed', ['paragraph', ['details', 'Answer', 'open', ['paragraph']]]]],
    ],
  ])('%s', (_name, markdown, expected) => {
    const tree = parseMarkdown(markdown);
    expect(containers(tree.children)).toEqual(expected);
    expect(JSON.stringify(tree)).not.toMatch(/\[!quote\]|!!!|\?\?\?/);
  });

  it('leaves a <details> never closed as the HTML it was', () => {
    expect(parseMarkdown(lines('<details><summary>Hint</summary>', '', 'text')).children.map((node) => node.type)).toEqual([
      'html',
      'paragraph',
    ]);
  });
});
