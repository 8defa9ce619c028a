/**
 * Loads Pagefind and the typo vocabulary on first use. The build writes Pagefind's script and
 * WebAssembly with a root index, and each course's indexes beside them (see lib/search/indexes.ts):
 * a search runs over the courses in its scope, with one Pagefind instance per index and scope,
 * started at the root index with each course's index merged into it when a query first needs it.
 */
import { courseIndexPath, NOTES_FILTER, SEARCH_COURSES, SEARCH_ROOT, vocabularyPath, type SearchIndex } from '../../lib/search/indexes.ts';
import type { ResultLike } from '../../lib/search/results.ts';
import type { Vocabulary } from '../../lib/search/typos.ts';
import { urls } from '../../lib/site/urls.ts';
import { distPaths, isCourseId, type CourseId, type DistPath } from '../../lib/content/paths.ts';
import type { FilterCounts } from '../../lib/search/panel.ts';

type Filters = Record<string, { any: string[] }>;

export interface PagefindSearch {
  /** Each result's data() is Pagefind's fuller record; we use the fields ResultLike names. */
  results: { id: string; score: number; data: () => Promise<ResultLike> }[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  search: (query: string | null, options?: { filters?: Filters }) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
  /** Courses of the scope whose index could not be loaded (offline, a course not saved): not searched. */
  unavailable: string[];
}

interface PagefindInstance extends Omit<Pagefind, 'unavailable'> {
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  destroy: () => Promise<void>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

// The index is small: searching on the main thread saves downloading Pagefind's worker script.
// Indexed URLs already carry the site's base (scripts/lib/search-index.ts builds them with urls.ts), so
// Pagefind must not prefix the base it guesses from where its bundle lives. An excerpt cut from
// the middle of a part says so with an ellipsis.
const OPTIONS = { noWorker: true, excerptLength: 28, excerptEllipsis: '…', baseUrl: '/' };
/** Every search keeps to the courses' records: the root index's placeholder has no NOTES_FILTER. */
const NOTES_ONLY: Filters = { [NOTES_FILTER.name]: { any: [NOTES_FILTER.value] } };

let pagefindModule: Promise<PagefindModule> | undefined;
const instances = new Map<string, Promise<Pagefind>>();
let courseList: Promise<CourseId[]> | undefined;
const vocabularies = new Map<string, Promise<Vocabulary | undefined>>();

/** Starts fetching Pagefind's script while the reader types. */
export function preloadPagefind(): Promise<PagefindModule> {
  pagefindModule ??= import(/* @vite-ignore */ urls.at(distPaths.file(`${SEARCH_ROOT}pagefind.js`))) as Promise<PagefindModule>;
  return pagefindModule;
}

/** Every course with an index, for a search of them all. */
export function loadCourseList(): Promise<CourseId[]> {
  courseList ??= fetch(urls.at(SEARCH_COURSES))
    .then((response) => (response.ok ? (response.json() as Promise<{ courses?: unknown }>) : { courses: [] }))
    .then(({ courses }) => (Array.isArray(courses) ? courses.map(String).filter(isCourseId) : []));
  return courseList;
}

/** The root index with the courses' `index` merged in; those that fail to load are reported, not merged. */
async function merged(
  loaded: PagefindModule,
  index: SearchIndex,
  courses: readonly CourseId[],
): Promise<{ instance: PagefindInstance; failed: string[] }> {
  // Pagefind loads its WebAssembly for the first index of an instance only: the root's, one address for every instance.
  const instance = loaded.createInstance({ ...OPTIONS, basePath: urls.at(SEARCH_ROOT) });
  const outcomes = await Promise.allSettled(
    courses.map((course) =>
      instance.mergeIndex(urls.at(courseIndexPath(course, index)), {
        ...OPTIONS,
        mergeFilter: { [NOTES_FILTER.name]: NOTES_FILTER.value },
      }),
    ),
  );
  return { instance, failed: courses.filter((_, at) => outcomes[at]?.status === 'rejected') };
}

async function start(loaded: PagefindModule, index: SearchIndex, courses: readonly CourseId[]): Promise<Pagefind> {
  let { instance, failed } = await merged(loaded, index, courses);
  if (failed.length > 0) {
    // An index that did not load stays in the instance and fails its every search: start again without it.
    void instance.destroy();
    ({ instance } = await merged(
      loaded,
      index,
      courses.filter((course) => !failed.includes(course)),
    ));
  }
  return {
    search: (query, options = {}) => instance.search(query, { ...options, filters: { ...options.filters, ...NOTES_ONLY } }),
    filters: () => instance.filters(),
    unavailable: failed,
  };
}

/** Pagefind over `courses`' `index` indexes. */
export function loadPagefind(index: SearchIndex, courses: readonly CourseId[]): Promise<Pagefind> {
  const key = `${index} ${courses.join(' ')}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = preloadPagefind().then((loaded) => start(loaded, index, courses));
    instances.set(key, instance);
  }
  return instance;
}

/** A vocabulary file, or undefined when it cannot be had (offline, in no saved course): tried again next time. */
function fetchVocabulary(path: DistPath): Promise<Vocabulary | undefined> {
  let vocabulary = vocabularies.get(path);
  if (!vocabulary) {
    vocabulary = fetch(urls.at(path)).then(
      (response) => (response.ok ? (response.json() as Promise<Vocabulary>) : undefined),
      () => undefined,
    );
    vocabularies.set(path, vocabulary);
    void vocabulary.then((found) => found === undefined && vocabularies.delete(path));
  }
  return vocabulary;
}

/**
 * The notes' words, for correcting typos (only needed when a query finds nothing as typed): the
 * site's vocabulary, or each of some courses' (to merge with typos.ts, loaded with the correction).
 * Offline, where only saved courses' files are, the site's gives way to theirs.
 */
export async function loadVocabularies(courses: readonly CourseId[] | 'all'): Promise<Vocabulary[]> {
  const site = courses === 'all' ? await fetchVocabulary(vocabularyPath()) : undefined;
  if (site) return [site];
  const each = await Promise.all(
    (courses === 'all' ? await loadCourseList() : courses).map((course) => fetchVocabulary(vocabularyPath(course))),
  );
  return each.filter((vocabulary): vocabulary is Vocabulary => vocabulary !== undefined);
}
