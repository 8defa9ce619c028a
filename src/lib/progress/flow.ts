/**
 * The revise page's steps (client/revise.ts): a question, its rating, the next question, until the
 * session's queue is empty, then done. Pure: each step takes the session as it is at that moment
 * (session.ts), so a question back from its learning step joins in once it is due, and a question
 * just rated, no longer in the queue, is not shown again.
 */
import type { Session } from './session.ts';

export type Flow =
  /** A question on screen; `again`: back from its learning step; `rated` once the reader rated it. */
  | { view: 'question'; key: string; again: boolean; answered: number; rated: boolean }
  /** Nothing left to do now. */
  | { view: 'done'; answered: number };

/** The session's first question, other than `skip`; done when there is none. */
function first(session: Session, answered: number, skip?: string): Flow {
  const index = session.queue.findIndex((key) => key !== skip);
  const key = session.queue[index];
  return key === undefined ? { view: 'done', answered } : { view: 'question', key, again: index < session.again, answered, rated: false };
}

/** Where the revise page starts. */
export function startFlow(session: Session): Flow {
  return first(session, 0);
}

/** The question `key` was rated (again, if the reader changed their mind). */
export function ratedIn(flow: Flow, key: string): Flow {
  return flow.view === 'question' && flow.key === key ? { ...flow, rated: true } : flow;
}

/**
 * On to the next question once this one is rated (until then it stays); from "done", the questions
 * that came back since.
 */
export function nextIn(flow: Flow, session: Session): Flow {
  if (flow.view === 'done') return first(session, flow.answered);
  if (!flow.rated) return flow;
  return first(session, flow.answered + 1, flow.key);
}

/** Whether a question follows the one just rated, for its button: "Next question" or "Finish". */
export function hasNext(flow: Flow, session: Session): boolean {
  return session.queue.some((key) => flow.view !== 'question' || key !== flow.key);
}
