/**
 * The outline the importer found, as lines a student can check against their notes (`npm run
 * import -- notes.md --dry-run`): how the questions were found (the rule, the runner-up and how
 * sure), then sections, questions with paper, parts and where the answer starts (the importer
 * prints the warnings after it).
 */
import type { QuestionRule } from '../content/rules.ts';
import type { Candidate, Inference } from './infer.ts';
import { UNSURE } from './infer.ts';
import type { ParsedNotes, ParsedQuestion, ParsedSection } from './parse-notes.ts';

const RULES: Record<QuestionRule | 'fallback', string> = {
  headings: 'questions are headings',
  numbered: 'questions are numbered items ("1. …", "1.当…", "(1)")',
  'bold-lines': 'questions are bold lines',
  'table-rows': 'questions are table rows',
  cards: 'questions are flashcards ("?" lines, "::", cloze)',
  'qa-pairs': 'questions are "Q:" lines',
  'before-answers': 'questions are what stands before each answer',
  rules: 'questions are blocks between "---" rules',
  'list-items': 'questions are bullet items',
  'question-boxes': 'questions are boxes (admonitions, callouts, <details>) holding their answer',
  paragraphs: 'questions are paragraphs that ask',
  fallback: 'no question labels found: one question per heading',
};

const candidate = (found: Candidate): string =>
  `${found.rule}${found.depth === undefined ? '' : ` (level ${found.depth})`}: ${found.questions} questions, ${found.answered} answered`;

const at = (source: string | undefined, line: number): string => (source === undefined ? `line ${line}` : `${source}:${line}`);

/** How the questions were found, and how to state it when the import is unsure. */
export function describeInference(inference: Inference): string[] {
  const { chosen, runnerUp, confidence, answers } = inference;
  const sure = inference.stated ? 'as stated in course.md or by --questions' : `${Math.round(confidence * 100)} % sure`;
  const lines = [`  rule: ${candidate(chosen)}${answers.length > 0 ? `; answers: ${answers.join(', ')}` : ''} (${sure})`];
  if (runnerUp) lines.push(`  runner-up: ${candidate(runnerUp)}`);
  if (!inference.stated && chosen.rule !== 'fallback' && confidence < UNSURE) {
    lines.push(`  unsure: if the outline below is wrong, state the rule in course.md, e.g. "questions: ${runnerUp?.rule ?? chosen.rule}"`);
  }
  return lines;
}

function describeSection(section: ParsedSection): string {
  const name = section.heading ?? `Section ${section.number}${section.title ? ` ${section.title}` : ''}`;
  const where = section.line > 0 ? ` (${at(section.source, section.line)})` : '';
  const what = section.scope ? 'exam scope' : `${section.questions.length} question${section.questions.length === 1 ? '' : 's'}`;
  const intro = section.intro.text === '' ? '' : ', with an introduction';
  return `  s${section.number} ${name}${where}: ${what}${intro}`;
}

/** An answer's first line, cut to a glance. */
const firstWords = (text: string): string => {
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

function describeQuestion(question: ParsedQuestion, source: string | undefined): string {
  const facts = [
    at(source, question.line),
    question.heading.paper ? `paper ${question.heading.paper.label}` : 'no paper',
    question.outline.parts.length > 0 ? `parts ${question.outline.parts.map((part) => part.label).join(' ')}` : undefined,
    question.outline.variants.length > 0 ? `answers by ${question.outline.variants.join(', ')}` : undefined,
    question.key ? `answer from the key (${at(source, question.key.line)}): ${firstWords(question.key.text)}` : undefined,
    !question.key && question.outline.hasAnswer && question.answerLine !== undefined
      ? `answer from ${at(source, question.answerLine)}`
      : undefined,
    !question.outline.hasAnswer ? 'no written answer' : undefined,
    question.images.length > 0 ? `${question.images.length} screenshot${question.images.length === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  return `    ${question.id}  "${question.headingText}"  ${facts.join(' · ')}`;
}

export function describeNotes(notes: ParsedNotes, file: string): string[] {
  const questions = notes.sections.reduce((sum, section) => sum + section.questions.length, 0);
  const lines = [
    `${file}: "${notes.title ?? '(no title)'}", ${notes.sections.length} sections, ${questions} questions (${RULES[notes.mode]})`,
    ...describeInference(notes.inference),
  ];
  for (const section of notes.sections) {
    lines.push(describeSection(section));
    for (const question of section.questions) lines.push(describeQuestion(question, section.source));
  }
  return lines;
}
