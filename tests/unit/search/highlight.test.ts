/** The words a result's page highlights (src/lib/search/highlight.ts). */
import { describe, expect, it } from 'vitest';
import { highlightPattern } from '../../../src/lib/search/highlight.ts';

const marked = (query: string, text: string): string[] => [...text.matchAll(highlightPattern(query) ?? /$^/g)].map((match) => match[0]);

describe('highlightPattern', () => {
  it("marks the query's words wherever they are, in any case", () => {
    expect(marked('Mode collapse', 'MODE COLLAPSE: the generator collapses to one mode.')).toEqual([
      'MODE',
      'COLLAPSE',
      'collapse',
      'mode',
    ]);
  });

  it('marks runs of Chinese as written, beside the Latin words', () => {
    expect(marked('过拟合 overfitting', '过拟合（overfitting）是指……')).toEqual(['过拟合', 'overfitting']);
  });

  it('asks for each word once', () => {
    expect(highlightPattern('mode Mode MODE')?.source).toBe('mode');
  });

  it('marks nothing for a query of single letters or numbers only', () => {
    expect(highlightPattern('a b c')).toBeUndefined();
    expect(highlightPattern('0.223')).toBeUndefined();
    expect(highlightPattern('   ')).toBeUndefined();
  });
});
