/**
 * What the tests know about the site they check, read from the imported content (frontmatter)
 * and the built folder, never written into the tests: courses, sections, papers, screenshots.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { findPrintablePages, type PrintablePage } from '../../../scripts/lib/built-pages.ts';
import { paperSlug } from '../../../src/lib/content/ids.ts';
import { IMAGE_FOLDER } from '../../../src/lib/content/layout.ts';
import { readCourse, type ContentEntry } from '../../../src/lib/content/read.ts';
import type { QuestionData, Screenshot, SectionData } from '../../../src/lib/content/schema.ts';
import type { E2eCourse } from './global-setup.ts';

export type { Screenshot };

/** A question as imported: its frontmatter fields and its Markdown body. */
export type QuestionMeta = QuestionData & { body: string };
export type SectionMeta = SectionData & { body: string };

export interface CourseMeta extends E2eCourse {
  title: string;
  sections: SectionMeta[];
  questions: QuestionMeta[];
  /** Paper slug → its questions. */
  papers: Map<string, QuestionMeta[]>;
}

const flat = <T>({ data, body }: ContentEntry<T>): T & { body: string } => ({ ...data, body });

export function loadCourse(course: E2eCourse, contentDir = inject('contentDir')): CourseMeta {
  const content = readCourse(contentDir, course.id);
  const questions = content.questions.map(flat);
  const papers = new Map<string, QuestionMeta[]>();
  for (const question of questions) {
    if (!question.paper) continue;
    const slug = paperSlug(question.paper);
    papers.set(slug, [...(papers.get(slug) ?? []), question]);
  }
  return { ...course, title: content.course.data.title, sections: content.sections.map(flat), questions, papers };
}

export function allCourses(): CourseMeta[] {
  return inject('courses').map((course) => loadCourse(course));
}

/** Where a screenshot named in a course's notes lives once added. */
export function screenshotFile(course: string, src: string, contentDir = inject('contentDir')): string {
  return join(contentDir, course, IMAGE_FOLDER, ...src.replace(/^(\.\/)+/, '').split('/'));
}

/** Section and paper pages of the built site. */
export function printablePages(): PrintablePage[] {
  return findPrintablePages(inject('dist'));
}

/** Every page a reader can reach: home, course homes, sections, papers. */
export function allPages(): string[] {
  return ['/', ...inject('courses').map((course) => `/${course.id}/`), ...printablePages().map((page) => `/${page.url}`)];
}

/** Every HTML page in the built site ("/", "/search/", "/dasc7606/review/" …), found in the folder. */
export function builtPages(dist = inject('dist')): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
    .sort();
}

/** Text for comparing what a page or PDF says: Unicode-normalised, without any whitespace. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The lines of each page of a PDF, in the order they were drawn (pdftotext -raw). */
export function pdfPages(file: string): string[][] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text
    .split('\f')
    .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
}

/**
 * A PDF's text for comparing with the page: drawn order (-raw: pdftotext's layout analysis would
 * move a Latin word at the start of a Chinese line elsewhere), without the running header and page
 * numbers (which interrupt a paragraph split across pages), squashed and without hyphens, which
 * pdftotext drops where a hyphenated word breaks across lines.
 */
export function pdfContent(file: string): { body: string; headers: string[] } {
  const pages = pdfPages(file);
  const pageNumber = /^\d+ \/ \d+$/;
  const withoutNumbers = pages.map((lines) => lines.filter((line) => !pageNumber.test(line.trim())));
  // The running header is the first line of every page.
  const header = withoutNumbers[0]?.[0];
  const isHeader = header !== undefined && withoutNumbers.every((lines) => lines[0] === header);
  const body = withoutNumbers.map((lines) => (isHeader ? lines.slice(1) : lines).join('\n')).join('\n');
  return { body: dehyphen(body), headers: isHeader ? [header] : [] };
}

/** pdfContent()'s body: the PDF's text without running header and page numbers, for toContain(dehyphen(…)). */
export function pdfText(file: string): string {
  return pdfContent(file).body;
}

/** Text compared with pdfText(): squashed, without hyphens. */
export function dehyphen(text: string): string {
  return squash(text).replace(/[-\u2010\u00AD]/g, '');
}

/**
 * Plain prose lines of a Markdown body: no formulas, code, links, tables, images, headings or
 * emphasis, long enough to be a sentence. Their text must show up on the page and in its PDF.
 */
export function proseLines(markdown: string, minLength = 16): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) => line.length >= minLength && !/[$`*_[\]|<>#!\\~]/.test(line) && !/^(\d+\.|[-+>])\s/.test(line) && !/^-{3,}$/.test(line),
    )
    .filter((line) => !/[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}\u{FE0F}]/u.test(line));
}

/** The questions a section or paper page shows. */
export function questionsOf(course: CourseMeta, page: PrintablePage): QuestionMeta[] {
  if (page.kind === 'section') return course.questions.filter((question) => question.section === page.section);
  return course.papers.get(page.paper ?? '') ?? [];
}
