/**
 * A folder of notes as one course: one file per chapter or per paper is how many students keep
 * them. Files are read in natural order (`2` before `10`, `第二章` before `第十章`), each with its
 * own structure; their sections then share one numbering and question ids stay unique.
 */
import { naturalCompare } from '../content/natural-order.ts';
import type { StatedRules } from './infer.ts';
import { numberAndIdentify, parseNotesFile, type Chunk, type ParsedNotes } from './parse-notes.ts';

export interface NotesFile {
  /** Path relative to the folder, with `/`. */
  path: string;
  /** Decoded text (LF line endings, no BOM). */
  text: string;
}

/** The files in the order the course shows them. */
export function inNotesOrder<T extends { path: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => naturalCompare(a.path, b.path));
}

/** Parses every file and merges them; errors name the file (relative to the folder) and line. */
export function parseNotesFolder(files: NotesFile[], folderName: string, stated?: StatedRules): ParsedNotes {
  const merged: ParsedNotes = {
    title: folderName,
    titleLine: 0,
    header: empty(),
    preamble: empty(),
    mode: 'headings',
    inference: { chosen: { rule: 'headings', questions: 0, answered: 0, score: 0 }, answers: [], confidence: 1, stated: false },
    sections: [],
    warnings: [],
  };
  const preambles: string[] = [];
  for (const file of inNotesOrder(files)) {
    const fileTitle =
      file.path
        .split('/')
        .pop()
        ?.replace(/\.[^.]+$/, '') ?? file.path;
    const notes = parseNotesFile(file.text, { fallbackTitle: fileTitle, stated });
    for (const section of notes.sections) {
      section.source = file.path;
      // Beside other files' sections, a section under a file's title heading says which file (chapter, paper) it is from.
      if (notes.titleLine > 0 && section.line > 0) {
        section.heading = `${notes.title} · ${section.heading ?? `Section ${section.writtenNumber} · ${section.title}`}`;
      }
    }
    merged.sections.push(...notes.sections);
    merged.warnings.push(...notes.warnings.map((warning) => ({ ...warning, file: file.path })));
    const kept = [notes.header.text, notes.preamble.text].filter((text) => text !== '').join('\n\n');
    if (kept !== '') preambles.push(kept);
    if (notes.mode !== 'headings') merged.mode = notes.mode;
    // The folder's outline says how sure the import is of its least sure file.
    if (notes.inference.confidence <= merged.inference.confidence) merged.inference = notes.inference;
  }
  merged.preamble = { line: preambles.length > 0 ? 1 : 0, text: preambles.join('\n\n') };
  numberAndIdentify(merged.sections, merged.warnings);
  return merged;
}

function empty(): Chunk {
  return { line: 0, text: '' };
}
