/**
 * Shapes Pagefind's answers for the results list: one entry per question, named and linked by the
 * part (or answer variant) where the words matched, with a window of its text; without parts
 * marked not examined when the reader hides them.
 */
import { restoreHan } from './indexes.ts';

export interface SubResultLike {
  /** The anchor's name (documents.ts), or the text of a heading without one. */
  title: string;
  excerpt: string;
  locations: number[];
  anchor?: { id: string } | undefined;
}

export interface ResultLike {
  url: string;
  /** The question's whole indexed text. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The question's filter values; course and section name it in the results. */
  filters: Record<string, string[] | undefined>;
  /** Every element with an id, in order; the question's heading is the first with a name. */
  anchors?: { id: string; title?: string | undefined }[] | undefined;
  sub_results: SubResultLike[];
}

/** A run of an excerpt's text, marked when it is what the query matched. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

export interface QuestionHit {
  href: string;
  /** The question, part or answer variant the best match is in: "Q2 (b) · Mode collapse – the generator produces…". */
  title: string;
  /** Paper, section and course: "2024 May ABC — Section 5 · Generative Adversarial Networks — DASC7606 Final". */
  context: string;
  /** A window of the matched part's text, as written (Chinese included), with the matched words marked. */
  excerpt: ExcerptPiece[];
}

/** Query words to highlight on the page a result opens. */
export function highlightParam(query: string): string {
  return new URLSearchParams({ highlight: query.trim() }).toString();
}

/** Adds text to the last piece when it is marked alike, else as a piece of its own. */
function append(pieces: ExcerptPiece[], text: string, mark: boolean): void {
  const last = pieces[pieces.length - 1];
  if (text === '') return;
  if (last?.mark === mark) last.text += text;
  else pieces.push({ text, mark });
}

/**
 * Pagefind's excerpt ("…the <mark>mode </mark><mark>collapse</mark> of…", text with only < and >
 * escaped) as plain pieces: touching marks joined, spaces at a mark's edges left outside it, and
 * the Latin index's hidden Chinese restored.
 */
export function excerptPieces(excerptHtml: string): ExcerptPiece[] {
  const runs: ExcerptPiece[] = [];
  for (const [index, part] of excerptHtml.split(/<\/?mark>/).entries()) {
    append(runs, restoreHan(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>')), index % 2 === 1);
  }
  const pieces: ExcerptPiece[] = [];
  for (const { text, mark } of runs) {
    const [, before = '', words = '', after = ''] = /^(\s*)(.*?)(\s*)$/su.exec(text) ?? [];
    append(pieces, before, false);
    append(pieces, words, mark);
    append(pieces, after, false);
  }
  return pieces;
}

/**
 * Marks the Chinese words of the query wherever the excerpt has them: Pagefind marks only some of
 * them ("计算两个特征的<mark>信息</mark>增益" for 信息增益). Latin words it marks itself, stems included.
 */
export function markChineseTerms(pieces: ExcerptPiece[], terms: string[]): ExcerptPiece[] {
  // queryTerms gives Chinese words as runs of Han characters only: nothing to escape in a pattern.
  const chinese = terms.filter((term) => /^[\u3400-\u9fff]+$/.test(term)).sort((a, b) => b.length - a.length);
  if (chinese.length === 0) return pieces;
  const pattern = new RegExp(chinese.join('|'), 'g');
  const marked: ExcerptPiece[] = [];
  for (const piece of pieces) {
    if (piece.mark) {
      append(marked, piece.text, true);
      continue;
    }
    let from = 0;
    for (const match of piece.text.matchAll(pattern)) {
      append(marked, piece.text.slice(from, match.index), false);
      append(marked, match[0], true);
      from = match.index + match[0].length;
    }
    append(marked, piece.text.slice(from), false);
  }
  return marked;
}

export function toQuestionHit(result: ResultLike, query: string, hideNotExamined: boolean): QuestionHit | undefined {
  const hidden = new Set((result.meta.notExamined ?? '').split(' ').filter(Boolean));
  const visible = result.sub_results.filter((sub) => !(hideNotExamined && sub.anchor && hidden.has(sub.anchor.id)));
  if (visible.length === 0 && result.sub_results.length > 0) return undefined;
  const best = visible.reduce<SubResultLike | undefined>(
    (top, sub) => (!top || sub.locations.length > top.locations.length ? sub : top),
    undefined,
  );
  // The document's URL says which page and which question: "/dasc7606/s5/#s5-2024-may-abc-q2".
  const [page = result.url, questionAnchor = ''] = result.url.split('#');
  const questionName = result.anchors?.find((anchor) => anchor.title)?.title;
  const paper = result.meta.paper === undefined ? undefined : restoreHan(result.meta.paper);
  return {
    href: `${page}?${highlightParam(query)}#${best?.anchor?.id ?? questionAnchor}`,
    title: (best?.anchor && best.title) || questionName || result.url,
    context: [paper, result.filters.section?.[0], result.filters.course?.[0]].filter(Boolean).join(' — '),
    excerpt: markChineseTerms(excerptPieces(best?.excerpt ?? result.excerpt), queryTerms(query)),
  };
}

/** "1x1" and "1×1", "Mode" and "mode": compared the same way in queries and text. */
function fold(text: string): string {
  return text.toLowerCase().replace(/×/g, 'x');
}

/**
 * Whether a result really contains every word of the query. Pagefind shortens a word that
 * matches nothing until something matches, so "frac" would find a part labelled "(f)". A word
 * counts as found when a word of the text starts with it, or with it minus at most two final
 * letters ("collapsed" finds "collapse"); Chinese words must appear as written.
 */
export function containsQuery(content: string, query: string): boolean {
  const text = fold(content);
  const words = new Set(text.match(/[a-z0-9][a-z0-9'-]*/g) ?? []);
  return queryTerms(query).every((term) => {
    if (!/^[a-z0-9]/.test(term)) return text.includes(term);
    const stems = [term, term.slice(0, -1), term.slice(0, -2)].filter((stem) => stem.length >= Math.min(term.length, 4));
    return [...words].some((word) => stems.some((stem) => word.startsWith(stem)));
  });
}

const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a query: Latin words and numbers as typed, Chinese runs split into words as Pagefind does. */
export function queryTerms(query: string): string[] {
  return (fold(query).match(/[a-z0-9][a-z0-9'-]*|[\u3400-\u9fff]+/g) ?? []).flatMap((term) =>
    /^[a-z0-9]/.test(term)
      ? [term]
      : [...chineseWords.segment(term)].filter((segment) => segment.isWordLike).map((segment) => segment.segment),
  );
}

/** Words too common to find a question by on their own ("to", "the", "的"). */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  '的',
  '是',
  '和',
  '在',
  '了',
]);

/** The words worth searching one by one when no question has them all. */
export function significantTerms(terms: string[]): string[] {
  return terms.filter((term) => !STOP_WORDS.has(term) && (term.length > 1 || /[\u3400-\u9fff]/.test(term)));
}
