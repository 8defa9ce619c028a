/**
 * What Chromium's tagged PDF lacks, added with pdf-lib: the document's language (Chromium tags
 * Chinese spans `/Lang (zh)` but leaves the catalog without one, so a screen reader guesses), its
 * title shown in the reader's title bar, and bookmarks titled as the page titles its headings
 * (src/lib/print/outline.ts).
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { bookmarkTitles, type PrintedHeading } from '../../../src/lib/print/outline.ts';

export interface DocumentFacts {
  title: string;
  language: string;
  headings: PrintedHeading[];
}

/** The outline's items in reading order (each item, then its children). */
function outlineItems(document: PDFDocument): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return items;
}

function titleOf(item: PDFDict): string {
  const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
  return title?.decodeText() ?? '';
}

export async function finishDocument(pdf: Uint8Array, facts: DocumentFacts): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setLanguage(facts.language);
  document.setTitle(facts.title, { showInWindowTitleBar: true });
  const items = outlineItems(document);
  const titles = bookmarkTitles(items.map(titleOf), facts.headings);
  items.forEach((item, index) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index]!)));
  return document.save({ useObjectStreams: false });
}
