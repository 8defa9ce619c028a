/**
 * Candidate ways of cutting notes into questions that are not headings (structure.ts has those):
 * numbered items and lines, bold lines, table rows, flashcards, `Q:` lines, what stands before each
 * answer set apart, blocks between rules, list items. Each returns a structure (structure.ts
 * assemble) or undefined when the notes have too few such units; infer.ts scores them all.
 *
 * Pure: reads the parsed tree and the notes' lines.
 */
import type { List, Paragraph, Root, RootContent, Table } from 'mdast';
import type { AnswerRule } from '../content/rules.ts';
import { answerStartOf } from '../notes/answers.ts';
import { parseQuestionHeading, parseSectionHeading } from '../notes/headings.ts';
import { inlineText } from '../notes/inline-text.ts';
import { OPTION_LABEL } from '../notes/inline-answers.ts';
import { isAnswerHeading, parseSourceLabel } from '../notes/variants.ts';
import { NUMERAL } from '../notes/vocabulary.ts';
import { parseSmallNumber } from '../content/numerals.ts';
import { isAnswerKeyAt } from './answer-key.ts';
import { parsePartHeading } from '../notes/parts.ts';
import { assemble, findTitle, type HeadingEntry, type NotesStructure, type QuestionPlan, type QuestionRule } from './structure.ts';

/** What every cutter reads: the tree, the notes' lines, the headings at the top level. */
export interface CutInput {
  tree: Root;
  lines: string[];
  entries: HeadingEntry[];
}

const startLine = (node: { position?: RootContent['position'] }): number => node.position?.start.line ?? 0;
const endLine = (node: { position?: RootContent['position'] }): number => node.position?.end.line ?? 0;

/**
 * Headings that open sections: not an answer heading (`### Answer` inside a question) nor a part's
 * (`### (a)`), unless it opens an answer key; and lines on their own that name a section by their
 * words without being headings (`二、判断题`, `第一部分 选择题`), as question banks often write them.
 */
function sectionEntries(input: CutInput): HeadingEntry[] {
  const headings = input.entries.filter(
    (entry) => (!isAnswerHeading(entry.text) && parsePartHeading(entry.text) === undefined) || isAnswerKeyAt(entry, input.lines),
  );
  const named = input.tree.children.flatMap((node): HeadingEntry[] => {
    if (node.type !== 'paragraph' || startLine(node) !== endLine(node)) return [];
    const text = inlineText(node.children).trim();
    const section = parseSectionHeading(text.replace(/^\*\*(.*)\*\*$/, '$1'));
    return section && text.length <= 40 ? [{ line: startLine(node), depth: 6, text }] : [];
  });
  return [...headings, ...named].sort((a, b) => a.line - b.line);
}

/** Puts question starts under the headings as sections, a first heading alone at its depth being the title. */
function structureOf(rule: QuestionRule, input: CutInput, starts: QuestionPlan[], answers: AnswerRule[] = []): NotesStructure | undefined {
  if (starts.length < 2) return undefined;
  const sorted = [...starts].sort((a, b) => a.line - b.line);
  const headings = sectionEntries(input);
  const title = findTitle(headings, sorted[0]?.line ?? Number.POSITIVE_INFINITY, undefined);
  return {
    ...assemble(
      rule,
      title,
      headings.filter((entry) => entry !== title),
      sorted,
      undefined,
      input.lines,
    ),
    answers,
  };
}

/** A question plan for a unit without a label of its own: named by the start of its first line. */
function unlabelled(line: number, text: string, kind: QuestionPlan['kind'], extra: Partial<QuestionPlan> = {}): QuestionPlan {
  const words = text
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    line,
    kind,
    headingText: words.length > 60 ? `${words.slice(0, 59)}…` : words || '(untitled)',
    heading: { number: '', label: '', title: '', examinability: 'unmarked' },
    ...extra,
  };
}

// ——— numbered items and lines ———

/**
 * A question's number at the start of a line, as students write it without Markdown's list syntax:
 * `1.当…` (no space), `8\. What`, `1、`, `1．`, `(1)`, `**1.**`, `第1题`, `试题1：`. `1.5 is` is a number, not a label.
 */
