/**
 * Finds how a notes file is cut into questions, the way a reader does: every candidate cutting
 * (headings at each depth, numbered items, bold lines, table rows, flashcards, `Q:` lines, what
 * stands before each answer, blocks between rules, bullet items: structure.ts and cuts.ts) is read
 * question by question, and scored by how much it looks like a file of questions: many units, each
 * with a statement, most with an answer set apart, labelled in sequence, covering the notes. The
 * best wins; how far ahead of the runner-up it is says how sure the import is. The student can
 * state the rule in course.md (`questions: bold-lines`, `answers: after-question-mark`), and the
 * import then follows it.
 *
 * Pure: takes the parsed notes, returns the structure and what was inferred.
 */
import type { RootContent } from 'mdast';
import { ANSWER_RULES, type AnswerRule, type QuestionRule } from '../content/rules.ts';
import { parseQuestionHeading } from '../notes/headings.ts';
import { inlineText } from '../notes/inline-text.ts';
import { buildOutline, type Outline, type OutlineNode } from '../notes/outline.ts';
import { applyAnswerKey } from './answer-key.ts';
import { looksAsked } from '../notes/asks.ts';
import { questionBody, type NotesDocument } from './bodies.ts';
import { nextLineAfter } from './sorted.ts';
import {
  beforeAnswersCut,
  boldLinesCut,
  cardsCut,
  listItemsCut,
  numberedCut,
  qaPairsCut,
  questionBoxesCut,
  askingParagraphsCut,
  rulesCut,
  tableRowsCut,
  type CutInput,
} from './cuts.ts';
import { fallbackStructure, headingCuts, type HeadingEntry, type NotesStructure, type QuestionPlan } from './structure.ts';

/** What the student stated in course.md (or with flags), which the inference follows. */
export interface StatedRules {
  questions?: QuestionRule | undefined;
  answers?: AnswerRule[] | undefined;
  /** The heading of the notes' answer key, when it is not one of the usual words. */
  answerKey?: string | undefined;
}

export interface Candidate {
  rule: NotesStructure['mode'];
  /** For heading cuts: the depth of the question headings. */
  depth?: number | undefined;
  questions: number;
  answered: number;
  score: number;
}

export interface Inference {
  chosen: Candidate;
  answers: AnswerRule[];
  /** The best candidate of another rule (or depth), if any. */
  runnerUp?: Candidate | undefined;
  /** 0 (a toss-up) to 1 (no other candidate came near). */
  confidence: number;
  /** The rule was stated by the student (course.md or a flag), not inferred. */
  stated: boolean;
}

/** Below this the dry run and `npm run dev` say the import is unsure, and how to state the rule. */
export const UNSURE = 0.2;

/** Rules a cutting may take on when they find answers its units lack. */
const EXTRA_RULES: AnswerRule[] = [
  'letter-after-stem',
  'marked-option',
  'containers',
  'blockquotes',
  'after-question-mark',
  'cloze',
  'filled-blanks',
  'after-first-paragraph',
];

