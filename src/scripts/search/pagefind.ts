/**
 * Loads Pagefind (built into /pagefind/ by `npm run build`) and the typo vocabulary on first use:
 * one Pagefind instance per index (see lib/search/indexes.ts), each started when a query first
 * needs it.
 */
import { VOCABULARY_PATH } from '../../lib/search/documents.ts';
import { INDEX_PATHS, type SearchIndex } from '../../lib/search/indexes.ts';
import type { ResultLike } from '../../lib/search/results.ts';
import type { Vocabulary } from '../../lib/search/typos.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  /** Each result's data() is Pagefind's fuller record; we use the fields ResultLike names. */
  results: { id: string; score: number; data: () => Promise<ResultLike> }[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  search: (query: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => Pagefind;
}

let pagefindModule: Promise<PagefindModule> | undefined;
const instances = new Map<SearchIndex, Pagefind>();
let vocabulary: Promise<Vocabulary> | undefined;

/** Starts fetching Pagefind's script while the reader types. */
export function preloadPagefind(): Promise<PagefindModule> {
  pagefindModule ??= import(/* @vite-ignore */ `/${INDEX_PATHS.full}pagefind.js`) as Promise<PagefindModule>;
  return pagefindModule;
}

export async function loadPagefind(index: SearchIndex): Promise<Pagefind> {
  const loaded = await preloadPagefind();
  let instance = instances.get(index);
  if (!instance) {
    // The index is small: searching on the main thread saves downloading Pagefind's worker script.
    instance = loaded.createInstance({ basePath: `/${INDEX_PATHS[index]}`, noWorker: true, excerptLength: 28 });
    instances.set(index, instance);
  }
  return instance;
}

/** The notes' words, for correcting typos; only needed when a query finds nothing as typed. */
export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= fetch(`/${VOCABULARY_PATH}`).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : {}));
  return vocabulary;
}
