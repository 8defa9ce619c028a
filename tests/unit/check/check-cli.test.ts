import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imagePath } from '../../../src/lib/content/images.ts';
import { ROOT, runScript } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'check-cli-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('scripts/check.ts', () => {
  it('passes the real content with warnings only', () => {
    const run = runScript('scripts/check.ts', ['--content', 'content']);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/: error: /);
    // The warning counts the screenshots the user has not put in content/dasc7606/images/ yet.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'content/dasc7606/import-manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    expect(Object.keys(manifest.files)).toContain('questions/s5-2025-may-q1.md');
    const notes = readFileSync(join(ROOT, 'content/dasc7606/notes.md'), 'utf8');
    const refs = [...notes.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
    expect(refs).toHaveLength(48);
    const missing = refs.filter((src) => !existsSync(imagePath(join(ROOT, 'content/dasc7606'), src) ?? '')).length;
    const warnings = run.stderr.trimEnd().split('\n').filter(Boolean);
    if (missing === 0) expect(warnings).toEqual([]);
    else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(
          `^content/dasc7606/(questions|sections)/[\\w-]+\\.md:\\d+: warning: ${missing} screenshots? (is|are) not in dasc7606/images/ yet`,
        ),
      );
    }
    expect(run.stdout).toBe(`Checked 30 content files: 0 errors, ${missing === 0 ? 0 : 1} warning${missing === 0 ? 's' : ''}.\n`);
  });

  it("fails on the second course's broken formula, printing path:line: error: message", () => {
    const content = join(work, 'content');
    const imported = runScript('scripts/import.ts', ['tests/fixtures/notes/ml-midterm.md', '--content', content]);
    expect(imported.status).toBe(0);
    expect(existsSync(join(content, 'ml-midterm', 'images', '2023Oct', '1.png'))).toBe(true);

    const run = runScript('scripts/check.ts', ['--content', content]);
    expect(run.status).toBe(1);
    const output = run.stderr.trimEnd().split('\n');
    const errors = output.filter((line) => line.includes(': error: '));
    expect(errors).toHaveLength(1);
    const [error] = errors;
    const match = /^(.+\/ml-midterm\/questions\/s2-2022-dec-q3\.md):(\d+): error: KaTeX cannot render \$(.+)\$: (.+)$/.exec(error ?? '');
    expect(match).not.toBeNull();
    const [, path, line, tex] = match ?? [];
    const fileLines = readFileSync(join(ROOT, path ?? ''), 'utf8').split('\n');
    expect(fileLines[Number(line) - 1]).toContain(`$${tex ?? ''}$`);
    expect(output.filter((line) => line.includes(': warning: '))).toEqual([
      expect.stringMatching(/: warning: 9 screenshots are not in ml-midterm\/images\/ yet/),
    ]);
    expect(run.stdout).toBe('Checked 12 content files: 1 error, 1 warning.\n');
  });

  it('reads CONTENT_DIR when no --content is given', () => {
    const run = runScript('scripts/check.ts', [], { CONTENT_DIR: join(work, 'content') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Checked 12 content files');
  });

  it('says so when the content folder does not exist, without a stack trace', () => {
    const run = runScript('scripts/check.ts', ['--content', join(work, 'nowhere')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd()).toBe(`error: no content folder at ${join(work, 'nowhere')}: run npm run import -- <notes.md> first`);
  });
});
