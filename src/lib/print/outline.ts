/**
 * Bookmark titles for a printed page. Chromium makes a tagged PDF's outline from the page's
 * headings, titled with the text drawn inside each one, run together: "Q12025 May" for the badge
 * beside the question number, "(b)(b)" for a heading drawn at the foot of one page and again at the
 * top of the next, badges ("Not examined · 不考") included. The PDF step retitles each bookmark
 * with the heading's own title as the page states it ("Q1 · 2025 May", "(a) …"), after checking
 * that bookmarks and headings are the same list in the same order.
 */

/** A heading the printed page draws, in document order (read in the browser). */
export interface PrintedHeading {
  level: number;
  /** Its title for a bookmark: "Q1 · 2025 May", "(a) Discriminator evaluates real data". */
  title: string;
  /** The letters and digits it draws, to recognise its bookmark by. */
  drawn: string;
}

/** Letters and digits only, compatibility forms folded (PDF text can hold ⽂ for 文). */
export function titleKey(text: string): string {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]/gu) ?? []).join('');
}

/** Whether `inner`'s characters appear in `outer` in order (Chromium may repeat or interleave runs of a heading's text). */
function isSubsequence(inner: string, outer: string): boolean {
  const wanted = [...inner];
  let at = 0;
  for (const character of outer) if (character === wanted[at]) at += 1;
  return at === wanted.length;
}

/**
 * The new titles of Chromium's bookmarks (`bookmarks`: their titles in outline order), one per
 * heading. Chromium makes a bookmark for each heading that draws text; a bookmark whose text does
 * not hold its heading's means the two lists went out of step, and a wrong outline is worse than none.
 */
export function bookmarkTitles(bookmarks: string[], headings: PrintedHeading[]): string[] {
  const drawing = headings.filter((heading) => heading.drawn !== '');
  if (bookmarks.length !== drawing.length)
    throw new Error(
      `the PDF has ${bookmarks.length} bookmarks for ${drawing.length} headings (${drawing.map((heading) => heading.title).join(' | ')})`,
    );
  return drawing.map((heading, index) => {
    const bookmark = bookmarks[index]!;
    if (!isSubsequence(titleKey(heading.drawn), titleKey(bookmark)))
      throw new Error(`bookmark ${index + 1} reads "${bookmark}", not the heading "${heading.title}"`);
    return heading.title;
  });
}
