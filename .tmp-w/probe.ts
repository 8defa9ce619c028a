import { parseNotes } from '../src/lib/notes/split.ts';
import { decodeNotes } from '../src/lib/notes/text.ts';
import { NotesError } from '../src/lib/notes/errors.ts';
const cases: Record<string, string> = {
  chinese: '# 课程\n\n# 第一章 深度学习基础\n\n## Q1 2024 May ABC\n\ntext\n\n# Section 2 深度学习\n\n## Q1 2024 May\n\n### （a） 全角 （可能不考）\n\nans\n',
  unterminatedList: '# Section 1 A\n\n## Q1 2024 May\n\n1. item\n\n   $$\n   x = 1\n\n2. next\n\n## Q2 2024 May\n\nfoo\n',
  unterminatedEnd: '# Section 1 A\n\n## Q1 2024 May\n\n$$\nx\n',
  singleLine: '# Section 1 A\n\n## Q1 2024 May\n\n$$x$$\n\n## Q2 2024 May\n\nfoo\n',
  dollarInline: '# Section 1 A\n\n## Q1 2024 May\n\ncost is $$5 and $$6\n\n## Q2 2024 May\n\nfoo\n',
  setext: '# Section 1 A\n\n## Q1 2024 May\n\nsome answer\n---\n\n## Q2 2024 May\n\nfoo\n',
  qbefore: '# Title\n\n## Q1 2024 May\n\nx\n\n# Section 1 A\n',
  nosec: '# Title\n\nhello\n',
  dup: '# Section 1 A\n\n## Q1 2024 May\n\nx\n\n## Q1 2024 May\n\ny\n',
  fenced: '# Section 1 A\n\n## Q1 2024 May\n\n```python\nx=1\n\n## Q2 2024 May\n',
  mathHeading: '# Section 1 A\n\n## Q1 2024 May\n\n### (a) $x^2$ (不考)\n\nfoo\n',
  tilde: '# Section 1 A\n\n## Q1 2024 May\n\n~~~\ncode\n~~~\n\n## Q2 2024 May\n\nfoo\n',
  displayInQuote: '# Section 1 A\n\n## Q1 2024 May\n\n> $$\n> x\n> $$\n\n## Q2 2024 May\n\nfoo\n',
  closeWithText: '# Section 1 A\n\n## Q1 2024 May\n\n$$\nx\n$$ \n\n## Q2 2024 May\n\nfoo\n',
  listDisplay: '# Section 1 A\n\n## Q1 2024 May\n\n1. Item\n   $$\n   L = 1\n   $$\n2. two\n\n## Q2 2024 May\n\nfoo\n',
};
for (const [name, text] of Object.entries(cases)) {
  try {
    const n = parseNotes(text, 'x.md');
    console.log(name, 'OK', JSON.stringify(n.sections.map((s) => [s.number, s.title, s.questions.map((q) => [q.id, q.body.text.length, q.outline.parts.map((p) => p.anchor + ':' + p.examinability + ':' + p.title)])])));
  } catch (e) {
    console.log(name, e instanceof NotesError ? 'NotesError ' + e.message : 'OTHER ' + String(e));
  }
}
