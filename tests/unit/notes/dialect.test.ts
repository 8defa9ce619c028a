import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../src/lib/content/natural-order.ts';
import { parseMarkdown, parseNotesMarkdown } from '../../../src/lib/notes/markdown.ts';

const md = (...lines: string[]): string => `${lines.join('\n')}\n`;
const types = (nodes: RootContent[]): string[] => nodes.map((node) => node.type);

describe('containers `:::name label` … `:::`', () => {
  it('become one block, the fence lines never text', () => {
    const tree = parseMarkdown(md('before', ':::details 中文翻译和解析', '重载：编译时', '', '重写：运行时', ':::', 'after'));
    expect(types(tree.children)).toEqual(['paragraph', 'notesContainer', 'paragraph']);
    const container = tree.children[1];
    if (container?.type !== 'notesContainer') throw new Error('no container');
    expect([container.name, container.label]).toEqual(['details', '中文翻译和解析']);
    expect(types(container.children)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(tree)).not.toContain(':::');
  });

  it('nest, take VitePress spacing (`::: tip`), and leave fences inside code alone', () => {
    const tree = parseMarkdown(md('::: tip Remember', 'outer', '', ':::warning', 'inner', ':::', ':::', '', '```', ':::details x', '```'));
    const [outer, code] = tree.children;
    expect(outer?.type === 'notesContainer' && [outer.name, outer.label, types(outer.children)]).toEqual([
      'tip',
      'Remember',
      ['paragraph', 'notesContainer'],
    ]);
    expect(code?.type === 'code' && code.value).toBe(':::details x');
  });

  it('leave an opening fence never closed as text', () => {
    expect(types(parseMarkdown(md(':::details 解析', 'text')).children)).toEqual(['paragraph']);
  });
});

describe('`###1 d i)` without a space after the hashes', () => {
  it('is read as the heading it was meant to be, the rest of its paragraph kept, and reported', () => {
    const { tree, hashHeadings: lifted } = parseNotesMarkdown(md('intro', '', '###1 d i)', 'Draw the graph.', '', '#hashtag stays text'));
    expect(types(tree.children)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
    const heading = tree.children[1];
    expect(heading?.type === 'heading' && [heading.depth, heading.children.map((child) => ('value' in child ? child.value : ''))]).toEqual([
      3,
      ['1 d i)'],
    ]);
    expect(lifted).toEqual([{ line: 3, text: '###1 d i)' }]);
  });
});

describe('Typora images', () => {
  it('of a local file become screenshots with their src and alt only', () => {
    const tree = parseMarkdown(
      md('<img src="./img/x.png" alt="曲线" style="zoom:50%;" />', '', 'Inline <img src="a.png" width="20"> too.'),
    );
    expect(tree.children[0]?.type === 'paragraph' && tree.children[0].children).toMatchObject([
      { type: 'image', url: './img/x.png', alt: '曲线' },
    ]);
    expect(tree.children[1]?.type === 'paragraph' && tree.children[1].children.map((child) => child.type)).toEqual([
      'text',
      'image',
      'text',
    ]);
  });

  it.each([
    ['from another site', '<img src="https://example.org/x.png">'],
    ['protocol-relative', '<img src="//evil.example/x.png">'],
    ['with an event handler', '<img src="x.png" onerror="alert(1)">'],
    ['in a block with other HTML', '<div><img src="x.png"></div>'],
  ])('stay raw HTML for the sanitiser when %s', (_name, html) => {
    expect(JSON.stringify(parseMarkdown(md(html)))).not.toContain('"type":"image"');
  });
});

describe('naturalCompare', () => {
  it('orders numbers as numbers, in Arabic and Chinese numerals', () => {
    const names = ['第十章.md', '10 事务.md', '第二章.md', '2 关系.md', 'appendix.md', '第三章.md', '1.md'];
    expect([...names].sort(naturalCompare)).toEqual([
      '1.md',
      '2 关系.md',
      '10 事务.md',
      'appendix.md',
      '第二章.md',
      '第三章.md',
      '第十章.md',
    ]);
  });
});
