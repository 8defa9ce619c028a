/**
 * The structure of a notes file (its title, sections and where each question starts) and the
 * candidates that cut it at headings: at each depth, the headings that look like questions (`Q1`,
 * `试题1`, `第1题` count most, `1.` and `1-1` only where several stand together, `1 a)` names a
 * question and its part), or every heading of that depth (`### What is TCP?`); every heading above
 * that depth is a section (or the title, or the name of a paper that applies to the questions under
 * it). When nothing looks like a question, every top heading is a section and every heading below
 * it a question (fallbackStructure). cuts.ts has the other candidates; infer.ts chooses.
 *
 * Pure: takes the parsed tree and the lines, returns line numbers and what each structural line says.
 */
import type { Root } from 'mdast';
import type { AnswerRule, QuestionRule } from '../content/rules.ts';
import type { Paper } from '../content/schema.ts';
import { isAnswerHeading } from '../notes/variants.ts';
import { inlineText } from '../notes/inline-text.ts';
import {
  parsePaperHeading,
  parsePartOnlyHeading,
  parseQuestionHeading,
  parseSectionHeading,
  splitExaminability,
  type QuestionHeading,
  type SectionHeading,
} from '../notes/headings.ts';
import { parsePartHeading } from '../notes/parts.ts';
import { isAnswerKeyAt } from './answer-key.ts';

export interface HeadingEntry {
  /** 1-based line of the heading. */
  line: number;
  depth: number;
  /** The heading's text as written, without the hashes. */
  text: string;
}

export interface SectionPlan {
  /** The section's heading; undefined for the section made for questions that have none. */
  heading?: HeadingEntry | undefined;
  parsed?: SectionHeading | undefined;
  /** Headings above this one with nothing under them but it, as written ("2019 期中试卷", "Part A"). */
  groups: HeadingEntry[];
  /** The paper its questions come from, named by this heading or one above it. */
  paper?: Paper | undefined;
  questions: QuestionPlan[];
  /** The notes' answer key (answer-key.ts): its text stays, its answers went to their questions. */
  key?: boolean | undefined;
}

export type { QuestionRule };

export interface QuestionPlan {
  /** 1-based line where the question starts: its heading, first part heading, numbered item, or first line. */
  line: number;
  /**
   * How its body is cut: after its heading (`heading`), from its first part heading (`parts`), a
   * numbered or bullet item without its label and indent (`numbered`), its lines as written from
   * its first (`block`: a bold line, a card, a paragraph before an answer), a table row (`row`).
   */
  kind: 'heading' | 'parts' | 'numbered' | 'block' | 'row';
  /** The label or heading as written: "Q1 2024 May ABC", "试题1", "1." (a numbered item), or a unit's first words. */
  headingText: string;
  heading: Omit<QuestionHeading, 'strong'>;
  /** For a numbered item: how many characters its label takes on its first line, and the indent of its other lines. */
  item?: { labelWidth: number; indent: number } | undefined;
  /** Where the question ends (exclusive), when not at the next structural line: a table row that is not its table's last. */
  end?: number | undefined;
  /** For a table row: the table's column names and which holds the question. */
  table?: { columns: string[]; question: number } | undefined;
  /** The answer the notes' answer key gives (answer-key.ts). */
  key?: { text: string; line: number } | undefined;
  /** Answer rules of its own, where the notes change style part way (infer.ts fillEmptySections); else the structure's. */
  answers?: AnswerRule[] | undefined;
}

export interface NotesStructure {
  /** How the questions were cut, or `fallback` when nothing looked like a question. */
  mode: QuestionRule | 'fallback';
  /** How answers are set apart beyond markers (written into each question's frontmatter). */
  answers?: AnswerRule[] | undefined;
  /** The depth of the question headings (headings and fallback modes). */
  questionDepth?: number | undefined;
  title?: HeadingEntry | undefined;
  /** The paper the title names, for every question. */
  titlePaper?: Paper | undefined;
  sections: SectionPlan[];
  /** Lines where the body of a question or section ends: every structural line. */
  structuralLines: number[];
}

/** Headings of the top level of the tree with their depths, lines and text. */
export function headingEntries(tree: Root): HeadingEntry[] {
  return tree.children.flatMap((node) =>
    node.type === 'heading' && node.position
      ? [{ line: node.position.start.line, depth: node.depth, text: inlineText(node.children).trim() }]
      : [],
  );
}

/**
 * How much a depth's headings look like questions. A weak label ("1.", "1-1") counts only beside
 * another (one "### 1. Sobel filter" in an answer is a list, not a question), unless `lone` allows it.
 */
