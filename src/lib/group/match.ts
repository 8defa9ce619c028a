/**
 * Finds the same past-paper question in several students' notes, as a reader would: by its paper
 * and label where both notes give them, else by the words of its statement (a statement written in
 * two languages meets either), else by the words of its answers within the same paper. Each match
 * has a confidence; what the evidence cannot settle is reported for the students to settle in
 * course.md (`same:` / `different:`), which always wins.
 */
import type { Paper } from '../content/schema.ts';
import { paperSlug } from '../content/ids.ts';
import { SITTINGS } from '../notes/vocabulary.ts';
import { likeness, titleLikeness, wordVectors, type WordVector } from './words.ts';

/** A question as matching reads it. */
export interface MatchQuestion {
  /** "<author>/<question id in their notes>": how the students name it in course.md. */
  ref: string;
  /** The author's id; authors are matched in the order given, the first notes first. */
  author: string;
  paper?: Pick<Paper, 'year' | 'sitting' | 'variant' | 'label'> | undefined;
  /** The question number as written ("1", "Q1" → "1"). */
  number: string;
  /** The title of the section it is in, for telling apart a paper's questions numbered per section. */
  section: string;
  statement: string;
  answer: string;
}

export type MatchReason = 'settled' | 'paper and label' | 'statement' | 'answers';

export interface Match {
  /** The question already in the course (of an earlier author) and the one that joins it. */
  into: string;
  ref: string;
  reason: MatchReason;
  /** 0–1: how sure the match is. */
  confidence: number;
}

export interface Undecided {
  ref: string;
  /** The likeliest questions, best first, with how alike each is (0–1). */
  candidates: { ref: string; score: number }[];
}

export interface Settled {
  same?: string[][] | undefined;
  different?: string[][] | undefined;
}

export interface MatchResult {
  matches: Match[];
  undecided: Undecided[];
  /** Refs in `same:` / `different:` that name no question, for a warning. */
  unknown: string[];
}

/** A match needs this much evidence, and this much more than the next likeliest question. */
const MATCH = 0.7;
const MARGIN = 0.2;
/** Section titles this alike are the same section (words.ts titleLikeness). */
export const SAME_SECTION = 0.6;
/** Below this, two questions are simply different; between it and MATCH, the students decide. */
const CONSIDER = 0.4;

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * The paper as a key two students' notes agree on: year, sitting (its first three letters, a month
 * before a term word: "Final 2024 May" is the May sitting) and variant, read from the paper's
 * fields or its label ("DASC7606 Final 2024 May (ABC)"); else the label's slug.
 */
export function paperKey(paper: MatchQuestion['paper']): string | undefined {
  if (!paper) return undefined;
  const words = paper.label.split(/[\s()（）[\]【】,，·—–:：-]+/).filter(Boolean);
  const year = paper.year ?? Number(words.find((word) => /^(?:19|20)\d\d$/.test(word)));
  const sittingAt = paper.sitting === undefined ? words.findIndex((word) => MONTH.test(word) && SITTINGS.test(word)) : -1;
  const termAt = sittingAt === -1 && paper.sitting === undefined ? words.findIndex((word) => SITTINGS.test(word)) : -1;
  const sitting = paper.sitting ?? words[sittingAt === -1 ? termAt : sittingAt];
  if (!year || sitting === undefined) return paperSlug(paper);
  const after = words.slice(Math.max(sittingAt, termAt) + 1);
  const variant = paper.variant ?? (paper.sitting === undefined ? after.find((word) => /^(?:[A-F]{1,4}|\d{1,2})$/.test(word)) : undefined);
  return [
    year,
    sitting
      .toLowerCase()
      .replace(/^fall$/, 'autumn')
      .slice(0, 3),
    (variant ?? '').toUpperCase(),
  ].join('|');
}

const plainNumber = (number: string): string =>
  number
    .toLowerCase()
    .replace(/^(?:q|question|problem|no)\.?\s*/, '')
    .replace(/[^a-z0-9]+/g, '');

/** Evidence from independent clues, combined: each clue leaves some doubt, and the doubts multiply. */
const combine = (clues: number[]): number => 1 - clues.reduce((doubt, clue) => doubt * (1 - clue), 1);

/** How much a likeness of words says: nothing below 0.15, all from 0.75. */
const fromLikeness = (value: number): number => Math.max(0, Math.min(1, (value - 0.15) / 0.6));
/** The same for two answers in one paper: nothing below 0.1, all from 0.4. */
const fromAnswerLikeness = (value: number): number => Math.max(0, Math.min(1, (value - 0.1) / 0.3));

