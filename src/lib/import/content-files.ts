/**
 * Turns parsed notes into the course's content files: one Markdown file per question, one per
 * section (its list entry and any text before its first question) and the course file.
 * Pure: returns paths relative to the course folder and their text.
 */
import { withFrontmatter } from '../content/frontmatter.ts';
import { authoredQuestionId } from '../content/paths.ts';
import { AUTHOR_FILE, coursePaths, NOTES_FILE } from '../content/layout.ts';
import type { CourseData } from '../content/schema.ts';
import type { PartInfo } from '../notes/outline.ts';
import type { StatedRules } from './infer.ts';
import type { ImageRef, ParsedNotes } from './parse-notes.ts';

const imageData = (images: ImageRef[]) => images.map(({ src, alt, line }) => ({ src, alt, line }));

/** The `parts` frontmatter of a question; shared with the content check, which recomputes it from the body. */
export function partData(parts: PartInfo[]): Record<string, unknown>[] {
  return parts.map(({ variant, points, ...part }) => ({
    ...part,
    ...(points === undefined ? {} : { points }),
    ...(variant === undefined ? {} : { variant }),
  }));
}

export interface CourseOptions {
  /** Where the copy of the notes is kept: "notes.md", or "notes/" for a folder. */
  notes?: string | undefined;
  /** The exam date to keep in course.md. */
  examDate?: string | undefined;
  /** How questions and answers are set apart, as the student stated it: kept in course.md for the next import. */
  stated?: StatedRules | undefined;
  /** Who wrote the notes: for the course's first notes, kept in course.md; for another author's, their folder's files carry their id. */
  author?: { id: string; name: string; first: boolean } | undefined;
  /** What the study group settled in course.md (which questions are the same), kept by the first notes' re-import. */
  settled?: Pick<CourseData, 'same' | 'different'> | undefined;
}

/**
 * Every file the import of `notes` writes, keyed by path relative to the folder it fills: the course
 * folder for the course's first notes, the author's folder (layout.ts authorFolder) for another author's.
 */
export function courseFiles(notes: ParsedNotes, course: string, options: CourseOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const added = options.author && !options.author.first ? options.author : undefined;
  const stated = {
    ...(options.stated?.questions ? { questions: options.stated.questions } : {}),
    ...(options.stated?.answers?.length ? { answers: options.stated.answers } : {}),
    ...(options.stated?.answerKey ? { 'answer-key': options.stated.answerKey } : {}),
  };
  const preamble = [notes.header.text, notes.preamble.text].filter((text) => text !== '').join('\n\n');
  if (added)
    files.set(
      AUTHOR_FILE,
      withFrontmatter(
        {
          name: added.name,
          title: notes.title ?? added.name,
          notes: options.notes ?? NOTES_FILE,
          ...(notes.meta ? { meta: notes.meta } : {}),
          ...stated,
        },
        preamble,
      ),
    );
  else
    files.set(
      coursePaths.course(),
      withFrontmatter(
        {
          title: notes.title ?? course,
          notes: options.notes ?? NOTES_FILE,
          ...(notes.meta ? { meta: notes.meta } : {}),
          ...(options.examDate ? { examDate: options.examDate } : {}),
          ...stated,
          ...(options.author ? { author: options.author.name } : {}),
          ...(options.settled?.same?.length ? { same: options.settled.same } : {}),
          ...(options.settled?.different?.length ? { different: options.settled.different } : {}),
        },
        preamble,
      ),
    );
  const author = added ? { author: added.id } : {};

  let order = 0;
  for (const section of notes.sections) {
    files.set(
      coursePaths.section(section.number),
      withFrontmatter(
        {
          course,
          number: section.number,
          title: section.title,
          ...(section.heading === undefined ? {} : { heading: section.heading }),
          scope: section.scope,
          line: section.line,
          ...(section.source === undefined ? {} : { source: section.source }),
          ...author,
          images: imageData(section.introImages),
        },
        section.intro.text,
      ),
    );
    for (const question of section.questions) {
      order += 1;
      const { heading, outline } = question;
      const id = authoredQuestionId(question.id, added?.id);
      files.set(
        coursePaths.question(id),
        withFrontmatter(
          {
            id,
            course,
            section: section.number,
            number: heading.number,
            heading: question.headingText,
            ...(heading.paper ? { paper: heading.paper } : {}),
            ...(heading.title ? { title: heading.title } : {}),
            examinability: heading.examinability,
            order,
            line: question.line,
            ...(section.source === undefined ? {} : { source: section.source }),
            ...author,
            hasAnswer: outline.hasAnswer,
            images: imageData(question.images),
            variants: outline.variants,
            parts: partData(outline.parts),
            ...(question.answers ? { answers: question.answers } : {}),
            ...(question.key ? { key: question.key } : {}),
            ...(question.table ? { table: question.table } : {}),
          },
          question.body.text,
        ),
      );
    }
  }
  return files;
}
