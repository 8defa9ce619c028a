/** The site's Markdown processor (src/lib/markdown/processor.ts), as pages render with it, without code highlighting. */
import { createSiteRenderer } from '../../../src/lib/markdown/processor.ts';

export function siteMarkdown(): ReturnType<typeof createSiteRenderer> {
  return createSiteRenderer({ syntaxHighlight: false });
}
