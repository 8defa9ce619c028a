/**
 * The course home's first screen: the exam line ("Exam in 4 days · ready 38 %"), the reader's own
 * exam date behind one small control (set, changed, or "none"), how readiness is worked out behind
 * another, the one thing to do now (lib/progress/wording.ts says what), and the progress and
 * readiness of each section.
 */
import { examDateFields, examDateFromFields } from '../lib/content/exam-date.ts';
import { describeExamDate, examMoment, studyDaysLeft } from '../lib/progress/exam.ts';
import { readiness } from '../lib/progress/forecast.ts';
import { nextDueDay } from '../lib/progress/schedule.ts';
import { reviewsOf, sessionAt } from '../lib/progress/session.ts';
import { chooseExamDate, type Progress } from '../lib/progress/storage.ts';
import { examLine, homeAction, readinessCounts, sectionReadiness } from '../lib/progress/wording.ts';
import type { RevisionData } from '../lib/site/revision.ts';
import { words } from './browser.ts';
import { loadProgress, onProgress, saveProgress } from './progress-store.ts';
import { renderTallies } from './progress-view.ts';
import { courseScope, examDateOf, readRevisionData, refreshWhenDue } from './revision-data.ts';

const element = <T extends HTMLElement = HTMLElement>(selector: string): T | null => document.querySelector<T>(selector);

/** A button that shows and hides the element it controls (aria-controls), its state in aria-expanded. */
function disclosure(button: HTMLButtonElement | null, onOpen?: (panel: HTMLElement) => void): void {
  const panel = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!button || !panel) return;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) onOpen?.(panel);
  });
}

function closeDisclosure(button: HTMLButtonElement | null): void {
  const panel = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!button || !panel) return;
  button.setAttribute('aria-expanded', 'false');
  panel.hidden = true;
}

function renderAction(host: HTMLElement, data: RevisionData, progress: Progress, now: Date): Date | undefined {
  const date = examDateOf(data, progress);
  const session = sessionAt(data.questions, progress.reviews, now, date);
  const own = reviewsOf(data.questions, progress.reviews);
  const first = data.questions[0];
  const action = homeAction(session, now, { rated: Object.keys(own).length, firstSection: first?.sectionName, nextDue: nextDueDay(own) });
  if (action.kind === 'rest') {
    const text = document.createElement('span');
    text.className = 'now-rest';
    text.append(...words(action.text));
    host.replaceChildren(text);
  } else {
    const link = document.createElement('a');
    link.className = 'button button-primary now-button';
    link.href = action.kind === 'revise' ? (host.dataset.revise ?? '') : `${first?.page ?? ''}?test=1`;
    link.append(...words(action.label));
    host.replaceChildren(link);
  }
  return session.later[0]?.due;
}

function render(data: RevisionData, progress: Progress): Date | undefined {
  renderTallies(progress);
  const now = new Date();
  const date = examDateOf(data, progress);
  const exam = date !== undefined && studyDaysLeft(now, date) > 0 ? examMoment(date) : undefined;
  const ready = exam ? readiness(data.questions, progress.reviews, exam) : undefined;

  const line = element('[data-exam-countdown]');
  if (line) line.textContent = examLine(now, date, ready);
  const when = element('[data-exam-when]');
  if (when) when.textContent = date ? describeExamDate(date) : '';
  const toggle = element<HTMLButtonElement>('[data-exam-toggle]');
  if (toggle) {
    toggle.textContent = date ? 'Change date' : 'Set exam date';
  }
  const how = element<HTMLButtonElement>('[data-readiness-toggle]');
  if (how) {
    how.hidden = ready === undefined;
    if (!ready) closeDisclosure(how);
  }
  const counts = element('[data-readiness]');
  if (counts) counts.textContent = ready ? readinessCounts(ready) : '';
  for (const span of document.querySelectorAll<HTMLElement>('[data-readiness-section]')) {
    const section = Number(span.dataset.readinessSection);
    const result = exam
      ? readiness(
          data.questions.filter((question) => question.section === section),
          progress.reviews,
          exam,
        )
      : undefined;
    span.textContent = sectionReadiness(result);
  }

  const form = element<HTMLFormElement>('[data-exam-form]');
  if (form) {
    const { day, time } = examDateFields(date);
    (form.elements.namedItem('exam-day') as HTMLInputElement).value = day;
    (form.elements.namedItem('exam-time') as HTMLInputElement).value = time;
    const fromNotes = form.querySelector<HTMLButtonElement>('[data-exam-notes]');
    if (fromNotes) fromNotes.hidden = data.examDate === undefined || progress.examDates[data.course] === undefined;
  }
  const action = element('[data-now-action]');
  return action ? renderAction(action, data, progress, now) : undefined;
}

function wireForm(data: RevisionData): void {
  const form = element<HTMLFormElement>('[data-exam-form]');
  const status = element('[data-exam-status]');
  const toggle = element<HTMLButtonElement>('[data-exam-toggle]');
  if (!form) return;
  disclosure(toggle, () => (form.elements.namedItem('exam-day') as HTMLInputElement).focus());
  disclosure(element<HTMLButtonElement>('[data-readiness-toggle]'));
  const choose = async (date: string | null | undefined, message: string): Promise<void> => {
    const kept = saveProgress(chooseExamDate(await loadProgress(), data.course, date, new Date()));
    if (status)
      status.textContent = kept ? message : `${message} It lasts until you leave this page: this browser is not letting the site save it.`;
    // Done with the form: back to the control that opened it.
    closeDisclosure(toggle);
    toggle?.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const day = (form.elements.namedItem('exam-day') as HTMLInputElement).value;
    const time = (form.elements.namedItem('exam-time') as HTMLInputElement).value;
    const date = examDateFromFields(day, time);
    if (date === undefined) {
      if (status) status.textContent = 'Give the exam’s date (and, if you like, its start time).';
      return;
    }
    void choose(date, 'Exam date saved.');
  });
  form.querySelector('[data-exam-none]')?.addEventListener('click', () => {
    void choose(null, 'No exam date: the review queue follows the usual schedule.');
  });
  form.querySelector('[data-exam-notes]')?.addEventListener('click', () => {
    void choose(undefined, 'Using the exam date in the notes.');
  });
}

export function initCourseHome(): void {
  const data = readRevisionData();
  if (!data) return;
  const show = refreshWhenDue((progress: Progress) => render(data, progress));
  void loadProgress(courseScope(data)).then(show);
  onProgress(show);
  wireForm(data);
}
