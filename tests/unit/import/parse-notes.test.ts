import { describe, expect, it } from 'vitest';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../../src/lib/notes/markdown.ts';
import { allQuestions, FILE, lines, notesError, readNotes } from '../helpers/notes.ts';

const BOM = [0xef, 0xbb, 0xbf];

const SAMPLE = lines(
  '# ML Midterm', // 1
  '', // 2
  '# Section 0 Scope', // 3
  '', // 4
  '![Scope](./Scope.png)', // 5
  '', // 6
  '# Section 1 线性模型', // 7
  '', // 8
  '## Q1 2023 Oct A', // 9
  '', // 10
  '![Q1](./2023Oct/1.png)', // 11
  '', // 12
  '## Answer', // 13
  '', // 14
  '### (a) 正则化', // 15
  '岭回归 shrinks weights.', // 16
  '', // 17
  '---', // 18
  '', // 19
  '## Q3 2022 Dec', // 20
  '', // 21
  '![Q3](./2022Dec/2.png)', // 22
);

describe('parseNotes: structure', () => {
  it('reads title, scope, sections and questions with their lines', () => {
    const notes = readNotes(SAMPLE);
    expect(notes.title).toBe('ML Midterm');
    expect(notes.preamble).toEqual({ line: 0, text: '' });
    expect(notes.sections.map(({ number, title, line, scope }) => ({ number, title, line, scope }))).toEqual([
      { number: 0, title: 'Scope', line: 3, scope: true },
      { number: 1, title: '线性模型', line: 7, scope: false },
    ]);
    const [scope] = notes.sections;
    expect(scope?.intro).toEqual({ line: 5, text: '![Scope](./Scope.png)' });
    expect(scope?.introImages).toEqual([{ src: './Scope.png', alt: 'Scope', line: 5 }]);
    const questions = allQuestions(notes);
    expect(questions.map((question) => [question.id, question.line, question.headingText])).toEqual([
      ['s1-2023-oct-a-q1', 9, 'Q1 2023 Oct A'],
      ['s1-2022-dec-q3', 20, 'Q3 2022 Dec'],
    ]);
  });

  it('keeps a "## Answer" one level too high inside the question', () => {
    const [first] = allQuestions(readNotes(SAMPLE));
    expect(first?.body).toEqual({
      line: 11,
      text: lines('![Q1](./2023Oct/1.png)', '', '## Answer', '', '### (a) 正则化', '岭回归 shrinks weights.').trimEnd(),
    });
    expect(first?.outline.parts.map((part) => part.anchor)).toEqual(['a']);
    expect(first?.outline.hasAnswer).toBe(true);
  });

  it('drops the separator rule and blank lines around a body, and allows gaps in numbering', () => {
    const [, second] = allQuestions(readNotes(SAMPLE));
    expect(second?.heading.number).toBe('3');
    expect(second?.body).toEqual({ line: 22, text: '![Q3](./2022Dec/2.png)' });
    expect(second?.outline.hasAnswer).toBe(false);
    expect(second?.images).toEqual([{ src: './2022Dec/2.png', alt: 'Q3', line: 22 }]);
  });

  it.each<[string, Uint8Array]>([
    ['LF', new TextEncoder().encode(SAMPLE)],
    ['CRLF', new TextEncoder().encode(SAMPLE.replace(/\n/g, '\r\n'))],
    ['BOM + CRLF', Uint8Array.from([...BOM, ...new TextEncoder().encode(SAMPLE.replace(/\n/g, '\r\n'))])],
    ['BOM + LF', Uint8Array.from([...BOM, ...new TextEncoder().encode(SAMPLE)])],
  ])('gives the same result for a file saved with %s', (_name, bytes) => {
    expect(readNotes(bytes)).toEqual(readNotes(SAMPLE));
  });

  it('keeps text above the title instead of dropping it', () => {
    const notes = readNotes(
      lines('<!-- exported 2024-05-01 -->', '', '# Revision', '', 'Read me first.', '', '# Section 1 A', '', '## Q1 2024 May', '', 'x'),
    );
    expect(notes.title).toBe('Revision');
    // An HTML comment header (an editor's) is kept apart, so the title heading stays the title.
    expect(notes.header).toEqual({ line: 1, text: '<!-- exported 2024-05-01 -->' });
    expect(notes.preamble).toEqual({ line: 5, text: 'Read me first.' });
    const withText = readNotes(lines('Draft!', '', '# Revision', '', 'Read me first.', '', '# Section 1 A', '', '## Q1 2024 May', '', 'x'));
    expect(withText.preamble).toEqual({ line: 1, text: lines('Draft!', '', '# Revision', '', 'Read me first.').trimEnd() });
  });

  it('keeps text between the title and the first section as the preamble', () => {
    const notes = readNotes(lines('# Revision', '', 'Good luck!', '', '# Section 1 A', '## Q1 2024 May', 'x'));
    expect(notes.preamble).toEqual({ line: 3, text: 'Good luck!' });
  });

  it('keeps text between a section heading and its first question as the section intro', () => {
    const notes = readNotes(lines('# Section 2 深度学习', '', '本章重点：反向传播。', '', '## Q1 2024 May', 'x'));
    expect(notes.title).toBeUndefined();
    expect(notes.sections[0]?.intro).toEqual({ line: 3, text: '本章重点：反向传播。' });
    expect(notes.sections[0]?.scope).toBe(false);
  });

  it('reads Chinese section headings', () => {
    const notes = readNotes(lines('# 第一章 深度学习基础', '## Q1 2024 May', 'x', '# 第二章 卷积神经网络', '## Q1 2024 May', 'y'));
    expect(notes.sections.map((section) => [section.number, section.title])).toEqual([
      [1, '深度学习基础'],
      [2, '卷积神经网络'],
    ]);
    expect(allQuestions(notes).map((question) => question.id)).toEqual(['s1-2024-may-q1', 's2-2024-may-q1']);
  });

  it('keeps display math inside list items in the body and reads the list as one block', () => {
    const notes = readNotes(
      lines(
        '# Section 5 GAN',
        '## Q2 2024 May ABC',
        '### (c)',
        '1. Training the Discriminator',
        '   Loss:',
        '',
        '   $$',
        '   L_D = -\\log(1 - D(G(z)))',
        '   $$',
        '',
        '   Value:',
        '2. Training the Generator',
        '',
        '   $$',
        '   L_G = -\\log(0.2) \\approx \\mathbf{1.609}',
        '   $$',
      ),
    );
    const [question] = allQuestions(notes);
    expect(question?.outline.parts.map((part) => [part.anchor, part.hasAnswer])).toEqual([['c', true]]);
    const tree = parseMarkdown(question?.body.text ?? '');
    const display: string[] = [];
    visit(tree, 'math', (node) => {
      display.push(node.value);
    });
    expect(display).toEqual(['L_D = -\\log(1 - D(G(z)))', 'L_G = -\\log(0.2) \\approx \\mathbf{1.609}']);
  });

  it('keeps two touching inline formulas `$A$$B$` as written in the body', () => {
    const notes = readNotes(
      lines(
        '# Section 3 CNN',
        '## Q3 2024 Dec ABD',
        '### (a)',
        '$\\begin{pmatrix} 3 \\\\ 0 \\end{pmatrix}$$\\begin{pmatrix} -3 \\\\ 0 \\end{pmatrix}$',
        '### (b)',
        'F1',
      ),
    );
    const [question] = allQuestions(notes);
    expect(question?.body.text).toContain('\\end{pmatrix}$$\\begin{pmatrix}');
    expect(question?.outline.parts.map((part) => part.anchor)).toEqual(['a', 'b']);
    const inline: InlineMath[] = [];
    visit(parseMarkdown(question?.body.text ?? ''), 'inlineMath', (node) => {
      inline.push(node);
    });
    expect(inline.map((node) => node.value)).toEqual([
      '\\begin{pmatrix} 3 \\\\ 0 \\end{pmatrix}$$\\begin{pmatrix} -3 \\\\ 0 \\end{pmatrix}',
    ]);
  });

  it('keeps a tab-separated pseudo-table with bullet lines inside its part', () => {
    const notes = readNotes(
      lines(
        '# Section 4 LLM',
        '## Q3 2024 Dec ABD',
        '### Answer by GPT',
        '### (c) (6 pts) K, Q, V',
        'Scenario\tAnalogy\tExplanation',
        '(i) Supermarket\t- Each person = a Query (Q).',
        '',
        '- Each shelf label = a Key (K).\tThe person scans.',
        '### (d) (3 pts) Encoder-decoder',
        'Q from decoder',
      ),
    );
    const [question] = allQuestions(notes);
    expect(question?.outline.variants).toEqual(['GPT']);
    expect(question?.outline.parts.map((part) => [part.anchor, part.points, part.hasAnswer])).toEqual([
      ['gpt-c', 6, true],
      ['gpt-d', 3, true],
    ]);
    expect(question?.body.text).toContain('Scenario\tAnalogy\tExplanation');
  });

  it('reads headings with math in parts and in question titles', () => {
    const notes = readNotes(
      lines(
        '# Section 1 A',
        '## Q1 2024 May $L_2$ loss',
        '### (a) $\\lambda \\|w\\|^2$ term (不考)',
        'x',
        '### 4. $1 \\times 1$ Convolution Filter',
        'y',
      ),
    );
    const [question] = allQuestions(notes);
    expect(question?.heading.title).toBe('$L_2$ loss');
    expect(question?.outline.parts).toMatchObject([{ anchor: 'a', title: '$\\lambda \\|w\\|^2$ term', examinability: 'not-examined' }]);
  });

  it('keeps a paragraph underlined by "---" (a setext heading) in the body, not as a question', () => {
    const notes = readNotes(lines('# Section 1 A', '## Q1 2024 May', 'Q2 is next', '---', '', '## Q2 2024 May', 'y'));
    expect(allQuestions(notes).map((question) => [question.id, question.body.text])).toEqual([
      ['s1-2024-may-q1', 'Q2 is next\n---'],
      ['s1-2024-may-q2', 'y'],
    ]);
  });

  it('marks only a question-free Section 0 (or a scope-titled section) as the scope', () => {
    const notes = readNotes(
      lines('# Section 0 Scope', '![Scope](./Scope.png)', '# Section 1 考试范围', '## Q1 2024 May', 'x', '# Section 2 考试范围', 'text'),
    );
    expect(notes.sections.map((section) => section.scope)).toEqual([true, false, true]);
  });
});

