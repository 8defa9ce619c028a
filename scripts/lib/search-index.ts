/**
 * A build step after `astro build`: the Pagefind indexes, one document per question, cut from the
 * built section pages. Each course gets its own pair (src/lib/search/indexes.ts): the Latin one
 * (Chinese characters kept out of its words, for queries without Chinese) and the full one inside
 * it, each with the course's typo vocabulary; the site gets Pagefind's script and WebAssembly with
 * the root index every search starts from, the list of courses and the vocabulary of them all.
 * Courses are indexed on several threads at once (threads.ts), each with its own Pagefind process.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { questionDocument } from '../../src/lib/search/documents.ts';
import { courseIndexPath, SEARCH_COURSES, SEARCH_ROOT, vocabularyPath, type SearchIndex } from '../../src/lib/search/indexes.ts';
import { buildVocabulary, mergeVocabularies, type Vocabulary } from '../../src/lib/search/typos.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { findPrintablePages, pageArticles, type PrintablePage } from './built-pages.ts';
import { readCourse } from '../../src/lib/content/read.ts';
import { shownCourse } from '../../src/lib/group/group.ts';
import { questionLabel, sectionName } from '../../src/lib/site/model.ts';
import { startStep, type ProgressOutput, type StepResult } from './progress.ts';
import { onThreads, shareOut } from './threads.ts';
import type { CourseId } from '../../src/lib/content/paths.ts';
import type { QuestionData } from '../../src/lib/content/schema.ts';

/** One course to index: its id and its built section pages. */
export interface CourseToIndex {
  id: CourseId;
  pages: PrintablePage[];
}

/** Section pages a thread should have at least, for its start to pay off. */
const PAGES_PER_THREAD = 8;

export interface IndexedCourse {
  id: string;
  questions: number;
  vocabulary: Vocabulary;
}

