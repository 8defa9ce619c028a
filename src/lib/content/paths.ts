/**
 * The names the site gives things, each its own type: a course's id, a question's id and key, a URL
 * of the site (with the base it is deployed at) and a path inside the built folder. All are strings
 * at run time; the types keep one from passing for another (a course id where a question key is
 * wanted, a URL where a file of dist/ is). Only this module makes them from other strings, with the
 * boundaries that check what they read (the content schema, command-line arguments, the built
 * folder's own listing) through isCourseId and isQuestionId.
 *
 * It is in content/, the ground floor, because every folder of src/lib names courses and questions,
 * and it imports nothing, because the browser code converts URLs with it too.
 */

/** A course id: the name of its folder under content/ and the first segment of its URLs, "dasc7606". */
export type CourseId = string & { readonly __brand: 'CourseId' };
/** A question id within its course: "s1-2024-may-abc-q1" (another author's: "s1-2024-may-abc-q1-lin"). */
export type QuestionId = string & { readonly __brand: 'QuestionId' };
/** A question across courses, "<course>/<question id>": what progress, the pages' data and Anki key on. */
export type QuestionKey = string & { readonly __brand: 'QuestionKey' };
/** A URL of the site, starting with its base: "/revision/dasc7606/s1/", "/revision/dasc7606/s1/#s1-…-q1". */
export type SiteUrl = string & { readonly __brand: 'SiteUrl' };
/** A path inside the built folder, without the base or a leading slash: "dasc7606/s1/" (a page: its folder), "sw.js", "" (the home page). */
export type DistPath = string & { readonly __brand: 'DistPath' };

export const COURSE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Section, paper slug (or "no-paper") and number, e.g. "s1-2024-may-abc-q1". */
export const QUESTION_ID = /^s\d+-[a-z0-9-]+-q[a-z0-9-]+$/;

export function isCourseId(text: string): text is CourseId {
  return COURSE_ID.test(text);
}

export function isQuestionId(text: string): text is QuestionId {
  return QUESTION_ID.test(text);
}

/** A course id read where nothing has checked it yet (a collection entry's id, a test's course); throws for anything else. */
export function parseCourseId(text: string): CourseId {
  if (!isCourseId(text)) throw new Error(`"${text}" is not a course id: lowercase letters, digits and dashes`);
  return text;
}

/** A question id read where nothing has checked it yet; throws for anything else. */
export function parseQuestionId(text: string): QuestionId {
  if (!isQuestionId(text)) throw new Error(`"${text}" is not a question id such as s1-2024-may-abc-q1`);
  return text;
}

/** The id of a question from its parts, each already a slug (content/ids.ts makes them from what the notes say). */
export function questionIdOf(section: number, paperSlug: string, numberSlug: string): QuestionId {
  return `s${section}-${paperSlug}-q${numberSlug}` as QuestionId;
}

/** The id of a later question with the same section, paper and number as an earlier one: "-2", "-3" … after its id. */
export function repeatedQuestionId(id: QuestionId, repeat: number): QuestionId {
  return `${id}-${repeat}` as QuestionId;
}

/** The id of another author's question in the course: their notes' own id with theirs after it, so two authors' ids never meet. */
export function authoredQuestionId(ownId: QuestionId, author: string | undefined): QuestionId {
  return (author === undefined ? ownId : `${ownId}-${author}`) as QuestionId;
}

/** The inverse of authoredQuestionId: the id the author's own notes give the question. */
export function ownQuestionId(id: QuestionId, author: string | undefined): QuestionId {
  return (author === undefined ? id : id.slice(0, -(author.length + 1))) as QuestionId;
}

export function questionKey(course: CourseId, id: QuestionId): QuestionKey {
  return `${course}/${id}` as QuestionKey;
}

/** URL segment of a section page: "s3". */
export function sectionSlug(number: number): string {
  return `s${number}`;
}

/** A base path as Astro and every URL here use it: "/" or "/revision/" (from "revision", "/revision", …). */
export function normalizeBase(base: string | undefined): string {
  const segments = (base ?? '').split('/').filter(Boolean);
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment))
      throw new Error(`SITE_BASE "${base}" is not a URL path such as /revision/`);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** Where each page and file the site links to is in the built folder. */
