/**
 * The "nothing lost" oracle for any notes style: every line of the notes with text on it is in a
 * chunk the import writes (course text, section introductions, question bodies: as written, or with
 * only a numbered item's label and indent taken off), or is a heading whose words are kept in the
 * frontmatter (title, section heading, question heading), or is in the front matter. And the content
 * files hold exactly those chunks.
 */
import { coursePaths } from '../../../src/lib/content/layout.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import type { Chunk, ParsedNotes } from '../../../src/lib/import/parse-notes.ts';
import { splitContentFile } from './frontmatter.ts';

/** Text with its Markdown emphasis, escapes and spaces taken off, to compare a label as written with the one kept. */
const bare = (text: string): string => text.replace(/[*_`\\\s]/g, '');

/**
 * What may be taken off the start of a notes line for its chunk line: indentation, or (on a
 * question's first line) its label as written, which the question's frontmatter keeps (`1.`, `8\.`,
 * `**1.1**`, `习题 1.2.1`, `- `).
 */
function takenOk(taken: string, label: string | undefined): boolean {
  return taken.trim() === '' || (label !== undefined && (bare(taken) === bare(label) || /^\s*[-*+]\s+$/.test(taken)));
}

/** Problems: chunk lines that are not the notes' lines, and notes lines kept nowhere. Empty when nothing was lost. */
export function lostLines(text: string, notes: ParsedNotes): string[] {
  const lines = text.split('\n');
  const problems: string[] = [];
  const covered = new Set<number>();
  const chunks: { chunk: Chunk; label?: string }[] = [
    { chunk: notes.header },
    { chunk: notes.preamble },
    ...notes.sections.flatMap((section) => [
      { chunk: section.intro },
      ...section.questions.map((question) => ({ chunk: question.body, label: question.headingText })),
    ]),
  ];
  for (const { chunk, label } of chunks) {
    if (chunk.text === '') continue;
    chunk.text.split('\n').forEach((chunkLine, index) => {
      const line = chunk.line + index;
      const notesLine = lines[line - 1] ?? '';
      const taken = notesLine.endsWith(chunkLine) ? notesLine.slice(0, notesLine.length - chunkLine.length) : undefined;
      if (taken === undefined || !takenOk(taken, index === 0 ? label : undefined))
        problems.push(`line ${line}: the notes say ${JSON.stringify(notesLine)}, the content ${JSON.stringify(chunkLine)}`);
      covered.add(line);
    });
  }
  const kept = [
    notes.title ?? '',
    ...notes.sections.flatMap((section) => [
      section.heading ?? '',
      section.title,
      ...section.questions.map((question) => question.headingText),
    ]),
  ].join('\n');
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line)) + 1 : 0;
  lines.forEach((notesLine, index) => {
    const line = index + 1;
    if (covered.has(line) || line <= frontMatterEnd || notesLine.trim() === '' || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(notesLine)) return;
    const heading = /^ {0,3}#{1,6}\s*(.*?)\s*#*\s*$/.exec(notesLine)?.[1];
    // Kept as the heading's words (its emphasis marks, escapes and code ticks aside).
    if (heading !== undefined && heading !== '' && (bare(kept).includes(bare(heading)) || isClassicSection(heading, notes))) return;
    // A line on its own that names a section (`二、判断题`) is that section's heading, kept in its frontmatter.
    if (heading === undefined && notes.sections.some((section) => section.line === line && section.heading === notesLine.trim())) return;
    problems.push(`line ${line} is kept nowhere: ${JSON.stringify(notesLine)}`);
  });
  return problems;
}

/** "Section 3: Title": kept as number and title (the site shows "Section 3 · Title"). */
function isClassicSection(heading: string, notes: ParsedNotes): boolean {
  return notes.sections.some(
    (section) =>
      section.heading === undefined &&
      heading.endsWith(section.title) &&
      new RegExp(`^section\\s*${section.number}\\W*$`, 'i').test(heading.slice(0, heading.length - section.title.length).trim()),
  );
}

/** The bodies of the content files the import writes for `notes`, which must be the chunks the oracle checked. */
export function filesHoldTheChunks(notes: ParsedNotes, course = 'course'): string[] {
  const files = [...courseFiles(notes, course).entries()].map(
    ([path, text]) => [path, splitContentFile(text).body.replace(/^\n|\n$/g, '')] as const,
  );
  const bodyOf = (path: string): string | undefined => files.find(([name]) => name === path)?.[1];
  const problems: string[] = [];
  const expect = (path: string, chunk: string): void => {
    if ((bodyOf(path) ?? '') !== chunk) problems.push(`${path} does not hold its text`);
  };
  expect(coursePaths.course(), [notes.header.text, notes.preamble.text].filter((text) => text !== '').join('\n\n'));
  for (const section of notes.sections) {
    expect(coursePaths.section(section.number), section.intro.text);
    for (const question of section.questions) expect(coursePaths.question(question.id), question.body.text);
  }
  return problems;
}
