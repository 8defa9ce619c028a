/**
 * Notes in styles nobody listed (tests/fixtures/any-style: look-alikes of real students' notes,
 * written for these tests, with expected.json counting their questions by hand and giving the
 * start of every question's statement and answer). Each imports with no structure stated: the
 * questions found within 10 % of the count by hand, every sampled statement shown on its page and
 * its answer hidden in Test me (or, for a marked option, unmarked until shown), nothing lost, and
 * the text on the pages at least 97 % of the notes' text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { closeEnough, readNotesFile } from '../../../scripts/lib/notes-corpus.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { parseNotes } from '../../../src/lib/import/parse-notes.ts';
import { markdownProcessor } from '../../../src/lib/markdown/processor.ts';
import { questionLabel } from '../../../src/lib/site/model.ts';
import { ROOT } from '../helpers/cli.ts';
import { filesHoldTheChunks, lostLines } from '../helpers/nothing-lost.ts';

const DIR = join(ROOT, 'tests/fixtures/any-style');

interface Expected {
  file: string;
  style: string;
  questions: number;
  samples: { statement: string; answer: string }[];
}

const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected[];

/** Text as the page and the notes both read it: no Markdown marks, list markers or spaces. */
const squash = (text: string): string =>
  text
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\u2212/g, '-')
    .replace(/[*_`$#>\\\s]/g, '');

interface Page {
  /** Text in view in Test me (formulas as their TeX). */
  shown: string;
  /** Text Test me hides until "Show answer". */
  hidden: string;
  /** Options marked as the answer (shown, their mark hidden). */
  marked: string;
}

const hasClass = (node: Element, name: string): boolean =>
  Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** What the page shows and hides of a rendered question, by the classes Test me reads; each formula read as its TeX (kept in its MathML). */
function testMeView(html: string, heading: string): Page {
  const view: Page = { shown: heading, hidden: '', marked: '' };
  const walk = (node: Nodes, hidden: boolean, marked: boolean): void => {
    if (node.type === 'text') {
      if (hidden) view.hidden += node.value;
      else view.shown += node.value;
      if (marked) view.marked += node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    // Chrome the page adds, and each formula's drawing (its TeX is read instead).
    if (node.type === 'element' && (hasClass(node, 'key-label') || hasClass(node, 'katex-html'))) return;
    const isHidden = hidden || (node.type === 'element' && hasClass(node, 'answer'));
    const isMarked = marked || (node.type === 'element' && hasClass(node, 'answer-mark'));
    // Of a formula's MathML, its TeX only.
    const children =
      node.type === 'element' && node.tagName === 'semantics'
        ? node.children.filter((child) => child.type === 'element' && child.tagName === 'annotation')
        : node.children;
    for (const child of children) walk(child, isHidden, isMarked);
  };
  walk(fromHtml(html, { fragment: true }), false, false);
  return view;
}

describe.each(EXPECTED)('$file', ({ file, questions, samples }) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const notes = parseNotes(text);
  const found = notes.sections.flatMap((section) => section.questions);

  it('finds its questions (within 10 % of the count by hand) with no structure stated', () => {
    expect(found.length, `${found.length} questions found, ${questions} by hand`).toSatisfy((count: number) =>
      closeEnough({ found: count, expected: questions }),
    );
  });

  it('loses nothing: every line of the notes is in a content file', () => {
    expect(lostLines(text, notes)).toEqual([]);
    expect(filesHoldTheChunks(notes)).toEqual([]);
  });

  it('shows every sampled statement in Test me and hides its answer until shown', async () => {
    const renderer = await markdownProcessor.createRenderer({});
    const pages: Page[] = [];
    const warn = console.warn;
    console.warn = () => undefined;
    for (const [path, fileText] of courseFiles(notes, 'styles')) {
      const split = path.startsWith('questions/') ? splitFrontmatter(fileText) : undefined;
      if (!split) continue;
      const { code } = await renderer.render(split.body, {
        frontmatter: split.data,
        fileURL: pathToFileURL(join('/any-style/content/styles', path)),
      });
      // The question's header shows its label and the words of its heading.
      pages.push(
        testMeView(
          code,
          `${questionLabel({ heading: String(split.data.heading), number: String(split.data.number) })} ${String(split.data.title ?? '')} `,
        ),
      );
    }
    console.warn = warn;
    for (const { statement, answer } of samples) {
      // A question that is only a screenshot shows it (a placeholder naming the file until it is added).
      const said = /^!\[[^\]]*\]\(([^)]*)/.exec(statement)?.[1]?.split('/').pop() ?? statement;
      const page = pages.find((candidate) => squash(candidate.shown).includes(squash(said)));
      expect(page, `a question shows "${statement}"`).toBeDefined();
      if (!page || answer === '') continue;
      const wanted = squash(answer.split(' / ')[0] ?? answer);
      expect(squash(page.hidden + page.marked), `"${statement}" hides "${answer}" until shown`).toContain(wanted);
      // A word-long answer (a letter, a marked option) may stand in the statement too; a sentence may not.
      if (wanted.length > 8 && !squash(page.marked).includes(wanted)) expect(squash(page.shown)).not.toContain(wanted);
    }
  });

  it('keeps at least 97 % of the notes text on its pages', async () => {
    const reading = await readNotesFile(join(DIR, file), questions);
    expect(reading.fidelity).toBeGreaterThanOrEqual(0.97);
  });
});