export const distPaths = {
  home: () => '' as DistPath,
  search: () => 'search/' as DistPath,
  course: (course: CourseId) => `${course}/` as DistPath,
  section: (course: CourseId, section: number) => `${course}/${sectionSlug(section)}/` as DistPath,
  paper: (course: CourseId, paperSlug: string) => `${course}/papers/${paperSlug}/` as DistPath,
  /** The course's review queue: questions due again, by the spaced-repetition schedule. */
  review: (course: CourseId) => `${course}/review/` as DistPath,
  /** What to revise now (tonight's plan, or the questions due), one question after another in Test me. */
  revise: (course: CourseId) => `${course}/revise/` as DistPath,
  /** Mock papers drawn from the course's examinable questions. */
  mock: (course: CourseId) => `${course}/mock/` as DistPath,
  /** The course's questions as a file Anki's text import reads (the build's Anki step, scripts/lib/anki-export.ts). */
  ankiDeck: (course: CourseId) => `${course}/anki/${course}.txt` as DistPath,
  /** The screenshots that file shows, for Anki's media folder. */
  ankiMedia: (course: CourseId) => `${course}/anki/${course}-media.zip` as DistPath,
  sectionPdf: (course: CourseId, section: number) => `${course}/pdf/${sectionSlug(section)}.pdf` as DistPath,
  paperPdf: (course: CourseId, paperSlug: string) => `${course}/pdf/paper-${paperSlug}.pdf` as DistPath,
  /** The offline service worker; its scope is the base, so it serves the whole site and nothing else. */
  serviceWorker: () => 'sw.js' as DistPath,
  /** What Save for offline stores for a course (lib/offline/manifest.ts), written by the build. */
  offlineManifest: (course: CourseId) => `${course}/offline.json` as DistPath,
  /** Each course's offline manifest revision: how a saved course learns that a new build changed it. */
  offlineIndex: () => 'offline.json' as DistPath,
  /** A file the build names by itself (Astro's assets, Pagefind's files): "pagefind/pagefind.js", "/_astro/x.css". */
  file: (path: string) => path.replace(/^\/+/, '') as DistPath,
};

/** A built file's path as the path of the page it is: "dasc7606/s5/index.html" → "dasc7606/s5/"; other files' paths as they are. */
export function pagePath(file: DistPath): DistPath {
  return (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1')) as DistPath;
}

/** The site's URLs under `base` ("/" or "/revision/", see normalizeBase): each path of distPaths with the base in front. */
export function siteUrls(base: string) {
  const root = normalizeBase(base);
  const at = (path: DistPath): SiteUrl => (root + path) as SiteUrl;
  const route =
    <A extends unknown[]>(path: (...args: A) => DistPath) =>
    (...args: A): SiteUrl =>
      at(path(...args));
  return {
    base: root,
    at,
    /** A URL of this site ("/revision/dasc7606/s1/") as a path inside the built folder ("dasc7606/s1/"); undefined outside the base. */
    inSite: (url: string): DistPath | undefined =>
      (url.startsWith(root) ? url.slice(root.length) : url === root.slice(0, -1) ? '' : undefined) as DistPath | undefined,
    home: route(distPaths.home),
    search: route(distPaths.search),
    course: route(distPaths.course),
    section: route(distPaths.section),
    paper: route(distPaths.paper),
    review: route(distPaths.review),
    revise: route(distPaths.revise),
    mock: route(distPaths.mock),
    ankiDeck: route(distPaths.ankiDeck),
    ankiMedia: route(distPaths.ankiMedia),
    sectionPdf: route(distPaths.sectionPdf),
    paperPdf: route(distPaths.paperPdf),
    serviceWorker: route(distPaths.serviceWorker),
    offlineManifest: route(distPaths.offlineManifest),
    offlineIndex: route(distPaths.offlineIndex),
    file: route(distPaths.file),
    /** Where a question lives: its section page, at its anchor. */
    question: (course: CourseId, section: number, id: QuestionId): SiteUrl => `${at(distPaths.section(course, section))}#${id}` as SiteUrl,
    /** A question opened in Test-me mode, from the review queue. */
    testQuestion: (course: CourseId, section: number, id: QuestionId): SiteUrl =>
      `${at(distPaths.section(course, section))}?test=1#${id}` as SiteUrl,
    /** The base as a URL at `origin`: the service worker's scope, which also names the offline stores. */
    scope: (origin: string): string => new URL(root, origin).href,
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
