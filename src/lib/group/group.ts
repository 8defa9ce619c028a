/**
 * A course several students' notes make, as the site shows it: each question once, with every
 * author's version of it; each author's question that no one else has placed in the section of the
 * same name, else in the section its paper's other questions are in, else in that author's own
 * section (numbered after the course's). Pure, over entries of any kind (Astro's or read.ts's).
 */
import { authorId } from '../content/ids.ts';
import type { ContentEntry, CourseContent } from '../content/read.ts';
import type { AuthorData, CourseData, QuestionData, SectionData } from '../content/schema.ts';
import { matchQuestions, paperKey, SAME_SECTION, type MatchResult, type Settled } from './match.ts';
import { questionText, type QuestionText } from './question-text.ts';
import { disagreements, type Disagreement } from './short-answers.ts';
import { titleLikeness } from './words.ts';
import { ownQuestionId } from '../content/paths.ts';

interface Entry<T> {
  data: T;
  body?: string | undefined;
}

export interface AuthorName {
  /** The author's folder id; undefined for the course's first notes. */
  id?: string | undefined;
  /** As shown: "Lin"; for first notes with no author named, FIRST_NOTES_NAME. */
  name: string;
  /** How course.md's `same:` / `different:` name the author's questions: their id, the first notes' author's, or FIRST_NOTES_ID. */
  ref: string;
}

export interface AuthorNotes<S, Q> {
  author: AuthorName;
  sections: S[];
  questions: Q[];
}

/** One author's version of a question. */
export interface Version<Q> {
  author: AuthorName;
  question: Q;
}

export interface PlacedSection<S> {
  /** The section's data as the site shows it: another author's own section takes a number after the course's. */
  data: SectionData;
  entry: S;
  /** Other authors' sections placed here (their introductions are shown after this one's). */
  also: { author: AuthorName; entry: S }[];
}

export type Placement = 'matched' | 'same name' | 'paper' | 'own section';

export interface GroupedCourse<S, Q> {
  sections: PlacedSection<S>[];
  /** One per question shown, the lead version's data with its section and order as placed. */
  questions: { data: QuestionData; entry: Q }[];
  /** Every version of each question shown, by the shown question's id; the lead version first. Only questions with several. */
  versions: Map<string, Version<Q>[]>;
  /** Where the versions' short answers disagree, by the shown question's id. */
  differences: Map<string, Disagreement[]>;
  /** The author whose notes alone hold a question, by the shown question's id, when the course has several authors. */
  onlyIn: Map<string, AuthorName>;
  /** Each author with the questions they wrote up and answered. */
  credits: { author: AuthorName; questions: number; answered: number }[];
  matching: MatchResult & { placed: { ref: string; section: number; placement: Placement }[] };
}

/** "<author>/<question id in their notes>", as students write it in course.md. */
export function questionRef(author: AuthorName, data: Pick<QuestionData, 'id'>): string {
  return `${author.ref}/${ownQuestionId(data.id, author.id)}`;
}

/** How the first notes are named in refs, and shown, when their author is not named. */
export const FIRST_NOTES_ID = 'first';
export const FIRST_NOTES_NAME = 'first notes';

