/**
 * Tags each block of answer text with its language (data-lang="zh" | "en" | "mixed"), so the
 * reader's 中文 / English switch can hide the other language without any work in the browser.
 * Blocks are paragraphs, list items, headings, tables and blockquotes; math, code and images do
 * not count as words, and part headings, "Answer" headings and variant labels are structure, never tagged.
 *
 * An answer written in one language only must never vanish: each answer unit (a part's own text,
 * an answer variant, the question's text outside its parts) that has blocks in just one language
 * marks them data-lang-only, which the switch never hides, and says so in a note.
 *
 * For screen readers: Chinese blocks get lang="zh"; elsewhere each run of Chinese is wrapped in
 * <span lang="zh">, so the voice switches for it and back for the English around it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { classifyText, languageRuns, type BlockLanguage } from './language.ts';
import { isFormula } from './rehype-math.ts';

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
  if (isFormula(node)) return ' ';
  if (node.type !== 'element') return '';
  if (
    ['code', 'pre', 'img'].includes(node.tagName) ||
    classes(node).some((name) => ['katex', 'math-error', 'shot-missing', 'html-removed'].includes(name))
  )
    return ' ';
  return node.children.map(wordsOf).join('');
}

const NOTES: Record<'zh' | 'en', string> = {
  zh: 'Answered in Chinese only · 只有中文',
  en: 'Answered in English only · 只有英文',
};

function note(language: 'zh' | 'en'): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['lang-note'], dataLangNote: language },
    children: [{ type: 'text', value: NOTES[language] }],
  };
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

/** Elements whose text is not prose for a voice to read: math, code. */
const NOT_PROSE = new Set(['code', 'pre', 'script', 'style', 'math', 'svg']);

/**
 * Outside Chinese blocks (the page is English), each run of Chinese gets its own
 * <span lang="zh">, so a screen reader reads "GAN 的目标" with the right voice for each part.
 */
function markChineseRuns(parent: Root | Element, inChinese: boolean): void {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      const skip = NOT_PROSE.has(child.tagName) || classes(child).some((name) => ['katex', 'math-error'].includes(name));
      if (!skip) markChineseRuns(child, inChinese || String(child.properties.lang ?? '').startsWith('zh'));
      return [child];
    }
    if (child.type !== 'text' || inChinese) return [child as ElementContent];
    const runs = languageRuns(child.value);
    if (!runs.some((run) => run.zh)) return [child];
    return runs.map((run) =>
      run.zh
        ? { type: 'element', tagName: 'span', properties: { lang: 'zh' }, children: [{ type: 'text', value: run.text }] }
        : { type: 'text', value: run.text },
    );
  }) as typeof parent.children;
}

export default function rehypeLanguageTags() {
  return (tree: Root): void => {
    // The file itself is the outermost unit (a question's is its .question-body, nested inside).
    tagUnit({ type: 'element', tagName: 'div', properties: {}, children: tree.children as ElementContent[] });
    markChineseRuns(tree, false);
  };
}
