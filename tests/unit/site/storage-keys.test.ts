/**
 * The storage keys are spelled once: the pre-paint script reads the reader's choices under the
 * names the page scripts write them (STORAGE_KEYS), and applies them before the page paints.
 */
import { describe, expect, it } from 'vitest';
import { PRE_PAINT_SCRIPT } from '../../../src/lib/site/inline-scripts.ts';
import { STORAGE_KEYS } from '../../../src/lib/site/storage-keys.ts';

/** Runs the pre-paint script over a stored set of choices and returns what it put on <html>. */
function prePaint(stored: Record<string, string>, search = ''): Record<string, string> {
  const dataset: Record<string, string> = {};
  const root = { dataset, classList: { add: () => undefined } };
  const storage = { getItem: (key: string) => stored[key] ?? null };
  new Function('document', 'localStorage', 'location', PRE_PAINT_SCRIPT)({ documentElement: root }, storage, { search });
  return dataset;
}

describe('STORAGE_KEYS', () => {
  it('are distinct names', () => {
    const names = Object.values(STORAGE_KEYS);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the pre-paint script applies each choice stored under its key', () => {
    expect(prePaint({})).toEqual({});
    expect(
      prePaint({
        [STORAGE_KEYS.theme]: 'dark',
        [STORAGE_KEYS.readingLanguage]: 'zh',
        [STORAGE_KEYS.examinableOnly]: '1',
        [STORAGE_KEYS.testMe]: '1',
      }),
    ).toEqual({ theme: 'dark', langMode: 'zh', examinableOnly: '', testMe: '' });
    expect(prePaint({}, '?test=1')).toEqual({ testMe: '' });
  });
});
