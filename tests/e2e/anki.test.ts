/**
 * The Anki export of each course, downloaded from its home as a reader does and read back by Anki's
 * own text-import rules (setup/anki.ts): one Basic note per question in the course's deck, its
 * heading and screenshots in front, its answers behind, tags for course, section, paper and
 * examinability, every formula of the notes kept as TeX, and every screenshot in the media zip,
 * which the course home offers only where there are screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, test } from 'vitest';
import { fileInDist } from '../../scripts/lib/built-pages.ts';
import { distPaths, questionKey } from '../../src/lib/content/paths.ts';
import { katexOptions } from '../../src/lib/markdown/pipeline.ts';
import { splitTouchingFormulas } from '../../src/lib/markdown/remark-math-repair.ts';
import { parseMarkdown } from '../../src/lib/notes/markdown.ts';
import { sectionShortName } from '../../src/lib/site/model.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { readAnkiText, readZip } from './setup/anki.ts';
import { useBrowser } from './setup/browser.ts';
import { allCourses, proseLines, squash, type CourseMeta } from './setup/site.ts';

const browser = useBrowser();
const dist = inject('dist');

/** The TeX of the formulas a question's notes write ($…$ and $$…$$; `$A$$B$` is two, as the site reads it). */
function formulas(markdown: string): string[] {
  const found: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === 'inlineMath') found.push(...splitTouchingFormulas(toString(node)));
    if (node.type === 'math') found.push(toString(node));
  });
  return found;
}

/** Whether KaTeX renders a formula as the site asks it to (one it rejects shows as an error box with its TeX). */
function renders(tex: string): boolean {
  try {
    katex.renderToString(tex, katexOptions);
    return true;
  } catch {
    return false;
  }
}

/** The text of HTML as a browser shows it: tags gone, character references decoded. */
function textOf(html: string): string {
  const texts: string[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'text', (node) => {
    texts.push(node.value);
  });
  return texts.join('');
}

/** The image sources of HTML. */
function imagesOf(html: string): string[] {
  const sources: string[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node: Element) => {
    if (node.tagName === 'img') sources.push(String(node.properties.src));
  });
  return sources;
}