const NUMBERED_LINE = new RegExp(
  `^ {0,3}(\\*\\*)?((\\d{1,3})(?:\\\\?[.．)）](?!\\d)|、)|[(（](\\d{1,3})[)）]|第\\s*(${NUMERAL})\\s*题[.:：、．]?|(?:试题|题目|例题|习题)\\s*(\\d{1,3})[.:：、．]?)(\\*\\*)?[ \\t]*`,
);

interface NumberedItem {
  line: number;
  number: number;
  label: string;
  labelWidth: number;
  indent: number;
  /** Label punctuation, so items of one kind (`1.` vs `(1)`) are followed together. */
  style: string;
}

/** Numbered lines in a top-level paragraph (several questions may share one, with no blank line between). */
function numberedLines(paragraph: Paragraph, lines: string[]): NumberedItem[] {
  const items: NumberedItem[] = [];
  for (let line = startLine(paragraph); line <= endLine(paragraph); line++) {
    const text = lines[line - 1] ?? '';
    const match = NUMBERED_LINE.exec(text);
    if (!match?.[2]) continue;
    const number = match[3] ?? match[4] ?? match[6] ?? (match[5] === undefined ? undefined : String(parseSmallNumber(match[5]) ?? ''));
    if (number === undefined || number === '') continue;
    // `**1. the whole question**`: the bold goes on past the label, so the label is not cut off.
    const boldLabel = match[1] !== undefined && match[7] !== undefined;
    const width = match[1] !== undefined && !boldLabel ? 0 : match[0].length;
    if (match[1] !== undefined && !boldLabel) continue;
    items.push({
      line,
      number: Number(number),
      label: match[2].replace(/\\/g, '').trim(),
      labelWidth: width,
      indent: 0,
      style: match[2].replace(/\d+|[一二两三四五六七八九十〇零]+|\s|\\/g, ''),
    });
  }
  return items;
}

function listItems(list: List, lines: string[]): NumberedItem[] {
  return list.children.flatMap((item) => {
    const line = startLine(item);
    const text = lines[line - 1] ?? '';
    const marker = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/.exec(text);
    if (!marker?.[2]) return [];
    const labelWidth = marker[0].length;
    // Continuation lines are indented to the item's content (CommonMark), at least the marker's width.
    return [
      {
        line,
        number: Number(marker[2]),
        label: `${marker[2]}${marker[3] ?? ''}`,
        labelWidth,
        indent: labelWidth,
        style: `list${marker[3]}`,
      },
    ];
  });
}

/**
 * Items numbered 1, 2, 3 … within a section: an item out of step (a list inside an answer) stays in its
 * question, unless the numbering goes on from it (a question number skipped, `1 2 3 5 6`).
 */
function inSequence(items: NumberedItem[], sectionLines: number[]): NumberedItem[] {
  const kept: NumberedItem[] = [];
  let expected: number | undefined;
  let section = -1;
  items.forEach((item, index) => {
    const inSection = sectionLines.filter((line) => line < item.line).length;
    if (inSection !== section) {
      section = inSection;
      expected = undefined;
    }
    const next = items[index + 1];
    const resumes = expected !== undefined && item.number > expected && item.number <= expected + 5 && next?.number === item.number + 1;
    if (expected !== undefined && item.number !== expected && !resumes) return;
    expected = item.number + 1;
    kept.push(item);
  });
  return kept;
}

export function numberedCut(input: CutInput): NotesStructure | undefined {
  const found: NumberedItem[] = [];
  for (const node of input.tree.children) {
    if (node.type === 'list' && node.ordered) found.push(...listItems(node, input.lines));
    else if (node.type === 'paragraph') found.push(...numberedLines(node, input.lines));
  }
  // Questions share one way of writing their number; a list of another kind inside the answers is not questions.
  const sectionLines = sectionEntries(input).map((entry) => entry.line);
  const styles = [...new Set(found.map((item) => item.style))];
  const best = styles
    .map((style) =>
      inSequence(
        found.filter((item) => item.style === style || (item.style.startsWith('list') && style.startsWith('list'))),
        sectionLines,
      ),
    )
    .sort((a, b) => b.length - a.length)[0];
  const items = best ?? [];
  const plans = items.map((item): QuestionPlan => ({
    line: item.line,
    kind: 'numbered',
    headingText: item.label,
    heading: { number: String(item.number), label: item.label, title: '', examinability: 'unmarked' },
    item: { labelWidth: item.labelWidth, indent: item.indent },
  }));
  return structureOf('numbered', input, plans);
}

