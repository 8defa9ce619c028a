/**
 * Chromium's tagged PDF already carries the page's title (shown in the reader's title bar) and
 * language (`/Lang (en)`, Chinese spans `/Lang (zh)`); its bookmarks get the titles the page gives
 * its headings (src/lib/print/outline.ts), set here with pdf-lib.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { bookmarkTitles, type PrintedHeading } from '../../../src/lib/print/outline.ts';

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

export async function finishDocument(pdf: Uint8Array, headings: PrintedHeading[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const items = outlineItems(document);
  const titles = bookmarkTitles(items.map(titleOf), headings);
  items.forEach((item, index) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index]!)));
  // Object streams compress the tagged structure's thousands of small objects: a third smaller.
  return document.save({ useObjectStreams: true });
}
