/**
 * Search works at question granularity: each question of a built section page becomes its own
 * Pagefind document, with the facts a result shows (course, section, paper) as metadata and the
 * filters students narrow by. Formulas are indexed once, as readable text.
 *
 * Within a question, Pagefind splits results at anchors: elements with an id that are headings or
 * carry a `data-pagefind-title`. Each part heading and each answer variant is one, named by its
 * labels and title or first words (titles.ts), so a result names and opens the part and the
 * variant tab it matched in.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import type { Part } from '../content/schema.ts';
import { hasClass } from '../markdown/hast-helpers.ts';
import { hideHan } from './indexes.ts';
import { texToText } from './tex-to-text.ts';
import { firstWords, resultName } from './titles.ts';

export interface QuestionFacts {
  courseTitle: string;
  /** "Section 1 · DeepLearning Basis" */
  sectionLabel: string;
  /** "Q1" */
  questionLabel: string;
  /** The question's own title, when its heading has words after number and paper. */
  title?: string | undefined;
  /** Its parts as imported: the label and title a result names a part by, keyed by anchor. */
  parts: Pick<Part, 'anchor' | 'label' | 'title'>[];
  paperLabel?: string | undefined;
  year?: number | undefined;
  hasAnswer: boolean;
}

/** Filter names and values, as shown next to their counts. */
export const FILTERS = {
  course: 'Course',
  section: 'Section',
  year: 'Year',
  examinable: 'Examinable',
  answer: 'Answer',
} as const;

export const FILTER_VALUES = {
  examinable: 'Examinable',
  notExaminedParts: 'Has parts not examined',
  written: 'Written answer',
  screenshotsOnly: 'Screenshots only',
} as const;

function span(attributes: Record<string, string>, text: string): Element {
  return { type: 'element', tagName: 'span', properties: attributes, children: [{ type: 'text', value: text }] };
}

/** Headings that only frame what follows ("Answer", a variant's source): never a result of their own. */
const STRUCTURE_HEADINGS = ['answer-heading', 'variant-label'];

function isHeading(node: Element): boolean {
  return /^h[1-6]$/.test(node.tagName);
}

/**
 * Replaces rendered math with readable text and drops what is page chrome, not content. Only the
 * anchors results link to keep their ids; structure headings lose theirs, so what follows them
 * belongs to the question, part or variant around them.
 */
function indexableBody(article: Element): Element {
  const copy = structuredClone(article);
  visit(copy, 'element', (node, index, parent) => {
    if (index === undefined || !parent) return;
    // A formula KaTeX could not parse is indexed like the others: as readable text, not TeX.
    if (hasClass(node, 'math-error')) {
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      parent.children[index] = { type: 'text', value: ` ${texToText(code ? toText(code) : '')} ` };
      return SKIP;
    }
    if (hasClass(node, 'katex')) {
      let tex = '';
      visit(node, 'element', (child) => {
        if (child.tagName === 'annotation') tex = toText(child);
      });
      parent.children[index] = { type: 'text', value: ` ${texToText(tex)} ` };
      return SKIP;
    }
    if (['shot-missing', 'permalink', 'badge', 'exam-badge', 'lang-note', 'variant-tabs'].some((name) => hasClass(node, name))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    // Pagefind stores every id with the question: only those a result can link to stay.
    if (!isAnchor(node) || STRUCTURE_HEADINGS.some((name) => hasClass(node, name))) delete node.properties.id;
    return undefined;
  });
  return copy;
}

/** The question's text as indexed: what its excerpts are cut from (and what the tests check them against). */
export function questionText(article: Element): string {
  return toText(indexableBody(article));
}

/** A region's own words for its name: its text without headings and variant labels. */
function ownText(region: Element): string {
  const copy = structuredClone(region);
  visit(copy, 'element', (node, index, parent) => {
    if (index === undefined || !parent || !(isHeading(node) || hasClass(node, 'variant-label'))) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return firstWords(toText(copy));
}

function findById(root: Element, id: string): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (node) => {
    if (node.properties.id === id) found ??= node;
  });
  return found;
}

/**
 * Names every anchor a result can link to (data-pagefind-title, which Pagefind stores with the
 * question but does not index): the question's heading, each part's heading, each answer variant,
 * and any other heading, by the labels of what it is in and its own title or first words.
 */
function nameAnchors(body: Element, facts: QuestionFacts): void {
  const parts = new Map(facts.parts.map((part) => [part.anchor, part]));
  const questionHeading = idList(body.properties.ariaLabelledBy)
    .map((id) => findById(body, id))
    .find((node) => node !== undefined);
  if (questionHeading) questionHeading.properties.dataPagefindTitle = resultName([facts.questionLabel], facts.title || ownText(body));
  const walk = (node: Element, labels: string[]): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (hasClass(child, 'part')) {
        const part = parts.get(String(child.properties.dataPart));
        const partLabels = [...labels, part?.label ?? ''];
        const name = resultName(partLabels, part?.title || ownText(child));
        for (const id of idList(child.properties.ariaLabelledBy)) {
          const heading = findById(child, id);
          if (heading) heading.properties.dataPagefindTitle = name;
        }
        walk(child, partLabels);
      } else if (hasClass(child, 'variant') && typeof child.properties.id === 'string') {
        const variantLabels = [...labels, String(child.properties.dataSource ?? '')];
        child.properties.dataPagefindTitle = resultName(variantLabels, ownText(child));
        walk(child, variantLabels);
      } else if (isHeading(child) && typeof child.properties.id === 'string' && child.properties.dataPagefindTitle === undefined) {
        child.properties.dataPagefindTitle = resultName(labels, toText(child));
      } else {
        walk(child, labels);
      }
    }
  };
  walk(body, [facts.questionLabel]);
}

