/** Reads the collections once and shapes each course for the pages (Astro glue over model.ts). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { summarisePapers, summariseSections, type PaperSummary, type SectionSummary } from './model.ts';

export type Question = CollectionEntry<'questions'>;

export interface Course {
  id: string;
  title: string;
  /** The exam's date (and start time) from course.md, if the notes give one. */
  examDate?: string | undefined;
  entry: CollectionEntry<'courses'>;
  scope?: CollectionEntry<'sections'> | undefined;
  sections: (SectionSummary<Question['data']> & { entries: Question[] })[];
  papers: (PaperSummary<Question['data']> & { entries: Question[] })[];
}

let cache: Promise<Course[]> | undefined;

/** All courses, sorted by title. Computed once per build: every page asks for it. */
export function loadCourses(): Promise<Course[]> {
  cache ??= (async () => {
    const [courses, sections, questions] = await Promise.all([
      getCollection('courses'),
      getCollection('sections'),
      getCollection('questions'),
    ]);
    return courses
      .map((entry): Course => {
        const ownSections = sections.filter((section) => section.data.course === entry.id);
        const ownQuestions = questions.filter((question) => question.data.course === entry.id);
        const byId = new Map(ownQuestions.map((question) => [question.data.id, question]));
        const entriesOf = (data: Question['data'][]): Question[] =>
          data.map((question) => byId.get(question.id)).filter((question): question is Question => question !== undefined);
        return {
          id: entry.id,
          title: entry.data.title,
          examDate: entry.data.examDate,
          entry,
          scope: ownSections.find((section) => section.data.scope),
          sections: summariseSections(
            ownSections.map((section) => section.data),
            ownQuestions.map((question) => question.data),
          ).map((section) => ({ ...section, entries: entriesOf(section.questions) })),
          papers: summarisePapers(ownQuestions.map((question) => question.data)).map((paper) => ({
            ...paper,
            entries: entriesOf(paper.questions),
          })),
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
  })();
  return cache;
}
