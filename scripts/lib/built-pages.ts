/**
 * The printable pages of a built site, found by walking its folder: every section page
 * (`/<course>/s<N>/`) and every paper page (`/<course>/papers/<slug>/`), each with the URL
 * of its PDF as urls.ts names it, as paths inside the built folder (without the site's base: add it
 * with urls.at). Used by the index and PDF steps and by the end-to-end tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { COURSE_ID } from '../../src/lib/content/schema.ts';
import { katexSpanRanges } from '../../src/lib/fonts/katex-glyphs.ts';
import { LATER_QUESTIONS } from '../../src/lib/site/long-pages.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';

/** Paths inside the built folder are the site's URLs at the root. */
const paths = siteUrls('/');

export interface PrintablePage {
  kind: 'section' | 'paper';
  course: string;
  /** Section number (section pages only). */
  section?: number;
  /** Paper slug (paper pages only). */
  paper?: string;
  /** Path of the page inside the site: "/dasc7606/s3/". */
  url: string;
  /** Path of its PDF inside the site: "/dasc7606/pdf/s3.pdf". */
  pdf: string;
}

const SECTION = /^s(\d+)$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Folders of the site's own pages, beside the courses': the search page. */
const SITE_FOLDERS = new Set([paths.search().split('/')[1]]);

/** The courses of a built site: the folders with a course home, in folder order. */
export function findCourses(dist: string): string[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is not a built site (no index.html): run npm run build first.`);
  return subfolders(dist).filter((name) => COURSE_ID.test(name) && !SITE_FOLDERS.has(name) && existsSync(join(dist, name, 'index.html')));
}

/** Section pages first, then paper pages, per course in folder order. */
export function findPrintablePages(dist: string): PrintablePage[] {
  const pages: PrintablePage[] = [];
  for (const course of findCourses(dist)) {
    const courseDir = join(dist, course);
    const sections: PrintablePage[] = [];
    for (const name of subfolders(courseDir)) {
      const match = SECTION.exec(name);
      if (!match || !existsSync(join(courseDir, name, 'index.html'))) continue;
      const section = Number(match[1]);
      sections.push({ kind: 'section', course, section, url: paths.section(course, section), pdf: paths.sectionPdf(course, section) });
    }
    sections.sort((a, b) => (a.section ?? 0) - (b.section ?? 0));
    pages.push(...sections);
    const papersDir = join(courseDir, 'papers');
    if (!existsSync(papersDir)) continue;
    for (const paper of subfolders(papersDir)) {
      if (!SLUG.test(paper) || !existsSync(join(papersDir, paper, 'index.html'))) continue;
      pages.push({ kind: 'paper', course, paper, url: paths.paper(course, paper), pdf: paths.paperPdf(course, paper) });
    }
  }
  return pages;
}

/** A site path ("/a/b.pdf", "/a/") as a file inside the built folder. */
export function fileInDist(dist: string, sitePath: string): string {
  const path = decodeURIComponent(sitePath.split(/[?#]/)[0] ?? '');
  return join(dist, ...path.split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));
}

/**
 * A page's HTML with each formula down to its TeX: `<span class="katex">` holding only the
 * `annotation` of its MathML. What reads a page's questions wants a formula's TeX, and most of a
 * math page's markup is KaTeX's drawing and MathML.
 */
export function formulasAsTex(html: string): string {
  let kept = '';
  let from = 0;
  for (const [start, end] of katexSpanRanges(html, '<span class="katex">')) {
    const annotation = /<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/.exec(html.slice(start, end))?.[0] ?? '';
    kept += `${html.slice(from, start)}<span class="katex">${annotation}</span>`;
    from = end;
  }
  return kept + html.slice(from);
}

/**
 * The question articles of a built page's HTML, by question id, in page order; formulas as their
 * TeX only (formulasAsTex): what reads them wants nothing else of a formula.
 */
export function questionArticles(html: string): Map<string, Element> {
  const articles = new Map<string, Element>();
  visit(fromHtml(formulasAsTex(html)), 'element', (node) => {
    if (node.tagName === 'article' && typeof node.properties.dataQuestionId === 'string') articles.set(String(node.properties.id), node);
  });
  return articles;
}

/**
 * The question articles a built page shows, by question id, in page order: its own and those of
 * the files of later questions it loads as the reader scrolls (src/lib/site/long-pages.ts).
 */
export function pageArticles(dist: string, sitePath: string): Map<string, Element> {
  const file = fileInDist(dist, sitePath);
  const html = readFileSync(file, 'utf8');
  const articles = questionArticles(html);
  for (const [, later] of html.matchAll(new RegExp(`${LATER_QUESTIONS}="([^"]+)"`, 'g')))
    for (const [id, article] of questionArticles(readFileSync(join(dirname(file), later ?? ''), 'utf8'))) articles.set(id, article);
  return articles;
}
