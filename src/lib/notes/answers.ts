/**
 * Where an answer starts, when the notes mark it inline rather than with an `### Answer` heading:
 * a label at the start of a line (`**答案：**`, `**答案**：a`, `*Answer*:`, `答：`, `解：`,
 * `Solution:`, `【解析】`), a `<details>` whose summary names the answer (`<summary>解：</summary>`)
 * or a container (`:::details 中文翻译和解析`). What comes before the marker is the question's
 * statement, shown also in Test me; the marker and what follows are the answer.
 */
import type { Html, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { type AnswerRule } from '../content/rules.ts';
import { inlineText } from './inline-text.ts';
import { ANSWER_HEADINGS, ANSWER_LABEL_ENDINGS, ANSWER_LABELS_ALONE, BOLD_ANSWER_LABELS_ALONE } from './vocabulary.ts';

/** Text that is only one of `words`, in any case, with an optional colon: "Answer", "答案：". */
export function isAnswerWord(text: string, words: readonly string[] = ANSWER_HEADINGS): boolean {
  const normalised = text
    .trim()
    .replace(/[:：]$/, '')
    .trim()
    .toLowerCase();
  return words.includes(normalised);
}

/** Longest labels read as one ("English answer (example)", "参考答案"); longer text before a colon is a sentence. */
const MAX_LATIN_WORDS = { bold: 3, plain: 2 };
const MAX_CJK_CHARACTERS = 6;

/** Whether a label (the text before its colon, or in 【】) opens an answer: "中文答案", "English answer (example)", "答". */
export function isAnswerLabel(label: string, bold: boolean): boolean {
  const core = label
    .trim()
    .replace(/^[【[]|[】\]]$/g, '')
    .replace(/\s*[(（][^()（）]*[)）]\s*$/, '')
    .trim()
    .toLowerCase();
  if (core === '' || !/^[\p{L}]/u.test(core)) return false;
  if (
    core.split(/\s+/).length > MAX_LATIN_WORDS[bold ? 'bold' : 'plain'] ||
    (core.match(/[^\x00-\x7f]/g)?.length ?? 0) > MAX_CJK_CHARACTERS
  )
    return false;
  if (ANSWER_LABELS_ALONE.includes(core) || (bold && BOLD_ANSWER_LABELS_ALONE.includes(core))) return true;
  return ANSWER_LABEL_ENDINGS.some((word) => {
    if (!core.endsWith(word)) return false;
    // English words end a label only as words: "English answer", not "plans".
    const before = core.charAt(core.length - word.length - 1);
    return !/[a-z]/.test(word) || before === '' || !/[a-z]/i.test(before);
  });
}

/** Where in a paragraph its answer starts: before phrasing child `child`, `offset` characters into it (a text node). */
export interface SplitPoint {
  child: number;
  offset: number;
  /** Characters of a separator (`?` line, `::`) at the split that belong to neither side and are not shown. */
  skip?: number | undefined;
}

/** A plain-text label at a line start: "答：", "Answer: …", "【解析】…". */
const PLAIN_LABEL = /^\s*(?:(【[^】\n]{1,12}】|\[[^\]\n]{1,16}\])|([^\n:：]{1,24}?)\s*[:：])/;

/** The first line of a paragraph that starts with an answer label, or (by the file's rules) a flashcard separator, or undefined. */
export function answerSplitIn(paragraph: Paragraph, rules: ReadonlySet<AnswerRule> = NO_RULES): SplitPoint | undefined {
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    for (const offset of lineStartsIn(children, index)) {
      if (labelAt(children, index, offset, rules)) return { child: index, offset };
      const separator = separatorAt(children, index, offset, rules);
      if (separator) return separator;
    }
  }
  return undefined;
}

/** `::`, `:::`, ` >> ` (RemNote) between a card's question and answer on one line. */
const INLINE_SEPARATOR = /:{2,3}|\s>>\s|\s;;\s/;

/** A flashcard separator on the line starting at `offset` in child `index`: a `?`/`??` line, or `::` / `>>` within the line. */
function separatorAt(children: PhrasingContent[], index: number, offset: number, rules: ReadonlySet<AnswerRule>): SplitPoint | undefined {
  const child = children[index];
  if (child?.type !== 'text') return undefined;
  const line = child.value.slice(offset).split('\n')[0] ?? '';
  // A `?` line ends the question; the answer follows on the next lines, or in the blocks after the paragraph.
  if (rules.has('after-question-mark') && offset > 0 && /^\?\??[ \t]*$/.test(line)) {
    return { child: index, offset, skip: Math.min(line.length + 1, child.value.length - offset) };
  }
  if (!rules.has('after-separator')) return undefined;
  const separator = INLINE_SEPARATOR.exec(line);
  if (!separator || separator.index === 0) return undefined;
  return { child: index, offset: offset + separator.index, skip: separator[0].length };
}

/** Offsets in child `index` where a line starts: 0 at the paragraph's start or after a break, and after each newline of a text. */
function lineStartsIn(children: PhrasingContent[], index: number): number[] {
  const child = children[index];
  const previous = children[index - 1];
  const starts: number[] = [];
  const afterNewline = previous === undefined || previous.type === 'break' || (previous.type === 'text' && previous.value.endsWith('\n'));
  if (afterNewline) starts.push(0);
  if (child?.type === 'text') {
    for (let at = child.value.indexOf('\n'); at !== -1 && at < child.value.length - 1; at = child.value.indexOf('\n', at + 1))
      starts.push(at + 1);
  }
  return starts;
}

