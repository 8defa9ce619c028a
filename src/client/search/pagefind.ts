/**
 * Loads Pagefind (built into /pagefind/ by `npm run build`) and the typo vocabulary on first use:
 * one Pagefind instance per index (see lib/search/indexes.ts), each started when a query first
 * needs it.
 */
import { VOCABULARY_PATH } from '../../lib/search/documents.ts';
import { INDEX_PATHS, type SearchIndex } from '../../lib/search/indexes.ts';
import type { ResultLike } from '../../lib/search/results.ts';
import type { Vocabulary } from '../../lib/search/typos.ts';
import { urls } from '../../lib/site/urls.ts';

export type FilterCounts = Record<string, Record<string, number>>;
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
}

interface PagefindInstance extends Pagefind {
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/** Tags each document with the index it came from, so the full index's searches can leave out the Latin one's. */
const FROM = 'index';
// The index is small: searching on the main thread saves downloading Pagefind's worker script.
// Indexed URLs already carry the site's base (scripts/lib/search-index.ts builds them with urls.ts), so
// Pagefind must not prefix the base it guesses from where its bundle lives. An excerpt cut from
// the middle of a part says so with an ellipsis.
const OPTIONS = { noWorker: true, excerptLength: 28, excerptEllipsis: '…', baseUrl: '/' };

let pagefindModule: Promise<PagefindModule> | undefined;
const instances = new Map<SearchIndex, Promise<Pagefind>>();
let vocabulary: Promise<Vocabulary> | undefined;

/** Starts fetching Pagefind's script while the reader types. */
export function preloadPagefind(): Promise<PagefindModule> {
  pagefindModule ??= import(/* @vite-ignore */ urls.at(`${INDEX_PATHS.latin}pagefind.js`)) as Promise<PagefindModule>;
  return pagefindModule;
}

/**
 * The full index is merged into a second instance of the Latin one: Pagefind loads its WebAssembly
 * for the first index of an instance only, so both instances share one download. That instance
 * searches both indexes; a filter on the index each document came from keeps the Latin one's out.
 */
async function startFull(loaded: PagefindModule): Promise<Pagefind> {
  const instance = loaded.createInstance({ ...OPTIONS, basePath: urls.at(INDEX_PATHS.latin), mergeFilter: { [FROM]: 'latin' } });
  await instance.mergeIndex(urls.at(INDEX_PATHS.full), { ...OPTIONS, mergeFilter: { [FROM]: 'full' } });
  return {
    search: (query, options = {}) => instance.search(query, { ...options, filters: { ...options.filters, [FROM]: { any: ['full'] } } }),
    filters: () => instance.filters(),
  };
}

export function loadPagefind(index: SearchIndex): Promise<Pagefind> {
  let instance = instances.get(index);
  if (!instance) {
    instance = preloadPagefind().then((loaded) =>
      index === 'latin' ? loaded.createInstance({ ...OPTIONS, basePath: urls.at(INDEX_PATHS.latin) }) : startFull(loaded),
    );
    instances.set(index, instance);
  }
  return instance;
}

/** The notes' words, for correcting typos; only needed when a query finds nothing as typed. */
export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= fetch(urls.at(VOCABULARY_PATH)).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : {}));
  return vocabulary;
}
