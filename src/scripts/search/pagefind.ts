/** Loads Pagefind (built into /pagefind/ by `npm run build`) on first use, with the typo vocabulary. */
import { VOCABULARY_PATH } from '../../lib/search/documents.ts';
import type { Vocabulary } from '../../lib/search/typos.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: { id: string; text: string; element: string } | undefined;
}

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}

let loading: Promise<{ pagefind: Pagefind; vocabulary: Vocabulary }> | undefined;

export function loadSearch(): Promise<{ pagefind: Pagefind; vocabulary: Vocabulary }> {
  loading ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const [pagefind, vocabulary] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      fetch(`/${VOCABULARY_PATH}`).then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : {})),
    ]);
    // The index is small: searching on the main thread saves downloading Pagefind's worker script.
    await pagefind.options({ noWorker: true, excerptLength: 28 });
    return { pagefind, vocabulary };
  })();
  return loading;
}