export function inferStructure(
  document: NotesDocument,
  entries: HeadingEntry[],
  stated: StatedRules = {},
): { structure: NotesStructure; inference: Inference } {
  const input: CutInput = { tree: document.tree, lines: document.lines, entries };
  const all = [
    ...headingCuts(entries, document.lines),
    ...[
      numberedCut,
      boldLinesCut,
      tableRowsCut,
      cardsCut,
      qaPairsCut,
      beforeAnswersCut,
      questionBoxesCut,
      askingParagraphsCut,
      rulesCut,
      listItemsCut,
    ].map((cut) => cut(input)),
  ].filter((structure): structure is NotesStructure => structure !== undefined && questionCount(structure) > 0);
  // An answer key answers its questions in every cutting that finds them.
  const candidates = (stated.questions === undefined ? all : all.filter((structure) => structure.mode === stated.questions)).map(
    (structure) => applyAnswerKey(structure, document.lines, stated.answerKey),
  );
  const ruled = candidates.map((structure) => withRules(document, structure, stated.answers));
  const first = ruled
    .map((structure) => scoreCandidate(document, structure, stated.answers !== undefined))
    .sort((a, b) => b.candidate.score - a.candidate.score);
  // Each cutting as it would import: its empty sections take the questions another cutting finds there (notes that change style).
  const scored =
    stated.questions === undefined
      ? first
          .map((own) => {
            const others = first.filter((other) => other !== own).map((other) => other.structure);
            const filled = fillEmptySections(document, own.structure, others);
            return filled === own.structure ? own : scoreCandidate(document, filled, stated.answers !== undefined);
          })
          .sort((a, b) => b.candidate.score - a.candidate.score)
      : first;
  const best = scored[0];
  if (!best || (best.candidate.score <= 0 && stated.questions === undefined)) {
    const structure = fallbackStructure(entries, document.lines);
    const questions = questionCount(structure);
    return {
      structure: numberUnlabelled(structure),
      inference: { chosen: { rule: 'fallback', questions, answered: 0, score: 0 }, answers: [], confidence: 0, stated: false },
    };
  }
  // The runner-up is the best cutting that cuts otherwise: another rule finding the same questions is no alternative.
  const runnerUp = scored.find(
    (other) => Math.max(startsOverlap(other.structure, best.structure), startsOverlap(best.structure, other.structure)) < 0.8,
  );
  const confidence =
    runnerUp && best.candidate.score > 0 ? Math.max(0, Math.min(1, 1 - runnerUp.candidate.score / best.candidate.score)) : 1;
  const structure = numberUnlabelled(best.structure);
  return {
    structure,
    inference: {
      chosen: { ...best.candidate, questions: questionCount(structure) },
      answers: best.structure.answers ?? [],
      runnerUp: runnerUp?.candidate,
      confidence,
      stated: stated.questions !== undefined,
    },
  };
}

/**
 * How alike two cuttings are: the share of questions that pair one to one, a question of one holding
 * exactly one start of the other (`### Card 1` and the `**Question**:` line under it are one question).
 */
function startsOverlap(a: NotesStructure, b: NotesStructure): number {
  const starts = (structure: NotesStructure): number[] =>
    structure.sections.flatMap((section) => section.questions.map((question) => question.line)).sort((x, y) => x - y);
  const [first, second] = [starts(a), starts(b)];
  const holders = new Map<number, number>();
  for (const line of second) {
    const holder = first.findLastIndex((start) => start <= line);
    holders.set(holder, (holders.get(holder) ?? 0) + 1);
  }
  const paired = [...holders].filter(([holder, count]) => holder !== -1 && count === 1).length;
  return paired / Math.max(first.length, second.length, 1);
}

const questionCount = (structure: NotesStructure): number => structure.sections.reduce((sum, section) => sum + section.questions.length, 0);

interface Unit {
  plan: QuestionPlan;
  blocks: RootContent[];
  outline: Outline;
}

/** The structure's questions with their bodies and outlines under the given answer rules. */
function readUnits(document: NotesDocument, structure: NotesStructure, rules: readonly AnswerRule[]): Unit[] {
  return structure.sections.flatMap((section) => section.questions.map((plan) => readUnit(document, structure, plan, rules)));
}

function readUnit(document: NotesDocument, structure: NotesStructure, plan: QuestionPlan, rules: readonly AnswerRule[]): Unit {
  const end = plan.end ?? nextLineAfter(structure.structuralLines, plan.line, document.lines.length + 1);
  const { blocks } = questionBody(document, plan, end);
  const outline = outlineOf(blocks, plan.heading.title === '', plan.answers ?? rules);
  return { plan, blocks, outline: plan.key ? { ...outline, hasAnswer: true } : outline };
}

/** Outlines built, by the body's blocks (questionBody gives each body once) and how they are read: cuttings and rules tried share bodies. */
const outlines = new WeakMap<RootContent[], Map<string, Outline>>();

function outlineOf(blocks: RootContent[], labelOnly: boolean, rules: readonly AnswerRule[]): Outline {
  let built = outlines.get(blocks);
  if (built === undefined) outlines.set(blocks, (built = new Map()));
  // The outline reads the rules as a set.
  const key = `${labelOnly} ${[...new Set(rules)].sort().join(' ')}`;
  let outline = built.get(key);
  if (outline === undefined) built.set(key, (outline = buildOutline(blocks, { labelOnly, rules })));
  return outline;
}

/**
 * The answer rules a cutting takes on: those stated, or else those that find an answer in at least
 * a third of its units that have none by markers (and in two at least).
 */