export function matchQuestions(questions: MatchQuestion[], settled: Settled = {}): MatchResult {
  const byRef = new Map(questions.map((question) => [question.ref, question]));
  const authors = [...new Set(questions.map((question) => question.author))];
  const statements = wordVectors(new Map(questions.map((question) => [question.ref, question.statement])));
  const answers = wordVectors(new Map(questions.map((question) => [question.ref, question.answer])));
  const vector = (vectors: Map<string, WordVector>, ref: string): WordVector => vectors.get(ref) ?? new Map();

  const unknown = [...(settled.same ?? []), ...(settled.different ?? [])].flat().filter((ref) => !byRef.has(ref));
  const apart = new Set<string>();
  for (const group of settled.different ?? []) for (const a of group) for (const b of group) if (a !== b) apart.add(`${a}\0${b}`);

  // Each question's group: the first question of it (in author order) stands for it.
  const groupOf = new Map<string, string>(questions.map((question) => [question.ref, question.ref]));
  const matches: Match[] = [];
  const join = (into: string, ref: string, reason: MatchReason, confidence: number): void => {
    const group = groupOf.get(into) ?? into;
    for (const [member, its] of groupOf) if (its === groupOf.get(ref)) groupOf.set(member, group);
    matches.push({ into, ref, reason, confidence });
  };
  for (const group of settled.same ?? []) {
    const known = group.filter((ref) => byRef.has(ref));
    known.sort((a, b) => authors.indexOf(byRef.get(a)?.author ?? '') - authors.indexOf(byRef.get(b)?.author ?? ''));
    for (const ref of known.slice(1)) if (known[0]) join(known[0], ref, 'settled', 1);
  }

  /** How many of an author's questions carry this paper and number: a number repeated within a paper is per section. */
  const labelCount = new Map<string, number>();
  const labelOf = (question: MatchQuestion): string | undefined => {
    const paper = paperKey(question.paper);
    return paper === undefined ? undefined : `${question.author}\0${paper}\0${plainNumber(question.number)}`;
  };
  for (const question of questions) {
    const label = labelOf(question);
    if (label) labelCount.set(label, (labelCount.get(label) ?? 0) + 1);
  }

  const score = (a: MatchQuestion, b: MatchQuestion): { score: number; reason: MatchReason } => {
    if (apart.has(`${a.ref}\0${b.ref}`)) return { score: 0, reason: 'settled' };
    const paperA = paperKey(a.paper);
    const paperB = paperKey(b.paper);
    // Two different papers never hold the same question (a paper reused is a new question to revise).
    if (paperA !== undefined && paperB !== undefined && paperA !== paperB) return { score: 0, reason: 'statement' };
    const samePaper = paperA !== undefined && paperA === paperB;
    const clues: { clue: number; reason: MatchReason }[] = [];
    if (samePaper && plainNumber(a.number) === plainNumber(b.number)) {
      const unique = labelCount.get(labelOf(a) ?? '') === 1 && labelCount.get(labelOf(b) ?? '') === 1;
      const sameSection = titleLikeness(a.section, b.section) >= SAME_SECTION;
      clues.push({ clue: unique ? 0.9 : sameSection ? 0.8 : 0.5, reason: 'paper and label' });
    }
    clues.push({ clue: fromLikeness(likeness(vector(statements, a.ref), vector(statements, b.ref))), reason: 'statement' });
    // Within one paper only its few questions compete, so answers that share a third of their weight say much.
    if (samePaper)
      clues.push({ clue: 0.9 * fromAnswerLikeness(likeness(vector(answers, a.ref), vector(answers, b.ref))), reason: 'answers' });
    const strongest = clues.reduce((best, clue) => (clue.clue > best.clue ? clue : best));
    return { score: combine(clues.map(({ clue }) => clue)), reason: strongest.reason };
  };

  const undecided: Undecided[] = [];
  for (const [index, author] of authors.entries()) {
    if (index === 0) continue;
    const earlier = new Set(authors.slice(0, index));
    const joining = questions.filter((question) => question.author === author && groupOf.get(question.ref) === question.ref);
    // Groups already holding one of this author's questions take no other.
    const taken = new Set(
      questions
        .filter((question) => question.author === author)
        .flatMap((question) => {
          const group = groupOf.get(question.ref);
          return group !== undefined && group !== question.ref ? [group] : [];
        }),
    );
    const candidates = questions.filter((question) => earlier.has(question.author) && groupOf.get(question.ref) === question.ref);
    const members = new Map<string, MatchQuestion[]>();
    for (const question of questions) {
      const group = groupOf.get(question.ref) ?? question.ref;
      if (earlier.has(question.author)) members.set(group, [...(members.get(group) ?? []), question]);
    }
    const scored = joining.map((question) => ({
      question,
      ranked: candidates
        .map((candidate) => {
          // A group is as alike as its likeliest member.
          const best = (members.get(candidate.ref) ?? [candidate])
            .map((member) => ({ ...score(member, question), member }))
            .reduce((a, b) => (b.score > a.score ? b : a));
          return { group: candidate.ref, ...best };
        })
        .filter((candidate) => candidate.score >= CONSIDER)
        .sort((a, b) => b.score - a.score),
    }));
    // The surest matches first, so a question is not taken by a weaker claim on it.
    const pairs = scored
      .flatMap(({ question, ranked }) => ranked.map((candidate, rank) => ({ question, ranked, candidate, rank })))
      .sort((a, b) => b.candidate.score - a.candidate.score);
    const decided = new Set<string>();
    for (const { question, ranked, candidate } of pairs) {
      if (decided.has(question.ref) || taken.has(candidate.group) || candidate.score < MATCH) continue;
      const rival = ranked.find((other) => other.group !== candidate.group && !taken.has(other.group));
      if (rival && rival.score > candidate.score - MARGIN) continue;
      join(candidate.member.ref, question.ref, candidate.reason, candidate.score);
      taken.add(candidate.group);
      decided.add(question.ref);
    }
    for (const { question, ranked } of scored) {
      if (decided.has(question.ref) || ranked.length === 0) continue;
      const open = ranked.filter((candidate) => !taken.has(candidate.group));
      if (open.length > 0)
        undecided.push({
          ref: question.ref,
          candidates: open.slice(0, 3).map(({ member, score: value }) => ({ ref: member.ref, score: value })),
        });
    }
  }
  return { matches, undecided, unknown };
}
