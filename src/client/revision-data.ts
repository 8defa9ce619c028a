/** What the revision pages' browser code shares: the page's questions (RevisionData), the exam date in force, and redrawing as time passes. */
import { examDateInForce } from '../lib/progress/exam.ts';
import type { Progress } from '../lib/progress/storage.ts';
import { REVISION_DATA_ID } from '../lib/site/revision-island.ts';
import type { RevisionData } from '../lib/site/revision.ts';

/** The RevisionData the page carries as JSON, if it carries any. */
export function readRevisionData(): RevisionData | undefined {
  const island = document.getElementById(REVISION_DATA_ID);
  return island?.textContent ? (JSON.parse(island.textContent) as RevisionData) : undefined;
}

/** Progress scoped to the course: this page knows every question of it, so ratings of vanished ones can go. */
export function courseScope(data: RevisionData): { course: string; known: Set<string> } {
  return { course: data.course, known: new Set(data.questions.map((question) => question.key)) };
}

/** The exam date in force for the page's course: the reader's, else the notes'. */
export function examDateOf(data: RevisionData, progress: Progress): string | undefined {
  return examDateInForce(data.examDate, progress.examDates[data.course]);
}

/**
 * Wraps a page's drawing, which returns when the next question comes back from its learning step:
 * the page is drawn again then, and every minute until, so "back in 7 min" counts down and the
 * question shows as due without a reload.
 */
export function refreshWhenDue(draw: (progress: Progress) => Date | undefined): (progress: Progress) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (progress: Progress): void => {
    clearTimeout(timer);
    const next = draw(progress);
    if (next) timer = setTimeout(() => show(progress), Math.min(60_000, Math.max(1000, next.getTime() - Date.now())));
  };
  return show;
}
