import { NotesError } from './errors.ts';

/**
 * Decodes a notes file as people really save them: strips a UTF-8 BOM and turns CRLF / CR
 * line endings into LF. Rejects files that are not text, naming the first bad line.
 */
export function decodeNotes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new NotesError(file, undefined, 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new NotesError(file, lineAtByte(bytes, nul), 'the file contains a NUL byte: it is binary, not a Markdown text file');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotesError(file, firstInvalidUtf8Line(bytes), 'the file is not valid UTF-8 text (save it as UTF-8)');
  }
  return normalizeNewlines(text.replace(/^\uFEFF/, ''));
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return line;
}
