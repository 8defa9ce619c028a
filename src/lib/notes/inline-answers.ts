/**
 * Answers that sit inside the question's own text, so the text stays in view and only they hide
 * in Test me: cloze blanks (`{{c1::…}}`, and `==…==` where the file uses them so), an answer
 * letter written into the stem (`…路径。C`, `（ B ）`, `(T)`), and a marked option (coloured,
 * bold, ending `*` / `√`, or ticked among unticked task-list items: `- [x] pwd`). Found the same way by the import (has the question an answer?) and
 * by the page (which wraps them so Test me can hide them).
 */
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { AnswerRule } from '../content/rules.ts';
import { looksAsked } from './asks.ts';
import { inlineText } from './inline-text.ts';
import { OPTION_LABEL } from './vocabulary.ts';

export type InlineAnswer =
  /** A node that is the answer: a cloze or highlight blank, or a marked option (inked or bold), which stays shown but unmarked. */
  | { kind: 'blank' | 'marked'; node: PhrasingContent; parent?: { children: PhrasingContent[] } }
  /** Characters of a text node: an answer letter in the stem, or an option's `*` / `√` mark. */
  | { kind: 'letter'; parent: { children: PhrasingContent[] }; node: Text; start: number; end: number }
  /** An option ticked in a task list whose other items are not: it stays shown, its tick hidden in Test me. */
  | { kind: 'ticked'; node: ListItem };

/** The answer written at the end of a stem's line: letters, T/F, √ × (after punctuation or Chinese, never after a word). */
const LETTER_AT_END = /(?<=[^\sA-Za-z0-9]|^)\s*([A-H]{1,6}|[TF]|[√×✓✗✔✘]|对|错)\s*$/u;
/** The answer written into the stem's blank: `（ B ）`, `(AC)`, `【√】`. */
const LETTER_IN_BLANK = /[（(【[]\s*([A-H]{1,6}|[TF]|[√×✓✗✔✘]|对|错)\s*[）)】\]]/u;
/** An option line marked as the answer at its end: `B. 德国古典哲学 *`, `C 实践 √`. */
const OPTION_MARK = /[ \t]+(\*|√|✓|✔)[ \t]*$/u;

const NONE: ReadonlySet<AnswerRule> = new Set();

/** The inline answers of a block (a paragraph, or the paragraphs of a list or quote), by the file's rules. */
export function inlineAnswersIn(block: RootContent | BlockContent, rules: ReadonlySet<AnswerRule> = NONE): InlineAnswer[] {
  if (block.type === 'paragraph')
    return [...blanks(block.children, rules), ...filledBlanks(block, rules), ...letters(block, rules), ...marked(block, rules)];
  if (block.type === 'list')
    return [...ticked(block), ...block.children.flatMap((item) => item.children.flatMap((child) => inlineAnswersIn(child, rules)))];
  if (block.type === 'blockquote') return block.children.flatMap((child) => inlineAnswersIn(child, rules));
  // Options laid out as a table (`| A | 系统调用 |`), the right one inked.
  if (block.type === 'table')
    return block.children.flatMap((row) =>
      row.children.flatMap((cell) => marked({ type: 'paragraph', children: cell.children }, rules, true)),
    );
  return [];
}

/** Options as task-list items, some ticked and some not (`- [ ] cd` / `- [x] pwd`): the ticked ones answer. */
function ticked(list: List): InlineAnswer[] {
  const items = list.children;
  const states = items.map((item) => item.checked);
  if (items.length < 2 || !states.every((state) => typeof state === 'boolean') || !states.includes(false)) return [];
  return items.filter((item) => item.checked === true).map((node) => ({ kind: 'ticked', node }));
}

function blanks(children: PhrasingContent[], rules: ReadonlySet<AnswerRule>): InlineAnswer[] {
  return children.flatMap((child): InlineAnswer[] => {
    if (child.type === 'cloze' || (child.type === 'highlight' && rules.has('cloze'))) return [{ kind: 'blank', node: child }];
    return 'children' in child && child.type !== 'link' ? blanks(child.children, rules) : [];
  });
}