/** Ids in an attribute: a list in parsed HTML (aria-labelledby is space-separated), a string in hand-built trees. */
function idList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function isNotExaminedPart(node: Element): boolean {
  return node.tagName === 'section' && node.properties.dataExaminability === 'not-examined';
}

/** Whether Pagefind starts a result at this element: a heading with an id, or an answer variant. */
function isAnchor(node: Element): boolean {
  return typeof node.properties.id === 'string' && (isHeading(node) || hasClass(node, 'variant'));
}

/**
 * Anchor ids of the parts marked not examined: their headings, and the headings and answer
 * variants inside them (a sub-part is hidden with its part), so results under them can be hidden.
 */
export function notExaminedAnchors(article: Element): string[] {
  const anchors = new Set<string>();
  visit(article, 'element', (node) => {
    if (!isNotExaminedPart(node)) return undefined;
    visit(node, 'element', (inner) => {
      if (isAnchor(inner)) anchors.add(String(inner.properties.id));
    });
    return SKIP;
  });
  return [...anchors];
}

/** Whether any part stays when the parts marked not examined are hidden, with the sub-parts inside them. */
function hasExaminablePart(article: Element): boolean {
  let parts = 0;
  let examinable = 0;
  visit(article, 'element', (node) => {
    if (node.tagName !== 'section' || !hasClass(node, 'part')) return undefined;
    parts += 1;
    if (isNotExaminedPart(node)) return SKIP;
    examinable += 1;
    return undefined;
  });
  return parts === 0 || examinable > 0;
}

/**
 * A copy for the Latin index, its Chinese characters out of reach of the word list but kept in
 * place for excerpts (see indexes.ts): in its text, in image descriptions, which Pagefind may index
 * as metadata (image_alt), and in the metadata it is given. Anchor names are stored, not indexed.
 */
function forLatinIndex<T extends Element | ElementContent>(tree: T): T {
  const copy = structuredClone(tree);
  visit(copy, (node) => {
    if (node.type === 'text') node.value = hideHan(node.value);
    if (node.type === 'element' && typeof node.properties.alt === 'string') node.properties.alt = hideHan(node.properties.alt);
  });
  return copy;
}

/** The page Pagefind reads: facets (filters and metadata, not indexed as words) and the body. */
function documentHtml(facets: ElementContent[], body: Element): string {
  const root: Root = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'html',
        // Each index is segmented as Chinese (see scripts/lib/search-index.ts).
        properties: { lang: 'zh' },
        children: [
          {
            type: 'element',
            tagName: 'body',
            properties: {},
            children: [
              {
                type: 'element',
                tagName: 'main',
                properties: { dataPagefindBody: '' },
                children: [{ type: 'element', tagName: 'div', properties: { dataPagefindIgnore: '' }, children: facets }, body],
              },
            ],
          },
        ],
      },
    ],
  };
  return toHtml(root);
}

/**
 * The HTML Pagefind indexes for one question, in full and for the Latin index, and its plain
 * text (for the typo vocabulary).
 */
export function questionDocument(article: Element, facts: QuestionFacts): { html: string; latinHtml: string; text: string } {
  const body = indexableBody(article);
  nameAnchors(body, facts);
  const notExamined = notExaminedAnchors(body);
  const examinable = hasExaminablePart(article);
  const filters: [string, string][] = [
    ['course', facts.courseTitle],
    ['section', facts.sectionLabel],
    ...(facts.year === undefined ? [] : ([['year', String(facts.year)]] as [string, string][])),
    ...(examinable ? ([['examinable', FILTER_VALUES.examinable]] as [string, string][]) : []),
    ...(notExamined.length > 0 ? ([['examinable', FILTER_VALUES.notExaminedParts]] as [string, string][]) : []),
    ['answer', facts.hasAnswer ? FILTER_VALUES.written : FILTER_VALUES.screenshotsOnly],
  ];
  // Pagefind indexes metadata as words too, so only what a result needs and has nowhere else goes
  // here: its page and anchor are in its URL, its name in its anchors, its course and section in
  // its filters (which are not indexed as words).
  const meta: [string, string][] = [
    ...(facts.paperLabel === undefined ? [] : ([['paper', facts.paperLabel]] as [string, string][])),
    ['notExamined', notExamined.join(' ')],
  ];
  const filterFacets = filters.map(([name, value]) => span({ dataPagefindFilter: name }, value));
  const metaFacets = meta.map(([name, value]) => span({ dataPagefindMeta: name }, value));
  return {
    html: documentHtml([...filterFacets, ...metaFacets], body),
    latinHtml: documentHtml([...filterFacets, ...metaFacets.map(forLatinIndex)], forLatinIndex(body)),
    text: toText(body),
  };
}
