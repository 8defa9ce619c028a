/** Build progress (scripts/lib/progress.ts): one updating line on a terminal, plain lines in a log, a summary per step. */
import { describe, expect, it } from 'vitest';
import { logsItem, startStep, summaryLines, type ProgressOutput } from '../../../scripts/lib/progress.ts';

function recorder(isTTY: boolean): ProgressOutput & { text: string } {
  return {
    isTTY,
    columns: 60,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('startStep', () => {
  it('writes one plain line per item to a log', () => {
    const log = recorder(false);
    const step = startStep('PDFs', 'Printing PDFs', 3, log);
    for (const label of ['dasc7606/s1', 'dasc7606/s3', 'ml-midterm/s1']) step.advance(label);
    const result = step.finish('3 PDFs');
    expect(log.text).toBe('Printing PDFs 1/3 · dasc7606/s1\nPrinting PDFs 2/3 · dasc7606/s3\nPrinting PDFs 3/3 · ml-midterm/s1\n');
    expect(log.text).not.toContain('\r');
    expect(result).toMatchObject({ name: 'PDFs', summary: '3 PDFs' });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('updates one line in place on a terminal, and clears it at the end', () => {
    const terminal = recorder(true);
    const step = startStep('PDFs', 'Printing PDFs', 2, terminal);
    step.advance('dasc7606/s1');
    step.advance('dasc7606/s2');
    step.finish('2 PDFs');
    expect(terminal.text).not.toContain('\n');
    const frames = terminal.text.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toEqual(['Printing PDFs 0/2', 'Printing PDFs 1/2 · dasc7606/s1', 'Printing PDFs 2/2 · dasc7606/s2']);
    expect(terminal.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('cuts a live line to the terminal width', () => {
    const terminal = recorder(true);
    startStep('Index', 'Indexing section pages', 1, terminal).advance('a-course-with-a-very-long-name/s12-and-more-words-still');
    for (const frame of terminal.text.split('\r\x1b[2K').filter(Boolean)) expect(frame.length).toBeLessThan(60);
  });

  it('writes a log line per tenth when there are many items, and always the last', () => {
    const lines = Array.from({ length: 2500 }, (_, index) => index + 1).filter((done) => logsItem(done, 2500));
    expect(lines).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500]);
    expect(Array.from({ length: 14 }, (_, index) => logsItem(index + 1, 14)).every(Boolean)).toBe(true);
  });
});

describe('summaryLines', () => {
  it('gives each step a line with its time and summary, then the total', () => {
    const lines = summaryLines([
      { name: 'Astro build', ms: 6400, summary: '18 pages' },
      { name: 'PDFs', ms: 12_100, summary: '14 PDFs: 1 printed, 13 unchanged' },
    ]);
    expect(lines).toEqual([
      '  Astro build  6.4 s  18 pages',
      '  PDFs          12 s  14 PDFs: 1 printed, 13 unchanged',
      '  Total         19 s',
    ]);
  });
});