export function groupCourse<S extends Entry<SectionData>, Q extends Entry<QuestionData>>(
  authors: AuthorNotes<S, Q>[],
  settled: Settled = {},
): GroupedCourse<S, Q> {
  const [first, ...others] = authors;
  if (!first) throw new Error('a course needs notes');
  const texts = new Map<Q, QuestionText>();
  const textOf = (question: Q): QuestionText => {
    let text = texts.get(question);
    if (!text) texts.set(question, (text = questionText(question.data, question.body ?? '')));
    return text;
  };
  const sectionTitle = (notes: AuthorNotes<S, Q>, number: number): string =>
    notes.sections.find((section) => section.data.number === number)?.data.title ?? '';
  const refOf = new Map<Q, string>();
  const byRef = new Map<string, Version<Q>>();
  for (const notes of authors)
    for (const question of notes.questions) {
      const ref = questionRef(notes.author, question.data);
      refOf.set(question, ref);
      byRef.set(ref, { author: notes.author, question });
    }

  const matching =
    others.length === 0
      ? { matches: [], undecided: [], unknown: [] }
      : matchQuestions(
          authors.flatMap((notes) =>
            notes.questions.map((question) => ({
              ref: refOf.get(question) ?? '',
              author: notes.author.ref,
              paper: question.data.paper,
              number: question.data.number,
              section: sectionTitle(notes, question.data.section),
              statement: textOf(question).statement,
              answer: textOf(question).answer,
            })),
          ),
          settled,
        );

  // Each matched question joins the group of the one it matched, whose lead is the earliest author's.
  const leadOf = new Map<string, string>();
  for (const { into, ref } of matching.matches) leadOf.set(ref, leadOf.get(into) ?? into);
  const versions = new Map<string, Version<Q>[]>();
  for (const [ref, lead] of leadOf) {
    const leadVersion = byRef.get(lead);
    const version = byRef.get(ref);
    if (!leadVersion || !version) continue;
    const id = leadVersion.question.data.id;
    versions.set(id, [...(versions.get(id) ?? [leadVersion]), version]);
  }

  // Sections: the first notes' as they are; another author's own sections after, in their order.
  const sections: PlacedSection<S>[] = first.sections.map((entry) => ({ data: entry.data, entry, also: [] }));
  const lastNumber = (): number => Math.max(0, ...sections.map((section) => section.data.number));
  const lastLine = (): number => Math.max(0, ...sections.map((section) => section.data.line));
  const questions: { data: QuestionData; entry: Q }[] = first.questions.map((entry) => ({ data: entry.data, entry }));
  const placed: GroupedCourse<S, Q>['matching']['placed'] = [];

  for (const notes of others) {
    const own = new Map<number, number>();
    const orderFrom = Math.max(0, ...questions.map((question) => question.data.order));
    const lineFrom = lastLine();
    const courseSections = first.sections.filter((section) => !section.data.scope);
    /** The course's section of the same name: the likeliest, if alike enough and clearly likelier than the next. */
    const sameName = (number: number): number | undefined => {
      const mine = notes.sections.find((section) => section.data.number === number)?.data.title ?? '';
      const [found, next] = courseSections
        .map((section) => ({ number: section.data.number, alike: titleLikeness(mine, section.data.title) }))
        .sort((a, b) => b.alike - a.alike);
      return found && found.alike >= SAME_SECTION && found.alike - (next?.alike ?? 0) >= 0.1 ? found.number : undefined;
    };
    const paperSection = (question: Q): number | undefined => {
      const key = paperKey(question.data.paper);
      if (key === undefined) return undefined;
      const counts = new Map<number, number>();
      for (const other of questions)
        if (other.data.author === undefined && paperKey(other.data.paper) === key)
          counts.set(other.data.section, (counts.get(other.data.section) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    /** Where each of the author's sections went (the section its first placed question went to). */
    const wentTo = new Map<number, number>();
    const ownSection = (number: number): number => {
      let placedNumber = own.get(number);
      if (placedNumber === undefined) {
        const entry = notes.sections.find((section) => section.data.number === number);
        placedNumber = lastNumber() + 1;
        own.set(number, placedNumber);
        if (entry) sections.push({ data: { ...entry.data, number: placedNumber, line: lineFrom + entry.data.line }, entry, also: [] });
      }
      return placedNumber;
    };
    for (const question of notes.questions) {
      const ref = refOf.get(question) ?? '';
      if (leadOf.has(ref)) {
        placed.push({ ref, section: 0, placement: 'matched' });
        continue;
      }
      const byName = sameName(question.data.section);
      const byPaper = byName === undefined ? paperSection(question) : undefined;
      const section = byName ?? byPaper ?? ownSection(question.data.section);
      placed.push({ ref, section, placement: byName !== undefined ? 'same name' : byPaper !== undefined ? 'paper' : 'own section' });
      if (!wentTo.has(question.data.section)) wentTo.set(question.data.section, section);
      questions.push({ data: { ...question.data, section, order: orderFrom + question.data.order }, entry: question });
    }
    // An author's section whose questions went into a course section brings its introduction along;
    // one with an introduction and nowhere to go is a section of its own, so nothing is lost.
    for (const entry of notes.sections) {
      if (own.has(entry.data.number) || !(entry.body ?? '').trim()) continue;
      const scope = entry.data.scope ? first.sections.find((section) => section.data.scope)?.data.number : undefined;
      const into = scope ?? wentTo.get(entry.data.number) ?? sameName(entry.data.number) ?? ownSection(entry.data.number);
      if (own.get(entry.data.number) === into) continue;
      sections.find((section) => section.data.number === into)?.also.push({ author: notes.author, entry });
    }
  }

  const differences = new Map<string, Disagreement[]>();
  for (const [id, group] of versions) {
    const found = disagreements(group.map(({ author, question }) => ({ author: author.name, answers: textOf(question).answers })));
    if (found.length > 0) differences.set(id, found);
  }
  const onlyIn = new Map<string, AuthorName>();
  if (others.length > 0)
    for (const { data, entry } of questions)
      if (!versions.has(data.id)) onlyIn.set(data.id, byRef.get(refOf.get(entry) ?? '')?.author ?? first.author);
  return {
    sections,
    questions,
    versions,
    differences,
    onlyIn,
    credits: authors.map((notes) => ({
      author: notes.author,
      questions: notes.questions.length,
      answered: notes.questions.filter((question) => question.data.hasAnswer).length,
    })),
    matching: { ...matching, placed },
  };
}

/** The course's notes by author, from entries of every author at once (each other author's carry `author`): the first notes first. */
export function notesByAuthor<S extends Entry<SectionData>, Q extends Entry<QuestionData>>(
  course: Pick<CourseData, 'author'>,
  authors: { id: string; data: Pick<AuthorData, 'name'> }[],
  sections: S[],
  questions: Q[],
): AuthorNotes<S, Q>[] {
  const of = <E extends { data: { author?: string | undefined } }>(entries: E[], author: string | undefined): E[] =>
    entries.filter((entry) => entry.data.author === author);
  return [
    {
      author: { name: course.author ?? FIRST_NOTES_NAME, ref: course.author === undefined ? FIRST_NOTES_ID : authorId(course.author) },
      sections: of(sections, undefined),
      questions: of(questions, undefined),
    },
    ...authors.map(({ id, data }) => ({
      author: { id, name: data.name, ref: id },
      sections: of(sections, id),
      questions: of(questions, id),
    })),
  ];
}

/** The course's content as the site shows it: its sections and questions as placed, every author's versions grouped. */
export function shownCourse(
  content: CourseContent,
): CourseContent & { grouped: GroupedCourse<ContentEntry<SectionData>, ContentEntry<QuestionData>> } {
  const { course, authors, sections, questions } = content;
  const grouped = groupCourse(notesByAuthor(course.data, authors, sections, questions), course.data);
  return {
    ...content,
    sections: grouped.sections.map(({ entry, data }) => ({ ...entry, data })),
    questions: grouped.questions.map(({ entry, data }) => ({ ...entry, data })),
    grouped,
  };
}
