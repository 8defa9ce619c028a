/**
 * The importer under mutation: thousands of damaged copies of the user's notes (deleted and
 * duplicated lines, truncated math, stray `$`, swapped heading levels, random bytes, huge lines,
 * BOM and CRLF/CR mixes). Each one either imports with nothing lost or fails with a NotesError
 * naming a line; never another exception. A sample goes through the real CLI, which must write
 * exactly that, or nothing at all.
 *
 * Seeded and deterministic: FUZZ_SEED=<n> (or "random") and FUZZ_RUNS=<n> explore further.
 * Each run mutates one question of the notes with its section heading and the notes' title (real
 * text, a small part of the parse time of the whole file), or one notes file in another style
 * (tests/fixtures/styles), and may drop in lines of those styles; one run in a hundred mutates the whole file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findHostileHtml } from '../../../src/lib/markdown/html-safety.ts';
import { NOTES_FILE } from '../../../src/lib/content/layout.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { NotesError } from '../../../src/lib/import/errors.ts';
import { parseNotes } from '../../../src/lib/import/parse-notes.ts';
import { decodeNotes } from '../../../src/lib/import/text.ts';
import { ROOT, runScript, snapshot } from '../helpers/cli.ts';
import { filesHoldTheChunks, lostLines } from '../helpers/nothing-lost.ts';

/** Mutated notes per run of the suite (each one question of the notes with one to four mutations). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Runs on the whole notes file (each parses all 1,000+ lines). */
const WHOLE_FILE_RUNS = Math.max(1, Math.round(FUZZ_RUNS / 100));
/** Mutated notes that also go through the real CLI. */
const CLI_SAMPLES = 4;
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 7606);
console.log(`import fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats it), ${FUZZ_RUNS} runs`);

const FILE = 'fuzz.md';
const NOTES = readFileSync(join(ROOT, 'content/dasc7606/notes.md'), 'utf8');
const LINES = NOTES.split('\n');
const SECTION_STARTS = LINES.flatMap((line, index) => (/^# Section \d+/.test(line) ? [index] : []));
/** Each question of the notes, with its section heading and the title above it: a small, real notes file. */
const QUESTION_SLICES = LINES.flatMap((line, index) => {
  if (!/^## Q\d+/.test(line)) return [];
  const section = SECTION_STARTS.filter((start) => start < index).at(-1) ?? 0;
  const next = LINES.findIndex((other, after) => after > index && /^#{1,2} /.test(other));
  return [[LINES[0] ?? '', '', LINES[section] ?? '', '', ...LINES.slice(index, next === -1 ? LINES.length : next)]];
});

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'truncate-math'; at: number; cut: number }
  | { kind: 'stray-dollar'; at: number; column: number }
  | { kind: 'heading-level'; at: number; depth: number }
  | { kind: 'huge-line'; at: number; unit: string; length: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'line-endings'; every: number; ending: '\r\n' | '\r'; bom: boolean };

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: position }),
  fc.record({ kind: fc.constant('truncate-math' as const), at: position, cut: position }),
  fc.record({ kind: fc.constant('stray-dollar' as const), at: position, column: position }),
  fc.record({ kind: fc.constant('heading-level' as const), at: position, depth: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('huge-line' as const),
    at: position,
    unit: fc.constantFrom('a', '$', '**a', '[', '`', '中文', '<b>', '<div>', '\\', '# ', '> ', '- ', '| x '),
    length: fc.integer({ min: 1_000, max: 20_000 }),
  }),
  // Lines of the other styles the importer reads, dropped anywhere: markers, containers, labels, headings.
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    line: fc.constantFrom(
      '**答案：** C',
      '答：因为',
      '*Answer*: yes',
      ':::details 解析',
      ':::',
      '<details><summary>解：</summary>',
      '</details>',
      '1. 设 $A$ 为',
      '2) 下列',
      '### 试题9',
      '## 一、选择题（每小题 2 分）',
      '# 2022年网传往年题',
      '###1 a)',
      '### 2 aii)',
      '<img src="./img/x.png" alt="x" style="zoom:50%;" />',
      '---',
      'title: x',
    ),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: position,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('line-endings' as const),
    every: fc.integer({ min: 1, max: 9 }),
    ending: fc.constantFrom('\r\n' as const, '\r' as const),
    bom: fc.boolean(),
  }),
);

/** Notes in the other styles the importer reads (tests/fixtures/styles): each file is a slice too. */
const STYLE_DIR = join(ROOT, 'tests/fixtures/styles');
const STYLE_SLICES = readdirSync(STYLE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(join(STYLE_DIR, name), 'utf8').split('\n'));
const SLICES = [...QUESTION_SLICES, ...STYLE_SLICES];

interface Case {
  /** Index of the slice in SLICES (a question of the user's notes, or a notes file in another style), or the whole notes. */
  slice: number | 'whole';
  mutations: Mutation[];
}

const sliceOf = (slice: Case['slice']): string[] => [...(slice === 'whole' ? LINES : (SLICES[slice] ?? []))];

