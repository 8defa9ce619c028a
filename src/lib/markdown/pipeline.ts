/**
 * The site's Markdown pipeline, as plugins for `@astrojs/markdown-remark`'s unified() processor.
 * Math is parsed by remark-math and rendered to HTML + MathML by KaTeX at build time.
 */
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeScopedHeadingIds from './rehype-heading-ids.ts';
import rehypeLanguageTags from './rehype-language-tags.ts';
import rehypeMathErrors from './rehype-math-errors.ts';
import rehypeStyleHashes from './rehype-style-hashes.ts';
import remarkMathRepair from './remark-math-repair.ts';
import remarkQuestionLayout from './remark-question-layout.ts';
import remarkScreenshots from './remark-screenshots.ts';

// Layout reads screenshots as images (the question statement), so it runs before they become figures or placeholders.
export const remarkPlugins = [remarkMath, remarkMathRepair, remarkQuestionLayout, remarkScreenshots];

/** Shared with the content check (scripts/check.ts), which must judge formulas as the site renders them. */
export const katexOptions: KatexOptions = { output: 'htmlAndMathml', strict: 'ignore' };

// A mutable tuple: Astro's config type does not accept a readonly `[plugin, options]` pair.
const katex: [typeof rehypeKatex, KatexOptions] = [rehypeKatex, katexOptions];

// Style hashes come last: they must see the attributes exactly as served.
export const rehypePlugins = [katex, rehypeMathErrors, rehypeLanguageTags, rehypeScopedHeadingIds, rehypeStyleHashes];
