/**
 * What the revision pages (course home, review queue, mock paper) hand to their browser code: each
 * question of the course with its exam weight, where it lives and how to name it, and the exam date
 * the notes give. Ratings live in the browser; this is the part the build knows.
 */
import { questionKey, type CourseId, type QuestionId, type QuestionKey, type SiteUrl, type SiteUrls } from '../content/paths.ts';
import { examWeight } from '../progress/forecast.ts';
import { questionLabel, type QuestionData, type SectionSummary } from './model.ts';

export interface RevisionQuestion {
  /** Progress key, "<course>/<question id>". */
  key: QuestionKey;
  id: QuestionId;
  section: number;
  /** "Section 3 · CNN", or the section's heading as written. */
  sectionName: string;
  /** "Q1 · 2024 May ABC". */
  title: string;
  /** The question in Test-me mode on its section page. */
  href: SiteUrl;
  /** Its section page, where a mock paper takes it from. */
  page: SiteUrl;
  /** How much of it can be on the exam, 0 to 1 (forecast.ts). */
  weight: number;
  /** Position in the notes. */
  order: number;
}

export interface RevisionData {
  course: CourseId;
  /** The exam date in the notes (course.md), if any. */
  examDate?: string | undefined;
  questions: RevisionQuestion[];
}

export function revisionData(
  course: {
    id: CourseId;
    examDate?: string | undefined;
    sections: SectionSummary<QuestionData & { paper?: { label: string } | undefined }>[];
  },
  links: SiteUrls,
): RevisionData {
  return {
    course: course.id,
    examDate: course.examDate,
    questions: course.sections.flatMap((section) =>
      section.questions.map((question) => ({
        key: questionKey(course.id, question.id),
        id: question.id,
        section: section.number,
        sectionName: section.name,
        title: [questionLabel(question), question.paper?.label].filter(Boolean).join(' · '),
        href: links.testQuestion(course.id, section.number, question.id),
        page: links.section(course.id, section.number),
        weight: examWeight(question),
        order: question.order,
      })),
    ),
  };
}
