/**
 * Landing from a search result (`?highlight=mode collapse#…`): the query's words are highlighted
 * on the page with the CSS Custom Highlight API, which marks text without changing the DOM.
 */
import { highlightPattern } from '../lib/search/highlight.ts';

export function highlightFromUrl(): number {
  const query = new URL(location.href).searchParams.get('highlight');
  if (!query || typeof Highlight === 'undefined' || !('highlights' in CSS)) return 0;
  const pattern = highlightPattern(query);
  const root = document.querySelector('main');
  if (!root || !pattern) return 0;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(pattern)) {
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  CSS.highlights.set('search-terms', new Highlight(...ranges));
  return ranges.length;
}