/**
 * Blanks filled in a statement that does not ask (`…的命令是`DROP TABLE`。`, `基本构成有：<b>数据获取</b>，…`):
 * its bold, underlined or code words after its first, where the notes' rule says so.
 */
function filledBlanks(paragraph: Paragraph, rules: ReadonlySet<AnswerRule>): InlineAnswer[] {
  if (!rules.has('filled-blanks') || looksAsked(inlineText(paragraph.children))) return [];
  return paragraph.children.flatMap((child, index): InlineAnswer[] => {
    const marked = child.type === 'strong' || child.type === 'inlineCode';
    const before = inlineText(paragraph.children.slice(0, index)).trim();
    // A bold label at the start (`**答**：`) introduces; a blank stands inside the sentence.
    return marked && before !== '' ? [{ kind: 'blank', node: child, parent: paragraph }] : [];
  });
}

/** The paragraph's lines as runs of its children, split at newlines in texts and at hard breaks. */
function lineTexts(paragraph: Paragraph): { text: string; last?: { node: Text; end: number } | undefined }[] {
  const lines: { text: string; last?: { node: Text; end: number } | undefined }[] = [{ text: '' }];
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      lines.push({ text: '' });
      continue;
    }
    if (child.type !== 'text') {
      const current = lines[lines.length - 1];
      if (current) {
        current.text += inlineText([child]);
        current.last = undefined;
      }
      continue;
    }
    let at = 0;
    child.value.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push({ text: '' });
      const current = lines[lines.length - 1];
      if (current) {
        current.text += piece;
        current.last = { node: child, end: at + piece.length };
      }
      at += piece.length + 1;
    });
  }
  return lines;
}

function letters(paragraph: Paragraph, rules: ReadonlySet<AnswerRule>): InlineAnswer[] {
  const found: InlineAnswer[] = [];
  const lines = lineTexts(paragraph);
  if (rules.has('letter-after-stem')) {
    // The stem is the line before the first option (or the paragraph's first line, as true/false questions have no options).
    const firstOption = lines.findIndex((line, index) => index > 0 && OPTION_LABEL.test(line.text));
    const stem = lines[firstOption > 0 ? firstOption - 1 : 0];
    const end = stem?.last;
    // The letters written into the stem's blank come first: `（ ABD ）不选 C` answers ABD.
    const inBlankAnswer = stem ? inBlank(paragraph, stem.text) : [];
    const atEnd = stem && end && inBlankAnswer.length === 0 ? LETTER_AT_END.exec(stem.text) : null;
    if (inBlankAnswer.length > 0) found.push(...inBlankAnswer);
    else if (
      stem &&
      end &&
      atEnd?.[1] &&
      stem.text.trim().length > atEnd[0].trim().length &&
      end.node.value.slice(0, end.end).endsWith(atEnd[0])
    ) {
      const start = end.end - atEnd[0].length + atEnd[0].indexOf(atEnd[1]);
      found.push({ kind: 'letter', parent: paragraph, node: end.node, start, end: start + atEnd[1].length });
    }
  }
  if (rules.has('marked-option')) {
    for (const line of lines) {
      const mark = line.last && OPTION_LABEL.test(line.text) ? OPTION_MARK.exec(line.text) : null;
      if (mark?.[1] && line.last && line.last.node.value.slice(0, line.last.end).endsWith(mark[0])) {
        const start = line.last.end - mark[0].length + mark[0].indexOf(mark[1]);
        found.push({ kind: 'letter', parent: paragraph, node: line.last.node, start, end: start + mark[1].length });
      }
    }
  }
  return found;
}

/** `（ B ）` in the stem's line: the letter inside the blank, found in the text node that holds it. */
function inBlank(paragraph: Paragraph, stemText: string): InlineAnswer[] {
  const match = LETTER_IN_BLANK.exec(stemText);
  if (!match?.[1] || match.index === 0) return [];
  for (const child of paragraph.children) {
    if (child.type !== 'text') continue;
    const inNode = LETTER_IN_BLANK.exec(child.value);
    if (inNode?.[1] === match[1] && inNode.index > 0) {
      const start = inNode.index + inNode[0].indexOf(inNode[1]);
      return [{ kind: 'letter', parent: paragraph, node: child, start, end: start + inNode[1].length }];
    }
  }
  return [];
}

