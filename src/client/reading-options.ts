/** The reading options: the choice goes on <html> (the CSS in styles/modes.css does the hiding) and into localStorage. */
import { STORAGE_KEYS } from '../lib/site/storage-keys.ts';
import { remember } from './browser.ts';

const root = document.documentElement;

export function initReadingOptions(): void {
  for (const options of document.querySelectorAll<HTMLElement>('[data-reading-options]')) {
    const current = root.dataset.langMode ?? 'both';
    for (const radio of options.querySelectorAll<HTMLInputElement>('input[name="reading-language"]')) {
      radio.checked = radio.value === current;
      radio.addEventListener('change', () => {
        if (radio.value === 'both') delete root.dataset.langMode;
        else root.dataset.langMode = radio.value;
        remember(STORAGE_KEYS.readingLanguage, radio.value === 'both' ? null : radio.value);
      });
    }
    const examinable = options.querySelector<HTMLInputElement>('input[name="examinable-only"]');
    if (examinable) {
      examinable.checked = root.dataset.examinableOnly !== undefined;
      examinable.addEventListener('change', () => {
        if (examinable.checked) root.dataset.examinableOnly = '';
        else delete root.dataset.examinableOnly;
        remember(STORAGE_KEYS.examinableOnly, examinable.checked ? '1' : null);
      });
    }
  }
}
