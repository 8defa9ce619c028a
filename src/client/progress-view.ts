/** Fills the progress summaries a page carries: `[data-progress-keys]` lists the question keys it counts. */
// Not wording.ts: section pages load this module, and wording's scheduling code would come with it.
import { tally, tallyLine, type Progress } from '../lib/progress/storage.ts';

export function renderTallies(progress: Progress, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-progress-keys]')) {
    const keys = (element.dataset.progressKeys ?? '').split(' ').filter(Boolean);
    element.textContent = tallyLine(tally(progress, keys));
  }
}
