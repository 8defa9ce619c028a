/**
 * Pagefind matches words exactly (or by prefix), so "bottelneck" finds nothing useful. The index
 * step writes the vocabulary of the notes' Latin-script words; a query word that is not in it
 * is replaced by the most frequent word within a small edit distance.
 */

/** Word → number of questions it appears in. */
export type Vocabulary = Record<string, number>;

const LATIN_WORD = /[a-z][a-z'-]*[a-z]|[a-z]/g;

export function latinWords(text: string): string[] {
  return text.toLowerCase().match(LATIN_WORD) ?? [];
}

/** The vocabulary of a set of documents (each document's text counted once per word). */
export function buildVocabulary(documents: string[]): Vocabulary {
  const vocabulary: Vocabulary = {};
  for (const text of documents) {
    for (const word of new Set(latinWords(text))) {
      if (word.length >= 3) vocabulary[word] = (vocabulary[word] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(vocabulary).sort(([a], [b]) => a.localeCompare(b)));
}

/** Several vocabularies as one: each word's counts added up, as buildVocabulary would count their documents together. */
export function mergeVocabularies(vocabularies: Iterable<Vocabulary>): Vocabulary {
  const merged: Vocabulary = {};
  for (const vocabulary of vocabularies) for (const [word, count] of Object.entries(vocabulary)) merged[word] = (merged[word] ?? 0) + count;
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (twoBack[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    twoBack = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How many edits a word of this length may need: none for short words, where a typo is a guess. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function correctWord(word: string, vocabulary: Vocabulary): string {
  if (vocabulary[word] !== undefined || Object.keys(vocabulary).some((known) => known.startsWith(word))) return word;
  // Two words typed without a space: "dataleakage" → "data leakage".
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (vocabulary[left] !== undefined && vocabulary[right] !== undefined) return `${left} ${right}`;
  }
  const limit = allowedEdits(word.length);
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [known, count] of Object.entries(vocabulary)) {
    const distance = editDistance(word, known, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: known, distance, count };
  }
  return best?.word ?? word;
}

/** The query with misspelt Latin words corrected; other text (Chinese, numbers) is kept as typed. */
export function correctQuery(query: string, vocabulary: Vocabulary): string {
  return query.replace(/[A-Za-z][A-Za-z'-]*/g, (word) => {
    const corrected = correctWord(word.toLowerCase(), vocabulary);
    return corrected === word.toLowerCase() ? word : corrected;
  });
}
