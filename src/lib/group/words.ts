/**
 * How alike two texts are, as a reader judges two students' wording of one question: the words
 * they share, rare words counting more (TF-IDF over the course's questions, cosine). Latin words
 * and numbers are words; Chinese, written without spaces, is read as pairs of characters, so
 * "过拟合" and "过拟合的原因" share "过拟" and "拟合". A statement written in both languages meets
 * another in either.
 */

/** Words too common in questions to tell two apart. */
const COMMON = new Set(
  'the a an of to in on and or is are be was were it its this that these those for with as by at from what which why how when where who whom do does did can could would should will not no yes if then than your you we our they their there here give explain describe state answer question following each both between into about'.split(
    ' ',
  ),
);

const HAN = /\p{Script=Han}/u;

/** The words of a text: lowercase Latin words and numbers, and pairs of neighbouring Chinese characters. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  // TeX's commands and environments are how a formula is written, not what it says.
  const plain = text.replace(/\\(?:begin|end)\{[^}]*\}|\\[a-zA-Z]+/g, ' ');
  // A decimal ("0.4") is one word: it tells two computations apart.
  const runs =
    plain
      .toLowerCase()
      .normalize('NFKC')
      .match(/\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu) ?? [];
  for (const run of runs) {
    if (HAN.test(run)) {
      const characters = [...run].filter((character) => HAN.test(character));
      if (characters.length === 1) words.push(characters[0] as string);
      for (let index = 0; index + 1 < characters.length; index++) words.push(`${characters[index]}${characters[index + 1]}`);
      // Latin glued to Chinese ("用GAN生成") stays a word of its own.
      for (const latin of run.match(/[a-z0-9]+/g) ?? []) if (latin.length > 1 && !COMMON.has(latin)) words.push(latin);
      continue;
    }
    if (run.length > 1 && !COMMON.has(run)) words.push(run.length > 3 && run.endsWith('s') && !run.endsWith('ss') ? run.slice(0, -1) : run);
  }
  return words;
}

/** A text as weighted words, ready to compare. */
export type WordVector = ReadonlyMap<string, number>;

/**
 * Weighs the words of many texts at once: a word in few of them counts more. Texts with fewer
 * than `minWords` words get an empty vector (too short to tell anything apart).
 */
export function wordVectors<K>(texts: ReadonlyMap<K, string>, minWords = 4): Map<K, WordVector> {
  const counted = new Map<K, Map<string, number>>();
  const documentsWith = new Map<string, number>();
  for (const [key, text] of texts) {
    const counts = new Map<string, number>();
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    counted.set(key, counts);
    for (const word of counts.keys()) documentsWith.set(word, (documentsWith.get(word) ?? 0) + 1);
  }
  const vectors = new Map<K, WordVector>();
  for (const [key, counts] of counted) {
    const vector = new Map<string, number>();
    let total = 0;
    for (const count of counts.values()) total += count;
    if (total >= minWords) {
      let norm = 0;
      for (const [word, count] of counts) {
        const weight = (1 + Math.log(count)) * Math.log(1 + texts.size / (documentsWith.get(word) ?? 1));
        vector.set(word, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm);
      for (const [word, weight] of vector) vector.set(word, norm === 0 ? 0 : weight / norm);
    }
    vectors.set(key, vector);
  }
  return vectors;
}

/** The cosine of two weighed texts: 1 for the same words in the same proportions, 0 for none shared. */
export function likeness(a: WordVector, b: WordVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);
  return Math.min(1, sum);
}

/** Runs of three letters of a title's Latin text with its spaces taken out, so "DeepLearning Basis" meets "Deep Learning Basics". */
function letterTriples(text: string): Set<string> {
  const letters = text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^a-z0-9]+/g, '');
  const triples = new Set<string>();
  for (let index = 0; index + 3 <= letters.length; index++) triples.add(letters.slice(index, index + 3));
  return triples;
}

const dice = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
};

/**
 * How alike two section titles are (0–1), as a student reads "Convolutional Neural Networks (CNN)
 * 卷积神经网络" beside "Convolutional Neural Networks": their Latin letters, or their Chinese
 * characters, whichever both have and agree on most. A title is too short to weigh its words.
 */
export function titleLikeness(a: string, b: string): number {
  const han = (text: string): Set<string> => new Set(wordsOf(text).filter((word) => HAN.test(word)));
  return Math.max(dice(letterTriples(a), letterTriples(b)), dice(han(a), han(b)));
}
