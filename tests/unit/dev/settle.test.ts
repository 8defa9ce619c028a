import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settledRunner } from '../../../src/lib/dev/settle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('settledRunner: a job per course once its file events settle', () => {
  it('runs once for a burst of changes, the wait after the last one', async () => {
    const runs: string[] = [];
    const runner = settledRunner(async (course: string) => void runs.push(course), 50);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(30);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(30);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(49);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['dasc7606']);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual(['dasc7606']);
  });

  it('waits for each course on its own', async () => {
    const runs: string[] = [];
    const runner = settledRunner(async (course: string) => void runs.push(course), 50);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(40);
    runner.changed('comp3314');
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toEqual(['dasc7606']);
    await vi.advanceTimersByTimeAsync(40);
    expect(runs).toEqual(['dasc7606', 'comp3314']);
  });

  it('never runs a course twice at once: a change during a run makes one more run after it', async () => {
    const events: string[] = [];
    let running = 0;
    const runner = settledRunner(async (course: string) => {
      running += 1;
      events.push(`start ${course} (${running} running)`);
      await new Promise((done) => setTimeout(done, 200));
      running -= 1;
      events.push(`end ${course}`);
    }, 50);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(60);
    // Two saves while the first import runs: one more import, after it.
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(60);
    runner.changed('dasc7606');
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['start dasc7606 (1 running)', 'end dasc7606', 'start dasc7606 (1 running)', 'end dasc7606']);
  });
});
