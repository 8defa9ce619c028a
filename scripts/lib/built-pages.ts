/**
 * The printable pages of a built site, found by walking its folder: every section page
 * (`/<course>/s<N>/`) and every paper page (`/<course>/papers/<slug>/`), each with the URL
 * of its PDF, as paths inside the built folder (content/paths.ts: add the site's base with urls.at). Used by the index and PDF steps and by the end-to-end tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { katexSpanRanges } from '../../src/lib/fonts/katex-glyphs.ts';
import { LATER_QUESTIONS } from '../../src/lib/site/long-pages.ts';
import { distPaths, isCourseId, type CourseId, type DistPath } from '../../src/lib/content/paths.ts';

export interface PrintablePage {
  kind: 'section' | 'paper';
  course: CourseId;
  /** Section number (section pages only). */
  section?: number;
  /** Paper slug (paper pages only). */
  paper?: string;
  /** Path of the page inside the built folder: "dasc7606/s3/". */
  url: DistPath;
  /** Path of its PDF inside the built folder: "dasc7606/pdf/s3.pdf". */
  pdf: DistPath;
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
const SITE_FOLDERS = new Set([distPaths.search().split('/')[0]]);

/** The courses of a built site: the folders with a course home, in folder order. */
export function findCourses(dist: string): CourseId[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is not a built site (no index.html): run npm run build first.`);
  return subfolders(dist)
    .filter(isCourseId)
    .filter((name) => !SITE_FOLDERS.has(name) && existsSync(join(dist, name, 'index.html')));
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
      sections.push({
        kind: 'section',
        course,
        section,
        url: distPaths.section(course, section),
        pdf: distPaths.sectionPdf(course, section),
      });
    }
    sections.sort((a, b) => (a.section ?? 0) - (b.section ?? 0));
    pages.push(...sections);
    const papersDir = join(courseDir, 'papers');
    if (!existsSync(papersDir)) continue;
    for (const paper of subfolders(papersDir)) {
      if (!SLUG.test(paper) || !existsSync(join(papersDir, paper, 'index.html'))) continue;
      pages.push({ kind: 'paper', course, paper, url: distPaths.paper(course, paper), pdf: distPaths.paperPdf(course, paper) });
    }
  }
  return pages;
}

/** A path inside the built folder ("a/b.pdf", "a/": a page) as the file it names there. */
export function fileInDist(dist: string, distPath: DistPath): string {
  const path = decodeURIComponent(distPath.split(/[?#]/)[0] ?? '');
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
  // Only from the first article to the end of the last: the head, header, contents and footer around them are not parsed.
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  if (start < 0 || end < start) return articles;
  visit(fromHtml(formulasAsTex(html.slice(start, end + '</article>'.length)), { fragment: true }), 'element', (node) => {
    if (node.tagName === 'article' && typeof node.properties.dataQuestionId === 'string') articles.set(String(node.properties.id), node);
  });
  return articles;
}

/**
 * The question articles a built page shows, by question id, in page order: its own and those of
 * the files of later questions it loads as the reader scrolls (src/lib/site/long-pages.ts).
 */
export function pageArticles(dist: string, page: DistPath): Map<string, Element> {
  const file = fileInDist(dist, page);
  const html = readFileSync(file, 'utf8');
  const articles = questionArticles(html);
  for (const [, later] of html.matchAll(new RegExp(`${LATER_QUESTIONS}="([^"]+)"`, 'g')))
    for (const [id, article] of questionArticles(readFileSync(join(dirname(file), later ?? ''), 'utf8'))) articles.set(id, article);
  return articles;
}
