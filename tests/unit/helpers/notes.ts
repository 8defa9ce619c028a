import { NotesError } from '../../../src/lib/import/errors.ts';
import { parseNotes, type ParsedNotes, type ParsedQuestion } from '../../../src/lib/import/parse-notes.ts';
import { decodeNotes } from '../../../src/lib/import/text.ts';

export const FILE = 'notes.md';

/** Decodes and parses notes the way the importer does. */
export function readNotes(input: string | Uint8Array, file = FILE): ParsedNotes {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return parseNotes(decodeNotes(bytes, file));
}

/** The NotesError that reading `input` throws; fails the test if it throws anything else or nothing. */
export function notesError(input: string | Uint8Array, file = FILE): NotesError {
  try {
    readNotes(input, file);
  } catch (error) {
    if (error instanceof NotesError) return error;
    throw new Error(`expected a NotesError, got ${String(error)}`);
  }
  throw new Error('expected a NotesError, but the notes were accepted');
}

export function allQuestions(notes: ParsedNotes): ParsedQuestion[] {
  return notes.sections.flatMap((section) => section.questions);
}

export const lines = (...text: string[]): string => `${text.join('\n')}\n`;
