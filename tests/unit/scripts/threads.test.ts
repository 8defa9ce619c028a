/** Sharing a build step's work out over threads (scripts/lib/threads.ts): how many shares, and how even. */
import { describe, expect, it } from 'vitest';
import { shareOut } from '../../../scripts/lib/threads.ts';

const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

describe('shareOut', () => {
  it('deals items into as many shares as threads, of about equal weight, heaviest first', () => {
    const shares = shareOut([5, 1, 4, 2, 3], 2, { weight: (item) => item });
    expect(shares).toEqual([
      [5, 2, 1],
      [4, 3],
    ]);
  });

  it('starts no thread for less work than it should have at least', () => {
    expect(shareOut(range(399), 4, { atLeast: 200 })).toHaveLength(2);
    expect(shareOut(range(401), 4, { atLeast: 200 })).toHaveLength(3);
    expect(shareOut(range(10), 4, { atLeast: 200 })).toEqual([range(10)]);
    // Weighed work: three courses of 8 section pages each, at least 8 pages a thread.
    expect(shareOut(['a', 'b', 'c'], 2, { weight: () => 8, atLeast: 8 })).toHaveLength(2);
    expect(shareOut(['a', 'b', 'c'], 4, { weight: () => 4, atLeast: 8 })).toHaveLength(2);
  });

  it('never makes more shares than items, nor an empty one', () => {
    expect(shareOut([1, 2], 8)).toEqual([[1], [2]]);
    expect(shareOut([], 8)).toEqual([]);
  });
});
