/** Opens search from anywhere: `/` or Ctrl/⌘+K, or the header button. The search code loads only then. */
import { isTyping } from '../browser.ts';

async function openSearch(): Promise<void> {
  const { openSearchDialog } = await import('./dialog.ts');
  openSearchDialog();
}

export function initSearchShortcuts(): void {
  if (document.querySelector('[data-search-page]')) return; // the search page has its own box
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (!slash && !commandK) return;
    event.preventDefault();
    void openSearch();
  });
  for (const trigger of document.querySelectorAll<HTMLAnchorElement>('[data-search-open]')) {
    trigger.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return; // let "open in new tab" work
      event.preventDefault();
      void openSearch();
    });
  }
}
