/**
 * Where content lives: the folder layout the import writes and everything else reads. The only other
 * place these paths appear is the collection globs in src/content.config.ts, which take them from here.
 *
 *   content/<course>/course.md               the course (courseSchema)
 *   content/<course>/sections/s<N>.md         one per section (sectionSchema)
 *   content/<course>/questions/<id>.md        one per question (questionSchema)
 *   content/<course>/images/…                 screenshots, under the paths the notes use
 *   content/<course>/notes.md | notes/        the imported notes, kept as written
 *   content/<course>/import-manifest.json     what the last import wrote (hashes), and from where
 *   content/<course>/authors/<author>/        another student's notes in the same course: laid out as the
 *                                             course folder, with author.md (authorSchema) for course.md
 */
import { COURSE_ID } from './paths.ts';

/** The content folder when CONTENT_DIR does not name another (tests and the benchmark build elsewhere). */
export const DEFAULT_CONTENT_DIR = 'content';

export function contentDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR ?? DEFAULT_CONTENT_DIR;
}

export const COURSE_FILE = 'course.md';
export const SECTIONS_FOLDER = 'sections';
export const QUESTIONS_FOLDER = 'questions';
export const IMAGE_FOLDER = 'images';
/** The copy of a notes file; a folder of notes is kept as NOTES_FOLDER/. */
export const NOTES_FILE = 'notes.md';
export const NOTES_FOLDER = 'notes';
export const MANIFEST_FILE = 'import-manifest.json';
/** Where the notes of the course's other authors are imported: one folder each, named by the author's id. */
export const AUTHORS_FOLDER = 'authors';
export const AUTHOR_FILE = 'author.md';

/** The folder an author's import fills, relative to the course folder: the course folder itself for its first notes. */
export function authorFolder(author: string | undefined): string {
  return author === undefined ? '' : `${AUTHORS_FOLDER}/${author}`;
}

/** Paths inside a course folder, with `/`. */
export const coursePaths = {
  course: (): string => COURSE_FILE,
  section: (number: number): string => `${SECTIONS_FOLDER}/s${number}.md`,
  question: (id: string): string => `${QUESTIONS_FOLDER}/${id}.md`,
};

/** The collections' globs, relative to the content folder. */
export const COLLECTION_PATTERNS = {
  courses: `*/${COURSE_FILE}`,
  authors: `*/${AUTHORS_FOLDER}/*/${AUTHOR_FILE}`,
  sections: [`*/${SECTIONS_FOLDER}/*.md`, `*/${AUTHORS_FOLDER}/*/${SECTIONS_FOLDER}/*.md`],
  questions: [`*/${QUESTIONS_FOLDER}/*.md`, `*/${AUTHORS_FOLDER}/*/${QUESTIONS_FOLDER}/*.md`],
};

export type ContentKind = 'course' | 'author' | 'section' | 'question';

export interface ContentPath {
  course: string;
  /** The author whose folder it is in (authors/<author>/); undefined for the course's first notes. */
  author?: string | undefined;
  kind: ContentKind | 'image' | 'other';
  /** The file name without `.md` for content files ("s3", "s1-2024-may-abc-q1"); the path inside the image folder for images. */
  name: string;
}

/** What a path relative to the content folder ("dasc7606/questions/s1-….md", with `/` or `\`) is. */
export function classifyContentPath(path: string): ContentPath | undefined {
  const [course, ...rest] = path.split(/[\\/]/);
  if (course === undefined || !COURSE_ID.test(course) || rest.length === 0) return undefined;
  const [folder, author, ...inAuthor] = rest;
  if (folder === AUTHORS_FOLDER && author !== undefined && COURSE_ID.test(author) && inAuthor.length > 0) {
    const inner = inAuthor.join('/');
    if (inner === AUTHOR_FILE) return { course, author, kind: 'author', name: author };
    return { ...classifyInner(course, inner), author };
  }
  const inner = rest.join('/');
  if (inner === COURSE_FILE) return { course, kind: 'course', name: 'course' };
  return classifyInner(course, inner);
}

/** A path inside a course folder or an author's folder, which share their layout. */
function classifyInner(course: string, inner: string): ContentPath {
  const markdown = /^(sections|questions)\/([^/]+)\.md$/.exec(inner);
  if (markdown?.[2]) return { course, kind: markdown[1] === SECTIONS_FOLDER ? 'section' : 'question', name: markdown[2] };
  if (inner.startsWith(`${IMAGE_FOLDER}/`)) return { course, kind: 'image', name: inner.slice(IMAGE_FOLDER.length + 1) };
  return { course, kind: 'other', name: inner };
}

/** The kind of content file a path relative to the content folder is: a course, author, section or question file; undefined for anything else. */
export function contentFileKind(path: string): ContentKind | undefined {
  const kind = classifyContentPath(path)?.kind;
  return kind === 'image' || kind === 'other' ? undefined : kind;
}

/**
 * Which content file an absolute path is (the renderer knows only the file it renders): the last
 * course-shaped match wins, unless it is the inside of an author's folder (`<course>/authors/<author>/…`).
 */
export function contentFileAt(absolutePath: string | undefined): ContentPath | undefined {
  const segments = (absolutePath ?? '').split(/[\\/]/);
  const at = (start: number): ContentPath | undefined => {
    const found = start < 0 ? undefined : classifyContentPath(segments.slice(start).join('/'));
    return found && found.kind !== 'other' && found.kind !== 'image' ? found : undefined;
  };
  for (let start = segments.length - 2; start >= 0; start--) {
    const found = at(start);
    if (!found) continue;
    const inAuthorFolder = segments[start - 1] === AUTHORS_FOLDER ? at(start - 2) : undefined;
    return inAuthorFolder?.author === undefined ? found : inAuthorFolder;
  }
  return undefined;
}