function questionScore(entries: HeadingEntry[], lone = false): number {
  let strong = 0;
  let weak = 0;
  const partOnly = new Set<string>();
  for (const entry of entries) {
    const question = parseQuestionHeading(entry.text);
    if (question?.strong) strong += 1;
    else if (question) weak += 1;
    else {
      const parts = parsePartOnlyHeading(entry.text);
      if (parts) partOnly.add(parts.question);
    }
  }
  return 3 * strong + 2 * partOnly.size + (weak >= 2 || lone ? weak : 0);
}

/**
 * The candidates that cut at headings: at each depth, its question-like headings (when any look like
 * questions) and, where that is more, all its headings.
 */
export function headingCuts(entries: HeadingEntry[], lines: string[]): NotesStructure[] {
  const depths = [...new Set(entries.map((entry) => entry.depth))].sort((a, b) => a - b);
  const cuts: NotesStructure[] = [];
  // A file of one question ("## 1." under "# 第三章 SQL") is still a file of questions.
  const lone = !depths.some((depth) => questionScore(entries.filter((entry) => entry.depth === depth)) > 0);
  const scores = depths.map((depth) =>
    questionScore(
      entries.filter((entry) => entry.depth === depth),
      lone,
    ),
  );
  depths.forEach((depth, index) => {
    const labelled = (scores[index] ?? 0) > 0 ? headingsStructure(entries, depth, lines) : undefined;
    if (labelled) cuts.push(labelled);
    // Above a level of labelled questions every heading is a section or a title, never a question;
    // where most of a level's headings are labelled questions, the others are topics between them.
    if (scores.slice(index + 1).some((score) => score > 0)) return;
    const every = headingsStructure(entries, depth, lines, true);
    const count = (structure: NotesStructure | undefined): number =>
      structure?.sections.reduce((sum, section) => sum + section.questions.length, 0) ?? 0;
    if (count(every) >= 2 && count(every) > 2 * count(labelled)) cuts.push(every);
  });
  return cuts;
}

/** The title: the first heading, when it comes before any question and is not a section by its words. */
export function findTitle(entries: HeadingEntry[], firstQuestionLine: number, questionDepth: number | undefined): HeadingEntry | undefined {
  const [first] = entries;
  if (!first || first.line > firstQuestionLine || (questionDepth !== undefined && first.depth >= questionDepth)) return undefined;
  if (parseSectionHeading(first.text) !== undefined) return undefined;
  const sameDepth = entries.filter((entry) => entry.depth === first.depth);
  // Alone at its depth (`# Title` over `## …`), or followed at its depth by sections (`# Title`, `# Section 1 …`).
  const next = sameDepth[1];
  if (next === undefined || parseSectionHeading(next.text) !== undefined || entries.some((entry) => entry.depth < first.depth))
    return first;
  return undefined;
}

function headingsStructure(entries: HeadingEntry[], questionDepth: number, lines: string[], everyHeading = false): NotesStructure {
  const questionStarts: { entry: HeadingEntry; plan: QuestionPlan }[] = [];
  const sectionEntries: HeadingEntry[] = [];
  let partsOf: { question: string; plan: QuestionPlan } | undefined;
  for (const entry of entries) {
    if (entry.depth < questionDepth) {
      sectionEntries.push(entry);
      partsOf = undefined;
      continue;
    }
    if (entry.depth > questionDepth) continue;
    // An answer key at the questions' level (`## 参考答案` after `## Q1 …`) is a section of its own.
    if (isAnswerKeyAt(entry, lines)) {
      sectionEntries.push(entry);
      partsOf = undefined;
      continue;
    }
    const question = parseQuestionHeading(entry.text);
    if (question && !isAnswerHeading(entry.text)) {
      const { strong: _strong, ...heading } = question;
      questionStarts.push({ entry, plan: { line: entry.line, kind: 'heading', headingText: entry.text, heading } });
      partsOf = undefined;
      continue;
    }
    const parts = parsePartOnlyHeading(entry.text);
    if (parts) {
      if (partsOf?.question !== parts.question) {
        const plan: QuestionPlan = {
          line: entry.line,
          kind: 'parts',
          headingText: parts.question,
          heading: { number: parts.question, label: parts.question, title: '', examinability: 'unmarked' },
        };
        questionStarts.push({ entry, plan });
        partsOf = { question: parts.question, plan };
      }
      continue;
    }
    // A section word at the questions' level ("## Section 2" beside "## Q1") still opens a section.
    const section = parseSectionHeading(entry.text);
    if (section && (section.label !== '' || everyHeading)) {
      sectionEntries.push(entry);
      partsOf = undefined;
      continue;
    }
    // Every heading of the depth a question: its words say the question (`### What is TCP?`).
    if (everyHeading && !isAnswerHeading(entry.text) && parsePartHeading(entry.text) === undefined) {
      const { text, examinability } = splitExaminability(entry.text);
      questionStarts.push({
        entry,
        plan: {
          line: entry.line,
          kind: 'heading',
          headingText: entry.text,
          heading: { number: '', label: '', title: text, examinability },
        },
      });
      partsOf = undefined;
    }
  }
  const firstQuestionLine = questionStarts[0]?.plan.line ?? Number.POSITIVE_INFINITY;
  const title = findTitle(
    entries.filter((entry) => entry.depth < questionDepth || sectionEntries.includes(entry)),
    firstQuestionLine,
    questionDepth,
  );
  return assemble(
    'headings',
    title,
    sectionEntries.filter((entry) => entry !== title),
    questionStarts.map(({ plan }) => plan),
    questionDepth,
    lines,
  );
}

