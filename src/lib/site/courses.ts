/** Reads the collections once and shapes each course for the pages (Astro glue over model.ts). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { summarisePapers, summariseSections, type PaperSummary, type SectionSummary } from './model.ts';
import { urls } from './urls.ts';

export type Question = CollectionEntry<'questions'>;

export interface Course {
  id: string;
  title: string;
  /** The exam's date (and start time) from course.md, if the notes give one. */
  examDate?: string | undefined;
  entry: CollectionEntry<'courses'>;
  scope?: CollectionEntry<'sections'> | undefined;
  /** Each section with its own entry (its introduction is the entry's body) and its questions' entries. */
  sections: (SectionSummary<Question['data']> & { entry: CollectionEntry<'sections'>; entries: Question[] })[];
  papers: (PaperSummary<Question['data']> & { entries: Question[] })[];
  /** Where each question's paper page is (question id → label and URL). */
  paperLinks: Map<string, { label: string; href: string }>;
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
        const sectionEntry = new Map(ownSections.map((section) => [section.data.number, section]));
        const papers = summarisePapers(ownQuestions.map((question) => question.data)).map((paper) => ({
          ...paper,
          entries: entriesOf(paper.questions),
        }));
        return {
          id: entry.id,
          title: entry.data.title,
          examDate: entry.data.examDate,
          entry,
          scope: ownSections.find((section) => section.data.scope),
          sections: summariseSections(
            ownSections.map((section) => section.data),
            ownQuestions.map((question) => question.data),
          ).flatMap((section) => {
            const own = sectionEntry.get(section.number);
            return own ? [{ ...section, entry: own, entries: entriesOf(section.questions) }] : [];
          }),
          papers,
          paperLinks: new Map(
            papers.flatMap((paper) =>
              paper.questions.map(
                (question) => [question.id, { label: paper.paper.label, href: urls.paper(entry.id, paper.slug) }] as const,
              ),
            ),
          ),
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
  })();
  return cache;
}

/** getStaticPaths of a page per course (its home, review queue, mock paper): the course as `course`. */
export async function courseStaticPaths(): Promise<{ params: { course: string }; props: { course: Course } }[]> {
  return (await loadCourses()).map((course) => ({ params: { course: course.id }, props: { course } }));
}
