import { SCROLL_REGION } from '../lib/markdown/rehype-scroll-regions.ts';

/**
 * A display formula, table or code block wider than the column scrolls sideways. Keyboard readers
 * must be able to reach it to scroll it, so each one that overflows at the current width is a tab
 * stop; the others are not (a tab stop per formula would be a long way through a page). Checked
 * again as they are drawn (content-visibility) or the window changes width, which resize them, and
 * as fonts arrive, which widen what is inside them.
 */
export function initScrollRegions(root: ParentNode = document): void {
  const regions = [...root.querySelectorAll<HTMLElement>(`[${SCROLL_REGION}]`)];
  if (regions.length === 0) return;
  const check = (region: HTMLElement): void => {
    if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
    else region.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) if (target instanceof HTMLElement) check(target);
  });
  for (const region of regions) observer.observe(region);
  document.fonts.addEventListener('loadingdone', () => regions.forEach(check));
}
