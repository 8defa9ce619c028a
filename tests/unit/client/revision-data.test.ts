/** The revision pages draw themselves again when a question comes back from its learning step, and every minute until then. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshWhenDue } from '../../../src/client/revision-data.ts';
import { emptyProgress, type Progress } from '../../../src/lib/progress/storage.ts';

describe('refreshWhenDue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-12T13:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('draws again each minute until the moment, then at it, and stops when nothing is waiting', () => {
    const back = new Date(Date.now() + 150_000); // in two and a half minutes
    const drawn: number[] = [];
    const show = refreshWhenDue(() => {
      drawn.push(Date.now());
      return Date.now() < back.getTime() ? back : undefined;
    });
    show(emptyProgress());
    vi.advanceTimersByTime(10 * 60_000);
    const start = new Date('2026-12-12T13:00:00Z').getTime();
    expect(drawn.map((moment) => (moment - start) / 1000)).toEqual([0, 60, 120, 150]);
  });

  it('draws with the latest progress: new progress replaces the waiting redraw', () => {
    const seen: Progress[] = [];
    const show = refreshWhenDue((progress) => {
      seen.push(progress);
      return new Date(Date.now() + 30_000);
    });
    const first = emptyProgress();
    const second = { ...emptyProgress(), examDates: { c: { date: null, setAt: '2026-12-12T13:00:00Z' } } };
    show(first);
    vi.advanceTimersByTime(10_000);
    show(second);
    vi.advanceTimersByTime(30_000);
    expect(seen).toEqual([first, second, second]);
  });
});
