/** A thread of onThreads (threads.ts): runs its function on its share of the items, passing progress and the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadWork } from './threads.ts';

const { module, name, items, data } = workerData as { module: string; name: string; items: unknown[]; data: unknown };
const run = (await import(module))[name] as ThreadWork<unknown, unknown, unknown, unknown>;
const result = await run(items, data, (progress) => parentPort?.postMessage({ progress }));
parentPort?.postMessage({ result });
