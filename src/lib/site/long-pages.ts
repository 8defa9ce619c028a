/**
 * Long section and paper pages load what the reader sees first and the rest as the reader scrolls.
 * A built page over PAGE_LIMIT keeps its first questions; the later ones move, a few at a time,
 * into files of their own beside it (`questions-2.html` …), each a page of just those questions
 * with the page's own head (its styles and Content-Security-Policy), so it reads without
 * JavaScript too. Where they were, a placeholder names its file and its questions; the page's
 * script (src/client/later-questions.ts) puts them back as they come near the screen, when a link
 * points into them, and before find-in-page or printing.
 *
 * Pages are cut as built (scripts/lib/long-pages.ts), by their bytes: a question's HTML is mostly
 * its formulas, so a count of questions says little about a page's weight.
 */

/** A page's HTML over this many bytes is cut: well under the 300 KB a page may weigh. */
export const PAGE_LIMIT = 250 * 1024;
/** A cut page keeps its first questions, up to about this many bytes of them (at least one): a few screens. */
export const FIRST_QUESTIONS_BYTES = 100 * 1024;
/** Each file of later questions holds up to about this many bytes of them (at least one). */
export const LATER_QUESTIONS_BYTES = 150 * 1024;

/** The attribute of a placeholder: the file its questions are in, relative to the page. */
export const LATER_QUESTIONS = 'data-later-questions';
/** The attribute listing a placeholder's question ids, space-separated. */
export const LATER_QUESTION_IDS = 'data-question-ids';

/**
 * Whether the placeholder with these question ids (its LATER_QUESTION_IDS) holds the element an
 * address names: one of its questions, or anything in one (a part, an answer tab: "<question id>-…").
 */
export function placeholderHolds(questionIds: string, id: string): boolean {
  return questionIds.split(' ').some((question) => id === question || id.startsWith(`${question}-`));
}

/**
 * Asks a page for every later question and settles once they are in (at once if it has none):
 * src/client/later-questions.ts answers. Self-contained, with the names as arguments
 * (LATER_QUESTIONS_REQUEST): the PDF step runs it inside the page before printing
 * (scripts/lib/pdf/print-page.ts), as the Print button loads them.
 */
export function requestLaterQuestions(names: { selector: string; load: string; loaded: string }): Promise<void> {
  return new Promise((done) => {
    if (!document.querySelector(names.selector)) return done();
    document.addEventListener(names.loaded, () => done(), { once: true });
    document.dispatchEvent(new Event(names.load));
  });
}

/** requestLaterQuestions' arguments: a placeholder, the event asking for them all, the one saying they are in. */
export const LATER_QUESTIONS_REQUEST = { selector: `[${LATER_QUESTIONS}]`, load: 'load-later-questions', loaded: 'later-questions-loaded' };

/** A question's article in a page's HTML: its id, its number ("12"), and where it is. */
export interface ArticleRange {
  id: string;
  number: string;
  start: number;
  end: number;
}

const ARTICLE = '<article class="question"';

/** The question articles of a built page, in order ({@link ArticleRange}), found without parsing the page. */
export function questionArticleRanges(html: string): ArticleRange[] {
  const ranges: ArticleRange[] = [];
  for (let start = html.indexOf(ARTICLE); start !== -1; start = html.indexOf(ARTICLE, start + 1)) {
    // Notes cannot write <article> (the sanitiser drops it): only questions nest inside a question's.
    let depth = 0;
    let at = start;
    for (;;) {
      const open = html.indexOf('<article', at);
      const close = html.indexOf('</article>', at);
      if (close === -1) return ranges;
      if (open !== -1 && open < close) {
        depth += 1;
        at = open + 8;
      } else {
        depth -= 1;
        at = close + 10;
        if (depth === 0) break;
      }
    }
    const tag = html.slice(start, html.indexOf('>', start));
    const id = / id="([^"]*)"/.exec(tag)?.[1] ?? '';
    const number = /<span class="question-number">Q([^<]*)<\/span>/.exec(html.slice(start, at))?.[1] ?? '';
    ranges.push({ id, number, start, end: at });
    start = at - 1;
  }
  return ranges;
}

