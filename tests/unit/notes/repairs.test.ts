import { describe, expect, it } from 'vitest';
import { parseNotesMarkdown } from '../../../src/lib/notes/markdown.ts';
import { MAX_NESTING, repairNotes } from '../../../src/lib/notes/repairs.ts';

const lines = (...text: string[]): string => text.join('\n');
const types = (markdown: string): string[] => parseNotesMarkdown(markdown).tree.children.map((node) => node.type);

describe('repairNotes: what editors render and CommonMark would not', () => {
  it.each<[string, string, string[], RegExp | undefined]>([
    ['Typora: text after the closing `$$`', lines('$$', 'x', '$$其中 x 是', '', 'after'), ['math', 'paragraph', 'paragraph'], undefined],
    ['Typora: `$$` ending the last line of a formula', lines('$$', 'y = 2$$', 'next'), ['math', 'paragraph'], undefined],
    [
      'display math never closed: closed at the next blank line',
      lines('$$', 'x = 1', '', '# Heading'),
      ['math', 'heading'],
      /never closed: it ends at the blank line 3/,
    ],
    [
      'display math never closed at the end of the notes',
      lines('text', '', '$$', 'x = 1'),
      ['paragraph', 'math'],
      /never closed: it ends with the notes/,
    ],
    [
      'a code fence never closed that would swallow a heading',
      lines('```py', 'x = 1', '## Q2', 'text'),
      ['code', 'heading', 'paragraph'],
      /ends before line 3/,
    ],
    [
      'a code fence never closed at the end: left to the end, as editors do',
      lines('text', '```', 'x = 1'),
      ['paragraph', 'code'],
      undefined,
    ],
    ['inline code of three backticks is not a fence', lines('```x``` and more', '## Q2'), ['paragraph', 'heading'], undefined],
  ])('%s', (_name, markdown, expected, warning) => {
    const { repairs } = parseNotesMarkdown(markdown);
    expect(types(markdown)).toEqual(expected);
    if (warning) expect(repairs.map((repair) => repair.message)).toContainEqual(expect.stringMatching(warning));
    else expect(repairs).toEqual([]);
  });

  it('keeps every position a position in the notes', () => {
    const markdown = lines('$$', 'x', '$$其中 **x** 是', '', '$$', 'y', '', 'z');
    const { tree } = parseNotesMarkdown(markdown);
    const [math, after, unclosed, last] = tree.children;
    expect(math?.position?.start.line).toBe(1);
    expect(after?.position?.start).toMatchObject({ line: 3, column: 3, offset: markdown.indexOf('其中') });
    expect(unclosed?.type).toBe('math');
    expect(last?.position?.start.line).toBe(8);
  });

  it('shows markers nested past the limit as text, warning with the line', () => {
    const deep = `${'> '.repeat(MAX_NESTING + 10)}x`;
    const repaired = repairNotes(lines('ok', deep));
    expect(repaired.text.split('\n')[1]).toContain('\\>');
    expect(repaired.repairs).toEqual([{ line: 2, message: expect.stringMatching(/more than 32 levels deep/) }]);
    // Indentation alone nests nothing: a comment indented by 26 tabs in code is left alone.
    expect(repairNotes(lines('```', `${'\t'.repeat(26)}# comment`, '```')).origins).toBeUndefined();
  });

  it('turns a flood of emphasis marks into text after the first thousand, once per paragraph', () => {
    const repaired = repairNotes('**a'.repeat(1200));
    expect(repaired.repairs).toHaveLength(1);
    // 1,200 runs of `**`: the last 200 are escaped, each `*` of them.
    expect(repaired.text.match(/\\\*/g)?.length).toBe(400);
  });
});
