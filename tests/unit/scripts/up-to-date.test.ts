/** What makes `npm run build` run again: any input it reads, any setting it is given, or a touched output. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsDigest, outputDigest, readBuildStamp, writeBuildStamp, type BuildInputs } from '../../../scripts/lib/up-to-date.ts';

const work = mkdtempSync(join(tmpdir(), 'up-to-date-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
mkdirSync(join(content, 'course', 'questions'), { recursive: true });
writeFileSync(join(content, 'course', 'questions', 'q1.md'), 'An answer.\n');
const inputs: BuildInputs = { contentDir: content, env: { SITE_BASE: '/' }, printEnvironment: 'chromium 1' };

describe('the inputs digest', () => {
  const first = inputsDigest(inputs);

  it('is the same when nothing changed', () => {
    expect(inputsDigest({ ...inputs, env: { ...inputs.env, UNRELATED: 'x' } })).toBe(first);
  });

  it('changes with a content file, a setting or the printing environment', () => {
    writeFileSync(join(content, 'course', 'questions', 'q1.md'), 'An answer, edited.\n');
    const edited = inputsDigest(inputs);
    expect(edited).not.toBe(first);
    mkdirSync(join(content, 'course', 'images'), { recursive: true });
    writeFileSync(join(content, 'course', 'images', '1.png'), 'png');
    expect(inputsDigest(inputs)).not.toBe(edited);
    const now = inputsDigest(inputs);
    expect(inputsDigest({ ...inputs, env: { SITE_BASE: '/revision/' } })).not.toBe(now);
    expect(inputsDigest({ ...inputs, env: { ...inputs.env, SITE_PDFS: 'off' } })).not.toBe(now);
    expect(inputsDigest({ ...inputs, printEnvironment: 'chromium 2' })).not.toBe(now);
  });
});

describe('the output digest', () => {
  it('changes when a built file is touched, added or removed', () => {
    const dist = join(work, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<p>home</p>');
    const built = outputDigest(dist);
    expect(outputDigest(dist)).toBe(built);
    utimesSync(join(dist, 'index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = outputDigest(dist);
    expect(touched).not.toBe(built);
    writeFileSync(join(dist, 'extra.html'), '');
    expect(outputDigest(dist)).not.toBe(touched);
    rmSync(join(dist, 'extra.html'));
    expect(outputDigest(dist)).toBe(touched);
  });
});

it('the stamp reads back as written, and is absent before the first build', () => {
  const cache = join(work, 'cache');
  expect(readBuildStamp(cache)).toBeUndefined();
  writeBuildStamp(cache, { inputs: 'a', output: 'b' });
  expect(readBuildStamp(cache)).toEqual({ inputs: 'a', output: 'b' });
});
