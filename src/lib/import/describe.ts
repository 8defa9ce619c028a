/**
 * The outline the importer found, as lines a student can check against their notes (`npm run
 * import -- notes.md --dry-run`):  sections, questions with paper, parts and where the answer starts
 * (the importer prints the warnings after it).
 */
import type { ParsedNotes, ParsedQuestion, ParsedSection } from './parse-notes.ts';

const MODES: Record<ParsedNotes['mode'], string> = {
  headings: 'questions are headings',
  numbered: 'questions are numbered items ("1. …")',
  fallback: 'no question labels found: one question per heading',
};

const at = (source: string | undefined, line: number): string => (source === undefined ? `line ${line}` : `${source}:${line}`);

function describeSection(section: ParsedSection): string {
  const name = section.heading ?? `Section ${section.number}${section.title ? ` ${section.title}` : ''}`;
  const where = section.line > 0 ? ` (${at(section.source, section.line)})` : '';
  const what = section.scope ? 'exam scope' : `${section.questions.length} question${section.questions.length === 1 ? '' : 's'}`;
  const intro = section.intro.text === '' ? '' : ', with an introduction';
  return `  s${section.number} ${name}${where}: ${what}${intro}`;
}

function describeQuestion(question: ParsedQuestion, source: string | undefined): string {
  const facts = [
    at(source, question.line),
    question.heading.paper ? `paper ${question.heading.paper.label}` : 'no paper',
    question.outline.parts.length > 0 ? `parts ${question.outline.parts.map((part) => part.label).join(' ')}` : undefined,
    question.outline.variants.length > 0 ? `answers by ${question.outline.variants.join(', ')}` : undefined,
    question.answerLine === undefined ? 'no written answer' : `answer from ${at(source, question.answerLine)}`,
    question.images.length > 0 ? `${question.images.length} screenshot${question.images.length === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  return `    ${question.id}  "${question.headingText}"  ${facts.join(' · ')}`;
}

export function describeNotes(notes: ParsedNotes, file: string): string[] {
  const questions = notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  const lines = [
    `${file}: "${notes.title ?? '(no title)'}", ${notes.sections.length} sections, ${questions} questions (${MODES[notes.mode]})`,
  ];
  for (const section of notes.sections) {
    lines.push(describeSection(section));
    for (const question of section.questions) lines.push(describeQuestion(question, section.source));
  }
  return lines;
}
