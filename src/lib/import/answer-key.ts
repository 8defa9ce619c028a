/**
 * An answer key at the end of the notes (`## 参考答案` then `1-5 ACBDA 6-8 BAA`, `1. A 2. C`,
 * `9. ×`, or a table of numbers over letters) matched back to its questions: each question the
 * key answers, and that has no answer of its own, gets the key's answer. The key's own text stays
 * where it is (its section's page); its entries are not questions.
 *
 * Pure: takes the chosen structure and the notes' lines.
 */
import { ANSWER_KEY_HEADINGS } from '../notes/vocabulary.ts';
import type { NotesStructure, SectionPlan } from './structure.ts';

export interface KeyEntry {
  /** The question number the entry answers, as written. */
  number: number;
  text: string;
  /** 1-based line of the entry in the notes. */
  line: number;
}

/** Single answers as keys write them: letters, true/false marks, 对/错. */
const SHORT_ANSWER = '(?:[A-H]{1,6}|[√×✓✗✔✘TF]|对|错|正确|错误)';
/** `1-5 ACBDA`, `6～10：B C A D D`. */
const RANGE = new RegExp(`(\\d{1,3})\\s*[-–—~～至]\\s*(\\d{1,3})\\s*[:：.、]?\\s*((?:${SHORT_ANSWER.replace('{1,6}', '')}\\s*)+)`, 'g');
/** `1. A`, `2.C`, `(3) B`, `4、√`, `5：错`. */
const SINGLE = new RegExp(`(?:^|[\\s，,;；|])[(（]?(\\d{1,3})[)）]?\\s*[.．、:：)）]?\\s*(${SHORT_ANSWER})(?=$|[\\s，,;；|。.])`, 'g');
/** `3. 答：…` — a written answer in a key. */
const WRITTEN = /^\s*[(（]?(\d{1,3})[)）]?\s*[.．、:：)）]\s*(\S.*)$/;

