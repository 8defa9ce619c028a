import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { AnswerRule } from '../../../src/lib/content/rules.ts';
import { inlineAnswersIn, markInlineAnswers } from '../../../src/lib/notes/inline-answers.ts';
import { inlineText } from '../../../src/lib/notes/inline-text.ts';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';

const first = (markdown: string): RootContent => parseMarkdown(markdown).children[0] as RootContent;

/** The words of each answer found inside a block. */
function answers(markdown: string, rules: AnswerRule[]): string[] {
  return inlineAnswersIn(first(markdown), new Set(rules)).map((answer) =>
    answer.kind === 'letter'
      ? answer.node.value.slice(answer.start, answer.end)
      : answer.kind === 'ticked'
        ? answer.node.children.map((child) => (child.type === 'paragraph' ? inlineText(child.children) : '')).join('')
        : 'children' in answer.node
          ? inlineText(answer.node.children)
          : answer.node.type === 'inlineCode'
            ? answer.node.value
            : '',
  );
}

describe('answers inside the question text', () => {
  it.each<[string, string, AnswerRule[], string[]]>([
    ['a letter glued to the stem', '数据库系统的核心是（ ）。B\nA.数据库\nB.数据库管理系统', ['letter-after-stem'], ['B']],
    ['letters in the stem blank win over one after it', '历史意义有(　ABD  ) 不选 C\nA. x\nB. y', ['letter-after-stem'], ['ABD']],
    ['a true/false mark after the stem', 'UDP 提供可靠的数据传输。×', ['letter-after-stem'], ['×']],
    ['no letter after a word', 'Which foods contain vitamin C', ['letter-after-stem'], []],
    ['not without the rule', '数据库系统的核心是（ ）。B', [], []],
    ['a cloze is always a blank', 'Mitosis makes {{c1::two}} cells', [], ['two']],
    ['a highlight is a blank by the rule', 'The ==nucleolus== makes rRNA', ['cloze'], ['nucleolus']],
    ['a highlight without it is a highlight', 'The ==nucleolus== makes rRNA', [], []],
    ['an inked option is the marked one', 'A. 英国古典政治经济学\n<font color="red">B. 德国古典哲学</font>', [], ['B. 德国古典哲学']],
    ['a bold option by the rule', 'A. x\n**B. y**', ['marked-option'], ['B. y']],
    ['an option marked with √', 'A. 投影\nB. 选择 √', ['marked-option'], ['√']],
    ['blanks filled in a statement', 'SQL中删除整张表的命令是`DROP TABLE`。', ['filled-blanks'], ['DROP TABLE']],
    ['but not in one that asks', '命令`ls -l`打印什么？', ['filled-blanks'], []],
    ['the option ticked among unticked ones', '- [ ] cd\n- [x] pwd\n- [ ] ls', [], ['pwd']],
    ['not a list ticked throughout (a done list)', '- [x] read ch.1\n- [x] read ch.2', [], []],
    ['not a list with one item', '- [x] read ch.1', [], []],
  ])('%s', (_name, markdown, rules, expected) => {
    expect(answers(markdown, rules)).toEqual(expected);
  });

  it('finds a marked option in a table of options, its label in a cell of its own', () => {
    expect(answers('|编号|选项|\n|:-|:-|\n|A|投影|\n|<font color="red">B</font>|<font color="red">选择</font>|', [])).toEqual([
      'B',
      '选择',
    ]);
  });

  it('wraps letters and blanks so Test me can hide their words, and marks so it can unmark them', () => {
    const block = first('数据库系统的核心是（ ）。B\nA. <font color="red">x</font>\nB. y {{c1::z}}');
    markInlineAnswers(inlineAnswersIn(block, new Set<AnswerRule>(['letter-after-stem'])));
    const classes = JSON.stringify(block);
    expect(classes).toContain('"answer","answer-inline"');
    expect(classes).toContain('"answer-text"');
    expect(classes).toContain('"answer-mark"');
    expect(inlineText(block.type === 'paragraph' ? block.children : [])).toContain('（ ）。B');
  });
});
