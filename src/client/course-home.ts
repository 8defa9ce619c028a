/**
 * The course home's revision panel: the exam countdown, the reader's own exam date (set, changed,
 * or "none"), exam-day readiness for the course and each section, and the progress tallies.
 */
import { isExamDate } from '../lib/content/exam-date.ts';
import { countdown, examMoment, studyDaysLeft } from '../lib/progress/exam.ts';
import { readiness, type Readiness } from '../lib/progress/forecast.ts';
import { chooseExamDate, type Progress } from '../lib/progress/storage.ts';
import type { RevisionData } from '../lib/site/revision.ts';
import { loadProgress, onProgress, saveProgress } from './progress-store.ts';
import { renderTallies } from './progress-view.ts';
import { courseScope, examDateOf, percent, readRevisionData } from './revision-data.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function describeReadiness({ recall, examinable, unrated }: Readiness): string {
  const rated = unrated === 0 ? 'all rated' : `${unrated} of ${plural(examinable, 'examinable question')} not rated yet`;
  return `Exam-day readiness: ${percent(recall)} · ${rated}.`;
}

function render(data: RevisionData, progress: Progress): void {
  renderTallies(progress);
  const now = new Date();
  const date = examDateOf(data, progress);
  const ahead = date !== undefined && studyDaysLeft(now, date) > 0;
  const countdownText = document.querySelector<HTMLElement>('[data-exam-countdown]');
  if (countdownText)
    countdownText.textContent = date ? countdown(now, date) : 'No exam date set: set yours below to see your readiness on the day.';

  const exam = date ? examMoment(date) : undefined;
  const course = document.querySelector<HTMLElement>('[data-readiness]');
  if (course) course.textContent = exam && ahead ? describeReadiness(readiness(data.questions, progress.reviews, exam)) : '';
  for (const element of document.querySelectorAll<HTMLElement>('[data-readiness-section]')) {
    const section = Number(element.dataset.readinessSection);
    const questions = data.questions.filter((question) => question.section === section);
    const result = exam && ahead ? readiness(questions, progress.reviews, exam) : undefined;
    element.textContent =
      result && result.examinable > 0
        ? `Exam-day readiness ${percent(result.recall)}${result.unrated > 0 ? ` · ${result.unrated} unrated` : ''}`
        : '';
  }

  const form = document.querySelector<HTMLFormElement>('[data-exam-form]');
  if (!form) return;
  const day = form.elements.namedItem('exam-day') as HTMLInputElement;
  const time = form.elements.namedItem('exam-time') as HTMLInputElement;
  day.value = date?.slice(0, 10) ?? '';
  time.value = date?.slice(11) ?? '';
  const fromNotes = form.querySelector<HTMLButtonElement>('[data-exam-notes]');
  if (fromNotes) fromNotes.hidden = data.examDate === undefined || progress.examDates[data.course] === undefined;
}

function wireForm(data: RevisionData): void {
  const form = document.querySelector<HTMLFormElement>('[data-exam-form]');
  const status = document.querySelector<HTMLElement>('[data-exam-status]');
  if (!form) return;
  const choose = async (date: string | null | undefined, message: string): Promise<void> => {
    const kept = saveProgress(chooseExamDate(await loadProgress(), data.course, date, new Date()));
    if (status)
      status.textContent = kept ? message : `${message} It lasts until you leave this page: this browser is not letting the site save it.`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const day = (form.elements.namedItem('exam-day') as HTMLInputElement).value;
    const time = (form.elements.namedItem('exam-time') as HTMLInputElement).value;
    const date = time ? `${day}T${time}` : day;
    if (!isExamDate(date)) {
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
  void loadProgress(courseScope(data)).then((progress) => render(data, progress));
  onProgress((progress) => render(data, progress));
  wireForm(data);
}
