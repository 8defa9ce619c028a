/**
 * The Anki export of each course (src/lib/anki/): its questions as cards cut from the built section
 * pages, tagged from the content, and the screenshots those cards show, zipped for Anki's media folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { cardOf } from '../../src/lib/anki/card.ts';
import { deckFile, examinabilityTags, tag, type Note } from '../../src/lib/anki/deck.ts';
import { questionKey } from '../../src/lib/content/layout.ts';
import { readContentFolder, type CourseContent } from '../../src/lib/content/read.ts';
import { sectionShortName } from '../../src/lib/site/model.ts';
import type { SiteUrls } from '../../src/lib/site/urls.ts';
import { fileInDist, pageArticles } from './built-pages.ts';
import type { StepResult } from './progress.ts';
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
    const page = links.section(course.id, section.data.number);
    const articles = pageArticles(dist, links.inSite(page) ?? page);
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
export function writeAnkiExport(course: string, { notes, media }: AnkiExport, dist: string, links: SiteUrls): void {
  const deck = fileInDist(dist, links.inSite(links.ankiDeck(course)) ?? '');
  const archive = fileInDist(dist, links.inSite(links.ankiMedia(course)) ?? '');
  mkdirSync(dirname(deck), { recursive: true });
  writeFileSync(deck, deckFile(notes));
  writeFileSync(
    archive,
    zip([...media].sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => ({ name, data: readFileSync(file) }))),
  );
}

/** Every course's Anki export as a build step, with its summary. */
export function ankiStep(dist: string, contentDir: string, links: SiteUrls): StepResult {
  const started = performance.now();
  let notes = 0;
  let media = 0;
  for (const course of readContentFolder(contentDir)) {
    const exported = ankiExport(course, dist, links);
    writeAnkiExport(course.id, exported, dist, links);
    notes += exported.notes.length;
    media += exported.media.size;
  }
  return { name: 'Anki export', ms: performance.now() - started, summary: `${notes} notes, ${media} screenshots` };
}
