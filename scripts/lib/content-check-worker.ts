/**
 * The content check on a thread of its own, for `npm run dev` (scripts/lib/live-notes.ts): running
 * every formula through KaTeX takes long enough to hold up the page that is reloading with a save.
 * Asked `{ id, contentDir, course }`, answers `{ id, diagnostics }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from '../../src/lib/check/content-check.ts';
import { checkContentFolder } from './content-check.ts';

export interface CheckRequest {
  id: number;
  contentDir: string;
  course: string;
}

export type CheckAnswer = { id: number; diagnostics: Diagnostic[] } | { id: number; error: string };

parentPort?.on('message', (request: CheckRequest) => {
  checkContentFolder(request.contentDir, [request.course]).then(
    ({ diagnostics }) => parentPort?.postMessage({ id: request.id, diagnostics } satisfies CheckAnswer),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies CheckAnswer),
  );
});
