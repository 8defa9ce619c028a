/**
 * Decides what an import may write. The manifest records the hash of every file as the last
 * import wrote it, so a file whose hash differs now was edited by hand and is never overwritten
 * or removed without --force.
 */
import { createHash } from 'node:crypto';

export interface Manifest {
  /** The notes imported last, relative to the course folder (the dev server watches it). */
  source?: string | undefined;
  /** Hash of each generated file (path relative to the course folder) as last written. */
  files: Record<string, string>;
}

export interface ImportPlan {
  /** Files to create or replace, with their new text. */
  write: Map<string, string>;
  /** Files the previous import wrote that the notes no longer produce. */
  remove: string[];
  unchanged: string[];
  /** Files edited by hand since the last import that this import would change. */
  handEdited: string[];
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function planImport(next: Map<string, string>, current: Map<string, string>, manifest: Manifest | undefined): ImportPlan {
  const plan: ImportPlan = { write: new Map(), remove: [], unchanged: [], handEdited: [] };
  const recorded = manifest?.files ?? {};
  const editedByHand = (path: string, text: string): boolean => recorded[path] !== hashText(text);

  for (const [path, text] of next) {
    const existing = current.get(path);
    if (existing === text) plan.unchanged.push(path);
    else {
      if (existing !== undefined && editedByHand(path, existing)) plan.handEdited.push(path);
      plan.write.set(path, text);
    }
  }
  for (const path of Object.keys(recorded)) {
    const existing = current.get(path);
    if (next.has(path) || existing === undefined) continue;
    if (editedByHand(path, existing)) plan.handEdited.push(path);
    plan.remove.push(path);
  }
  plan.handEdited.sort();
  return plan;
}

export function manifestFor(files: Map<string, string>, source?: string): Manifest {
  return {
    source,
    files: Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => [path, hashText(text)])),
  };
}
