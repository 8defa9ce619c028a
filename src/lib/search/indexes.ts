/**
 * Search keeps two Pagefind indexes of the same questions: a Latin one, whose word list has no
 * Chinese words, and the full bilingual one. A query in Latin script only (most are: "mode
 * collapse", "ReLU", "0.223") needs only the Latin index, whose word lists are about a third of the
 * full one's, so a first search downloads far less; anything with Chinese uses the full index.
 */

export type SearchIndex = 'latin' | 'full';

/**
 * Where each index is written, relative to the built site. Pagefind's script and WebAssembly
 * live with the Latin index; the full index is merged into an instance of it, so both share them.
 */
export const INDEX_PATHS: Record<SearchIndex, string> = { latin: 'pagefind/', full: 'pagefind/full/' };

/** Han characters and CJK punctuation (，。（）): what the Latin index keeps out of its words. */
const HAN_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Pagefind makes words only of letters and digits, but keeps every character in the text it
 * stores for excerpts. So the Latin index holds its Chinese moved into Unicode's private-use plane
 * 15 (U+F0000 on): stored at its place in the text, excerpts keep it, and no word is made of it.
 */
const PRIVATE_PLANE = 0xf0000;
const HIDDEN_CHARACTER = /[\u{f0000}-\u{ffffd}]/gu;

/**
 * The text as the Latin index holds it: every Chinese character (and CJK punctuation) moved out of
 * reach of its word list, each where it was. The rare Han characters outside the Basic
 * Multilingual Plane have no place there and become spaces.
 */
export function hideHan(text: string): string {
  return text.replace(HAN_CHARACTER, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code <= 0xffff ? String.fromCodePoint(code + PRIVATE_PLANE) : ' ';
  });
}

/** The Latin index's text as written in the notes: what hideHan moved, put back. */
export function restoreHan(text: string): string {
  return text.replace(HIDDEN_CHARACTER, (character) => String.fromCodePoint((character.codePointAt(0) ?? PRIVATE_PLANE) - PRIVATE_PLANE));
}

/** The index that has every word of the query: the Latin one unless the query has Chinese in it. */
export function indexFor(query: string): SearchIndex {
  return query.trim() !== '' && !HAN.test(query) ? 'latin' : 'full';
}
