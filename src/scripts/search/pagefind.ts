/** Loads Pagefind (built into /pagefind/ by `npm run build`) and the typo vocabulary on first use. */
import { VOCABULARY_PATH } from '../../lib/search/documents.ts';
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
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}

let pagefind: Promise<Pagefind> | undefined;
let vocabulary: Promise<Vocabulary> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const loaded = (await import(/* @vite-ignore */ url)) as Pagefind;
    // The index is small: searching on the main thread saves downloading Pagefind's worker script.
    await loaded.options({ noWorker: true, excerptLength: 28 });
    return loaded;
  })();
  return pagefind;
}

/** The notes' words, for correcting typos; only needed when a query finds nothing as typed. */
export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= fetch(`/${VOCABULARY_PATH}`).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : {}));
  return vocabulary;
}
