/**
 * What the site keeps in the browser's localStorage, each under one name spelled here only: the
 * pre-paint script (inline-scripts.ts) reads the reader's choices before the page paints, and the
 * page scripts (src/client/) read and write them.
 */
export const STORAGE_KEYS = {
  /** "light" or "dark"; absent: the system's theme. */
  theme: 'theme',
  /** "zh" or "en"; absent: answers in both languages. */
  readingLanguage: 'reading-language',
  /** "1": examinable parts only. */
  examinableOnly: 'examinable-only',
  /** "1": Test me stays on from page to page. */
  testMe: 'test-me',
  /** The reader's ratings and exam dates, as lib/progress/storage.ts writes them. */
  progress: 'revision-progress',
} as const;
