/**
 * Rendering Markdown is most of a build's work, and it runs on one core in Astro's process: the
 * pool renders on worker threads instead (render-worker.ts), one per core, while Astro goes on
 * with its pages. Requests go to the worker with the fewest waiting; the pool holds the process
 * open only while one is waiting, so the build ends when Astro's work does.
 */
import { Worker } from 'node:worker_threads';
import type { MarkdownRenderer, MarkdownRenderResult } from '@astrojs/markdown-remark';

export interface RenderRequest {
  id: number;
  content: string;
  frontmatter: Record<string, unknown>;
  fileURL: string;
}

export type RenderReply = { id: number; warnings: string[] } & (MarkdownRenderResult | { error: string });

interface PoolWorker {
  worker: Worker;
  waiting: Map<number, { done: (result: MarkdownRenderResult) => void; fail: (error: Error) => void }>;
}

/** A renderer over `threads` workers running `workerFile` (render-worker.ts). */
export function createRenderPool(workerFile: URL, threads: number): MarkdownRenderer {
  let next = 0;
  const workers: PoolWorker[] = Array.from({ length: threads }, () => {
    const entry: PoolWorker = { worker: new Worker(workerFile), waiting: new Map() };
    entry.worker.unref();
    entry.worker.on('message', (reply: RenderReply) => {
      const request = entry.waiting.get(reply.id);
      if (!request) return;
      entry.waiting.delete(reply.id);
      if (entry.waiting.size === 0) entry.worker.unref();
      for (const warning of reply.warnings) console.warn(warning);
      if ('error' in reply) request.fail(new Error(reply.error));
      else request.done({ code: reply.code, metadata: reply.metadata });
    });
    entry.worker.on('error', (error: Error) => {
      for (const request of entry.waiting.values()) request.fail(error);
      entry.waiting.clear();
    });
    return entry;
  });
  return {
    render(content, options) {
      const target = workers.reduce((least, candidate) => (candidate.waiting.size < least.waiting.size ? candidate : least));
      const id = (next += 1);
      return new Promise((done, fail) => {
        target.waiting.set(id, { done, fail });
        target.worker.ref();
        const request: RenderRequest = { id, content, frontmatter: options?.frontmatter ?? {}, fileURL: String(options?.fileURL ?? '') };
        target.worker.postMessage(request);
      });
    },
  };
}