/** A key entry written as a heading or bold line of its own (`## 1.`, `**3.**`), its answer on the lines under it. */
const ENTRY_HEADING = /^\s*(?:#{1,6}\s*|\*\*)(\d{1,3})\s*[.)、．]?\s*(?:\*\*)?\s*(.*)$/;

/** The entries of a key from its lines (the lines after its heading). */
export function keyEntries(lines: string[], firstLine: number): KeyEntry[] {
  const entries: KeyEntry[] = [];
  const table = tableKey(lines, firstLine);
  if (table.length > 0) return table;
  const headed = headedEntries(lines, firstLine);
  if (headed.length >= 2) return headed;
  lines.forEach((written, index) => {
    const text = written.replace(/\*\*/g, '');
    const line = firstLine + index;
    const ranged = new Set<number>();
    for (const match of text.matchAll(RANGE)) {
      const from = Number(match[1]);
      const to = Number(match[2]);
      const answers = [...(match[3] ?? '').replace(/\s+/g, '')].filter((character) => character.trim() !== '');
      if (to - from + 1 !== answers.length) continue;
      answers.forEach((answer, at) => {
        entries.push({ number: from + at, text: answer, line });
        ranged.add(from + at);
      });
    }
    const singles = [...text.replace(RANGE, ' ').matchAll(SINGLE)];
    for (const match of singles) if (!ranged.has(Number(match[1]))) entries.push({ number: Number(match[1]), text: match[2] ?? '', line });
    if (ranged.size === 0 && singles.length === 0) {
      const written = WRITTEN.exec(text);
      if (written?.[1] && written[2]) entries.push({ number: Number(written[1]), text: written[2].trim(), line });
    }
  });
  return entries;
}

/** `## 1.` then `**C** — because …`: each entry's answer is what stands under its heading, up to the next. */
function headedEntries(lines: string[], firstLine: number): KeyEntry[] {
  const entries: (KeyEntry & { rest: string[] })[] = [];
  lines.forEach((text, index) => {
    const heading = /^\s*#{1,6}\s/.test(text) || /^\s*\*\*\d/.test(text) ? ENTRY_HEADING.exec(text) : null;
    if (heading?.[1]) entries.push({ number: Number(heading[1]), text: '', line: firstLine + index, rest: heading[2] ? [heading[2]] : [] });
    else if (/^\s*#{1,6}\s/.test(text)) entries.push({ number: Number.NaN, text: '', line: firstLine + index, rest: [] });
    else entries[entries.length - 1]?.rest.push(text);
  });
  return entries
    .filter((entry) => !Number.isNaN(entry.number))
    .map(({ rest, ...entry }) => ({ ...entry, text: rest.join('\n').trim() }))
    .filter((entry) => entry.text !== '');
}

/** `| 1 | 2 | 3 |` over `| A | C | B |`: a key as a table, numbers in one row and answers in the next. */
function tableKey(lines: string[], firstLine: number): KeyEntry[] {
  const rows = lines.map((text, index) => ({
    cells: /^\s*\|(.*)\|\s*$/
      .exec(text)?.[1]
      ?.split('|')
      .map((cell) => cell.trim()),
    line: firstLine + index,
  }));
  const entries: KeyEntry[] = [];
  rows.forEach((row, index) => {
    if (!row.cells?.every((cell) => /^\d{1,3}$/.test(cell))) return;
    const answers = rows.slice(index + 1).find((other) => other.cells && !other.cells.every((cell) => /^:?-+:?$/.test(cell)));
    if (!answers?.cells) return;
    row.cells.forEach((cell, at) => {
      const text = answers.cells?.[at] ?? '';
      if (text !== '') entries.push({ number: Number(cell), text, line: answers.line });
    });
  });
  return entries;
}

const normalise = (text: string): string =>
  text
    .replace(/^[#\s*_]+|[*_\s:：]+$/g, '')
    .replace(/^[一二三四五六七八九十\d]+\s*[、.．]\s*/, '')
    .toLowerCase();

/** Whether a section heading names an answer key: "参考答案", "Answers", "Answer Key and Explanations", or the heading course.md states. */
export function isKeyHeading(text: string, stated?: string): boolean {
  const name = normalise(text);
  if (stated !== undefined) return name === normalise(stated);
  // "Answer Key and Explanations", "参考答案与解析"; but "Key concepts" is no key.
  return ANSWER_KEY_HEADINGS.some(
    (word) => name === word || (!/^keys?$/.test(word) && name.startsWith(word) && /^[\s与及和&(（:：—-]/.test(name.slice(word.length))),
  );
}

/** A heading that opens an answer key: its words, then entries in the lines up to the next heading. */
export function isAnswerKeyAt(entry: { line: number; text: string; depth?: number }, lines: string[], stated?: string): boolean {
  if (!isKeyHeading(entry.text, stated)) return false;
  // The key runs to the next heading of its level or above; its entries may be headings below it (`## 1.`).
  const depth = entry.depth ?? 6;
  const next = lines.findIndex((text, index) => index >= entry.line && (/^ {0,3}(#{1,6})\s/.exec(text)?.[1]?.length ?? 7) <= depth);
  return keyEntries(lines.slice(entry.line, next === -1 ? lines.length : next), entry.line + 1).length >= 2;
}

/**
 * Finds the key sections of a structure and gives their answers to the questions they answer (by
 * number; by section in order when the key's numbering restarts as the sections' does). A key
 * section keeps its text and loses the "questions" its numbered entries were read as.
 */
export function applyAnswerKey(structure: NotesStructure, lines: string[], stated?: string): NotesStructure {
  const keySections = structure.sections.filter((section) => section.heading && isAnswerKeyAt(section.heading, lines, stated));
  if (keySections.length === 0) return structure;
  const questionSections = structure.sections.filter((section) => !keySections.includes(section) && section.questions.length > 0);
  let applied = false;
  for (const keySection of keySections) {
    const from = keySection.heading?.line ?? 0;
    const next = structure.sections.find((section) => (section.heading?.line ?? 0) > from)?.heading?.line ?? lines.length + 1;
    const entries = keyEntries(lines.slice(from, next - 1), from + 1);
    const groups = restarts(entries);
    const targets: SectionPlan[][] =
      groups.length > 1 && groups.length === questionSections.length ? questionSections.map((section) => [section]) : [questionSections];
    const byGroup = groups.length === targets.length ? groups : [entries];
    let matched = 0;
    byGroup.forEach((group, index) => {
      const questions = (targets[index] ?? []).flatMap((section) => section.questions);
      for (const entry of group) {
        const question = questions.find((candidate) => candidate.heading.number === String(entry.number));
        if (question && !question.key) {
          question.key = { text: entry.text, line: entry.line };
          matched += 1;
        }
      }
    });
    if (matched >= 2 || (matched === 1 && entries.length === 1)) {
      keySection.key = true;
      keySection.questions = [];
      applied = true;
    } else {
      for (const section of questionSections)
        for (const question of section.questions) if (entries.some((entry) => entry.line === question.key?.line)) delete question.key;
    }
  }
  if (!applied) return structure;
  // The key's entries read as questions are gone: their lines no longer end the key's text.
  const kept = new Set([
    ...(structure.title ? [structure.title.line] : []),
    ...structure.sections.flatMap((section) => [
      ...(section.heading ? [section.heading.line] : []),
      ...section.questions.map((question) => question.line),
    ]),
  ]);
  return { ...structure, structuralLines: structure.structuralLines.filter((line) => kept.has(line)) };
}

/** The entries split where their numbering starts again (`1-5 …` then `1. …`). */
function restarts(entries: KeyEntry[]): KeyEntry[][] {
  const groups: KeyEntry[][] = [];
  for (const entry of entries) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (!group || !last || entry.number <= last.number) groups.push([entry]);
    else group.push(entry);
  }
  return groups;
}
