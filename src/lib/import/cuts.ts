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
import type { Paper } from '../content/schema.ts';
import { answerStartOf, isAnswerLabel } from '../notes/answers.ts';
import { parseQuestionHeading, parseSectionHeading } from '../notes/headings.ts';
import { inlineText } from '../notes/inline-text.ts';
import { isQuestionBox } from '../notes/outline.ts';
import { looksAsked } from '../notes/asks.ts';
import { OPTION_LABEL } from '../notes/vocabulary.ts';
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
    .replace(/<[^>]*>/g, '')
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
 * A question's label at the start of a line, as students write it without Markdown's list syntax:
 * `1.当…` (no space), `8\. What`, `1、`, `1．`, `(1)`, `**1.**`, and labels that say so on their own:
 * dotted exercise numbers (`**1.1**`, `3.2.1`), `第1题`, `试题1：`, `习题 1.2.1`, `Q3.`, `Exercise 4`.
 * `1.5 is` is a number, not a label.
 */
const LINE_LABEL = new RegExp(
  `^ {0,3}(\\*\\*)?(` +
    [
      `(?<dotted>\\d{1,3}(?:\\.\\d{1,3})+)\\.?(?=[\\s*]|$)`,
      `(?<plain>\\d{1,3})(?:\\\\?[.．)）](?!\\d)|、)`,
      `[(（](?<paren>\\d{1,3})[)）]`,
      `第\\s*(?<zh>${NUMERAL})\\s*题[.:：、．]?`,
      `(?:试题|题目|例题|习题|例|定理|引理|命题|推论)\\s*(?<word>\\d{1,3}(?:\\.\\d{1,3})*)[.:：、．]?`,
      `(?:q|question|problem|exercise|ex|task|example|theorem|lemma|proposition|corollary)\\.?\\s*(?<en>\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)[.:：)]?`,
    ].join('|') +
    `)(\\*\\*)?[ \\t]*`,
  'i',
);

interface NumberedItem {
  line: number;
  /** The question's number as written, for its id: "3", "1.2.1". */
  number: string;
  label: string;
  labelWidth: number;
  indent: number;
  /** Label kind, so items of one kind (`1.` vs `(1)`) are followed together. */
  style: string;
  /** Plain numbers must run 1, 2, 3 …; labels that say so (`习题 1.2`, `1.1`) need not. */
  sequenced: boolean;
  /** The paper a bold label names with the number (`**Q1 (2024 May ABC)** …`). */
  paper?: Paper | undefined;
}

/** A bold run opening a line, the question's words after it: `**Q1 (2024 May ABC)** Training error…`. */
const BOLD_LABEL = /^ {0,3}\*\*(?![\s*])([^*\n]+?)(?<!\s)\*\*[ \t]*(?=\S)/;

/** A bold label that names a question and its paper and nothing else, with the question's words after it. */
function paperLabel(text: string): (NumberedItem & { paper: Paper }) | undefined {
  const bold = BOLD_LABEL.exec(text);
  const heading = bold?.[1] === undefined ? undefined : parseQuestionHeading(bold[1]);
  if (!bold?.[1] || !heading?.strong || !heading.paper || heading.title !== '') return undefined;
  const width = bold[0].length;
  return {
    line: 0,
    number: heading.number,
    label: bold[1],
    labelWidth: width,
    indent: 0,
    style: 'label',
    sequenced: false,
    paper: heading.paper,
  };
}

