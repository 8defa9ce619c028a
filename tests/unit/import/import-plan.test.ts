import { describe, expect, it } from 'vitest';
import { hashText, manifestFor, planImport, type ImportPlan, type Manifest } from '../../../src/lib/import/import-plan.ts';

const files = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const summary = (plan: ImportPlan) => ({
  write: [...plan.write.keys()].sort(),
  remove: [...plan.remove].sort(),
  unchanged: [...plan.unchanged].sort(),
  handEdited: plan.handEdited,
});

const V1 = files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1', 'questions/q2.md': 'q2 v1' });
const MANIFEST_V1: Manifest = manifestFor(V1);

describe('planImport', () => {
  it.each<[string, Map<string, string>, Map<string, string>, Manifest | undefined, ReturnType<typeof summary>]>([
    [
      'a first import writes everything',
      V1,
      new Map(),
      undefined,
      { write: ['course.md', 'questions/q1.md', 'questions/q2.md'], remove: [], unchanged: [], handEdited: [] },
    ],
    [
      'a re-import of unchanged notes changes nothing',
      V1,
      V1,
      MANIFEST_V1,
      { write: [], remove: [], unchanged: ['course.md', 'questions/q1.md', 'questions/q2.md'], handEdited: [] },
    ],
    [
      'changed notes rewrite only the files that change',
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v2', 'questions/q2.md': 'q2 v1' }),
      V1,
      MANIFEST_V1,
      { write: ['questions/q1.md'], remove: [], unchanged: ['course.md', 'questions/q2.md'], handEdited: [] },
    ],
    [
      'a hand edit is detected when the notes would change that file',
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v2', 'questions/q2.md': 'q2 v1' }),
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 edited by hand', 'questions/q2.md': 'q2 v1' }),
      MANIFEST_V1,
      { write: ['questions/q1.md'], remove: [], unchanged: ['course.md', 'questions/q2.md'], handEdited: ['questions/q1.md'] },
    ],
    [
      'a hand edit is detected when the notes are unchanged',
      V1,
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1', 'questions/q2.md': 'q2 fixed a typo' }),
      MANIFEST_V1,
      { write: ['questions/q2.md'], remove: [], unchanged: ['course.md', 'questions/q1.md'], handEdited: ['questions/q2.md'] },
    ],
    [
      'a file the notes no longer produce is removed',
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1' }),
      V1,
      MANIFEST_V1,
      { write: [], remove: ['questions/q2.md'], unchanged: ['course.md', 'questions/q1.md'], handEdited: [] },
    ],
    [
      'removing a hand-edited file counts as overwriting it',
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1' }),
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1', 'questions/q2.md': 'q2 with my own notes' }),
      MANIFEST_V1,
      { write: [], remove: ['questions/q2.md'], unchanged: ['course.md', 'questions/q1.md'], handEdited: ['questions/q2.md'] },
    ],
    [
      'a generated file deleted by hand is written again, not reported',
      V1,
      files({ 'course.md': 'course v1', 'questions/q1.md': 'q1 v1' }),
      MANIFEST_V1,
      { write: ['questions/q2.md'], remove: [], unchanged: ['course.md', 'questions/q1.md'], handEdited: [] },
    ],
    [
      'without a manifest, differing files already there count as hand-written',
      V1,
      files({ 'course.md': 'my course page' }),
      undefined,
      { write: ['course.md', 'questions/q1.md', 'questions/q2.md'], remove: [], unchanged: [], handEdited: ['course.md'] },
    ],
    [
      'files the manifest never recorded are left alone',
      files({ 'course.md': 'course v1' }),
      files({ 'course.md': 'course v1', 'notes-extra.md': 'mine' }),
      manifestFor(files({ 'course.md': 'course v1' })),
      { write: [], remove: [], unchanged: ['course.md'], handEdited: [] },
    ],
  ])('%s', (_name, next, current, manifest, expected) => {
    expect(summary(planImport(next, current, manifest))).toEqual(expected);
  });

  it('writes the new text of each file', () => {
    const next = files({ 'questions/q1.md': 'q1 v2' });
    expect(planImport(next, new Map(), undefined).write.get('questions/q1.md')).toBe('q1 v2');
  });

  it('lists hand-edited files sorted', () => {
    const next = files({ b: '2', a: '2', c: '2' });
    const current = files({ b: 'x', a: 'y', c: '1' });
    expect(planImport(next, current, manifestFor(files({ a: '1', b: '1', c: '1' }))).handEdited).toEqual(['a', 'b']);
  });
});

describe('manifestFor and hashText', () => {
  it('records a SHA-256 per file, sorted by path', () => {
    const manifest = manifestFor(files({ 'questions/b.md': 'B', 'course.md': 'C' }));
    expect(Object.keys(manifest.files)).toEqual(['course.md', 'questions/b.md']);
    expect(manifest.files['course.md']).toBe(hashText('C'));
    expect(hashText('C')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashText('C')).not.toBe(hashText('C\n'));
  });
});