/** Nothing looks like a question: one section per top heading, one question per heading below it. */
export function fallbackStructure(entries: HeadingEntry[], lines: string[]): NotesStructure {
  const depths = [...new Set(entries.map((entry) => entry.depth))].sort((a, b) => a - b);
  const first = entries[0];
  const title =
    first && entries.filter((entry) => entry.depth === first.depth).length === 1 && first.depth === depths[0] ? first : undefined;
  const rest = entries.filter((entry) => entry !== title);
  const levels = [...new Set(rest.map((entry) => entry.depth))].sort((a, b) => a - b);
  // One level of section words ("## Section 1 A" under a title) is sections without questions, not questions.
  const onlySections = levels.length === 1 && rest.every((entry) => parseSectionHeading(entry.text) !== undefined);
  const [sectionDepth, questionDepth] = levels.length >= 2 ? levels : onlySections ? [levels[0], undefined] : [undefined, levels[0]];
  const starts = rest
    .filter((entry) => entry.depth === questionDepth)
    .map((entry): QuestionPlan => ({
      line: entry.line,
      kind: 'heading',
      headingText: entry.text,
      heading: { number: '', label: '', title: entry.text, examinability: 'unmarked' },
    }));
  const structure = assemble(
    'fallback',
    title,
    rest.filter((entry) => entry.depth === sectionDepth),
    starts,
    questionDepth,
    lines,
  );
  // Questions without a label are numbered in their section's order.
  for (const section of structure.sections) {
    section.questions.forEach((question, index) => {
      question.heading.number = String(index + 1);
    });
  }
  return structure;
}

/**
 * Puts question starts under the sections above them. A heading above the questions with nothing
 * under it before the next such heading is a group (its text prefixes the next sections' names, its
 * paper applies below it); questions before any section get a section of their own.
 */
export function assemble(
  mode: NotesStructure['mode'],
  title: HeadingEntry | undefined,
  sectionEntries: HeadingEntry[],
  questions: QuestionPlan[],
  questionDepth: number | undefined,
  lines: string[],
): NotesStructure {
  const onlyBlankBetween = (from: number, to: number): boolean => lines.slice(from, to - 1).every((line) => line.trim() === '');
  const titlePaper = title ? parsePaperHeading(title.text) : undefined;
  const sections: SectionPlan[] = [];
  const openGroups: { entry: HeadingEntry; paper?: Paper | undefined }[] = [];
  const paperFor = (entry: HeadingEntry | undefined): Paper | undefined => {
    const own = entry ? parsePaperHeading(entry.text) : undefined;
    const group = [...openGroups].reverse().find((item) => item.paper)?.paper;
    return own ?? group ?? titlePaper;
  };
  const sorted = [...sectionEntries].sort((a, b) => a.line - b.line);
  sorted.forEach((entry, index) => {
    while (openGroups.length > 0 && (openGroups[openGroups.length - 1]?.entry.depth ?? 0) >= entry.depth) openGroups.pop();
    const next = sorted[index + 1];
    const nextLine = next?.line ?? Number.POSITIVE_INFINITY;
    const hasQuestions = questions.some((question) => question.line > entry.line && question.line < nextLine);
    // A heading directly over a deeper one, with no questions of its own: a group, not a section.
    if (!hasQuestions && next && next.depth > entry.depth && onlyBlankBetween(entry.line, next.line)) {
      openGroups.push({ entry, paper: parsePaperHeading(entry.text) });
      return;
    }
    sections.push({
      heading: entry,
      parsed: parseSectionHeading(entry.text),
      groups: openGroups.map((item) => item.entry),
      paper: paperFor(entry),
      questions: [],
    });
  });
  for (const question of questions) {
    const section = [...sections].reverse().find((candidate) => (candidate.heading?.line ?? 0) < question.line);
    if (section) section.questions.push(question);
    else {
      let implicit = sections.find((candidate) => candidate.heading === undefined);
      if (!implicit) {
        implicit = { groups: [], paper: titlePaper, questions: [] };
        sections.unshift(implicit);
      }
      implicit.questions.push(question);
    }
  }
  const structuralLines = [
    ...(title ? [title.line] : []),
    ...sectionEntries.map((entry) => entry.line),
    ...questions.map((question) => question.line),
  ].sort((a, b) => a - b);
  return { mode, questionDepth, title, titlePaper, sections, structuralLines };
}