/** Numbered lines in a top-level paragraph (several questions may share one, with no blank line between). */
function numberedLines(paragraph: Paragraph, lines: string[]): NumberedItem[] {
  const items: NumberedItem[] = [];
  for (let line = startLine(paragraph); line <= endLine(paragraph); line++) {
    const text = lines[line - 1] ?? '';
    const withPaper = paperLabel(text);
    if (withPaper) {
      items.push({ ...withPaper, line });
      continue;
    }
    const match = LINE_LABEL.exec(text);
    const groups = match?.groups;
    if (!match?.[2] || !groups) continue;
    // `**1. the whole question**`: the bold goes on past the label; the bold-lines cutting reads those.
    if (match[1] !== undefined && match[match.length - 1] === undefined) continue;
    const zh = groups.zh === undefined ? undefined : String(parseSmallNumber(groups.zh) ?? '');
    const number = groups.dotted ?? groups.plain ?? groups.paren ?? groups.word ?? groups.en ?? zh;
    if (number === undefined || number === '') continue;
    const sequenced = groups.plain !== undefined || groups.paren !== undefined;
    items.push({
      line,
      number,
      label: match[2].replace(/\\/g, '').trim(),
      labelWidth: match[0].length,
      indent: 0,
      style: sequenced ? match[2].replace(/\d+|\s|\\/g, '') : 'label',
      sequenced,
    });
  }
  return items;
}

function listItems(list: List, lines: string[]): NumberedItem[] {
  return list.children.flatMap((item, index) => {
    const line = startLine(item);
    const text = lines[line - 1] ?? '';
    const marker = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/.exec(text);
    if (!marker?.[2]) return [];
    const labelWidth = marker[0].length;
    // An item's number is its place in its list, as Markdown numbers it (`1.` `1.` `1.` is 1, 2, 3).
    const number = String((list.start ?? 1) + index);
    // Continuation lines are indented to the item's content (CommonMark), at least the marker's width.
    return [
      // `1.` as a list item and `5.“…` (no space: a paragraph) are one way of numbering.
      { line, number, label: `${marker[2]}${marker[3] ?? ''}`, labelWidth, indent: labelWidth, style: marker[3] ?? '.', sequenced: true },
    ];
  });
}

/**
 * Items numbered 1, 2, 3 … within a section: an item out of step (a list inside an answer, numbered
 * again from 1) stays in its question. Numbers may skip ahead (notes of only the questions answered:
 * `12 14 19 21`) where the numbering goes on rising after them.
 */
function inSequence(items: NumberedItem[], sectionLines: number[]): NumberedItem[] {
  const kept: NumberedItem[] = [];
  let expected: number | undefined;
  let section = -1;
  items.forEach((item, index) => {
    if (!item.sequenced) return void kept.push(item);
    const inSection = sectionLines.filter((line) => line < item.line).length;
    if (inSection !== section) {
      section = inSection;
      expected = undefined;
    }
    const number = Number(item.number);
    const next = Number(items[index + 1]?.number);
    const resumes = expected !== undefined && number > expected && (Number.isNaN(next) || next > number);
    if (expected !== undefined && number !== expected && !resumes) return;
    expected = number + 1;
    kept.push(item);
  });
  return kept;
}

/** An item with nothing after its label (`5. ` at the end of a list) is no question: its line stays with the one before. */
function hasText(item: NumberedItem, next: NumberedItem | undefined, lines: string[]): boolean {
  const own = (lines[item.line - 1] ?? '').slice(item.labelWidth);
  return (
    own.trim() !== '' ||
    lines.slice(item.line, (next?.line ?? lines.length + 1) - 1).some((line) => line.trim() !== '' && !/^\s{0,3}#/.test(line))
  );
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
        found.filter((item) => item.style === style),
        sectionLines,
      ),
    )
    .sort((a, b) => b.length - a.length)[0];
  const items = (best ?? []).filter((item, index, all) => hasText(item, all[index + 1], input.lines));
  const plans = items.map((item): QuestionPlan => ({
    line: item.line,
    kind: 'numbered',
    headingText: item.label,
    heading: { number: item.number, label: item.label, title: '', examinability: 'unmarked', ...(item.paper ? { paper: item.paper } : {}) },
    item: { labelWidth: item.labelWidth, indent: item.indent },
  }));
  return structureOf('numbered', input, plans);
}

// ——— bold lines ———

/** A line that is bold as a whole (`**1. 下列…（ ）**`, `__Why…?__`): a question written as a bold line. */
const BOLD_LINE =
  /^ {0,3}((?:(?:\*\*|__)(?![\s*_])(?:(?!\*\*|__).)+?(?<!\s)(?:\*\*|__)[ \t]*)+)(?:[:：][ \t]*)?(?:!\[[^\]]*\]\([^)]*\)[ \t]*)*$/;

