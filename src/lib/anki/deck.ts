/**
 * A course's questions as a file Anki's text import reads (File → Import; Anki's manual, "Text
 * Files", and its file headers): tab-separated, every field quoted, HTML allowed, Basic notes.
 *
 * Columns: Front, Back, Tags, Deck, GUID. The deck is a column rather than `#deck:` because Anki
 * uses a `#deck:` header only when a deck of that name already exists, while it creates the decks
 * a deck column names. The GUID ("<course>/<question id>") makes importing a newer file update
 * the same notes instead of adding copies.
 */
import type { Examinability } from '../content/schema.ts';

export interface Note {
  front: string;
  back: string;
  tags: string[];
  deck: string;
  guid: string;
}

export const COLUMNS = ['Front', 'Back', 'Tags', 'Deck', 'GUID'] as const;

export const HEADERS = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  `#columns:${COLUMNS.join('\t')}`,
  `#tags column:${COLUMNS.indexOf('Tags') + 1}`,
  `#deck column:${COLUMNS.indexOf('Deck') + 1}`,
  `#guid column:${COLUMNS.indexOf('GUID') + 1}`,
];

/** A field as Anki's CSV reader takes it back: in double quotes, quotes doubled, on one line. */
export function quoteField(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}

/** A tag: Anki splits tags on spaces, so words join with "_"; "::" makes a tag hierarchy. */
export function tag(...levels: string[]): string {
  return levels.map((level) => level.trim().replace(/\s+/g, '_')).join('::');
}

/** Tags for what the markers say can be examined: the question's own marker, else those of its parts, else "examinable". */
export function examinabilityTags(question: { examinability: Examinability; parts: { examinability: Examinability }[] }): string[] {
  if (question.examinability !== 'unmarked') return [tag('examinability', question.examinability)];
  const marked = [...new Set(question.parts.map((part) => part.examinability).filter((value) => value !== 'unmarked'))];
  return marked.length === 0 ? [tag('examinability', 'examinable')] : marked.map((value) => tag('examinability', `part-${value}`));
}

export function deckFile(notes: Note[]): string {
  const rows = notes.map((note) => [note.front, note.back, note.tags.join(' '), note.deck, note.guid].map(quoteField).join('\t'));
  return `${[...HEADERS, ...rows].join('\n')}\n`;
}
