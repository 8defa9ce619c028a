import { describe, expect, it } from 'vitest';
import { nextLineAfter, partitionPoint } from '../../../src/lib/import/sorted.ts';
import { random } from '../../../scripts/lib/synthetic-notes.ts';

/** Ascending line numbers with repeats and gaps, as structural lines and block starts are. */
function ascending(seed: number, length: number): number[] {
  const next = random(seed);
  const values: number[] = [];
  for (let at = 0, line = 1; at < length; at++) values.push((line += Math.floor(next() * 3)));
  return values;
}

describe('partitionPoint', () => {
  it('finds where a leading run ends, as a scan from the start does', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const values = ascending(seed, seed % 7 === 0 ? 0 : seed * 3);
      for (let line = 0; line <= (values.at(-1) ?? 0) + 2; line++) {
        const scanned = values.findIndex((value) => !(value < line));
        expect(partitionPoint(values, (value) => value < line)).toBe(scanned === -1 ? values.length : scanned);
      }
    }
  });

  it('gives 0 for an empty array and the length when every item is before', () => {
    expect(partitionPoint([], () => true)).toBe(0);
    expect(partitionPoint([1, 2, 3], () => true)).toBe(3);
    expect(partitionPoint([1, 2, 3], () => false)).toBe(0);
  });
});

describe('nextLineAfter', () => {
  it('is the first line after, as find() gives it, or the fallback', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const lines = ascending(seed, seed * 2);
      for (let line = 0; line <= (lines.at(-1) ?? 0) + 2; line++) {
        expect(nextLineAfter(lines, line, -1)).toBe(lines.find((other) => other > line) ?? -1);
      }
    }
  });
});
