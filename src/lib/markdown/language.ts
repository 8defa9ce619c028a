/**
 * Which language a block of the notes is written in, from its script: Chinese, English, mixed,
 * or neutral (no words: math, numbers, images). A Chinese sentence with English glosses in
 * brackets, "过拟合（overfitting）", is Chinese; an English one with a Chinese word is English.
 */
export type BlockLanguage = 'zh' | 'en' | 'mixed' | 'neutral';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
/** Latin words of two letters or more: single letters are variables (27C², z), not English. */
const LATIN_WORD = /[A-Za-z]{2,}/g;
/** A bracketed run with no Han characters: an English gloss when it follows Chinese text. */
const LATIN_GLOSS = /[（(][^（）()\u3400-\u9fff]*[）)]/g;
/** A Chinese character carries about as much meaning as 2.5 Latin letters. */
const LETTERS_PER_HAN = 2.5;

export function classifyText(text: string): BlockLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const withoutGlosses = han > 0 ? text.replace(LATIN_GLOSS, ' ') : text;
  const letters = (withoutGlosses.match(LATIN_WORD) ?? []).reduce((sum, word) => sum + word.length, 0);
  if (han === 0 && letters === 0) return 'neutral';
  const chineseShare = han / (han + letters / LETTERS_PER_HAN);
  if (chineseShare >= 0.65) return 'zh';
  if (chineseShare <= 0.2) return 'en';
  return 'mixed';
}

/** A run of Chinese: Han characters, with the CJK punctuation and full-width forms between and after them. */
const CHINESE_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]*/g;

export interface LanguageRun {
  text: string;
  /** True for a run of Chinese, which a screen reader should read with a Chinese voice (lang="zh"). */
  zh: boolean;
}

/** Splits text into runs of Chinese and of everything else, in order, losing nothing. */
export function languageRuns(text: string): LanguageRun[] {
  const runs: LanguageRun[] = [];
  let last = 0;
  for (const match of text.matchAll(CHINESE_RUN)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), zh: false });
    runs.push({ text: match[0], zh: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), zh: false });
  return runs;
}