const pick = (lines: string[], at: number, test: (line: string) => boolean = () => true): number => {
  const candidates = lines.flatMap((line, index) => (test(line) ? [index] : []));
  return candidates[Math.floor(at * candidates.length)] ?? Math.floor(at * lines.length);
};

/** The damaged notes, as the bytes a user's editor would save. */
export function mutate({ slice, mutations }: Case): Uint8Array {
  const lines = sliceOf(slice);
  let endings: Extract<Mutation, { kind: 'line-endings' }> | undefined;
  const byteEdits: Extract<Mutation, { kind: 'bytes' }>[] = [];
  for (const change of mutations) {
    if (change.kind === 'delete') lines.splice(pick(lines, change.at), 1);
    else if (change.kind === 'duplicate') {
      const index = pick(lines, change.at);
      lines.splice(index, 0, lines[index] ?? '');
    } else if (change.kind === 'truncate-math') {
      const index = pick(lines, change.at, (line) => line.includes('$'));
      const line = lines[index] ?? '';
      const dollar = line.indexOf('$');
      lines[index] = line.slice(0, dollar + 1 + Math.floor(change.cut * (line.length - dollar)));
    } else if (change.kind === 'stray-dollar') {
      const index = pick(lines, change.at);
      const line = lines[index] ?? '';
      const column = Math.floor(change.column * (line.length + 1));
      lines[index] = `${line.slice(0, column)}$${line.slice(column)}`;
    } else if (change.kind === 'heading-level') {
      const index = pick(lines, change.at, (line) => /^#{1,6}\s/.test(line));
      lines[index] = `${'#'.repeat(change.depth)}${change.depth > 0 ? ' ' : ''}${(lines[index] ?? '').replace(/^#+\s*/, '')}`;
    } else if (change.kind === 'huge-line') {
      lines.splice(pick(lines, change.at), 0, change.unit.repeat(Math.ceil(change.length / change.unit.length)));
    } else if (change.kind === 'insert') lines.splice(pick(lines, change.at), 0, change.line);
    else if (change.kind === 'bytes') byteEdits.push(change);
    else if (change.kind === 'line-endings') endings = change;
  }
  let text = lines.join('\n');
  if (endings) {
    let count = 0;
    const { every, ending } = endings;
    text = text.replace(/\n/g, () => (++count % every === 0 ? ending : '\n'));
    if (endings.bom) text = `\uFEFF${text}`;
  }
  let bytes = new TextEncoder().encode(text);
  for (const edit of byteEdits) {
    const at = Math.floor(edit.at * bytes.length);
    bytes = Uint8Array.from([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
  }
  return bytes;
}

type Outcome = { ok: true; files: Map<string, string>; warnings: string[] } | { ok: false; error: NotesError };

/** What the importer does before writing anything (scripts/import.ts), checked as it goes. */
function importInMemory(bytes: Uint8Array): Outcome {
  let text: string;
  let files: Map<string, string>;
  let warnings: string[];
  try {
    text = decodeNotes(bytes, FILE);
    const notes = parseNotes(text);
    files = courseFiles(notes, 'fuzz');
    warnings = notes.warnings.map((warning) => `${FILE}:${warning.line ?? ''}: ${warning.message}`);
    findHostileHtml(text);
    expect(lostLines(text, notes)).toEqual([]);
    expect(filesHoldTheChunks(notes)).toEqual([]);
  } catch (error) {
    if (!(error instanceof NotesError)) throw error;
    const lineCount = new TextDecoder().decode(bytes).split(/\r\n?|\n/).length;
    expect(error.message).toMatch(new RegExp(`^${FILE}:\\d+: \\S`));
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lineCount);
    return { ok: false, error };
  }
  return { ok: true, files: files.set(NOTES_FILE, text), warnings };
}

const sliceArbitrary: fc.Arbitrary<Case['slice']> = fc.integer({ min: 0, max: SLICES.length - 1 });
const cases = (slice: fc.Arbitrary<Case['slice']>): fc.Arbitrary<Case> =>
  fc.record({ slice, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) });

describe('importing mutated notes', () => {
  it('the unmutated notes import with nothing lost', () => {
    expect(importInMemory(new TextEncoder().encode(NOTES)).ok).toBe(true);
    expect(QUESTION_SLICES.length).toBeGreaterThanOrEqual(20);
    expect(STYLE_SLICES.length).toBeGreaterThanOrEqual(10);
    for (const slice of SLICES) expect(importInMemory(new TextEncoder().encode(slice.join('\n'))).ok).toBe(true);
  }, 60_000);

  it(`${FUZZ_RUNS} mutated slices import with nothing lost, or (only when they are not text) fail naming a line`, () => {
    const seen = { ok: 0, failed: 0 };
    fc.assert(
      fc.property(cases(sliceArbitrary), (example) => {
        if (importInMemory(mutate(example)).ok) seen.ok += 1;
        else seen.failed += 1;
      }),
      { seed: SEED, numRuns: FUZZ_RUNS },
    );
    console.log(`import fuzz: ${seen.ok} imported with nothing lost, ${seen.failed} refused with a line (not text)`);
    // Both outcomes must be common, or the mutations test only one of them.
    expect(seen.ok).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(seen.failed).toBeGreaterThan(FUZZ_RUNS / 50);
  }, 600_000);

  it(`${WHOLE_FILE_RUNS} mutated copies of the whole notes import with nothing lost, or (not text) fail naming a line`, () => {
    fc.assert(
      fc.property(cases(fc.constant('whole' as const)), (example) => {
        importInMemory(mutate(example));
      }),
      { seed: SEED, numRuns: WHOLE_FILE_RUNS },
    );
  }, 600_000);
});

/**
 * What the fuzz test found, kept as named cases (the inputs themselves: a seed's cases change
 * whenever the mutations do). Each crashed, hung or lost its line before the fix.
 */
const FIRST_QUESTION = QUESTION_SLICES[0] ?? [];
const withLine = (line: string): string => [...FIRST_QUESTION, '', line, ''].join('\n');
/** Each imports (nothing lost), with a warning naming its line where the notes had to be repaired. */
const REGRESSIONS: [name: string, notes: string, warning: RegExp | undefined][] = [
  [
    'its section and question headings one level too deep (an error, naming no line, before notes in every style were read)',
    FIRST_QUESTION.map((line) => line.replace(/^(#{1,2}) (Section|Q)/, '#$1 $2')).join('\n'),
    undefined,
  ],
  ['1,300 unclosed <b> tags on one line (stack overflow in the HTML sanitiser)', withLine('<b>'.repeat(1300)), undefined],
  ['10,000 unclosed <div> tags on one line (stack overflow in the HTML parser)', withLine('<div>'.repeat(10_000)), undefined],
  [
    '2,000 nested block quotes on one line (stack overflow in the Markdown parser; refused before notes were never refused)',
    withLine('> '.repeat(2000)),
    /^fuzz\.md:\d+: this line nests quotes or lists more than 32 levels deep/,
  ],
  [
    '2,000 nested list items on one line (16 s to parse, then a stack overflow)',
    withLine('- '.repeat(2000)),
    /^fuzz\.md:\d+: this line nests quotes or lists more than 32 levels deep/,
  ],
  [
    '30,000 emphasis runs in one paragraph (over 7 minutes to parse)',
    withLine('**a'.repeat(30_000)),
    /^fuzz\.md:\d+: this paragraph has more than 1000 runs/,
  ],
];

describe('regressions found by the fuzz test', () => {
  it.each(REGRESSIONS)(
    '%s',
    (_name, notes, warning) => {
      const outcome = importInMemory(new TextEncoder().encode(notes));
      expect(outcome.ok).toBe(true);
      if (outcome.ok && warning) expect(outcome.warnings).toContainEqual(expect.stringMatching(warning));
    },
    60_000,
  );
});

describe('the import CLI on mutated notes', () => {
  const work = mkdtempSync(join(tmpdir(), 'import-fuzz-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // The first cases of the same seed, until there are as many of each outcome.
  const chosen: { bytes: Uint8Array; outcome: Outcome }[] = [];
  for (const example of fc.sample(cases(sliceArbitrary), { seed: SEED, numRuns: 100 })) {
    const bytes = mutate(example);
    let outcome: Outcome;
    try {
      outcome = importInMemory(bytes);
    } catch {
      continue; // the fuzz test above reports it
    }
    if (chosen.filter((sample) => sample.outcome.ok === outcome.ok).length < CLI_SAMPLES / 2) chosen.push({ bytes, outcome });
    if (chosen.length === CLI_SAMPLES) break;
  }

  it.each(chosen.map((sample, index) => [index, sample] as const))(
    'sample %i: writes what the importer computed, or nothing',
    (index, { bytes, outcome }) => {
      const content = join(work, `content-${index}`);
      const courseDir = join(content, 'fuzz');
      // A previous good import is there: a failed import must leave it exactly as it was.
      const good = join(work, 'good.md');
      writeFileSync(good, NOTES);
      expect(runScript('scripts/import.ts', [good, '--course', 'fuzz', '--content', content]).status).toBe(0);
      const before = snapshot(courseDir);

      const notes = join(work, `mutated-${index}.md`);
      writeFileSync(notes, bytes);
      const run = runScript('scripts/import.ts', [notes, '--course', 'fuzz', '--content', content, '--force']);
      if (outcome.ok) {
        expect(run.status, run.stderr).toBe(0);
        for (const [path, text] of outcome.files) expect(readFileSync(join(courseDir, path), 'utf8')).toBe(text);
        const written = [...snapshot(courseDir).keys()].filter((path) => path !== 'import-manifest.json' && !path.startsWith('images'));
        expect(written.sort()).toEqual([...outcome.files.keys()].sort());
      } else {
        expect(run.status).toBe(1);
        expect(run.stderr.trimEnd()).toBe(`error: ${notes}:${outcome.error.message.slice(FILE.length + 1)}`);
        expect(snapshot(courseDir)).toEqual(before);
      }
      expect(existsSync(join(courseDir, 'questions'))).toBe(true);
    },
    120_000,
  );
});