/** The words of a bold line (one bold run, or several: `**1.** **说明…**`), without its marks. */
const boldWords = (line: string): string | undefined =>
  BOLD_LINE.exec(line)?.[1]
    ?.replace(/\*\*|__/g, '')
    .trim();

/** A short bold label before a colon (`**知识点：**`, `**Note:**`): it introduces what follows, it asks nothing. */
function isLabel(text: string): boolean {
  const core = /^(.*?)\s*[:：]\s*$/.exec(text)?.[1];
  return core !== undefined && (core.match(/\p{Script=Han}/gu)?.length ?? 0) <= 6 && core.split(/\s+/).length <= 3;
}

export function boldLinesCut(input: CutInput): NotesStructure | undefined {
  const found: { plan: QuestionPlan; numbered: boolean }[] = [];
  for (const node of input.tree.children) {
    // `6. **视图有什么作用？**`: the number outside the bold makes a list item; its bold line is the question.
    if (node.type === 'list' && node.ordered) {
      for (const item of node.children) {
        const line = startLine(item);
        const marker = /^( {0,3})(\d{1,9})([.)])[ \t]+/.exec(input.lines[line - 1] ?? '');
        const first = item.children[0];
        if (!marker?.[2] || first?.type !== 'paragraph' || !BOLD_LINE.test((input.lines[line - 1] ?? '').slice(marker[0].length))) continue;
        const label = `${marker[2]}${marker[3] ?? ''}`;
        const width = marker[0].length;
        found.push({
          plan: {
            line,
            kind: 'numbered',
            headingText: label,
            heading: { number: marker[2], label, title: '', examinability: 'unmarked' },
            item: { labelWidth: width, indent: width },
          },
          numbered: true,
        });
      }
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const line = startLine(node);
    const text = boldWords(input.lines[line - 1] ?? '');
    // Labels (`**知识点：**`, `**答案：**`, `**DeepSeek**`), bold options and inked remarks (a red mnemonic) are not questions.
    if (
      text === undefined ||
      node.children.every(
        (child) => child.type === 'strong' && child.children.every((inner) => inner.type === 'inked' || inner.type === 'html'),
      ) ||
      isLabel(text) ||
      answerStartOf(node) !== undefined ||
      parseSourceLabel(text) !== undefined ||
      OPTION_LABEL.test(text)
    )
      continue;
    // A bold line's number may stand without a dot (`**3 为什么…？**`).
    const bare = /^(\d{1,3})\s+\S/.exec(text);
    const heading =
      parseQuestionHeading(text) ??
      (bare?.[1] ? { number: bare[1], label: bare[1], title: '', examinability: 'unmarked' as const, strong: false } : undefined);
    if (heading) {
      const { strong: _strong, ...rest } = heading;
      found.push({ plan: { line, kind: 'block', headingText: heading.label, heading: { ...rest, title: '' } }, numbered: true });
    } else found.push({ plan: unlabelled(line, text, 'block'), numbered: false });
  }
  // Where most bold lines are numbered questions, the others (`**a、 …**`, a bold remark) belong to them,
  // and so do numbered lines out of step (`**1.三级模式…**` under `**知识点：**` after question 4).
  const numbered = found.filter((entry) => entry.numbered);
  const sectionLines = sectionEntries(input).map((entry) => entry.line);
  const inStep = new Set(
    inSequence(
      numbered.map(({ plan }) => ({
        line: plan.line,
        number: plan.heading.number,
        label: plan.headingText,
        labelWidth: 0,
        indent: 0,
        style: '',
        sequenced: /^\d+$/.test(plan.heading.number),
      })),
      sectionLines,
    ).map((item) => item.line),
  );
  const plans =
    numbered.length >= 0.5 * found.length
      ? numbered.filter(({ plan }) => inStep.has(plan.line)).map((entry) => entry.plan)
      : found.map((entry) => entry.plan);
  // The bold line asks; what follows it (other than its options) answers.
  return structureOf('bold-lines', input, plans, ['after-first-paragraph']);
}

