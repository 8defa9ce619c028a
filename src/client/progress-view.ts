/** Fills the progress summaries a page carries: `[data-progress-keys]` lists the question keys it counts. */
import { tally, type Progress } from '../lib/progress/storage.ts';

export function renderTallies(progress: Progress, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-progress-keys]')) {
    const keys = (element.dataset.progressKeys ?? '').split(' ').filter(Boolean);
    const { rated, total, shaky, unknown } = tally(progress, keys);
    const parts = [`${rated}/${total} rated`];
    if (shaky > 0) parts.push(`${shaky} shaky`);
    if (unknown > 0) parts.push(`${unknown} didn't know`);
    element.textContent = parts.join(' · ');
  }
}