/**
 * Which questions a page of `pageBytes` keeps and which go together into later files, by the bytes
 * of each question's article: undefined when the page stays whole.
 */
export function planCut(articleBytes: readonly number[], pageBytes: number): { keep: number; later: number[][] } | undefined {
  if (pageBytes <= PAGE_LIMIT || articleBytes.length < 2) return undefined;
  let keep = 1;
  let kept = articleBytes[0] ?? 0;
  while (keep < articleBytes.length - 1 && kept + (articleBytes[keep] ?? 0) <= FIRST_QUESTIONS_BYTES) kept += articleBytes[keep++] ?? 0;
  const later: number[][] = [];
  let group: number[] = [];
  let bytes = 0;
  for (let index = keep; index < articleBytes.length; index++) {
    const size = articleBytes[index] ?? 0;
    if (group.length > 0 && bytes + size > LATER_QUESTIONS_BYTES) {
      later.push(group);
      group = [];
      bytes = 0;
    }
    group.push(index);
    bytes += size;
  }
  if (group.length > 0) later.push(group);
  return { keep, later };
}

/** The bytes of html[start, end) in UTF-8, counted without encoding it. */
export function utf8Length(html: string, start: number, end: number): number {
  let bytes = 0;
  for (let at = start; at < end; at++) {
    const code = html.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one character of four bytes.
    else if (code >= 0xd800 && code < 0xdc00 && at + 1 < end) {
      bytes += 4;
      at += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The file of a page's `n`th group of questions (the page itself being the first), beside the page. */
export function laterQuestionsFile(n: number): string {
  return `questions-${n}.html`;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** "Q12 to Q20", "Q12": a group of questions by the numbers their headings show. */
function numbers(group: ArticleRange[]): string {
  const first = group[0]?.number ?? '';
  const last = group.at(-1)?.number ?? '';
  return group.length > 1 ? `Q${first} to Q${last}` : `Q${first}`;
}

function placeholder(file: string, group: ArticleRange[]): string {
  return (
    `<div class="later-questions" ${LATER_QUESTIONS}="${escape(file)}" ${LATER_QUESTION_IDS}="${escape(group.map((article) => article.id).join(' '))}">` +
    `<p class="later-questions-note">${numbers(group)} load as you scroll to them. <a href="${escape(file)}">Open ${numbers(group)} on their own</a>.</p>` +
    `</div>`
  );
}

/** A page of some of the questions, with the page's head: styled and allowed as the page is. */
function laterPage(head: string, articles: string): string {
  return `<!doctype html><html lang="en">${head}<body><main id="main" class="page-main">${articles}</main></body></html>`;
}

/**
 * A built page cut as planCut plans: the page with placeholders where its later questions were,
 * and the files they went to (named by laterQuestionsFile); undefined when it stays whole.
 */
export function cutPage(html: string): { page: string; later: { file: string; html: string }[] } | undefined {
  const articles = questionArticleRanges(html);
  const plan = planCut(
    articles.map((article) => utf8Length(html, article.start, article.end)),
    utf8Length(html, 0, html.length),
  );
  const head = /<head>[\s\S]*?<\/head>/.exec(html)?.[0];
  if (!plan || head === undefined) return undefined;
  let page = html.slice(0, articles[plan.keep - 1]?.end);
  const later = plan.later.map((indexes, at) => {
    const group = indexes.flatMap((index) => articles[index] ?? []);
    const file = laterQuestionsFile(at + 2);
    page += placeholder(file, group);
    return { file, html: laterPage(head, group.map((article) => html.slice(article.start, article.end)).join('')) };
  });
  page += html.slice(articles.at(-1)?.end);
  return { page, later };
}