// ——— table rows ———

const INDEX_COLUMN = /^(#|no\.?|n[oº]|序号|编号|题号|num(ber)?|id|\d+)$/i;

export function tableRowsCut(input: CutInput): NotesStructure | undefined {
  const plans: QuestionPlan[] = [];
  for (const node of input.tree.children) {
    if (node.type !== 'table' || node.children.length < 3) continue;
    const columns = cellTexts(node, 0);
    if (columns.length < 2) continue;
    // The question is in the first column of words (not a row number, not figures such as addresses).
    const words = (index: number): boolean =>
      node.children.slice(1).filter((_row, at) => /\p{L}{2,}/u.test(cellTexts(node, at + 1)[index] ?? '')).length * 2 >=
      node.children.length - 1;
    const question = columns.findIndex((name, index) => !INDEX_COLUMN.test(name) && words(index));
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
  // A label alone (`答：`, `**Answer:**`) opens an answer whose words are the next block (a code block, a list).
  let labelOnly = false;
  for (const node of input.tree.children) {
    if (node.type === 'heading' && !isAnswerHeading(inlineText(node.children))) {
      unitStart = undefined;
      answered = false;
      continue;
    }
    if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    if (asBlock(node) || labelOnly) {
      if (unitStart && !answered) plans.push(unlabelled(startLine(unitStart), firstLineText(unitStart, input.lines), 'block'));
      answered = true;
      labelOnly = node.type === 'paragraph' && isAnswerLabel(inlineText(node.children).replace(/[:：]\s*$/, ''), true);
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

// ——— question boxes ———

/**
 * Questions each in a box of their own: an admonition or callout of a question's kind (`???+ question
 * "PTA 9.1"`, `> [!question]`), or a `<details>` whose summary names a question (`Question 1`), its
 * answer nested inside (outline.ts reads inside the box).
 */
export function questionBoxesCut(input: CutInput): NotesStructure | undefined {
  const plans = input.tree.children.flatMap((node): QuestionPlan[] => {
    if (!isQuestionBox(node)) return [];
    const heading = parseQuestionHeading(node.label);
    const words = node.label || node.name;
    if (!heading) return [unlabelled(startLine(node), words, 'block')];
    const { strong: _strong, ...rest } = heading;
    return [{ line: startLine(node), kind: 'block', headingText: words, heading: { ...rest, title: '' } }];
  });
  return structureOf('question-boxes', input, plans);
}

// ——— paragraphs that ask ———

/** Paragraphs that each ask a question (`请简要说明…（10分）。`, `Why does …?`), with nothing else to mark them. */
export function askingParagraphsCut(input: CutInput): NotesStructure | undefined {
  const plans = input.tree.children.flatMap((node): QuestionPlan[] =>
    node.type === 'paragraph' && looksAsked(inlineText(node.children))
      ? [unlabelled(startLine(node), firstLineText(node, input.lines), 'block')]
      : [],
  );
  return structureOf('paragraphs', input, plans);
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
    // A list of short lines is a question's points or options; items that hold their answer under them are questions.
    if (node.children.filter((item) => item.children.length > 1).length * 2 < node.children.length) continue;
    for (const item of node.children) {
      const line = startLine(item);
      const text = input.lines[line - 1] ?? '';
      const marker = /^( {0,3})([-*+])([ \t]+|$)/.exec(text);
      // An option (`- A. …`) is part of a question, never one; a point of notes does not ask.
      if (!marker || OPTION_LABEL.test(text.slice(marker[0].length)) || !looksAsked(text.slice(marker[0].length))) continue;
      const width = marker[0].length;
      plans.push(unlabelled(line, text.slice(width), 'numbered', { item: { labelWidth: width, indent: width } }));
    }
  }
  return structureOf('list-items', input, plans, ['after-first-paragraph']);
}
