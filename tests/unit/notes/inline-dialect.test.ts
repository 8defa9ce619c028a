import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { inkOf } from '../../../src/lib/notes/inline-dialect.ts';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';

/** The first paragraph's children, as [type, text] pairs. */
function inline(markdown: string): [string, string][] {
  const first = parseMarkdown(markdown).children[0];
  const text = (node: PhrasingContent): string =>
    'value' in node ? node.value : 'children' in node ? node.children.map(text).join('') : node.type === 'image' ? node.url : '';
  return first?.type === 'paragraph' ? first.children.map((node) => [node.type, text(node)]) : [];
}

describe('the notes dialect inside a line', () => {
  it.each<[string, string, [string, string][]]>([
    [
      'a highlight',
      'The ==nucleolus== makes rRNA',
      [
        ['text', 'The '],
        ['highlight', 'nucleolus'],
        ['text', ' makes rRNA'],
      ],
    ],
    ['a highlight across bold', '==**two** cells==', [['highlight', 'two cells']]],
    ['a comparison is not a highlight', 'if a == b then', [['text', 'if a == b then']]],
    [
      'an Anki cloze with a hint',
      'Mitosis makes {{c1::two::how many}} cells',
      [
        ['text', 'Mitosis makes '],
        ['cloze', 'two'],
        ['text', ' cells'],
      ],
    ],
    ['a template brace is text', 'use {{ name }} here', [['text', 'use {{ name }} here']]],
    [
      'an Obsidian image embed, sized',
      'See ![[cell diagram.png|300]]',
      [
        ['text', 'See '],
        ['image', 'cell%20diagram.png'],
      ],
    ],
    ['a link to another note shows its name', 'as in [[Mitosis|cell division]]', [['text', 'as in cell division']]],
    ['inked text', '<font color="red">B. 德国古典哲学</font>', [['inked', 'B. 德国古典哲学']]],
    [
      'HTML bold and underline are Markdown bold',
      '构成有：<b>数据获取</b>，<u>预处理</u>',
      [
        ['text', '构成有：'],
        ['strong', '数据获取'],
        ['text', '，'],
        ['strong', '预处理'],
      ],
    ],
    [
      'option lines keep their line',
      '下列说法正确的是（ ）\nA. x\nB. y',
      [
        ['text', '下列说法正确的是（ ）'],
        ['break', ''],
        ['text', 'A. x'],
        ['break', ''],
        ['text', 'B. y'],
      ],
    ],
  ])('%s', (_name, markdown, expected) => {
    expect(inline(markdown)).toEqual(expected);
  });

  it('reads the size Obsidian gives an image, keeping the alt text clean', () => {
    const [image] = parseMarkdown('![曲线|250](./img/x.png)').children.flatMap((node) => (node.type === 'paragraph' ? node.children : []));
    expect(image).toMatchObject({ type: 'image', alt: '曲线', data: { hProperties: { width: 250 } } });
  });

  it.each<[string, ReturnType<typeof inkOf>]>([
    ['red', 'red'],
    ['#ff0000', 'red'],
    ['#F56C6C', 'red'],
    ['#00aa00', 'green'],
    ['#1f58b8', 'blue'],
    ['orange', 'orange'],
    ['#888', 'other'],
  ])('reads the colour %s as the %s ink', (color, ink) => {
    expect(inkOf(color)).toBe(ink);
  });
});