function withRules(document: NotesDocument, structure: NotesStructure, stated: AnswerRule[] | undefined): NotesStructure {
  if (stated !== undefined) return { ...structure, answers: [...new Set([...(structure.answers ?? []), ...stated])] };
  const rules = [...(structure.answers ?? [])];
  const units = readUnits(document, structure, rules);
  let unanswered = units.filter((unit) => !unit.outline.hasAnswer);
  for (const rule of EXTRA_RULES) {
    if (rules.includes(rule) || unanswered.length === 0) continue;
    const found = unanswered.filter((unit) => {
      // What follows a first paragraph is an answer only where that paragraph asks.
      if (rule === 'after-first-paragraph' && !looksAsked(blockText(unit.blocks[0] ?? { type: 'thematicBreak' }))) return false;
      return outlineOf(unit.blocks, unit.plan.heading.title === '', [...rules, rule]).hasAnswer;
    });
    // Two at least, or every one still unanswered: one coincidence is no rule.
    if ((found.length >= 2 && found.length * 3 >= unanswered.length) || (found.length > 0 && found.length === unanswered.length)) {
      rules.push(rule);
      unanswered = unanswered.filter((unit) => !found.includes(unit));
    }
  }
  return { ...structure, answers: ANSWER_RULES.filter((rule) => rules.includes(rule)) };
}

function blockText(node: RootContent): string {
  if (node.type === 'paragraph' || node.type === 'heading') return inlineText(node.children);
  if ('children' in node) return (node.children as RootContent[]).map(blockText).join('\n');
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

/** The statement's blocks: what the outline keeps in view (not answer, not a separator). */
function statementText(outline: Outline, blocks: RootContent[]): { text: string; shown: boolean } {
  let text = '';
  let shown = false;
  const visit = (nodes: OutlineNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'block') {
        // A paragraph cut where its answer starts keeps its first lines in view.
        if ((node.answer && !node.split) || node.role === 'separator' || node.role === 'rule') continue;
        const block = blocks[node.index];
        if (node.role === 'screenshot') shown = true;
        else if (block) {
          const all = blockText(block);
          const words = node.split ? (all.split('\n')[0] ?? '') : all;
          text += `${text === '' ? '' : '\n'}${words}`;
          if (words.trim() !== '') shown = true;
        }
      } else if (node.type === 'part') {
        if (node.part.title !== '') shown = true;
        visit(node.children);
      }
    }
  };
  visit(outline.nodes);
  return { text, shown };
}

function scoreCandidate(
  document: NotesDocument,
  structure: NotesStructure,
  stated: boolean,
): { structure: NotesStructure; candidate: Candidate } {
  const units = readUnits(document, structure, structure.answers ?? []);
  let score = 0;
  let answered = 0;
  for (const { plan, blocks, outline } of units) {
    const statement = statementText(outline, blocks);
    const label = plan.heading.label === '' ? undefined : parseQuestionHeading(plan.heading.label);
    // A heading that says the question is its statement; a question's own label (`Q2`) or its parts ask too.
    const hasStatement = statement.shown || plan.heading.title !== '' || outline.parts.length > 0 || label?.strong === true;
    if (!hasStatement) {
      score -= 1;
      continue;
    }
    if (outline.hasAnswer) {
      answered += 1;
      score += 1;
    }
    // A question of several answered parts is several answered questions in one: a cutting that splits it is no better.
    score += 0.8 * Math.max(0, outline.parts.filter((part) => part.hasAnswer).length - 1);
    // Several flashcards in one unit (two `?` separators, a cloze after a card) are questions this cutting missed.
    score -= Math.max(0, cardMarks(blocks, plan.answers ?? structure.answers ?? []) - 1);
    if (looksAsked(`${plan.heading.title}\n${statement.text}`)) score += 0.6;
    score += label?.strong ? 1 : plan.heading.label !== '' ? 0.5 : 0;
  }
  const covered = coverage(document, structure);
  // Questions that each follow a heading of their own are that heading's questions: a cutting that reads past the headings misreads them.
  if (structure.mode !== 'headings' && units.length >= 3) {
    const afterHeading = units.filter(({ plan }) => followsHeading(document.lines, plan.line)).length;
    score *= 1 - (0.5 * afterHeading) / units.length;
  }
  return {
    structure,
    candidate: {
      rule: structure.mode,
      ...(structure.questionDepth === undefined ? {} : { depth: structure.questionDepth }),
      questions: units.length,
      answered,
      score: stated ? score : score * covered,
    },
  };
}

