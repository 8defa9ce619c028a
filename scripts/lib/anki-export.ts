/**
 * The Anki export of each course (src/lib/anki/): its questions as cards cut from the built section
 * pages, tagged from the content, and the screenshots those cards show, zipped for Anki's media folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { cardOf } from '../../src/lib/anki/card.ts';
import { deckFile, examinabilityTags, tag, type Note } from '../../src/lib/anki/deck.ts';
import { courseIds, readCourse, type CourseContent } from '../../src/lib/content/read.ts';
import { shownCourse } from '../../src/lib/group/group.ts';
import { sectionShortName } from '../../src/lib/site/model.ts';
import { distPaths, questionKey, type CourseId, type SiteUrls } from '../../src/lib/content/paths.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { fileInDist, pageArticles } from './built-pages.ts';
import { startStep, type ProgressOutput, type StepResult } from './progress.ts';
import { onThreads, shareOut } from './threads.ts';
import { zip } from './zip.ts';

export interface AnkiExport {
  notes: Note[];
  /** Media file name → the built file it copies. */
  media: Map<string, string>;
}

/** A course's notes and media, from the built site in `dist` (served at `links`' base). */
export function ankiExport(course: CourseContent, dist: string, links: SiteUrls): AnkiExport {
  const notes: Note[] = [];
  const media = new Map<string, string>();
  const mediaName = (src: string): string => `${course.id}-${basename(src.split(/[?#]/)[0] ?? src)}`;
  for (const section of course.sections.filter((entry) => !entry.data.scope)) {
    const questions = course.questions.filter((question) => question.data.section === section.data.number);
    if (questions.length === 0) continue;
    const page = distPaths.section(course.id, section.data.number);
    const articles = pageArticles(dist, page);
    for (const { data: question } of questions) {
      const article = articles.get(question.id);
      if (!article) throw new Error(`${page}: no article for question ${question.id}`);
      const heading = [`Q${question.number}`, question.title, question.paper?.label].filter(Boolean).join(' · ');
      const card = cardOf(article, heading, mediaName);
      for (const [src, name] of card.media) {
        const inSite = links.inSite(src);
        if (inSite !== undefined) media.set(name, fileInDist(dist, inSite));
      }
      notes.push({
        front: card.front,
        back: card.back,
        tags: [
          tag(course.id),
          tag(course.id, sectionShortName(section.data)),
          ...(question.paper ? [tag(course.id, 'paper', question.paper.label)] : []),
          ...examinabilityTags(question),
        ],
        deck: course.course.data.title,
        guid: questionKey(course.id, question.id),
      });
    }
  }
  return { notes, media };
}

/** Writes the deck file and the media zip where the site links them. */
export function writeAnkiExport(course: CourseId, { notes, media }: AnkiExport, dist: string): void {
  const deck = fileInDist(dist, distPaths.ankiDeck(course));
  const archive = fileInDist(dist, distPaths.ankiMedia(course));
  mkdirSync(dirname(deck), { recursive: true });
  writeFileSync(deck, deckFile(notes));
  writeFileSync(
    archive,
    zip([...media].sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => ({ name, data: readFileSync(file) }))),
  );
}

/** What a course's export holds. */
interface Exported {
  notes: number;
  media: number;
}

/** A thread's share of the courses (threads.ts): each exported and written, the site at the build's base (urls). */
export async function exportCourses(
  courses: CourseId[],
  { dist, contentDir }: { dist: string; contentDir: string },
  progress: (course: string) => void,
): Promise<Exported> {
  const total: Exported = { notes: 0, media: 0 };
  for (const id of courses) {
    const exported = ankiExport(shownCourse(readCourse(contentDir, id)), dist, urls);
    writeAnkiExport(id, exported, dist);
    total.notes += exported.notes.length;
    total.media += exported.media.size;
    progress(id);
  }
  return total;
}

/** Courses a thread should have at least, for its start to pay off. */
const COURSES_PER_THREAD = 4;

/** Every course's Anki export as a build step, courses shared out over `threads`, with its summary. */
export async function ankiStep(dist: string, contentDir: string, output?: ProgressOutput, threads = 1): Promise<StepResult> {
  const started = performance.now();
  const courses = courseIds(contentDir);
  const step = startStep('Anki export', 'Exporting courses to Anki', courses.length, output);
  const shares = shareOut(courses, threads, { atLeast: COURSES_PER_THREAD });
  const exported = await onThreads<string, { dist: string; contentDir: string }, string, Exported>(shares, {
    module: import.meta.url,
    name: 'exportCourses',
    data: { dist, contentDir },
    onProgress: (course) => step.advance(course),
  });
  const notes = exported.reduce((sum, share) => sum + share.notes, 0);
  const media = exported.reduce((sum, share) => sum + share.media, 0);
  return { ...step.finish(`${notes} notes, ${media} screenshots`), ms: performance.now() - started };
}
