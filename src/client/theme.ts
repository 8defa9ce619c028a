/** The theme toggle: shows the effective theme as a pressed state and remembers the reader's choice. */
import { STORAGE_KEYS } from '../lib/site/storage-keys.ts';
import { remember } from './browser.ts';

type Theme = 'light' | 'dark';

function effectiveTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = (): void => button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
    sync();
    button.addEventListener('click', () => {
      const next: Theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      remember(STORAGE_KEYS.theme, next);
      sync();
    });
  }
}
