/**
 * A build step's work shared out over threads: `run` (an exported function of a module) runs on
 * each share of the items, in a worker thread of its own (thread-worker.ts) when there are several
 * shares, in this thread when there is one (a small site does not wait for a thread to start).
 * Progress messages come back as they are posted; results come back in the shares' order.
 */
import { Worker } from 'node:worker_threads';

/** A function a thread runs: its share of the items, the step's data, and a way to say how far it is. */
export type ThreadWork<Item, Data, Progress, Result> = (
  items: Item[],
  data: Data,
  progress: (message: Progress) => void,
) => Promise<Result>;

export interface ThreadJob<Data, Progress> {
  /** The module (its file URL: import.meta.url of the step) and the name of the function it exports. */
  module: string;
  name: string;
  data: Data;
  onProgress: (message: Progress) => void;
}

export interface ShareRule<Item> {
  /** How much work an item is (1 each unless said). */
  weight?: (item: Item) => number;
  /** The work a share should have at least: a thread takes a moment to start, which a small share does not pay for. */
  atLeast?: number;
}

/** `items` dealt into at most `threads` shares of about equal weight, each of at least `atLeast` where there is enough, heaviest first. */
export function shareOut<Item>(items: readonly Item[], threads: number, { weight = () => 1, atLeast = 1 }: ShareRule<Item> = {}): Item[][] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const count = Math.max(1, Math.min(threads, items.length, Math.ceil(total / atLeast)));
  const shares = Array.from({ length: count }, () => ({ weight: 0, items: [] as Item[] }));
  for (const item of [...items].sort((a, b) => weight(b) - weight(a))) {
    const lightest = shares.reduce((least, share) => (share.weight < least.weight ? share : least));
    lightest.items.push(item);
    lightest.weight += weight(item);
  }
  return shares.map((share) => share.items).filter((share) => share.length > 0);
}

function onWorker<Result, Progress>(job: ThreadJob<unknown, Progress>, items: unknown[]): Promise<Result> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./thread-worker.ts', import.meta.url), {
      workerData: { module: job.module, name: job.name, items, data: job.data },
    });
    worker.on('message', (message: { progress: Progress } | { result: Result }) => {
      if ('progress' in message) job.onProgress(message.progress);
      else done(message.result);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`a thread of the build stopped (exit ${code})`)));
  });
}

/** Runs the job's function on each share, each on a thread of its own if there are several. */
export async function onThreads<Item, Data, Progress, Result>(shares: Item[][], job: ThreadJob<Data, Progress>): Promise<Result[]> {
  if (shares.length <= 1) {
    const run = (await import(job.module))[job.name] as ThreadWork<Item, Data, Progress, Result>;
    return [await run(shares[0] ?? [], job.data, job.onProgress)];
  }
  return Promise.all(shares.map((share) => onWorker<Result, Progress>(job as ThreadJob<unknown, Progress>, share)));
}
