/** Reads the collections once and shapes each course for the pages (Astro glue over model.ts). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseCourseId, type CourseId } from '../content/paths.ts';
import { groupCourse, notesByAuthor, type AuthorName, type GroupedCourse } from '../group/group.ts';
import { summarisePapers, summariseSections, type PaperSummary, type SectionSummary } from './model.ts';
import { urls } from './urls.ts';

export type Question = CollectionEntry<'questions'>;

export interface Course {
  id: CourseId;
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
  /** A study group's course: every author's version of each question, where their answers differ, who alone has a question, credits. */
  group: Pick<GroupedCourse<CollectionEntry<'sections'>, Question>, 'versions' | 'differences' | 'onlyIn' | 'credits'> & {
    /** Other authors' section introductions shown with a section, by its number. */
    also: Map<number, { author: AuthorName; entry: CollectionEntry<'sections'> }[]>;
    /** The other authors' entries (their notes' preambles), for the course home. */
    authors: CollectionEntry<'authors'>[];
  };
}

let cache: Promise<Course[]> | undefined;

/** All courses, sorted by title. Computed once per build: every page asks for it. */
export function loadCourses(): Promise<Course[]> {
  cache ??= (async () => {
    const [courses, authors, sections, questions] = await Promise.all([
      getCollection('courses'),
      getCollection('authors'),
      getCollection('sections'),
      getCollection('questions'),
    ]);
    return courses
      .map((entry): Course => {
        const id = parseCourseId(entry.id);
        const courseAuthors = authors.filter((author) => author.id.startsWith(`${entry.id}/`)).sort((a, b) => a.id.localeCompare(b.id));
        const grouped = groupCourse(
          notesByAuthor(
            entry.data,
            courseAuthors.map((author) => ({ id: author.id.slice(entry.id.length + 1), data: author.data })),
            sections.filter((section) => section.data.course === entry.id).sort((a, b) => a.data.number - b.data.number),
            questions.filter((question) => question.data.course === entry.id).sort((a, b) => a.data.order - b.data.order),
          ),
          entry.data,
        );
        // Sections and questions as placed: another author's own section numbered after the course's.
        const ownSections = grouped.sections.map(({ entry: section, data }) => ({ ...section, data }));
        const ownQuestions = grouped.questions.map(({ entry: question, data }) => ({ ...question, data }));
        const byId = new Map(ownQuestions.map((question) => [question.data.id, question]));
        const entriesOf = (data: Question['data'][]): Question[] =>
          data.map((question) => byId.get(question.id)).filter((question): question is Question => question !== undefined);
        const sectionEntry = new Map(ownSections.map((section) => [section.data.number, section]));
        const papers = summarisePapers(ownQuestions.map((question) => question.data)).map((paper) => ({
          ...paper,
          entries: entriesOf(paper.questions),
        }));
        return {
          id,
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
          group: {
            versions: grouped.versions,
            differences: grouped.differences,
            onlyIn: grouped.onlyIn,
            credits: grouped.credits,
            also: new Map(grouped.sections.filter(({ also }) => also.length > 0).map(({ data, also }) => [data.number, also])),
            authors: courseAuthors,
          },
          paperLinks: new Map(
            papers.flatMap((paper) =>
              paper.questions.map((question) => [question.id, { label: paper.paper.label, href: urls.paper(id, paper.slug) }] as const),
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

/** Questions with every other author's version of them after: what a page renders, so its CSP allows their formulas' styles. */
export function withVersions(course: Course, questions: Question[]): Question[] {
  return questions.flatMap((question) => [
    question,
    ...(course.group.versions.get(question.data.id) ?? []).slice(1).map((version) => version.question),
  ]);
}
