/** The search dialog over any page. Esc closes it (native <dialog>) and focus returns to where it was. */
import { createSearchPanel, type SearchCourse } from './ui.ts';
import { isCourseId } from '../../lib/content/paths.ts';

/** The course of the page, as the header's search entry names it (SearchTrigger.astro). */
function pageCourse(): SearchCourse | undefined {
  const trigger = document.querySelector<HTMLElement>('[data-search-course]');
  const id = trigger?.dataset.searchCourse;
  return id !== undefined && isCourseId(id) ? { id, title: trigger?.dataset.searchCourseTitle ?? id } : undefined;
}

let dialog: HTMLDialogElement | undefined;
let input: HTMLInputElement | undefined;

/** `typedEarly`: keys typed while this code was loading, appended to the query. */
export function openSearchDialog(typedEarly = ''): void {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'search-dialog';
    dialog.setAttribute('aria-label', 'Search the notes');
    const panel = createSearchPanel({ course: pageCourse() });
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button search-close';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog?.close());
    panel.element.querySelector('.search-bar')?.append(close);
    dialog.append(panel.element);
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    // In a search box with text, Chromium spends the first Esc on clearing it: close at once instead.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      dialog?.close();
    });
    document.body.append(dialog);
    input = panel.input;
    void panel.run('');
  }
  if (!dialog.open) dialog.showModal();
  if (!input) return;
  input.focus();
  if (typedEarly) {
    input.value = typedEarly;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    input.select();
  }
}
