/**
 * Search works at question granularity: each question of a built section page becomes its own
 * Pagefind document, with the facts a result shows (course, section, paper) as metadata and the
 * filters students narrow by. Formulas are indexed once, as readable text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import { withoutHan } from './indexes.ts';
import { texToText } from './tex-to-text.ts';

export interface QuestionFacts {
  courseTitle: string;
  /** "Section 1 · DeepLearning Basis" */
  sectionLabel: string;
  /** "Q1" */
  questionLabel: string;
  paperLabel?: string | undefined;
  year?: number | undefined;
  hasAnswer: boolean;
}

/** Where the index step writes the typo vocabulary, relative to the built site. */
export const VOCABULARY_PATH = 'pagefind/vocabulary.json';

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

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function span(attributes: Record<string, string>, text: string): Element {
  return { type: 'element', tagName: 'span', properties: attributes, children: [{ type: 'text', value: text }] };
}

/** Replaces rendered math with readable text and drops what is page chrome, not content. */
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
    return undefined;
  });
  return copy;
}

/** Ids in an attribute: a list in parsed HTML (aria-labelledby is space-separated), a string in hand-built trees. */
function idList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function isNotExaminedPart(node: Element): boolean {
  return node.tagName === 'section' && node.properties.dataExaminability === 'not-examined';
}

/**
 * Heading ids of the parts marked not examined, and of the headings inside them (a sub-part is
 * hidden with its part), so results under them can be hidden.
 */
export function notExaminedAnchors(article: Element): string[] {
  const anchors = new Set<string>();
  visit(article, 'element', (node) => {
    if (!isNotExaminedPart(node)) return undefined;
    for (const id of idList(node.properties.ariaLabelledBy)) anchors.add(id);
    visit(node, 'element', (inner) => {
      if (/^h[1-6]$/.test(inner.tagName) && typeof inner.properties.id === 'string') anchors.add(inner.properties.id);
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
 * A copy of the body with the Chinese characters left out, for the Latin index (see indexes.ts):
 * from its text, and from image descriptions, which Pagefind keeps as metadata (image_alt).
 */
function latinBody(body: Element): Element {
  const copy = structuredClone(body);
  visit(copy, (node) => {
    if (node.type === 'text') node.value = withoutHan(node.value);
    if (node.type === 'element' && typeof node.properties.alt === 'string') node.properties.alt = withoutHan(node.properties.alt);
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
        // Each index is segmented as Chinese (see scripts/index.ts).
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
  const notExamined = notExaminedAnchors(article);
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
  // here: its page and anchor are in its URL, its course and section in its filters. What is left
  // has no Chinese (question and paper labels are Latin), so the Latin index has none at all.
  const meta: [string, string][] = [
    ['title', [facts.questionLabel, facts.paperLabel].filter(Boolean).join(' · ')],
    ['notExamined', notExamined.join(' ')],
  ];
  const facets: ElementContent[] = [
    ...filters.map(([name, value]) => span({ dataPagefindFilter: name }, value)),
    ...meta.map(([name, value]) => span({ dataPagefindMeta: name }, value)),
  ];
  const body = indexableBody(article);
  return { html: documentHtml(facets, body), latinHtml: documentHtml(facets, latinBody(body)), text: toText(body) };
}