/** Options marked as the answer: inked (`<font color>`) or, by the file's rule, bold; the option's text stays in view. */
function marked(paragraph: Paragraph, rules: ReadonlySet<AnswerRule>, cell = false): InlineAnswer[] {
  const found: InlineAnswer[] = [];
  const children = paragraph.children;
  children.forEach((child, index) => {
    if (child.type !== 'inked' && !(child.type === 'strong' && rules.has('marked-option'))) return;
    // The option's label is inside the mark (`<font>B. …</font>`) or just before it on its line (`B. <font>…</font>`).
    const before = children[index - 1];
    const lineStart =
      before === undefined ||
      before.type === 'break' ||
      (before.type === 'text' && /(^|\n)[ \t]*(?:[A-H][.．、)）:：]|[(（][A-H][)）])?[ \t]*$/.test(before.value));
    const labelled =
      OPTION_LABEL.test(inlineText(child.children)) || (before?.type === 'text' && OPTION_LABEL.test(before.value.split('\n').pop() ?? ''));
    // In a table of options the label has a cell of its own: an inked cell is the marked option's.
    if (lineStart && (labelled || cell)) found.push({ kind: 'marked', node: child });
  });
  return found;
}

function answerText(children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['answer-text'] } }, children };
}

/** Wraps the inline answers for the page: blanks and letters hide in Test me (a `[…]` shows in their place), marks lose their colour. */
export function markInlineAnswers(answers: InlineAnswer[]): void {
  // Letters are cut out of their texts from the last, so earlier offsets stay right.
  const ordered = [...answers].sort((a, b) => (a.kind === 'letter' && b.kind === 'letter' && a.node === b.node ? b.start - a.start : 0));
  for (const answer of ordered) {
    if (answer.kind === 'letter') {
      const index = answer.parent.children.indexOf(answer.node);
      if (index === -1) continue;
      const { value } = answer.node;
      const letter: PhrasingContent = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['answer', 'answer-inline'] } },
        children: [answerText([{ type: 'text', value: value.slice(answer.start, answer.end) }])],
      };
      const after: PhrasingContent[] = answer.end < value.length ? [{ ...answer.node, value: value.slice(answer.end) }] : [];
      // The text keeps what comes before, so another answer earlier in it still finds it.
      if (answer.start > 0) {
        answer.node.value = value.slice(0, answer.start);
        answer.parent.children.splice(index + 1, 0, letter, ...after);
      } else answer.parent.children.splice(index, 1, letter, ...after);
      continue;
    }
    if (answer.kind === 'ticked') {
      // The item keeps its checkbox (rehype-task-boxes.ts draws it); the class lets Test me hide the tick.
      const properties = answer.node.data?.hProperties ?? {};
      answer.node.data = { ...answer.node.data, hProperties: { ...properties, className: ['task-list-item', 'answer-mark'] } };
      continue;
    }
    // Code has no children to hide: it goes inside a blank of its own.
    if (answer.node.type === 'inlineCode' && answer.parent) {
      const blank: PhrasingContent = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['answer', 'answer-inline', 'cloze'] } },
        children: [answerText([answer.node])],
      };
      answer.parent.children.splice(answer.parent.children.indexOf(answer.node), 1, blank);
      continue;
    }
    const node = answer.node as PhrasingContent & { data?: { hName?: string; hProperties?: Record<string, unknown> } };
    const properties = node.data?.hProperties ?? {};
    const classes = Array.isArray(properties.className) ? (properties.className as string[]) : [];
    const added = answer.kind === 'blank' ? ['answer', 'answer-inline', 'cloze'] : ['answer-mark'];
    // A blank's words sit in an inner span that Test me hides (from screen readers too), leaving `[…]`.
    if (answer.kind === 'blank' && 'children' in node) node.children = [answerText(node.children as PhrasingContent[])];
    node.data = {
      ...node.data,
      hName: node.data?.hName ?? (node.type === 'strong' ? 'strong' : 'span'),
      hProperties: { ...properties, className: [...new Set([...classes, ...added])] },
    };
  }
}
