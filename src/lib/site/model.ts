/**
 * Page models: how a course's questions group into sections and papers, with the counts and
 * navigation the pages show. Pure functions over the collections' data; pages only render them.
 */
import { paperSlug } from '../content/ids.ts';
import { parseQuestionHeading } from '../notes/headings.ts';
import { firstWords } from '../search/titles.ts';
import { naturalCompare } from '../content/natural-order.ts';
import type { Paper, QuestionData as StoredQuestion, SectionData as StoredSection } from '../content/schema.ts';
import { sectionSlug } from '../content/paths.ts';

/** What the models read of a question: the stored fields that decide grouping, counts and order. */
export type QuestionData = Pick<
  StoredQuestion,
  'id' | 'course' | 'section' | 'number' | 'heading' | 'paper' | 'examinability' | 'order' | 'hasAnswer'
> & {
  parts: Pick<StoredQuestion['parts'][number], 'examinability' | 'depth'>[];
};

export type SectionData = Pick<StoredSection, 'course' | 'number' | 'title' | 'scope' | 'heading' | 'line' | 'source'>;

/**
 * A question as its notes name it: the label as written ("试题10", "Exercise 1.2", "第3题", "Q1",
 * "1."), or Q and its number where the notes give none (a bold line, a flashcard).
 */
export function questionLabel(question: Pick<StoredQuestion, 'heading' | 'number'>): string {
  const label = parseQuestionHeading(question.heading)?.label.replace(/[:：]$/, '');
  return label || `Q${question.number}`;
}

/**
 * A few words of a question for lists of questions, where its label says little ("1.", a flashcard's
 * "Q3"): the words of its heading, or its body's first line without Markdown marks.
 */
export function questionGist(question: { data: Pick<StoredQuestion, 'title'>; body?: string | undefined }): string {
  if (question.data.title) return firstWords(question.data.title, GIST_WIDTH);
  const line =
    (question.body ?? '').split('\n').find((text) => /[\p{L}\p{N}]/u.test(text.replace(/!\[[^\]]*\]\([^)]*\)|<[^>]*>/g, ''))) ?? '';
  const words = line
    // A flashcard's question only: what stands before its `::` or `>>`.
    .replace(/(?::{2,3}|\s>>\s).*$/, '')
    .replace(/==|\{\{c\d+::|\}\}/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)|<[^>]*>|^\s*(?:[#>|-]+|\d+[.)、])\s*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`$|]+|\[![a-z-]+\][+-]?|^[!?]{3}\+?\s*\S+/gi, ' ');
  return firstWords(words, GIST_WIDTH);
}

/** How wide a question's gist is in a list, in columns (a Chinese character takes two). */
const GIST_WIDTH = 36;

/** A section as readers see it named: "Section 3 · CNN", or its heading as written ("一、选择题（每小题 2 分）"). */
export function sectionName(section: Pick<StoredSection, 'number' | 'title' | 'heading'>): string {
  return section.heading ?? (section.title === '' ? `Section ${section.number}` : `Section ${section.number} · ${section.title}`);
}

/** The short form, for breadcrumbs and lists that name a question's section: "Section 3", or the heading as written. */
export function sectionShortName(section: Pick<StoredSection, 'number' | 'heading'>): string {
  return section.heading ?? `Section ${section.number}`;
}

export interface SectionSummary<Q extends QuestionData = QuestionData> {
  number: number;
  title: string;
  /** "Section 3 · CNN" or the heading as written (sectionName). */
  name: string;
  /** "Section 3" or the heading as written (sectionShortName). */
  shortName: string;
  slug: string;
  questions: Q[];
  answered: number;
  notExaminedParts: number;
}

export interface PaperSummary<Q extends QuestionData = QuestionData> {
  paper: Paper;
  slug: string;
  questions: Q[];
}

/**
 * When in its year a sitting falls, by its first three letters: months in calendar order, terms
 * where their exams fall (Winter term Jan-Mar … Fall term in December), and a term's own sittings
 * in the order they are sat. Notes use one of these conventions, so only ranks of one kind meet.
 */
const SITTING_RANK: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  win: 2,
  spr: 5,
  sum: 7,
  fal: 11,
  aut: 11,
  mid: 0,
  moc: 1,
  fin: 2,
  res: 3,
};

export function byNotesOrder<Q extends QuestionData>(questions: Q[]): Q[] {
  return [...questions].sort((a, b) => a.order - b.order);
}

/** Sections in the notes' order: files of a folder in natural order, then by line (numbers may come from anywhere). */
export function inNotesOrder<S extends Pick<SectionData, 'line' | 'source'>>(sections: S[]): S[] {
  return [...sections].sort((a, b) => naturalCompare(a.source ?? '', b.source ?? '') || a.line - b.line);
}

/** The course's question sections (not the scope page) in the notes' order, each with its questions and counts. */
export function summariseSections<Q extends QuestionData>(sections: SectionData[], questions: Q[]): SectionSummary<Q>[] {
  return inNotesOrder(sections.filter((section) => !section.scope)).map((section) => {
    const inSection = byNotesOrder(questions.filter((question) => question.section === section.number));
    return {
      number: section.number,
      title: section.title,
      name: sectionName(section),
      shortName: sectionShortName(section),
      slug: sectionSlug(section.number),
      questions: inSection,
      answered: inSection.filter((question) => question.hasAnswer).length,
      notExaminedParts: inSection.reduce(
        (sum, question) => sum + question.parts.filter((part) => part.examinability === 'not-examined').length,
        0,
      ),
    };
  });
}

/** Newest paper first; within a paper, its questions in the notes' order (section, then number). */
export function summarisePapers<Q extends QuestionData>(questions: Q[]): PaperSummary<Q>[] {
  const papers = new Map<string, PaperSummary<Q>>();
  for (const question of byNotesOrder(questions)) {
    if (!question.paper) continue;
    const slug = paperSlug(question.paper);
    const entry = papers.get(slug) ?? { paper: question.paper, slug, questions: [] };
    entry.questions.push(question);
    papers.set(slug, entry);
  }
  const sittingRank = (sitting: string): number => SITTING_RANK[sitting.slice(0, 3).toLowerCase()] ?? -1;
  return [...papers.values()].sort(
    (a, b) =>
      (b.paper.year ?? 0) - (a.paper.year ?? 0) ||
      sittingRank(b.paper.sitting ?? '') - sittingRank(a.paper.sitting ?? '') ||
      (a.paper.variant ?? '').localeCompare(b.paper.variant ?? '', 'en', { numeric: true }),
  );
}

export interface Neighbours<T> {
  previous?: T | undefined;
  next?: T | undefined;
}

/**
 * The entry (a section's introduction or a question) whose first screenshot is likely in a page's
 * first screen: the first with a screenshot among the page's first two. Loading one further down
 * at once would cost a first visit an image it may never show.
 */
export function leadingEntry<T extends { data: { images: readonly unknown[] } }>(entries: readonly T[]): T | undefined {
  return entries.slice(0, 2).find((entry) => entry.data.images.length > 0);
}

export function neighbours<T>(items: T[], index: number): Neighbours<T> {
  return { previous: items[index - 1], next: items[index + 1] };
}
