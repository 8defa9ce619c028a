/**
 * Shapes Pagefind's answers for the results list: one entry per question, linked to the part
 * where the words matched, without parts marked not examined when the reader hides them.
 */

export interface SubResultLike {
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
  sub_results: SubResultLike[];
}

export interface QuestionHit {
  href: string;
  title: string;
  /** "DASC7606 Final › Section 5 · Generative Adversarial Networks" */
  context: string;
  /** The heading the best match is under, e.g. "(b) …", when it is not the question's own. */
  heading?: string | undefined;
  /** Pagefind's excerpt: escaped text with <mark> around matches. */
  excerptHtml: string;
}

/** Query words to highlight on the page a result opens. */
export function highlightParam(query: string): string {
  return new URLSearchParams({ highlight: query.trim() }).toString();
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
  const anchor = best?.anchor?.id ?? questionAnchor;
  const underHeading = best?.anchor !== undefined && !best.anchor.id.endsWith('-title');
  return {
    href: `${page}?${highlightParam(query)}#${anchor}`,
    title: result.meta.title ?? result.url,
    context: [result.filters.course?.[0], result.filters.section?.[0]].filter(Boolean).join(' › '),
    heading: underHeading ? best.title : undefined,
    excerptHtml: best?.excerpt ?? result.excerpt,
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