async function createIndex(): Promise<pagefind.PagefindIndex> {
  // The notes mix Chinese and English in every page, and Pagefind only segments Chinese words
  // (过拟合 inside a sentence) in pages indexed as Chinese: so the full index is indexed as
  // Chinese, and so is the Latin one, which then splits words and loads Pagefind's code alike.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** Pagefind writes its script, WebAssembly and UI with every index: a course's copies go, the root's serve them all. */
function dropRuntime(dir: string): void {
  for (const file of readdirSync(dir)) if (/\.(?:js|css)$|^wasm\./.test(file)) rmSync(join(dir, file));
}

/** One course's two indexes and vocabulary, written under courseIndexPath; `onPage` after each section page. */
export async function indexCourse(
  dist: string,
  contentDir: string,
  course: CourseToIndex,
  onPage: (page: PrintablePage) => void,
): Promise<IndexedCourse> {
  // As the pages show it: each question once, in the section it is placed in, with every author's version in its article.
  const content = shownCourse(readCourse(contentDir, course.id));
  const questions = new Map<string, QuestionData>(content.questions.map((question) => [question.data.id, question.data]));
  const indexes = { latin: await createIndex(), full: await createIndex() } satisfies Record<SearchIndex, pagefind.PagefindIndex>;
  const texts: string[] = [];
  for (const page of course.pages) {
    const section = content.sections.find((candidate) => candidate.data.number === page.section)?.data;
    if (!section) throw new Error(`${page.url}: no section for this built page in ${contentDir}/${course.id}`);
    for (const [id, article] of pageArticles(dist, page.url)) {
      const question = questions.get(id);
      if (!question) throw new Error(`${page.url}#${id}: question not found in ${contentDir}/${course.id}`);
      const { html, latinHtml, text } = questionDocument(article, {
        courseTitle: content.course.data.title,
        sectionLabel: sectionName(section),
        questionLabel: questionLabel(question),
        title: question.title,
        parts: question.parts,
        paperLabel: question.paper?.label,
        year: question.paper?.year,
        hasAnswer: question.hasAnswer,
      });
      // Both records have the question's URL: results from either index name the same question.
      const url = urls.question(course.id, section.number, question.id);
      for (const [name, document] of [
        ['full', html],
        ['latin', latinHtml],
      ] as const) {
        const added = await indexes[name].addHTMLFile({ url, content: document });
        if (added.errors.length > 0) throw new Error(`${page.url}#${id}: ${added.errors.join('; ')}`);
      }
      texts.push(text);
    }
    onPage(page);
  }
  // The Latin index first: the full one is written inside its folder.
  for (const name of ['latin', 'full'] as const) {
    const outputPath = join(dist, courseIndexPath(course.id, name));
    const written = await indexes[name].writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${course.id}'s ${name} index: ${written.errors.join('; ')}`);
    await indexes[name].deleteIndex();
    dropRuntime(outputPath);
  }
  const vocabulary = buildVocabulary(texts);
  writeFileSync(join(dist, vocabularyPath(course.id)), JSON.stringify(vocabulary));
  return { id: course.id, questions: texts.length, vocabulary };
}

/** The root index at SEARCH_ROOT, with Pagefind's script and WebAssembly: one placeholder record, on the search page. */
async function writeRootIndex(dist: string): Promise<void> {
  const index = await createIndex();
  const added = await index.addCustomRecord({ url: urls.search(), content: 'search', language: 'zh' });
  if (added.errors.length > 0) throw new Error(`Pagefind could not add the root record: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(dist, SEARCH_ROOT) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the root index: ${written.errors.join('; ')}`);
}

/** A thread's share of the courses (threads.ts), indexed one after the other with this thread's Pagefind process. */
export async function indexCourses(
  courses: CourseToIndex[],
  { dist, contentDir }: { dist: string; contentDir: string },
  progress: (page: PrintablePage) => void,
): Promise<IndexedCourse[]> {
  const indexed: IndexedCourse[] = [];
  for (const course of courses) indexed.push(await indexCourse(dist, contentDir, course, progress));
  await pagefind.close();
  return indexed;
}

export async function writeSearchIndex(dist: string, contentDir: string, output?: ProgressOutput, threads = 1): Promise<StepResult> {
  const started = performance.now();
  const sectionPages = findPrintablePages(dist).filter((printable) => printable.kind === 'section');
  const courses: CourseToIndex[] = [];
  for (const page of sectionPages) {
    const course = courses.at(-1)?.id === page.course ? courses.at(-1) : undefined;
    if (course) course.pages.push(page);
    else courses.push({ id: page.course, pages: [page] });
  }
  const step = startStep('Search index', 'Indexing section pages', sectionPages.length, output);
  const advance = (page: PrintablePage): void => step.advance(`${page.course}/s${page.section}`);
  // A thread (and its Pagefind process) takes a second to start: worth it only with pages to share.
  const groups = shareOut(courses, threads, { weight: (course) => course.pages.length, atLeast: PAGES_PER_THREAD });
  const indexed = (
    await onThreads<CourseToIndex, { dist: string; contentDir: string }, PrintablePage, IndexedCourse[]>(groups, {
      module: import.meta.url,
      name: 'indexCourses',
      data: { dist, contentDir },
      onProgress: advance,
    })
  ).flat();
  await writeRootIndex(dist);
  await pagefind.close();
  const ids = new Set(indexed.map((course) => course.id));
  writeFileSync(join(dist, SEARCH_COURSES), JSON.stringify({ courses: courses.map((course) => course.id).filter((id) => ids.has(id)) }));
  writeFileSync(join(dist, vocabularyPath()), JSON.stringify(mergeVocabularies(indexed.map((course) => course.vocabulary))));
  const questions = indexed.reduce((sum, course) => sum + course.questions, 0);
  const summary = `${questions} questions indexed into ${join(dist, SEARCH_ROOT)}, one index per course (${indexed.length}) on ${groups.length} thread${groups.length === 1 ? '' : 's'}`;
  return { ...step.finish(summary), ms: performance.now() - started };
}
