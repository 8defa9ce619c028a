/**
 * A content file with a bad field must stop the build at the content sync, naming the file and
 * the field. Runs the real `astro sync` on a copy of content/dasc7606 with one field broken.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

// Inside the project, as the content loader resolves CONTENT_DIR against it; removed afterwards.
const TEMP = join(ROOT, '.tmp-schema-test');
const ASTRO = join(ROOT, 'node_modules/.bin/astro');

afterAll(() => {
  rmSync(TEMP, { recursive: true, force: true });
});

function syncWithBrokenField(
  name: string,
  file: string,
  from: RegExp,
  to: string,
): { status: number | null; output: string; path: string } {
  const contentDir = join(TEMP, name);
  mkdirSync(contentDir, { recursive: true });
  cpSync(join(ROOT, 'content/dasc7606'), join(contentDir, 'dasc7606'), { recursive: true });
  const path = join(contentDir, 'dasc7606', file);
  const text = readFileSync(path, 'utf8');
  if (!from.test(text)) throw new Error(`${file} has no ${String(from)}`);
  writeFileSync(path, text.replace(from, to));
  const result = spawnSync(ASTRO, ['sync'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    // astro's launcher runs `node` from PATH: the project's Node 24, not the system's.
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, path };
}

describe('content schema', () => {
  it.each<[string, string, RegExp, string, RegExp]>([
    [
      'a-boolean-as-text',
      'questions/s3-2025-may-q1.md',
      /^hasAnswer: true$/m,
      'hasAnswer: "yes"',
      /hasAnswer\W+.*Expected type `"boolean"`, received `"string"`/,
    ],
    [
      'an-unknown-examinability',
      'questions/s1-2024-dec-c-q2.md',
      /^ {4}examinability: not-examined$/m,
      '    examinability: sometimes',
      /parts\.0\.examinability/,
    ],
  ])(
    'a content file with %s fails `astro sync`, naming the file and the field',
    (name, file, from, to, field) => {
      const { status, output, path } = syncWithBrokenField(name, file, from, to);
      expect(status).not.toBe(0);
      expect(output).toContain(path);
      expect(output).toMatch(/does not match collection schema/);
      expect(output).toMatch(field);
    },
    120_000,
  );
});