describe.each(allCourses().map((course) => [course.id, course] as const))('the Anki export of %s', (_id, course: CourseMeta) => {
  test('is linked from the course home and imports as one Basic note per question, in the course deck, with its tags', async () => {
    const { page, problems } = await browser.open(`/${course.id}/`);
    const deckLink = page.getByRole('link', { name: 'Download for Anki' });
    const mediaLink = page.getByRole('link', { name: 'Its screenshots (zip)' });
    expect(await deckLink.getAttribute('href')).toBe(urls.ankiDeck(course.id));
    // The zip is offered where it holds screenshots (the user's notes have them).
    const media = readZip(readFileSync(fileInDist(dist, distPaths.ankiMedia(course.id))));
    if (course.own) expect(media.length).toBeGreaterThan(0);
    if (media.length > 0) expect(await mediaLink.getAttribute('href')).toBe(urls.ankiMedia(course.id));
    else await expect(mediaLink.count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), deckLink.click()]);
    expect(download.suggestedFilename()).toBe(`${course.id}.txt`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(problems).toEqual([]);

    const file = readAnkiText(text);
    expect(Object.fromEntries(file.headers)).toEqual({
      separator: 'tab',
      html: 'true',
      notetype: 'Basic',
      columns: 'Front\tBack\tTags\tDeck\tGUID',
      'tags column': '3',
      'deck column': '4',
      'guid column': '5',
    });
    expect(file.notes.map((note) => note.guid)).toEqual(course.questions.map((question) => questionKey(course.id, question.id)));
    let checkedLines = 0;
    for (const [index, question] of course.questions.entries()) {
      const note = file.notes[index]!;
      expect(Object.keys(note.fields)).toEqual(['Front', 'Back']);
      expect(note.deck).toBe(course.title);
      const front = textOf(note.fields.Front!);
      expect(front.startsWith(`Q${question.number}`), question.id).toBe(true);
      if (question.paper) expect(front, question.id).toContain(question.paper.label);
      expect(note.fields.Back !== '', `${question.id} has an answer behind`).toBe(question.hasAnswer);
      const section = course.sections.find((entry) => entry.number === question.section)!;
      expect(note.tags, question.id).toEqual(
        expect.arrayContaining([
          course.id,
          `${course.id}::${sectionShortName(section).replace(/\s+/g, '_')}`,
          ...(question.paper ? [`${course.id}::paper::${question.paper.label.replace(/\s+/g, '_')}`] : []),
        ]),
      );
      expect(note.tags.filter((entry) => entry.startsWith('examinability::')).length, question.id).toBeGreaterThan(0);
      // What Test me hides is behind, not in front: no sentence of the answers shows on the front.
      const back = squash(textOf(note.fields.Back!));
      const answerLines = proseLines(question.body).filter((line) => back.includes(squash(line)));
      checkedLines += answerLines.length;
      for (const line of answerLines) expect(squash(front), `${question.id}: ${line}`).not.toContain(squash(line));
    }
    expect(checkedLines, 'answer sentences found behind and checked not in front').toBeGreaterThan(course.own ? 20 : 0);
    const marked = course.questions.filter((question) => question.parts.some((part) => part.examinability === 'not-examined'));
    for (const question of marked)
      expect(file.notes.find((note) => note.guid === questionKey(course.id, question.id))?.tags).toContain(
        'examinability::part-not-examined',
      );
  });

  test('keeps every formula of the notes as TeX Anki renders, \\(…\\) or \\[…\\]', () => {
    const file = readAnkiText(readFileSync(fileInDist(dist, distPaths.ankiDeck(course.id)), 'utf8'));
    let total = 0;
    for (const question of course.questions) {
      const note = file.notes.find((entry) => entry.guid === questionKey(course.id, question.id))!;
      const shown = textOf(`${note.fields.Front} ${note.fields.Back}`);
      const tex = squash(shown);
      for (const formula of formulas(question.body)) {
        expect(tex, `${question.id}: ${formula}`).toContain(squash(formula));
        total += 1;
      }
      const delimited = [...shown.matchAll(/\\\((.+?)\\\)|\\\[(.+?)\\\]/gs)].length;
      expect(delimited, question.id).toBeGreaterThanOrEqual(formulas(question.body).filter(renders).length);
      expect(shown, question.id).not.toMatch(/katex/);
    }
    if (course.own) expect(total).toBeGreaterThan(10);
  });

  test("puts every screenshot its cards show in the media zip, under the cards' names, byte for byte", () => {
    const file = readAnkiText(readFileSync(fileInDist(dist, distPaths.ankiDeck(course.id)), 'utf8'));
    const archive = readZip(readFileSync(fileInDist(dist, distPaths.ankiMedia(course.id))));
    const referenced = new Set(file.notes.flatMap((note) => [...imagesOf(note.fields.Front!), ...imagesOf(note.fields.Back!)]));
    expect(new Set(archive.map((entry) => entry.name))).toEqual(referenced);
    for (const name of referenced) expect(name.startsWith(`${course.id}-`) && !name.includes('/'), name).toBe(true);
    // Each is the image its section page shows.
    const built = new Map<string, Buffer>();
    for (const section of course.sections.filter((entry) => !entry.scope)) {
      const html = readFileSync(fileInDist(dist, distPaths.section(course.id, section.number)), 'utf8');
      for (const src of imagesOf(html)) {
        const inSite = urls.inSite(src);
        if (inSite?.startsWith('_astro/')) built.set(`${course.id}-${inSite.split('/').pop()!}`, readFileSync(fileInDist(dist, inSite)));
      }
    }
    for (const entry of archive) expect(entry.data.equals(built.get(entry.name)!), entry.name).toBe(true);
    const screenshots = course.questions.reduce((sum, question) => sum + question.images.length, 0);
    if (course.own) expect(archive.length).toBeGreaterThan(screenshots / 2);
  });
});
