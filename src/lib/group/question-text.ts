/**
 * What a question says and what its author answered, as text, for telling whether two students'
 * notes hold the same question (match.ts) and whether their short answers agree (short-answers.ts).
 * Read with the outline the page uses, so "statement" and "answer" mean what Test me shows and hides.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { QuestionData } from '../content/schema.ts';
import { splitParagraph } from '../notes/answers.ts';
import { inlineAnswersIn } from '../notes/inline-answers.ts';
import { inlineText } from '../notes/inline-text.ts';
import { parseMarkdown } from '../notes/markdown.ts';
import { questionBlocks, questionOutline, type OutlineNode } from '../notes/outline.ts';
import { isAnswerRule } from '../content/rules.ts';
import { OPTION_LABEL } from '../notes/vocabulary.ts';

export interface AnswerText {
  /** The part the answer is to, by its label read plainly ("a", "a-i", "1"); "" for the question as a whole. */
  part: string;
  /** The part's label as written ("(a)"), for saying where answers differ. */
  label: string;
  /** The answer source inside one author's notes ("DeepSeek"), if the notes give several. */
  source?: string | undefined;
  text: string;
  /** Options the notes mark as the answer (`**B. …**`, `- [x] pwd`): their letter, or their words when unlabelled. */
  marked: string[];
}

export interface QuestionText {
  /** The question's words: its title, statement and part headings (the user's notes restate each part in its heading). */
  statement: string;
  /** Everything the author answered. */
  answer: string;
  /** The answers part by part, each variant apart. */
  answers: AnswerText[];
}

/** A label read plainly: "(a)" → "a", "1.1" → "1-1", "(iii)" → "iii". */
export function plainLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The letter of a marked option ("B. 德国古典哲学" → "B"), or its words when it has none. */
function optionAnswer(text: string): string {
  const label = OPTION_LABEL.exec(text)?.[0];
  return label ? (/[A-H]/.exec(label)?.[0] ?? text.trim()) : text.trim();
}

function blockText(block: RootContent | undefined): string {
  if (!block) return '';
  return block.type === 'paragraph' || block.type === 'heading' ? inlineText(block.children) : toString(block);
}

export function questionText(data: Pick<QuestionData, 'title' | 'answers' | 'key'>, body: string): QuestionText {
  const blocks = questionBlocks(parseMarkdown(body).children);
  const outline = questionOutline(blocks, data);
  const rules = new Set((data.answers ?? []).filter(isAnswerRule));
  const statement: string[] = data.title ? [data.title] : [];
  const answers: AnswerText[] = [];
  const answerOf = (part: string, label: string, source: string | undefined): AnswerText => {
    let found = answers.find((answer) => answer.part === part && answer.source === source);
    if (!found) answers.push((found = { part, label, source, text: '', marked: [] }));
    return found;
  };

  const walk = (nodes: OutlineNode[], part: string, label: string, source: string | undefined): void => {
    for (const node of nodes) {
      if (node.type === 'part') {
        const key = [part, plainLabel(node.part.label)].filter(Boolean).join('-');
        statement.push(`${node.part.label} ${node.part.title}`);
        walk(node.children, key, node.part.label, node.part.variant ?? source);
        continue;
      }
      if (node.type === 'variants') {
        for (const item of node.items) walk(item.children, part, label, item.source);
        continue;
      }
      const block = blocks[node.index];
      if (!block || node.role === 'separator' || node.role === 'screenshot') continue;
      if (node.split && block.type === 'paragraph') {
        const [asked, answered] = splitParagraph(block, node.split);
        statement.push(inlineText(asked.children));
        answerOf(part, label, source).text += `${inlineText(answered.children)}\n`;
        continue;
      }
      if (node.inline) {
        const marked = inlineAnswersIn(block, rules).flatMap((found) =>
          found.kind === 'marked' || found.kind === 'ticked'
            ? [optionAnswer(toString(found.node))]
            : found.kind === 'letter'
              ? [found.node.value.slice(found.start, found.end)]
              : [],
        );
        answerOf(part, label, source).marked.push(...marked);
      }
      if (node.answer) answerOf(part, label, source).text += `${blockText(block)}\n`;
      else if (node.role !== 'answer-heading') statement.push(blockText(block));
    }
  };
  walk(outline.nodes, '', '', undefined);
  if (data.key) answerOf('', '', undefined).text += `${data.key.text}\n`;
  return {
    statement: statement.join('\n'),
    answer: answers.map((answer) => answer.text).join('\n'),
    answers: answers.flatMap(byLabelledLines).filter((answer) => answer.text.trim() !== '' || answer.marked.length > 0),
  };
}

/** A line that answers one part: "(a) A. …", "b) 0.35", "（c）…". */
const PART_LINE = /^\s*[(（]?([a-h]|i{1,3}|iv|v|vi{0,3})[)）]\s+(.*)$/;

/**
 * A whole question's answer written as one line per part ("(a) A. …" then "(b) …") where the
 * notes have no part headings: one answer per part, so it meets another student's parts.
 */
function byLabelledLines(answer: AnswerText): AnswerText[] {
  if (answer.part !== '') return [answer];
  const parts: AnswerText[] = [];
  let before = '';
  for (const line of answer.text.split('\n')) {
    const labelled = PART_LINE.exec(line);
    const current = parts.at(-1);
    if (labelled?.[1])
      parts.push({ ...answer, part: plainLabel(labelled[1]), label: `(${labelled[1]})`, text: `${labelled[2] ?? ''}\n`, marked: [] });
    else if (current) current.text += `${line}\n`;
    else before += `${line}\n`;
  }
  // Before the first part only a label may stand ("Answer:", "答案：").
  if (parts.length < 1 || !/^[^\n]{0,20}[:：]?$/.test(before.trim()) || answer.marked.length > 0) return [answer];
  return parts;
}
