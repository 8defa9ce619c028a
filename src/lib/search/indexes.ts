/**
 * Search keeps two Pagefind indexes of the same questions: a Latin one, whose word list has no
 * Chinese words, and the full bilingual one. A query in Latin script only (most are: "mode
 * collapse", "ReLU", "0.223") needs only the Latin index, whose word lists are about a third of the
 * full one's, so a first search downloads far less; anything with Chinese uses the full index.
 *
 * Each course has its own pair, so a search from a course's pages downloads only that course's
 * word lists, whatever the size of the site, and saving a course for offline stores only its
 * index; the browser merges the courses' indexes when the reader searches them all.
 */
import { distPaths, type CourseId, type DistPath } from '../content/paths.ts';

export type SearchIndex = 'latin' | 'full';

/**
 * Pagefind's script and WebAssembly, with the site's root index (one placeholder record, that no
 * search shows): every search starts from it and merges the courses' indexes into it.
 */
export const SEARCH_ROOT = distPaths.file('pagefind/');

/** The site's courses that have an index, in order: `{ "courses": ["dasc7606", …] }`. */
export const SEARCH_COURSES = distPaths.file(`${SEARCH_ROOT}courses.json`);

/** Where a course's index is written, relative to the built site: the full one inside the Latin one's folder. */
export function courseIndexPath(course: CourseId, index: SearchIndex): DistPath {
  return distPaths.file(`${SEARCH_ROOT}courses/${course}/${index === 'full' ? 'full/' : ''}`);
}

/** The typo vocabulary (typos.ts) of one course, or of the whole site. */
export function vocabularyPath(course?: CourseId): DistPath {
  return distPaths.file(course === undefined ? `${SEARCH_ROOT}vocabulary.json` : `${courseIndexPath(course, 'latin')}vocabulary.json`);
}

/** Tags the records of the courses' indexes as they are merged, so searches leave out the root's placeholder. */
export const NOTES_FILTER = { name: 'scope', value: 'notes' } as const;

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
