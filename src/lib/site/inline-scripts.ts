/**
 * The only inline scripts the site writes, kept here as text so the Content-Security-Policy can
 * allow each by its hash (astro.config.mjs) and nothing else inline runs. They run as the page
 * is parsed, before it paints; everything else is a bundled module.
 */
import { STORAGE_KEYS } from './storage-keys.ts';

const key = (name: keyof typeof STORAGE_KEYS): string => JSON.stringify(STORAGE_KEYS[name]);

/** Applies a chosen theme, language, examinable-only or Test-me before first paint, so the other one never flashes. */
export const PRE_PAINT_SCRIPT = `
// A block, so these names stay out of the page's global scope.
{
  const root = document.documentElement;
  root.classList.add('js');
  // Storage may be blocked or broken: a failed read counts as no choice, and the other reads still happen.
  const read = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const theme = read(${key('theme')});
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  const language = read(${key('readingLanguage')});
  if (language === 'zh' || language === 'en') root.dataset.langMode = language;
  if (read(${key('examinableOnly')}) === '1') root.dataset.examinableOnly = '';
  // Test me (remembered, or asked for by a review-queue link): answers are hidden from the first frame, never flashed.
  if (read(${key('testMe')}) === '1' || new URLSearchParams(location.search).get('test') === '1') root.dataset.testMe = '';
}
`;

/** On phones the question list starts collapsed so the first question is on screen, without the page jumping when it closes. */
export const TOC_COLLAPSE_SCRIPT = `
if (matchMedia('(max-width: 69.99rem)').matches) for (const toc of document.querySelectorAll('[data-toc]')) toc.open = false;
`;

export const INLINE_SCRIPTS = [PRE_PAINT_SCRIPT, TOC_COLLAPSE_SCRIPT];
