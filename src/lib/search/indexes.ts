/**
 * Search keeps two Pagefind indexes of the same questions: a Latin one, whose documents leave out
 * the Chinese characters, and the full bilingual one. A query in Latin script only (most are:
 * "mode collapse", "ReLU", "0.223") needs only the Latin index, whose word lists are about a third
 * of the full one's, so a first search downloads far less; anything with Chinese uses the full index.
 */

export type SearchIndex = 'latin' | 'full';

/**
 * Where each index is written, relative to the built site. Pagefind's script and WebAssembly
 * live with the Latin index; the full index is merged into an instance of it, so both share them.
 */
export const INDEX_PATHS: Record<SearchIndex, string> = { latin: 'pagefind/', full: 'pagefind/full/' };

/** Han characters and CJK punctuation (，。（）): what the Latin index leaves out. */
const HAN_RUNS = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The text as the Latin index holds it: each run of Chinese becomes a space, so words stay apart. */
export function withoutHan(text: string): string {
  return text.replace(HAN_RUNS, ' ');
}

/** The index that has every word of the query: the Latin one unless the query has Chinese in it. */
export function indexFor(query: string): SearchIndex {
  return query.trim() !== '' && !HAN.test(query) ? 'latin' : 'full';
}
