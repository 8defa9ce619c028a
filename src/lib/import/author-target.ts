/**
 * Whose notes an import is, and so which folder it fills: the course's first notes fill the course
 * folder; another student's notes fill `authors/<id>/`, so re-importing one student's notes never
 * touches another's. Pure: the caller reads course.md and the last import's manifest.
 */
import { authorId } from '../content/ids.ts';

/** Front-matter keys that name the notes' author. */
const AUTHOR_KEYS = ['author', 'authors', '作者'];

/** The author the notes' front matter names (`author: Lin`), if any. */
export function notesAuthor(meta: Record<string, string> | undefined): string | undefined {
  const key = Object.keys(meta ?? {}).find((candidate) => AUTHOR_KEYS.includes(candidate.toLowerCase()));
  const name = key === undefined ? undefined : meta?.[key]?.trim();
  return name || undefined;
}

export interface CourseSoFar {
  /** The first notes' author, as course.md names them. */
  author?: string | undefined;
  /** The file name of the notes the first notes were imported from (the manifest's source). */
  source?: string | undefined;
}

export type ImportTarget =
  { first: true; author?: { id: string; name: string } | undefined } | { first: false; author: { id: string; name: string } };

/**
 * Where notes by `name` (undefined: no author given) go in a course that has `course` so far
 * (undefined: a new course). The first notes stay the first: an import is theirs when it names
 * their author, names no one, or comes from the same file while they have no author yet.
 */
export function importTarget(name: string | undefined, sourceName: string, course: CourseSoFar | undefined): ImportTarget {
  const author = name === undefined ? undefined : { id: authorId(name), name };
  if (!course || !author)
    return { first: true, author: author ?? (course?.author ? { id: authorId(course.author), name: course.author } : undefined) };
  if (course.author !== undefined ? authorId(course.author) === author.id : course.source === sourceName) return { first: true, author };
  return { first: false, author };
}
