/**
 * The site's Markdown pipeline, as plugins for `@astrojs/markdown-remark`'s unified() processor.
 * Math is parsed by remark-math and rendered to HTML + MathML by KaTeX at build time; raw HTML
 * in the notes is sanitised before that (rehype-safe-html.ts).
 */
import type { KatexOptions } from 'katex';
import remarkMath from 'remark-math';
import rehypeScopedHeadingIds from './rehype-heading-ids.ts';
import rehypeLanguageTags from './rehype-language-tags.ts';
import rehypeMath from './rehype-math.ts';
import rehypeMathPunctuation from './rehype-math-punctuation.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeScreenshotSources from './rehype-screenshot-sources.ts';
import rehypeScrollRegions from './rehype-scroll-regions.ts';
import rehypeStyleHashes from './rehype-style-hashes.ts';
import rehypeTaskBoxes from './rehype-task-boxes.ts';
import rehypeUnprintableCharacters from './rehype-unprintable-characters.ts';
import remarkMathRepair from './remark-math-repair.ts';
import remarkNotesDialect from './remark-notes-dialect.ts';
import remarkQuestionLayout from './remark-question-layout.ts';
import remarkScreenshots from './remark-screenshots.ts';

// The notes' dialect first: later steps see containers, `###1` headings and Typora images as the importer did.
// Layout reads screenshots as images (the question statement), so it runs before they become figures or placeholders.
export const remarkPlugins = [remarkMath, remarkNotesDialect, remarkMathRepair, remarkQuestionLayout, remarkScreenshots];

/** Shared with the content check (scripts/check.ts), which must judge formulas as the site renders them. */
export const katexOptions: KatexOptions = { output: 'htmlAndMathml', strict: 'ignore', trust: false };

// A mutable tuple: unified's types do not accept a readonly `[plugin, options]` pair.
const math: [typeof rehypeMath, KatexOptions] = [rehypeMath, katexOptions];

/**
 * Raw HTML is made safe first, so every later step (and KaTeX, whose output is trusted: `trust`
 * off means no \href to scripts, no \includegraphics from elsewhere) sees only allowed markup.
 * Task-list checkboxes become drawn boxes right after it (the sanitiser keeps only disabled checkboxes).
 * Characters no font has are marked next: after the sanitiser, which would strip the marker's
 * role and label, and before KaTeX, whose output is not text the notes wrote (formulas are left to it).
 * Screenshot sources come after it, as they set what Astro's image pipeline reads (not HTML).
 * Punctuation after a formula joins it once the formula is rendered; then the blocks that scroll
 * sideways (rendered formulas among them) are marked.
 * Style hashes come last: they must see the attributes exactly as served.
 */
export const rehypePlugins = [
  rehypeSafeHtml,
  rehypeTaskBoxes,
  rehypeUnprintableCharacters,
  rehypeScreenshotSources,
  math,
  rehypeMathPunctuation,
  rehypeScrollRegions,
  rehypeLanguageTags,
  rehypeScopedHeadingIds,
  rehypeStyleHashes,
];
