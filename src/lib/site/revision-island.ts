/**
 * The JSON island a revision page carries its RevisionData in (revision.ts), apart from the model
 * so browser code can find it without loading the content contract (and zod with it).
 */

/** The element id of the island. */
export const REVISION_DATA_ID = 'revision-data';

/** JSON to put inside a <script> element: a "</script>" in a title from the notes cannot end it early. */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
