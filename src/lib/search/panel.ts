/**
 * What the search panel (src/client/search/ui.ts) decides, apart from drawing it: the filters a
 * search sends, which filter values it lists and in what order, the order of partial matches and
 * what its status line says.
 */
import { FILTER_VALUES, FILTERS } from './documents.ts';

export type FilterName = keyof typeof FILTERS;

/** Pagefind's count of questions per value of each filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The filters a search sends: each filter with a value ticked, and "examinable" when not-examined questions are hidden. */
export function activeFilters(
  chosen: ReadonlyMap<FilterName, ReadonlySet<string>>,
  hideNotExamined: boolean,
): Record<string, { any: string[] }> {
  const active: Record<string, { any: string[] }> = {};
  for (const [name, values] of chosen) if (values.size > 0) active[name] = { any: [...values] };
  if (hideNotExamined) active.examinable = { any: [FILTER_VALUES.examinable] };
  return active;
}

/**
 * The values a filter lists, from the whole index's counts: years newest first, the others in
 * natural order ("Section 2" before "Section 10"); none when there is nothing to choose between
 * (one value), unless one of them is ticked, so it can be unticked.
 */
export function listedFilterValues(name: FilterName, totals: FilterCounts, ticked: number): string[] {
  const values = Object.keys(totals[name] ?? {}).sort((a, b) =>
    name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'en', { numeric: true }),
  );
  return values.length < 2 && ticked === 0 ? [] : values;
}

/**
 * Results of a query no question matches in full, from one search per word: those with most of its
 * words first; among equals, rarer words (fewer questions have them) say more. Each result once.
 */
export function rankPartialMatches<R extends { url: string }>(perWord: R[][]): R[] {
  const matched = new Map<string, { result: R; count: number; rarity: number }>();
  for (const results of perWord) {
    for (const result of results) {
      const entry = matched.get(result.url) ?? { result, count: 0, rarity: 0 };
      entry.count += 1;
      entry.rarity += 1 / results.length;
      matched.set(result.url, entry);
    }
  }
  return [...matched.values()].sort((a, b) => b.count - a.count || b.rarity - a.rarity).map((entry) => entry.result);
}

/** Offline, results of courses not saved have no text to show. */
export const UNAVAILABLE_NOTE = 'Some matches are not shown: their course is not saved for offline.';

export interface SearchOutcome {
  /** The query as typed, trimmed. */
  query: string;
  /** The query searched: corrected against the notes' vocabulary when the typed one found nothing. */
  searched: string;
  hits: number;
  /** Whether the results have only some of the words (rankPartialMatches). */
  partial: boolean;
  /** Whether more results load on request. */
  more: boolean;
  /** Results left out: their course is not saved for offline. */
  unavailable: number;
}

/** The status line after a search. */
export function searchStatus({ query, searched, hits, partial, more, unavailable }: SearchOutcome): string {
  const found =
    hits === 0 ? `No questions match “${query}”.` : `${hits} question${hits === 1 ? '' : 's'} found${more ? ', more below' : ''}.`;
  return [
    found,
    searched !== query ? `Showing results for “${searched}”.` : '',
    partial && hits > 0 ? 'No question has every word; these have most of them.' : '',
    unavailable > 0 ? UNAVAILABLE_NOTE : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The status line once more results have loaded on request: `shown` in all. */
export function moreResultsStatus(shown: number, more: boolean, unavailable: number): string {
  return [`${shown} questions found${more ? ', more below' : ''}.`, unavailable > 0 ? UNAVAILABLE_NOTE : ''].filter(Boolean).join(' ');
}
