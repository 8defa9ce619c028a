import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { answerStartOf, isAnswerLabel, splitParagraph } from '../../../src/lib/notes/answers.ts';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { statementAndAnswer } from '../helpers/statement.ts';

const first = (markdown: string) => parseMarkdown(markdown).children[0];

describe('isAnswerLabel: the words before a colon that open an answer', () => {
  it.each<[string, boolean, boolean]>([
    ['答案', false, true],
    ['答', false, true],
    ['解', false, true],
    ['参考答案', false, true],
    ['中文答案', true, true],
    ['English answer', true, true],
    ['English answer (example)', true, true],
    ['题目分析（中文）', true, true],
    ['中文分析', true, true],
    ['【解析】', false, true],
    ['Solution', false, true],
    ['Selected Answer(s)', false, true],
    ['Answer', false, true],
    ['A', true, true],
    // Plain "A:" is as likely option A; topics and sentences that end in an answer word are not labels.
    ['A', false, false],
    ['原因', true, false],
    ['主成分分析', true, false],
    ['What is the answer', false, false],
    ['请给出你的答案', false, false],
    ['请证明', false, false],
    ['increase the size of the network（增大网络）', true, false],
    ['plans', false, false],
    ['Note', false, false],
    ['(a) answer', false, false],
  ])('%j (bold: %j) → %j', (label, bold, expected) => {
    expect(isAnswerLabel(label, bold)).toBe(expected);
  });
});

describe('answerStartOf: blocks that open an answer', () => {
  it.each<[string, string, 'block' | 'split' | undefined]>([
    ['a bold label with its colon inside', '**答案：** C', 'block'],
    ['a bold label with the colon after', '**答案**：a', 'block'],
    ['an italic label', '*Answer*: yes', 'block'],
    ['a bold label on its own line', '**Solution**\nWe compute', 'block'],
    ['a plain label', '答：因为', 'block'],
    ['a plain English label', 'Solution: Atomicity', 'block'],
    ['a bracketed label', '【解析】由题意', 'block'],
    ['a label on a later line of the paragraph', '下列说法正确的是（ ）\nA. x B. y\n**答案：** B', 'split'],
    ['a plain label on a later line', 'Compute it.\nAnswer: 42', 'split'],
    ['a <details> whose summary names the answer', '<details><summary>解：</summary>\n\nx\n\n</details>', 'block'],
    ['a <details> that says where the answer is', '<details><summary>点击查看答案</summary>', 'block'],
    ['a container for the answer', ':::details 中文翻译和解析\n重载\n:::', 'block'],
    ['a quote that starts with a label', '> **答案**：B', 'block'],
    ['a list that starts with a label', '- **Answer:** B', 'block'],
    ['a bold sentence', '**原因：过拟合（overfitting）**', undefined],
    ['a label mid-line', 'See the answer: below', undefined],
    ['a hint in <details>', '<details><summary>Hint</summary>', undefined],
    ['a tip container', ':::tip\nRemember\n:::', undefined],
    ['an option', 'A: 0.5', undefined],
    ['a source of an AI answer', '**DeepSeek**', undefined],
  ])('%s', (_name, markdown, kind) => {
    const block = first(markdown);
    expect(block).toBeDefined();
    expect(block && answerStartOf(block)?.kind).toBe(kind);
  });

  it('cuts a paragraph where its answer line starts, keeping the lines before', () => {
    const paragraph = first('下列说法正确的是（ ）\nA. x　B. y\n**答案：** B') as Paragraph;
    const start = answerStartOf(paragraph);
    if (start?.kind !== 'split') throw new Error('expected a split');
    const [statement, answer] = splitParagraph(paragraph, start.at);
    // The option line keeps its own line, as editors show it.
    expect(statement.children.map((node) => ('value' in node ? node.value : node.type))).toEqual([
      '下列说法正确的是（ ）',
      'break',
      'A. x　B. y',
    ]);
    expect(answer.children[0]?.type).toBe('strong');
  });
});

describe('statement and answer of a question body', () => {
  const md = (...lines: string[]): string => `${lines.join('\n')}\n`;
  it.each<[string, string, { title?: string }, string[], string[]]>([
    ['a typed question with its answer marked', md('Find $x$.', '', '**Answer:** 2'), {}, ['Find $x$.'], ['Answer: 2']],
    ['a typed question without an answer: all statement', md('Find $x$.', '', 'Show working.'), {}, ['Find $x$.', 'Show working.'], []],
    [
      'a heading that says the question: its text is the answer',
      md('Because of noise.'),
      { title: 'Why overfit?' },
      [],
      ['Because of noise.'],
    ],
    ['a screenshot for the statement: the text is the answer', md('![Q1](./1.png)', '', 'Because.'), {}, [], ['Because.']],
    [
      'the user style: screenshot, "## Answer", parts',
      md('![Q1](./1.png)', '', '## Answer', '', '### (a) why', 'x'),
      {},
      ['Answer', '(a) why'],
      ['x'],
    ],
    [
      'parts with their own markers, the lead-in typed',
      md('Consider the net.', '', '### (a) size?', 'Count them.', '', '**答案：** 9', '', '### (b) depth?', 'Unanswered.'),
      {},
      ['Consider the net.', 'Count them.', 'Unanswered.'],
      ['答案： 9'],
    ],
    [
      'a part in the user style whose analysis comes before its answer label',
      md('![Q](./q.png)', '', '### 1.1 test set', '**题目分析（中文）**：', '问什么', '', '**中文答案**：', '只用一次'),
      {},
      [],
      ['问什么', '只用一次'],
    ],
  ])('%s', (_name, body, frontmatter, shows, hides) => {
    const shown = statementAndAnswer(body, frontmatter);
    for (const words of shows) expect(shown.statement).toContain(words);
    for (const words of hides) {
      expect(shown.answer).toContain(words);
      expect(shown.statement).not.toContain(words);
    }
  });
});
