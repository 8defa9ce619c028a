/** Opens search from anywhere: `/` or Ctrl/⌘+K, or the header button. The search code loads only then. */
import { isTyping } from '../browser.ts';
import { opensSearch, typedCharacter } from '../keys.ts';

/**
 * Keys typed while the search code is still loading would land on the page and be lost
 * ("/mode" searching "ode"): hold them and hand them to the search box once it is there.
 */
async function openSearch(): Promise<void> {
  let typedEarly = '';
  const holdKeys = (event: KeyboardEvent): void => {
    const typed = typedCharacter(event);
    if (typed === undefined) return;
    event.preventDefault();
    typedEarly += typed;
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
    if (!opensSearch(event, isTyping(event.target))) return;
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