/** Whether the nearest line with text above `line` is a heading. */
function followsHeading(lines: string[], line: number): boolean {
  for (let at = line - 2; at >= 0; at--) {
    const text = lines[at] ?? '';
    if (text.trim() !== '') return /^ {0,3}#{1,6}(?:\s|$)/.test(text);
  }
  return false;
}

/** How many flashcards a unit's blocks hold by their marks: `?` separators and cloze paragraphs. */
function cardMarks(blocks: RootContent[], rules: readonly AnswerRule[]): number {
  const cards = rules.includes('after-question-mark') || rules.includes('cloze');
  if (!cards) return 0;
  return blocks.filter((block) => {
    if (block.type !== 'paragraph') return false;
    const text = inlineText(block.children);
    return (
      (rules.includes('after-question-mark') && text.split('\n').some((line) => /^\?\??\s*$/.test(line))) ||
      (rules.includes('cloze') && block.children.some((child) => child.type === 'highlight' || child.type === 'cloze'))
    );
  }).length;
}

/** The share of the notes' text lines (not headings, not front matter) that fall in some question. */
function coverage(document: NotesDocument, structure: NotesStructure): number {
  const { lines } = document;
  const ends = structure.structuralLines;
  const inQuestion = new Set<number>();
  for (const section of structure.sections) {
    for (const plan of section.questions) {
      const end = plan.end ?? nextLineAfter(ends, plan.line, lines.length + 1);
      for (let line = plan.line; line < end; line++) inQuestion.add(line);
    }
  }
  let text = 0;
  let covered = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '' || /^ {0,3}#{1,6}\s/.test(line)) return;
    text += 1;
    if (inQuestion.has(index + 1)) covered += 1;
  });
  return text === 0 ? 1 : covered / text;
}

/**
 * Notes that change style part way (multiple choice as headings, then fill-in-the-blanks as numbered
 * lines): a section where the chosen cutting finds no question takes the questions the best other
 * cutting finds there, with that cutting's answer rules.
 */
function fillEmptySections(document: NotesDocument, chosen: NotesStructure, others: NotesStructure[]): NotesStructure {
  const sections = chosen.sections.map((section, index) => {
    const from = section.heading?.line;
    if (section.questions.length > 0 || from === undefined || section.key) return section;
    const to = chosen.sections.slice(index + 1).find((next) => next.heading)?.heading?.line ?? Number.POSITIVE_INFINITY;
    for (const other of others) {
      const found = other.sections
        .flatMap((candidate) => candidate.questions)
        .filter((question) => question.line > from && question.line < to);
      if (found.length > 0 && readAsQuestions(document, other, found))
        return { ...section, questions: found.map((question) => ({ ...question, answers: other.answers ?? [] })) };
    }
    return section;
  });
  const added = sections.flatMap((section, index) =>
    section === chosen.sections[index] ? [] : section.questions.map((question) => question.line),
  );
  if (added.length === 0) return chosen;
  return { ...chosen, sections, structuralLines: [...chosen.structuralLines, ...added].sort((a, b) => a - b) };
}

/** Whether most of these units read as questions: answered, asking, or more than a few words (a list of terms to learn is no list of questions). */
function readAsQuestions(document: NotesDocument, structure: NotesStructure, plans: QuestionPlan[]): boolean {
  const units = plans.map((plan) => readUnit(document, structure, plan, structure.answers ?? []));
  const asked = units.filter(({ outline, blocks }) => {
    const text = statementText(outline, blocks).text;
    return outline.hasAnswer || looksAsked(text) || text.trim().length >= 20;
  });
  return asked.length * 2 >= units.length;
}

/** Questions without a label of their own are numbered in their section's order, after the numbers taken. */
function numberUnlabelled(structure: NotesStructure): NotesStructure {
  for (const section of structure.sections) {
    const taken = new Set(section.questions.map((question) => question.heading.number).filter((number) => number !== ''));
    let next = 1;
    for (const question of section.questions) {
      if (question.heading.number !== '') continue;
      while (taken.has(String(next))) next += 1;
      question.heading.number = String(next);
      taken.add(String(next));
    }
  }
  return structure;
}
