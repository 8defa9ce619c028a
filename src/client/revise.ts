/**
 * The revise page: what to revise now (tonight's plan, or the questions due: lib/progress/session.ts),
 * one question at a time in Test me: the statement, "Show answer", a rating, then the next, across
 * the sections, until nothing is left, which it says (lib/progress/flow.ts holds the steps). The
 * questions come from their section pages as printed there. A question replaces the last in place,
 * with no new history entry, so the phone's back button returns to the course home.
 */
import { hasNext, nextIn, ratedIn, startFlow, type Flow } from '../lib/progress/flow.ts';
import { sessionAt, type Session } from '../lib/progress/session.ts';
import { againIn, position, ratedNote, resumeLabel, sessionDone, sessionTitle } from '../lib/progress/wording.ts';
import type { Progress } from '../lib/progress/storage.ts';
import type { RevisionData, RevisionQuestion } from '../lib/site/revision.ts';
import { words } from './browser.ts';
import { initLightbox } from './lightbox.ts';
import { loadProgress, onProgress } from './progress-store.ts';
import { fetchArticle, prefetch } from './question-pages.ts';
import { courseScope, examDateOf, readRevisionData, refreshWhenDue } from './revision-data.ts';
import { initScrollRegions } from './scroll-regions.ts';
import { enhanceForTestMe, setTestMe } from './test-me.ts';
import { initVariantTabs } from './variant-tabs.ts';

function part<T extends HTMLElement = HTMLElement>(name: string): T {
  const element = document.querySelector<T>(`[data-revise-${name}]`);
  if (!element) throw new Error(`revise page: no [data-revise-${name}]`);
  return element;
}

export function initRevise(): void {
  const data: RevisionData | undefined = readRevisionData();
  if (!data) return;
  const byKey = new Map<string, RevisionQuestion>(data.questions.map((question) => [question.key, question]));
  const [title, positionLine, host, next, nextButton, rated, done, doneText, later, resume] = [
    part('title'),
    part('position'),
    part('question'),
    part('next'),
    part<HTMLButtonElement>('next-button'),
    part('rated'),
    part('done'),
    part('done-text'),
    part('later'),
    part<HTMLButtonElement>('resume'),
  ];
  const say = (element: HTMLElement, text: string): void => element.replaceChildren(...words(text));
  let flow: Flow | undefined;
  /** What to revise at this moment. */
  const sessionOf = (progress: Progress): Session => sessionAt(data.questions, progress.reviews, new Date(), examDateOf(data, progress));

  async function showQuestion(current: Extract<Flow, { view: 'question' }>, session: Session): Promise<void> {
    const question = byKey.get(current.key);
    done.hidden = true;
    next.hidden = true;
    const where = `${position(session, current.answered, current.again)}${question ? ` · ${question.sectionName}` : ''}`;
    say(positionLine, 'Fetching the question…');
    let article: HTMLElement | undefined;
    try {
      article = question && (await fetchArticle(question));
    } catch {
      say(positionLine, 'The question could not be fetched: check the connection and reload the page.');
      return;
    }
    if (!article) {
      say(positionLine, 'This question is no longer on its section page: reload the page.');
      return;
    }
    // The screenshot dialogs of the question before go with it.
    for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog.lightbox')) dialog.remove();
    host.replaceChildren(article);
    enhanceForTestMe([article], { onRated: (key) => void onRated(key) });
    initVariantTabs(host);
    initLightbox(host);
    initScrollRegions(host);
    say(positionLine, where);
    const coming = byKey.get(session.queue.find((key) => key !== current.key) ?? '');
    if (coming) prefetch(coming);
    // The question from its top, and the keyboard on its first control: "Show answer", or the rating of a screenshot-only question.
    window.scrollTo({ top: 0 });
    article.querySelector<HTMLElement>('.reveal, .rating:not([hidden]) button')?.focus({ preventScroll: true });
  }

  function showDone(session: Session, answered: number): Date | undefined {
    const now = new Date();
    host.replaceChildren();
    next.hidden = true;
    positionLine.textContent = '';
    say(doneText, sessionDone(session, answered));
    later.replaceChildren(
      ...session.later.map(({ key, due }) => {
        const item = document.createElement('li');
        item.append(...words(againIn(now, due, byKey.get(key)?.title ?? key)));
        return item;
      }),
    );
    resume.hidden = session.queue.length === 0;
    resume.textContent = resumeLabel(session);
    if (done.hidden) {
      done.hidden = false;
      done.querySelector<HTMLElement>('h2')?.focus();
    }
    return session.later[0]?.due;
  }

  async function onRated(key: string): Promise<void> {
    if (!flow) return;
    flow = ratedIn(flow, key);
    const progress = await loadProgress();
    const review = progress.reviews[key];
    if (review) say(rated, ratedNote(review, new Date()));
    nextButton.textContent = hasNext(flow, sessionOf(progress)) ? 'Next question' : 'Finish';
    next.hidden = false;
    nextButton.focus();
  }

  // Once done, drawn again as time passes: "back in 7 min" counts down, and "Go on" appears when a question is back.
  const drawDone = refreshWhenDue((progress) => (flow?.view === 'done' ? showDone(sessionOf(progress), flow.answered) : undefined));
  onProgress(drawDone);

  const go = async (move: (session: Session) => Flow): Promise<void> => {
    const progress = await loadProgress(courseScope(data));
    const session = sessionOf(progress);
    flow = move(session);
    title.textContent = sessionTitle(session);
    if (flow.view === 'done') drawDone(progress);
    else await showQuestion(flow, session);
  };
  const onward = (session: Session): Flow => (flow ? nextIn(flow, session) : startFlow(session));
  nextButton.addEventListener('click', () => void go(onward));
  resume.addEventListener('click', () => void go(onward));
  setTestMe(true, false);
  void go(startFlow);
}