function labelAt(children: PhrasingContent[], index: number, offset: number, rules: ReadonlySet<AnswerRule>): boolean {
  const child = children[index];
  if (!child) return false;
  if (child.type === 'text') {
    const rest = child.value.slice(offset);
    // Only spaces before the next child: the line goes on there (a bold label after an indent).
    if (rest.trim() === '') return rest.length > 0 && labelAt(children, index + 1, 0, rules);
    const match = PLAIN_LABEL.exec(rest);
    const label = match?.[1] ?? match?.[2];
    // In `Q:` / `A:` cards a plain "A:" is the answer, not option A.
    if (label !== undefined && rules.has('after-separator') && /^(?:a|答)$/i.test(label.trim())) return true;
    return label !== undefined && isAnswerLabel(label, false);
  }
  if (child.type !== 'strong' && child.type !== 'emphasis') return false;
  if (offset !== 0) return false;
  const text = inlineText(child.children).trim();
  const colon = /[:：]/.exec(text);
  if (colon) return isAnswerLabel(text.slice(0, colon.index), true);
  // `**Solution**` or `**答案**：…`: the label is the whole bold text, then a colon or the line's end.
  const next = children[index + 1];
  const endsLine = next === undefined || next.type === 'break' || (next.type === 'text' && /^[ \t]*(?:[:：]|\n|$)/.test(next.value));
  return endsLine && isAnswerLabel(text, true);
}

/** `<details>` whose `<summary>` names an answer ("解：", "点击查看答案", "Answer"). */
export function isAnswerDetails(html: Html): boolean {
  const summary = /^\s*<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>/i.exec(html.value)?.[1];
  return summary !== undefined && mentionsAnswer(summary.replace(/<[^>]*>/g, ''));
}

/** A container's opening line naming an answer: `:::details 中文翻译和解析`, `:::answer`, `:::solution`. */
export function isAnswerContainer(name: string, label: string): boolean {
  return isAnswerLabel(name, false) || mentionsAnswer(label);
}

const ANSWER_MENTIONS = /答案|解答|解析|详解|answer|solution|^(?:解|答)[:：]?$/i;

function mentionsAnswer(text: string): boolean {
  return ANSWER_MENTIONS.test(text.trim());
}

/** How a top-level block opens an answer, if it does. */
export type AnswerStart =
  /** The block is the answer's first block (a labelled paragraph, `<details>`, a container, a list or quote that starts with one). */
  | { kind: 'block' }
  /** The block only separates question and answer (a `?` paragraph): not shown, the answer starts after it. */
  | { kind: 'separator' }
  /** The answer starts inside a paragraph, at a later line. */
  | { kind: 'split'; at: SplitPoint };

const NO_RULES: ReadonlySet<AnswerRule> = new Set();

export function answerStartOf(block: RootContent, rules: ReadonlySet<AnswerRule> = NO_RULES): AnswerStart | undefined {
  switch (block.type) {
    case 'paragraph': {
      if (rules.has('after-question-mark') && /^\?\??$/.test(inlineText(block.children).trim())) return { kind: 'separator' };
      const at = answerSplitIn(block, rules);
      if (!at) return undefined;
      return at.child === 0 && at.offset === 0 && !at.skip ? { kind: 'block' } : { kind: 'split', at };
    }
    case 'html':
      return isAnswerDetails(block) || (rules.has('containers') && /^\s*<details\b/i.test(block.value)) ? { kind: 'block' } : undefined;
    case 'notesContainer':
      return rules.has('containers') || isAnswerContainer(block.name, block.label) ? { kind: 'block' } : undefined;
    case 'blockquote':
    case 'list': {
      if (block.type === 'blockquote' && rules.has('blockquotes')) return { kind: 'block' };
      const first = block.type === 'list' ? block.children[0]?.children[0] : block.children[0];
      return first && answerStartOf(first, rules)?.kind === 'block' ? { kind: 'block' } : undefined;
    }
    default:
      return undefined;
  }
}

/** A paragraph cut where its answer starts: the lines before (statement) and from there on (answer). */
export function splitParagraph(paragraph: Paragraph, at: SplitPoint): [Paragraph, Paragraph] {
  const before = paragraph.children.slice(0, at.child);
  const after = paragraph.children.slice(at.child + 1);
  const cut = paragraph.children[at.child];
  if (cut?.type === 'text') {
    const head = cut.value.slice(0, at.offset).replace(/\n$/, '');
    const tail = cut.value.slice(at.offset + (at.skip ?? 0)).replace(/^[ \t]+/, at.skip ? '' : '$&');
    if (head !== '') before.push({ ...cut, value: head.replace(/[ \t]+$/, at.skip ? '' : '$&') });
    if (tail !== '') after.unshift({ ...cut, value: tail });
  } else if (cut) {
    after.unshift(cut);
  }
  // The line end (a newline or a hard break) that ended the statement's last line ends it for good.
  const last = before[before.length - 1];
  if (last?.type === 'break') before.pop();
  else if (last?.type === 'text') before[before.length - 1] = { ...last, value: last.value.replace(/[ \t]*\n$/, '') };
  return [
    { type: 'paragraph', children: before, position: paragraph.position },
    { type: 'paragraph', children: after, position: paragraph.position },
  ];
}
