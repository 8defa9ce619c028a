/**
 * Names of search results: a question, part or answer variant is named by its labels and its
 * title, or the first words of its text when it has none: "Q1 (b) DeepSeek · 模式崩溃（Mode collapse）是 GAN…".
 */

/** How wide the words of a name may be, in columns: a Chinese character takes two, as on the page. */
export const NAME_WIDTH = 48;

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** What a shortened name should not end on before its "…": spaces, commas, colons, opening brackets, dashes. */
const DANGLING = /[\s,;:，、；：（(\-–—]+$/u;

/**
 * The first words of `text` that fit in `width` columns, with "…" when some are left out. It is
 * cut between words, or between characters of Chinese, which has no spaces; only a single word
 * wider than the whole name is cut inside.
 */
export function firstWords(text: string, width = NAME_WIDTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  let columns = 0;
  let lastBreak = 0;
  for (const [index, character] of characters.entries()) {
    const previous = characters[index - 1] ?? ' ';
    if (character === ' ' || WIDE.test(character) || WIDE.test(previous)) lastBreak = index;
    columns += WIDE.test(character) ? 2 : 1;
    if (columns > width) {
      return `${characters
        .slice(0, lastBreak || index)
        .join('')
        .replace(DANGLING, '')}…`;
    }
  }
  return characters.join('');
}

/** "Q1 (b) Gemini · Sample variations…": the labels, then the words, either of which may be missing. */
export function resultName(labels: (string | undefined)[], words: string | undefined): string {
  return [labels.filter(Boolean).join(' '), words?.trim()].filter(Boolean).join(' · ');
}
