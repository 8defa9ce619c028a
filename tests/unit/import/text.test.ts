import { describe, expect, it } from 'vitest';
import { NotesError } from '../../../src/lib/import/errors.ts';
import { slugify } from '../../../src/lib/content/ids.ts';
import { decodeNotes, normalizeNewlines } from '../../../src/lib/import/text.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

function decodeError(input: Uint8Array): NotesError {
  try {
    decodeNotes(input, 'notes.md');
  } catch (error) {
    if (error instanceof NotesError) return error;
    throw error;
  }
  throw new Error('expected a NotesError');
}

describe('decodeNotes', () => {
  it.each<[string, Uint8Array, string]>([
    ['plain LF text', utf8('# T\n\nabc\n'), '# T\n\nabc\n'],
    ['a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '# 标题\n'), '# 标题\n'],
    ['CRLF line endings', utf8('# T\r\n\r\nabc\r\n'), '# T\n\nabc\n'],
    ['old Mac CR line endings', utf8('a\rb\r'), 'a\nb\n'],
    ['BOM and CRLF together', bytes([0xef, 0xbb, 0xbf], '# Section 1 线性模型\r\n正则化\r\n'), '# Section 1 线性模型\n正则化\n'],
    ['a BOM-like character later in the text is kept', utf8('a\uFEFFb'), 'a\uFEFFb'],
  ])('decodes %s', (_name, input, expected) => {
    expect(decodeNotes(input, 'notes.md')).toBe(expected);
  });

  it.each<[string, Uint8Array, number | undefined, RegExp]>([
    ['an empty file', new Uint8Array(), undefined, /empty/],
    ['a NUL byte on line 3', bytes('# T\n\nab', [0], 'c\n'), 3, /NUL byte.*binary/],
    [
      'PNG bytes (the NUL follows two LF bytes)',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      3,
      /binary/,
    ],
    ['invalid UTF-8 on line 2', bytes('# T\n', [0xc3, 0x28], '\nok\n'), 2, /not valid UTF-8/],
    ['Latin-1 text on line 4', bytes('# T\n\n# Section 1 A\ncaf', [0xe9], '\n'), 4, /not valid UTF-8/],
  ])('rejects %s with the line', (_name, input, line, message) => {
    const error = decodeError(input);
    expect(error.file).toBe('notes.md');
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(message);
    expect(error.message).toBe(`notes.md${line === undefined ? '' : `:${line}`}: ${error.problem}`);
  });
});

describe('normalizeNewlines', () => {
  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\n\rb', 'a\n\nb'],
    ['a\nb', 'a\nb'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNewlines(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['2024 May ABC', '2024-may-abc'],
    ['DeepSeek', 'deepseek'],
    ['Gemini & GPT', 'gemini-gpt'],
    ['1.1', '1-1'],
    ['  --Hello, World!--  ', 'hello-world'],
    ['Café', 'cafe'],
    ['深度学习', ''],
    ['Section 2 深度学习', 'section-2'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
