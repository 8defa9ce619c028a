/**
 * A build step after `astro build`: Pagefind indexes with one document per question, cut from the
 * built section pages: the Latin one (Chinese characters kept out of its words, for queries without Chinese) in
 * <dist>/pagefind/ and the full one in <dist>/pagefind/full/.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import * as pagefind from 'pagefind';
import { visit } from 'unist-util-visit';
import { questionDocument, VOCABULARY_PATH } from '../../src/lib/search/documents.ts';
import { INDEX_PATHS, type SearchIndex } from '../../src/lib/search/indexes.ts';
import { buildVocabulary } from '../../src/lib/search/typos.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { findPrintablePages, fileInDist } from './built-pages.ts';
import { readContentFolder } from '../../src/lib/content/read.ts';
import { questionLabel, sectionName } from '../../src/lib/site/model.ts';
import { startStep, type ProgressOutput, type StepResult } from './progress.ts';

export async function writeSearchIndex(dist: string, contentDir: string, output?: ProgressOutput): Promise<StepResult> {
  const started = performance.now();
  const courses = new Map(readContentFolder(contentDir).map((course) => [course.id, course]));
  // The notes mix Chinese and English in every page, and Pagefind only segments Chinese words
  // (过拟合 inside a sentence) in pages indexed as Chinese: so the full index is indexed as
  // Chinese, and so is the Latin one, which then splits words and loads Pagefind's code alike.
  const indexes = {} as Record<SearchIndex, pagefind.PagefindIndex>;
  for (const name of ['full', 'latin'] as const) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    indexes[name] = index;
  }

  const texts: string[] = [];
  const sectionPages = findPrintablePages(dist).filter((printable) => printable.kind === 'section');
  const step = startStep('Search index', 'Indexing section pages', sectionPages.length, output);
  for (const page of sectionPages) {
    const course = courses.get(page.course);
    const section = course?.sections.find((candidate) => candidate.data.number === page.section)?.data;
    if (!course || !section) throw new Error(`${page.url}: no course or section for this built page in ${contentDir}`);
    const tree = fromHtml(readFileSync(fileInDist(dist, page.url), 'utf8'));
    const articles: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'article' && typeof node.properties.dataQuestionId === 'string') articles.push(node);
    });
    for (const article of articles) {
      const id = String(article.properties.id);
      const question = course.questions.find((candidate) => candidate.data.id === id)?.data;
      if (!question) throw new Error(`${page.url}#${id}: question not found in ${contentDir}/${course.id}`);
      const { html, latinHtml, text } = questionDocument(article, {
        courseTitle: course.course.data.title,
        sectionLabel: sectionName(section),
        questionLabel: questionLabel(question),
        title: question.title,
        parts: question.parts,
        paperLabel: question.paper?.label,
        year: question.paper?.year,
        hasAnswer: question.hasAnswer,
      });
      // Both records have the question's URL: results from either index name the same question.
      const url = urls.question(course.id, section.number, id);
      for (const [name, content] of [
        ['full', html],
        ['latin', latinHtml],
      ] as const) {
        const added = await indexes[name].addHTMLFile({ url, content });
        if (added.errors.length > 0) throw new Error(`${page.url}#${id}: ${added.errors.join('; ')}`);
      }
      texts.push(text);
    }
    step.advance(`${page.course}/s${page.section}`);
  }
  // The Latin index first: the full one is written inside its folder.
  for (const name of ['latin', 'full'] as const) {
    const outputPath = join(dist, INDEX_PATHS[name]);
    const written = await indexes[name].writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${name} index: ${written.errors.join('; ')}`);
  }
  // The full index is searched with the Latin one's script and WebAssembly: its own copies go.
  const fullDir = join(dist, INDEX_PATHS.full);
  for (const file of readdirSync(fullDir)) if (/\.(?:js|css)$|^wasm\./.test(file)) rmSync(join(fullDir, file));
  await pagefind.close();
  writeFileSync(join(dist, VOCABULARY_PATH), JSON.stringify(buildVocabulary(texts)));
  return { ...step.finish(`${texts.length} questions indexed into ${join(dist, 'pagefind')}/`), ms: performance.now() - started };
}
