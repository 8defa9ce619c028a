/** Opens search from anywhere: `/` or Ctrl/⌘+K, or the header button. The search code loads only then. */
import { isTyping } from '../browser.ts';

/**
 * Keys typed while the search code is still loading would land on the page and be lost
 * ("/mode" searching "ode"): hold them and hand them to the search box once it is there.
 */
async function openSearch(): Promise<void> {
  let typedEarly = '';
  const holdKeys = (event: KeyboardEvent): void => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    typedEarly += event.key;
  };
  document.addEventListener('keydown', holdKeys, true);
  try {
    const { openSearchDialog } = await import('./dialog.ts');
    openSearchDialog(typedEarly);
  } finally {
    document.removeEventListener('keydown', holdKeys, true);
  }
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