describe('parseNotes: what is not text gives a NotesError with file and line', () => {
  const BINARY = Uint8Array.from([0x23, 0x20, 0x54, 0x0a, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x0a]);
  const LATIN1 = Uint8Array.from([...new TextEncoder().encode('# Section 1 A\n## Q1 2024 May\n'), 0x63, 0x61, 0x66, 0xe9, 0x0a]);

  it.each<[string, string | Uint8Array, number | undefined, RegExp]>([
    ['an empty file', '', undefined, /the file is empty/],
    ['binary junk (NUL bytes)', BINARY, 3, /NUL byte.*not a Markdown text file/],
    ['invalid UTF-8', LATIN1, 3, /not valid UTF-8/],
  ])('%s', (_name, input, line, message) => {
    const error = notesError(input);
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(message);
    expect(error.message).toBe(`${FILE}${line === undefined ? '' : `:${line}`}: ${error.problem}`);
    expect(error.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
  });
});

describe('parseNotes: notes Markdown can render are imported, with a located warning where they are odd', () => {
  it.each<[string, string, number | undefined, RegExp, string[]]>([
    ['a file of blank lines', '\n\n  \n', undefined, /no questions recognised/, []],
    ['only prose, no headings', lines('Some text', '', 'more'), undefined, /no questions recognised/, []],
    [
      'a title and sections one level too deep, with no questions',
      lines('# Title', '', '## Section 1 A', '', 'text'),
      3,
      /"Section 1 A" is a section, but no questions were found under it/,
      [],
    ],
    ['questions with no section', lines('# Title', '', '## Q1 2024 May', 'x'), undefined, /^$/, ['s1-2024-may-q1']],
    [
      'an unterminated "$$": closed at the next blank line, the next question kept',
      lines('# Section 1 A', '## Q1 2024 May', '', '$$', 'x = 1', '', '## Q2 2024 May', 'y'),
      4,
      /display math opened with "\$\$" is never closed: it ends at the blank line 6/,
      ['s1-2024-may-q1', 's1-2024-may-q2'],
    ],
    [
      'an unterminated "$$" in a list item',
      lines('# Section 1 A', '## Q1 2024 May', '1. item', '', '   $$', '   x', '', '2. next', '## Q2 2024 May', 'y'),
      5,
      /display math opened with "\$\$" is never closed/,
      ['s1-2024-may-q1', 's1-2024-may-q2'],
    ],
    [
      'an unterminated code fence that would swallow a heading: closed before it',
      lines('# Section 1 A', '## Q1 2024 May', '```python', 'x = 1', '## Q2 2024 May', 'y'),
      3,
      /code block \(opened with "```"\) is never closed.*ends before line 5/,
      ['s1-2024-may-q1', 's1-2024-may-q2'],
    ],
    [
      'quotes nested thousands deep: the markers past 32 levels are text',
      lines('# Section 1 A', '## Q1 2024 May', `${'> '.repeat(2000)}x`, '## Q2 2024 May', 'y'),
      3,
      /nests quotes or lists more than 32 levels deep/,
      ['s1-2024-may-q1', 's1-2024-may-q2'],
    ],
    [
      'a paragraph of 20,000 bold markers: the later ones are text',
      lines('# Section 1 A', '## Q1 2024 May', '**a'.repeat(7000), '## Q2 2024 May', 'y'),
      3,
      /more than 1000 runs of "\*" or "_"/,
      ['s1-2024-may-q1', 's1-2024-may-q2'],
    ],
    [
      'a question before the first section',
      lines('# Title', '', 'intro', '', '## Q1 2024 May ABC', '', 'answer', '', '# Section 1 A', '## Q2 2024 May', 'y'),
      5,
      /question "Q1 2024 May ABC" comes before the first section/,
      ['s2-2024-may-abc-q1', 's1-2024-may-q2'],
    ],
    [
      'a repeated question',
      lines('# Section 1 A', '## Q1 2024 May ABC', 'x', '', '## Q1 2024 May ABC', 'y'),
      5,
      /same section, paper and number as the question at line 2: imported as s1-2024-may-abc-q1-2/,
      ['s1-2024-may-abc-q1', 's1-2024-may-abc-q1-2'],
    ],
    [
      'a repeated section number',
      lines('# Section 1 A', '## Q1 2024 May', 'x', '# Section 1 B', '## Q2 2024 May', 'y'),
      4,
      /section number 1 appears twice \(also at line 1\): this one gets the next free number/,
      ['s1-2024-may-q1', 's2-2024-may-q2'],
    ],
    [
      'a top-level heading that is not a section word after the sections',
      lines('# Title', '# Section 1 A', '## Q1 2024 May', 'x', '# Appendix', 'y'),
      5,
      /"Appendix" is a section, but no questions were found under it/,
      ['s1-2024-may-q1'],
    ],
  ])('%s', (_name, input, line, message, ids) => {
    const notes = readNotes(input);
    expect(allQuestions(notes).map((question) => question.id)).toEqual(ids);
    if (message.source === '^$') expect(notes.warnings).toEqual([]);
    else expect(notes.warnings).toContainEqual({ line, message: expect.stringMatching(message) });
  });

  it('accepts the same question number in different sections or papers', () => {
    const notes = readNotes(
      lines('# Section 1 A', '## Q1 2024 May ABC', 'x', '## Q1 2024 May D', 'x', '# Section 2 B', '## Q1 2024 May ABC', 'y'),
    );
    expect(allQuestions(notes).map((question) => question.id)).toEqual(['s1-2024-may-abc-q1', 's1-2024-may-d-q1', 's2-2024-may-abc-q1']);
  });

  it('accepts display math closed on its own line, one line, or in a blockquote', () => {
    const notes = readNotes(
      lines('# Section 1 A', '## Q1 2024 May', '$$x$$', '', '$$', 'y', '$$', '', '> $$', '> z', '> $$', '## Q2 2024 May', 'w'),
    );
    expect(allQuestions(notes)).toHaveLength(2);
    expect(notes.warnings).toEqual([]);
  });

  it('reads display math as Typora writes it (text after the closing `$$`, or `$$` ending the last line) without a warning', () => {
    const notes = readNotes(
      lines('# Section 1 A', '## Q1 2024 May', '$$', 'x', '$$其中 x 是变量', '', '$$', 'y = 2$$', '## Q2 2024 May', 'w'),
    );
    expect(allQuestions(notes).map((question) => question.body.text)).toEqual(['$$\nx\n$$其中 x 是变量\n\n$$\ny = 2$$', 'w']);
    expect(notes.warnings).toEqual([]);
  });

  it('keeps a comment indented by 26 tabs in a code block as it is', () => {
    const comment = `${'\t'.repeat(26)}# keep the first samples`;
    const notes = readNotes(lines('# Section 1 A', '## Q1 2024 May', '```python', 'x = 1', comment, '```', '## Q2 2024 May', 'w'));
    expect(allQuestions(notes)[0]?.body.text).toContain(comment);
    expect(notes.warnings).toEqual([]);
  });
});
