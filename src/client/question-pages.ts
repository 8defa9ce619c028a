/**
 * Questions as their section pages print them, for the pages that show questions from anywhere in
 * the course (a mock paper, the revise page): each section page is fetched once per visit, and its
 * articles are copied into this page, to take Test me's reveal buttons and ratings.
 */
const pages = new Map<string, Promise<Document>>();

async function parse(url: string): Promise<Document> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  // Without the page's own <style> (its print header): parsed here it would be checked against this
  // page's CSP, which does not allow another page's inline style, and refused with an error.
  return new DOMParser().parseFromString((await response.text()).replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ''), 'text/html');
}

/** The section page at `url`, fetched and parsed once; a failed fetch is tried again on the next call. */
function sectionPage(url: string): Promise<Document> {
  let page = pages.get(url);
  if (!page) {
    page = parse(url);
    pages.set(url, page);
    page.catch(() => pages.delete(url));
  }
  return page;
}

/** A question's article from its section page, for this page; undefined when the page no longer has it. Throws when the page cannot be fetched. */
export async function fetchArticle(question: { id: string; page: string }): Promise<HTMLElement | undefined> {
  const page = await sectionPage(question.page);
  const found = page.getElementById(question.id);
  if (found) return document.importNode(found, true) as HTMLElement;
  // A long page holds its later questions in files of their own (later-questions.ts, loaded only then).
  const { questionFrom } = await import('./later-questions.ts');
  return questionFrom(page, new URL(question.page, location.href).href, question.id);
}

/** The questions' articles, in the order given; those not found are left out. */
export async function fetchArticles(questions: { id: string; page: string }[]): Promise<HTMLElement[]> {
  for (const question of questions) void sectionPage(question.page).catch(() => undefined);
  const articles: HTMLElement[] = [];
  for (const question of questions) {
    const article = await fetchArticle(question);
    if (article) articles.push(article);
  }
  return articles;
}

/** Starts fetching the page a question is on, so it shows at once when its turn comes. */
export function prefetch(question: { page: string }): void {
  void sectionPage(question.page).catch(() => undefined);
}