// ——— bold lines ———

/** A line that is bold as a whole (`**1. 下列…（ ）**`, `__Why…?__`): a question written as a bold line. */
const BOLD_LINE = /^ {0,3}(\*\*|__)(?![\s*_])(.+?)(?<!\s)\1[ \t]*$/;

export function boldLinesCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  for (const node of input.tree.children) {
    if (node.type !== 'paragraph') continue;
    const line = startLine(node);
    const match = BOLD_LINE.exec(input.lines[line - 1] ?? '');
    const text = match?.[2];
    // Labels of answers and of their sources (`**答案：**`, `**DeepSeek**`) and bold options are not questions.
    if (text === undefined || answerStartOf(node) !== undefined || parseSourceLabel(text) !== undefined || OPTION_LABEL.test(text))
      continue;
    const heading = parseQuestionHeading(text);
    if (heading) {
      const { strong: _strong, ...rest } = heading;
      plans.push({ line, kind: 'block', headingText: heading.label, heading: { ...rest, title: '' } });
    } else plans.push(unlabelled(line, text, 'block'));
  }
  return structureOf('bold-lines', input, plans);
}

// ——— table rows ———

const INDEX_COLUMN = /^(#|no\.?|n[oº]|序号|编号|题号|num(ber)?|id|\d+)$/i;

export function tableRowsCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  for (const node of input.tree.children) {
    if (node.type !== 'table' || node.children.length < 3) continue;
    const columns = cellTexts(node, 0);
    if (columns.length < 2) continue;
    // The question is in the first column that is not a row number.
    const question = columns.findIndex(
      (name, index) =>
        !INDEX_COLUMN.test(name) &&
        !node.children.slice(1).every((row) => /^\d*$/.test(cellTexts(node, node.children.indexOf(row))[index] ?? '')),
    );
    if (question === -1 || question === columns.length - 1) continue;
    node.children.slice(1).forEach((row, index) => {
      const text = cellTexts(node, index + 1)[question] ?? '';
      if (text === '') return;
      const last = index === node.children.length - 2;
      plans.push(unlabelled(startLine(row), text, 'row', { table: { columns, question }, ...(last ? {} : { end: startLine(row) + 1 }) }));
    });
  }
  return structureOf('table-rows', input, plans, ['table-columns']);
}

function cellTexts(table: Table, row: number): string[] {
  return (table.children[row]?.children ?? []).map((cell) => inlineText(cell.children).trim());
}

// ——— flashcards ———

/** A line with a card's question and answer: `term::definition`, `a:::b`, `question >> answer` (not at the line's start, not in a URL). */
const ONE_LINE_CARD = /^(?!\s*[-*+>]|\s*\d+[.)]\s)(?=\S)(?:(?!:\/\/).)*?\S(?::{2,3}|\s>>\s|\s;;\s)\s*\S/;

export function cardsCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  const rules = new Set<AnswerRule>();
  const blocks = input.tree.children;
  blocks.forEach((node, index) => {
    if (node.type !== 'paragraph') return;
    const first = startLine(node);
    const text = inlineText(node.children);
    const lines = text.split('\n');
    if (/^\?\??$/.test(text.trim())) {
      // `?` on a paragraph of its own: the card is the paragraph before it.
      const previous = blocks[index - 1];
      if (previous?.type === 'paragraph' && !plans.some((plan) => plan.line === startLine(previous))) {
        plans.push(unlabelled(startLine(previous), inlineText(previous.children), 'block'));
        rules.add('after-question-mark');
      }
      return;
    }
    if (lines.slice(1).some((line) => /^\?\??\s*$/.test(line))) {
      plans.push(unlabelled(first, lines[0] ?? '', 'block'));
      rules.add('after-question-mark');
      return;
    }
    const oneLiners = input.lines.slice(first - 1, endLine(node)).flatMap((line, at) => (ONE_LINE_CARD.test(line) ? [first + at] : []));
    if (oneLiners.length > 0) {
      for (const line of oneLiners) plans.push(unlabelled(line, (input.lines[line - 1] ?? '').split(/::|>>/)[0] ?? '', 'block'));
      rules.add('after-separator');
      return;
    }
    if (node.children.some((child) => child.type === 'highlight' || child.type === 'cloze')) {
      plans.push(unlabelled(first, lines[0] ?? '', 'block'));
      if (node.children.some((child) => child.type === 'highlight')) rules.add('cloze');
    }
  });
  return structureOf('cards', input, plans, [...rules]);
}

