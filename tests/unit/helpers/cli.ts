import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const NODE = join(ROOT, 'node_modules/.bin/node');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's TypeScript scripts with the project's Node, from the project root. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(NODE, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface FileState {
  bytes: string;
  mtimeMs: number;
  ino: number;
}

/** Every file under `dir` (relative path → bytes, mtime and inode), to prove a run changed nothing. */
export function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        files.set(relative(dir, path), { bytes: readFileSync(path).toString('base64'), mtimeMs: stat.mtimeMs, ino: stat.ino });
      }
    }
  };
  walk(dir);
  return files;
}
