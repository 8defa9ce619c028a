/**
 * Turns parsed notes into the course's content files: one Markdown file per question, one per
 * section (its list entry and any text before its first question) and the course file.
 * Pure: returns paths relative to the course folder and their text.
 */
import { stringify } from 'yaml';
import { paperLabel } from './headings.ts';
import type { PartInfo } from './outline.ts';
import type { Chunk, ImageRef, ParsedNotes } from './split.ts';

export const NOTES_FILE = 'notes.md';

function withFrontmatter(data: Record<string, unknown>, body: Chunk): string {
  const yaml = stringify(data, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n${body.text === '' ? '' : `\n${body.text}\n`}`;
}

const imageData = (images: ImageRef[]) => images.map(({ src, alt, line }) => ({ src, alt, line }));

/** The `parts` frontmatter of a question; shared with the content check, which recomputes it from the body. */
export function partData(parts: PartInfo[]): Record<string, unknown>[] {
  return parts.map(({ variant, points, ...part }) => ({
    ...part,
    ...(points === undefined ? {} : { points }),
    ...(variant === undefined ? {} : { variant }),
  }));
}

/** Every file the import of `notes` writes into `content/<course>/`, keyed by relative path. */
export function courseFiles(notes: ParsedNotes, course: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('course.md', withFrontmatter({ title: notes.title ?? course, notes: NOTES_FILE }, notes.preamble));

  let order = 0;
  for (const section of notes.sections) {
    files.set(
      `sections/s${section.number}.md`,
      withFrontmatter(
        {
          course,
          number: section.number,
          title: section.title,
          scope: section.scope,
          line: section.line,
          images: imageData(section.introImages),
        },
        section.intro,
      ),
    );
    for (const question of section.questions) {
      order += 1;
      const { heading, outline } = question;
      files.set(
        `questions/${question.id}.md`,
        withFrontmatter(
          {
            id: question.id,
            course,
            section: section.number,
            number: heading.number,
            heading: question.headingText,
            ...(heading.paper ? { paper: { ...heading.paper, label: paperLabel(heading.paper) } } : {}),
            ...(heading.title ? { title: heading.title } : {}),
            examinability: heading.examinability,
            order,
            line: question.line,
            hasAnswer: outline.hasAnswer,
            images: imageData(question.images),
            variants: outline.variants,
            parts: partData(outline.parts),
          },
          question.body,
        ),
      );
    }
  }
  return files;
}
