/**
 * Tags each block of answer text with its language (data-lang="zh" | "en" | "mixed"), so the
 * reader's 中文 / English switch can hide the other language without any work in the browser.
 * Blocks are paragraphs, list items, headings, tables and blockquotes; math, code and images do
 * not count as words, and part headings, "Answer" headings and variant labels are structure, never tagged.
 *
 * An answer written in one language only must never vanish: each answer unit (a part's own text,
 * an answer variant, the question's text outside its parts) that has blocks in just one language
 * marks them data-lang-only, which the switch never hides, and says so in a note.
 */
import type { Element, ElementContent, Root } from 'hast';
import { classifyText, type BlockLanguage } from './language.ts';

const BLOCKS = new Set(['p', 'li', 'h3', 'h4', 'h5', 'h6', 'table', 'blockquote']);
const STRUCTURE = ['part-heading', 'variant-label', 'answer-heading'];
const UNITS = ['part', 'variant', 'question-body'];
/** Blocks whose nested blocks belong to them. */
const WHOLE = new Set(['li', 'blockquote', 'table']);

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The block's words: text outside math, code and images. */
function wordsOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (['code', 'pre', 'img'].includes(node.tagName) || classes(node).some((name) => ['katex', 'math-error', 'shot-missing'].includes(name))) return ' ';
  return node.children.map(wordsOf).join('');
}

const NOTES: Record<'zh' | 'en', string> = {
  zh: 'Answered in Chinese only · 只有中文',
  en: 'Answered in English only · 只有英文',
};

function note(language: 'zh' | 'en'): Element {
  return { type: 'element', tagName: 'p', properties: { className: ['lang-note'], dataLangNote: language }, children: [{ type: 'text', value: NOTES[language] }] };
}

/** Tags the blocks of one answer unit, recursing into the units nested in it. */
function tagUnit(unit: Element): void {
  const blocks: { node: Element; language: BlockLanguage }[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const names = classes(child);
      if (names.some((name) => UNITS.includes(name))) {
        tagUnit(child);
        continue;
      }
      if (names.some((name) => STRUCTURE.includes(name))) continue;
      if (BLOCKS.has(child.tagName)) {
        const language = classifyText(wordsOf(child));
        if (language !== 'neutral') {
          child.properties.dataLang = language;
          // Screen readers switch voice for Chinese blocks; the page itself is marked English.
          if (language === 'zh') child.properties.lang = 'zh';
          blocks.push({ node: child, language });
        }
        if (WHOLE.has(child.tagName)) continue;
      }
      walk(child);
    }
  };
  walk(unit);
  const languages = new Set(blocks.map((block) => block.language));
  if (languages.size !== 1 || languages.has('mixed')) return;
  const only = blocks[0]?.language;
  if (only !== 'zh' && only !== 'en') return;
  for (const block of blocks) block.node.properties.dataLangOnly = '';
  const label = unit.children.findIndex((child) => child.type === 'element' && classes(child).some((name) => STRUCTURE.includes(name)));
  unit.children.splice(label + 1, 0, note(only));
}

export default function rehypeLanguageTags() {
  return (tree: Root): void => {
    // The file itself is the outermost unit (a question's is its .question-body, nested inside).
    tagUnit({ type: 'element', tagName: 'div', properties: {}, children: tree.children as ElementContent[] });
  };
}
