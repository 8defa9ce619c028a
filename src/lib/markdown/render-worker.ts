/**
 * A worker thread of the render pool (render-pool.ts): renders the entries it is sent with the
 * site's processor, one at a time, and answers each with its HTML, its metadata and the warnings
 * the pipeline printed for it (sent back so the build's log has them in the main thread, in order).
 */
import { parentPort } from 'node:worker_threads';
import { format } from 'node:util';
import { createSiteRenderer } from './processor.ts';
import type { RenderReply, RenderRequest } from './render-pool.ts';

if (!parentPort) throw new Error('render-worker.ts runs as a worker thread of render-pool.ts');
const port = parentPort;
const renderer = createSiteRenderer();
let warnings: string[] = [];
console.warn = (...args: unknown[]) => void warnings.push(format(...args));

let queue = Promise.resolve();
port.on('message', (request: RenderRequest) => {
  queue = queue.then(async () => {
    warnings = [];
    let reply: RenderReply;
    try {
      const { code, metadata } = await (
        await renderer
      ).render(request.content, {
        frontmatter: request.frontmatter,
        fileURL: new URL(request.fileURL),
      });
      reply = { id: request.id, code, metadata, warnings };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error), warnings };
    }
    port.postMessage(reply);
  });
});
