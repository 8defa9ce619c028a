/** What the search panel sends and says, without a browser: filters, filter values, partial matches, status lines. */
import { describe, expect, it } from 'vitest';
import { FILTER_VALUES } from '../../../src/lib/search/documents.ts';
import {
  activeFilters,
  listedFilterValues,
  moreResultsStatus,
  rankPartialMatches,
  searchStatus,
  UNAVAILABLE_NOTE,
  type FilterName,
} from '../../../src/lib/search/panel.ts';

describe('activeFilters', () => {
  it('sends each filter with a value ticked, and none unticked', () => {
    const chosen = new Map<FilterName, Set<string>>([
      ['year', new Set(['2024', '2023'])],
      ['section', new Set()],
    ]);
    expect(activeFilters(chosen, false)).toEqual({ year: { any: ['2024', '2023'] } });
  });

  it('asks for examinable questions only when the reader hides the others', () => {
    expect(activeFilters(new Map(), true)).toEqual({ examinable: { any: [FILTER_VALUES.examinable] } });
    expect(activeFilters(new Map(), false)).toEqual({});
  });
});

describe('listedFilterValues', () => {
  const totals = {
    year: { '2022': 3, '2024': 1, '2023': 5 },
    section: { 'Section 10 · RNN': 2, 'Section 2 · CNN': 4, 'Section 1 · Basics': 1 },
    course: { 'DASC7606 Final': 9 },
  };

  it('lists years newest first and the others in natural order', () => {
    expect(listedFilterValues('year', totals, 0)).toEqual(['2024', '2023', '2022']);
    expect(listedFilterValues('section', totals, 0)).toEqual(['Section 1 · Basics', 'Section 2 · CNN', 'Section 10 · RNN']);
  });

  it('lists nothing with one value to choose, unless it is ticked (so it can be unticked), nor a filter the index lacks', () => {
    expect(listedFilterValues('course', totals, 0)).toEqual([]);
    expect(listedFilterValues('course', totals, 1)).toEqual(['DASC7606 Final']);
    expect(listedFilterValues('answer', totals, 0)).toEqual([]);
  });
});

describe('rankPartialMatches', () => {
  const result = (url: string) => ({ url });

  it('puts the results with most of the words first, each once', () => {
    const ranked = rankPartialMatches([
      [result('/a/'), result('/b/')],
      [result('/b/'), result('/c/')],
      [result('/b/'), result('/c/'), result('/d/')],
    ]);
    expect(ranked.map((entry) => entry.url)).toEqual(['/b/', '/c/', '/a/', '/d/']);
  });

  it('among results with as many words, puts first those with the rarer word', () => {
    const common = [result('/a/'), result('/x/'), result('/y/'), result('/z/')];
    const rare = [result('/b/')];
    expect(rankPartialMatches([common, rare]).map((entry) => entry.url)[0]).toBe('/b/');
  });

  it('finds nothing when no word does', () => {
    expect(rankPartialMatches([[], []])).toEqual([]);
  });
});

describe('searchStatus', () => {
  const outcome = { query: 'mode colapse', searched: 'mode colapse', hits: 3, partial: false, more: false, unavailable: 0 };

  it('counts the questions found, and says when more load on request', () => {
    expect(searchStatus(outcome)).toBe('3 questions found.');
    expect(searchStatus({ ...outcome, hits: 1 })).toBe('1 question found.');
    expect(searchStatus({ ...outcome, hits: 10, more: true })).toBe('10 questions found, more below.');
  });

  it('quotes the query as typed when nothing matches', () => {
    expect(searchStatus({ ...outcome, hits: 0 })).toBe('No questions match “mode colapse”.');
  });

  it('names the corrected query, partial matches and results left out offline', () => {
    expect(searchStatus({ ...outcome, searched: 'mode collapse', partial: true, unavailable: 2 })).toBe(
      `3 questions found. Showing results for “mode collapse”. No question has every word; these have most of them. ${UNAVAILABLE_NOTE}`,
    );
    // With no hit at all, partial matching found nothing to explain.
    expect(searchStatus({ ...outcome, hits: 0, partial: true })).toBe('No questions match “mode colapse”.');
  });
});

describe('moreResultsStatus', () => {
  it('counts every question shown so far', () => {
    expect(moreResultsStatus(20, true, 0)).toBe('20 questions found, more below.');
    expect(moreResultsStatus(23, false, 1)).toBe(`23 questions found. ${UNAVAILABLE_NOTE}`);
  });
});