// ——— Q: / A: pairs ———

const QUESTION_LINE = /^ {0,3}(?:\*\*)?(?:Q|Question|问|问题)(?:\*\*)?\s*[:：](?:\*\*)?\s*\S/i;

export function qaPairsCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  for (const node of input.tree.children) {
    if (node.type !== 'paragraph') continue;
    for (let line = startLine(node); line <= endLine(node); line++) {
      const text = input.lines[line - 1] ?? '';
      if (QUESTION_LINE.test(text)) plans.push(unlabelled(line, text.replace(/^[^:：]*[:：]/, ''), 'block'));
    }
  }
  return structureOf('qa-pairs', input, plans, ['after-separator']);
}

// ——— what stands before each answer ———

/** Answers set apart as blocks: containers, callouts, `<details>`, quotes, labelled paragraphs, answer headings. */
export function beforeAnswersCut(input: CutInput): NotesStructure | undefined {
  const rules = new Set<AnswerRule>();
  const asBlock = (node: RootContent): boolean => {
    if (node.type === 'heading') return isAnswerHeading(inlineText(node.children));
    if (node.type === 'blockquote' || node.type === 'notesContainer' || node.type === 'html') {
      const looseRule: AnswerRule = node.type === 'blockquote' ? 'blockquotes' : 'containers';
      if (answerStartOf(node) !== undefined) return true;
      if (answerStartOf(node, new Set([looseRule])) !== undefined) {
        rules.add(looseRule);
        return true;
      }
      return false;
    }
    return answerStartOf(node)?.kind === 'block';
  };
  const plans: QuestionPlan[] = [];
  let unitStart: RootContent | undefined;
  let answered = false;
  for (const node of input.tree.children) {
    if (node.type === 'heading' && !isAnswerHeading(inlineText(node.children))) {
      unitStart = undefined;
      answered = false;
      continue;
    }
    if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    if (asBlock(node)) {
      if (unitStart && !answered) plans.push(unlabelled(startLine(unitStart), firstLineText(unitStart, input.lines), 'block'));
      answered = true;
      continue;
    }
    if (answered || !unitStart) {
      unitStart = node;
      answered = false;
    }
  }
  return structureOf('before-answers', input, plans, [...rules]);
}

function firstLineText(node: RootContent, lines: string[]): string {
  return lines[startLine(node) - 1] ?? '';
}

// ——— blocks between rules ———

export function rulesCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  let afterRule = false;
  const sectionLines = new Set(input.entries.map((entry) => entry.line));
  for (const node of input.tree.children) {
    if (node.type === 'thematicBreak') {
      afterRule = true;
      continue;
    }
    if (node.type === 'heading' && sectionLines.has(startLine(node))) {
      afterRule = false;
      continue;
    }
    if (afterRule) {
      plans.push(unlabelled(startLine(node), firstLineText(node, input.lines), 'block'));
      afterRule = false;
    }
  }
  return plans.length >= 3 ? structureOf('rules', input, plans) : undefined;
}

// ——— list items ———

/** Top-level bullet items, each a question (`- What is …?` with its answer nested under it). */
export function listItemsCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  for (const node of input.tree.children) {
    if (node.type !== 'list' || node.ordered) continue;
    for (const item of node.children) {
      const line = startLine(item);
      const text = input.lines[line - 1] ?? '';
      const marker = /^( {0,3})([-*+])([ \t]+|$)/.exec(text);
      if (!marker) continue;
      const width = marker[0].length;
      plans.push(unlabelled(line, text.slice(width), 'numbered', { item: { labelWidth: width, indent: width } }));
    }
  }
  return structureOf('list-items', input, plans, ['after-first-paragraph']);
}
