/**
 * What one heading (or question label) of a notes file says: a section (`# Section 1 …`,
 * `## 一、选择题`, `### Lecture 2: Class & Object`), a question (`## Q1 2024 May ABC`, `### 试题1`,
 * `#### 1.`), parts of a question named with it (`### 1 a)`), a paper (`# 2022年网传往年题`), or an
 * answer. The words come from vocabulary.ts; which level of the notes holds what is decided by
 * structure.ts from all headings together.
 */
import { parseSmallNumber } from '../content/numerals.ts';
import type { Examinability, Paper } from '../content/schema.ts';
import {
  CHINESE_QUESTION_WORDS,
  CHINESE_SECTION_COUNTERS,
  NUMERAL,
  PAPER_WORDS,
  parseSectionLetter,
  QUESTION_TYPES,
  QUESTION_WORDS,
  SECTION_WORDS,
  SITTINGS,
} from './vocabulary.ts';

export interface SectionHeading {
  /** The number the heading gives ("Section 3" → 3, "第二章" → 2, "Part B" → 2), if any. */
  number?: number | undefined;
  /** The section word and number as written ("Section 3", "第二章", "一、", "Part B"), "" when the heading is only a title. */
  label: string;
  /** The rest of the heading: "Convolutional Neural Networks", "选择题（每小题 2 分，共 20 分）". */
  title: string;
}

export interface QuestionHeading {
  /** Question number as written, without its label word ("1", "5", "3b", "1-1"). */
  number: string;
  /** The label as written before the rest of the heading: "Q1", "试题1", "1.", "第1题". */
  label: string;
  paper?: Paper | undefined;
  /** Any words after the number and paper that are not part of either. */
  title: string;
  examinability: Examinability;
  /** Strong labels name a question for sure ("Q1", "试题1"); weak ones ("1.", "1-1") only where questions are expected. */
  strong: boolean;
}

/** A heading that names a question and its part at once: `1 a)`, `2 aii)`, `4 b i)`, `3(a)`. */
export interface PartOnlyHeading {
  question: string;
  /** The part label after the question number, as the part nester reads it: "a)", "(a)(ii)". */
  part: string;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const SEPARATOR = '[:：.、．\\-–—]?';

const SECTION_PATTERNS: { pattern: RegExp; number: (token: string) => number | undefined }[] = [
  // "Section 3 …", "Lecture 2: …", "Part B", "Part IV", "Week 5"; a letter stands apart ("Sections" is not section "s").
  {
    pattern: new RegExp(
      `^((?:${alternatives(SECTION_WORDS)})(?:\\.?\\s*(\\d{1,3})|(?:\\.\\s*|\\s+)([a-z]|[ivx]{1,5}))(?![\\w]))\\s*${SEPARATOR}\\s*(.*)$`,
      'i',
    ),
    number: (token) => (/^\d+$/.test(token) ? Number(token) : parseSectionLetter(token)),
  },
  // "第3章 …", "第一部分 选择题(每题 4 分)", "第十二讲"
  {
    pattern: new RegExp(`^(第\\s*(${NUMERAL})\\s*(?:${alternatives(CHINESE_SECTION_COUNTERS)}))\\s*${SEPARATOR}\\s*(.*)$`),
    number: parseSmallNumber,
  },
  // "一、选择题（每小题 2 分，共 20 分）", "（二）填空题"
  {
    pattern: /^((?:[(（]\s*([一二两三四五六七八九十]{1,3})\s*[)）])|(?:([一二两三四五六七八九十]{1,3})\s*[、．.]))\s*(.*)$/,
    number: parseSmallNumber,
  },
  // "B卷", "C 卷（补考）": a paper's variant names the questions after it
  {
    pattern: /^(([A-F])\s*卷)\s*(.*)$/,
    number: parseSectionLetter,
  },
];

/** `Section 3 Convolutional Neural Networks` → { number: 3, label: "Section 3", title: "Convolutional Neural Networks" }. */
export function parseSectionHeading(text: string): SectionHeading | undefined {
  const trimmed = text.trim();
  for (const { pattern, number } of SECTION_PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const groups = match.slice(1).filter((group) => group !== undefined);
    const [label = '', token = '', ...rest] = groups;
    const value = number(token);
    if (value !== undefined) return { number: value, label: label.trim(), title: (rest[rest.length - 1] ?? '').trim() };
  }
  // A kind of question on its own ("选择题", "Multiple choice questions (20 marks)") names a section without a number.
  const type = new RegExp(`^(?:${alternatives(QUESTION_TYPES)})`, 'i');
  if (type.test(trimmed)) return { label: '', title: trimmed };
  return undefined;
}

/** Section 0, or a section titled as the exam scope, is the course's scope page rather than questions. */
export function isScopeSection(section: { number?: number | undefined; title: string }): boolean {
  return section.number === 0 || /^(exam\s+)?scope$|^考试范围$|^范围$/i.test(section.title);
}

const MARKERS: [RegExp, Examinability][] = [
  [/[(（]\s*(?:可能不考|probably not examined)\s*[)）]\s*$/i, 'probably-not-examined'],
  [/[(（]\s*(?:不考|not examined|not examinable)\s*[)）]\s*$/i, 'not-examined'],
  [/[(（]\s*(?:可能考|may be examined)\s*[)）]\s*$/i, 'may-be-examined'],
];

/** Splits an examinability marker such as `(不考)` or `（可能不考）` off the end of a heading. */
export function splitExaminability(text: string): { text: string; examinability: Examinability; marker?: string } {
  for (const [pattern, examinability] of MARKERS) {
    const match = pattern.exec(text);
    if (match) return { text: text.slice(0, match.index).trim(), examinability, marker: match[0].trim() };
  }
  return { text: text.trim(), examinability: 'unmarked' };
}

const BOUNDARY = '(?=[\\s.:：、)）(（]|$)';
/** A question's number after its label word, alone or within its chapter: "3", "1.2", "2-3". */
const CHAPTER_NUMBER = '\\d{1,3}(?:[.-]\\d{1,3})?';
const QUESTION_PATTERNS: { pattern: RegExp; strong: boolean }[] = [
  // "Q1", "Question 2", "Problem 3:", "Q3b", "Exercise 1.2" (chapter 1's second), "Problem 2-3"
  { pattern: new RegExp(`^((?:${alternatives(QUESTION_WORDS)})\\.?\\s*(${CHAPTER_NUMBER}[a-z]?))${BOUNDARY}`, 'i'), strong: true },
  // "试题1", "题目 1", "习题 3.2", "第3题", "第十题"
  { pattern: new RegExp(`^((?:${alternatives(CHINESE_QUESTION_WORDS)})\\s*(${CHAPTER_NUMBER}))`), strong: true },
  { pattern: new RegExp(`^(第\\s*(${NUMERAL})\\s*题)`), strong: true },
  // "1-1", "2-3": question 1 of part 2 … as some papers number them
  { pattern: /^((\d{1,2}-\d{1,2}))(?=[\s.:：、]|$)/, strong: false },
  // "1.", "1)", "1、", "12．"
  { pattern: /^((\d{1,3})\s*[.)、．）])(?=\s|$|[^\d])/, strong: false },
  // "3.1", "2.4.1": a textbook exercise's number on its own
  { pattern: /^((\d{1,2}(?:\.\d{1,3}){1,2}))\.?$/, strong: false },
  // a bare number
  { pattern: /^((\d{1,3}))$/, strong: false },
];

/** `Q1 2024 May ABC` → number "1", paper 2024 May ABC; undefined when the heading is not a question. */
export function parseQuestionHeading(text: string): QuestionHeading | undefined {
  const trimmed = text.trim();
  for (const { pattern, strong } of QUESTION_PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match?.[2]) continue;
    // Chinese numerals ("第十题") become digits: the number is part of the question's id.
    const number = /^\d/.test(match[2]) ? match[2] : String(parseSmallNumber(match[2]) ?? match[2]);
    const rest = trimmed
      .slice(match[0].length)
      .replace(/^\s*[.:：、)）]?\s*/, '')
      .trim();
    const { text: withoutMarker, examinability } = splitExaminability(rest);
    const { paper, title } = parsePaper(withoutMarker);
    return { number, label: match[1]?.trim() ?? '', paper, title, examinability, strong };
  }
  return undefined;
}

const PART_ONLY = /^(\d{1,3})\s*(\(?\s*[a-z]\s*\)?\s*(?:\(?\s*(?:x{0,3})(?:ix|iv|v?i{0,3})\s*\)?)?)\s*(?<=\))(.*)$/i;

/** `1 a)` → question "1", part "a)"; `2 aii)` → question "2", part "aii)"; undefined otherwise. */
export function parsePartOnlyHeading(text: string): PartOnlyHeading | undefined {
  const match = PART_ONLY.exec(text.trim());
  if (!match?.[1] || !match[2] || !/[a-z]/i.test(match[2])) return undefined;
  return { question: match[1], part: `${match[2].replace(/\s+/g, '')}${match[3] ? ` ${match[3].trim()}` : ''}` };
}

/**
 * Reads `<year> <sitting> [<variant>] [title…]` after a question label: `2024 May ABC`, `2022 May 1`,
 * `2025 May`, also set off by a dash or a dot (`· 2024 May ABC`) or in brackets (`(2024 May ABC) title`).
 */
export function parsePaper(text: string): { paper?: Paper; title: string } {
  const bracketed = /^\s*(?:[·—–-]\s*)?[(（[【]\s*((?:19|20)\d\d\s[^)）\]】]*?)\s*[)）\]】](.*)$/.exec(text);
  if (bracketed?.[1] !== undefined) {
    const inside = parsePaper(bracketed[1]);
    if (inside.paper && inside.title === '') return { paper: inside.paper, title: (bracketed[2] ?? '').replace(/^\s*[:：·—–-]?\s*/, '') };
  }
  const tokens = text
    .trim()
    .replace(/^[·—–-]\s+(?=(?:19|20)\d\d\s)/, '')
    .split(/\s+/)
    .filter(Boolean);
  const [yearToken, sittingToken, variantToken] = tokens;
  if (!yearToken || !/^(19|20)\d\d$/.test(yearToken) || !sittingToken || !SITTINGS.test(sittingToken)) {
    return { title: text.trim() };
  }
  let used = 2;
  let variant: string | undefined;
  // Paper variants are a few of the letters A-F or a number (ABC, D, 1); "GAN" is a title word.
  if (variantToken && /^([A-F]{1,4}|\d{1,2})$/.test(variantToken)) {
    variant = variantToken;
    used = 3;
  }
  const paper: Omit<Paper, 'label'> = { year: Number(yearToken), sitting: sittingToken, ...(variant === undefined ? {} : { variant }) };
  return { paper: { ...paper, label: paperLabel(paper) }, title: tokens.slice(used).join(' ') };
}

const YEAR = /(?<!\d)((?:19|20)\d\d)(?:\s*[-–/~至]\s*(?:19|20)?\d\d)?(?!\d)/;
const COURSE_CODE = /^[A-Z]{2,5}\s?\d{3,5}[A-Z]?\b/;

/**
 * A heading that names a past paper as a whole: a year with exam words or after a course code
 * (`2022年网传往年题`, `2019-2020 学年秋季学期期中考试卷`, `CO526 2013`, `2023 Final Exam (A)`).
 */
export function parsePaperHeading(text: string): Paper | undefined {
  const label = splitExaminability(text).text;
  const year = YEAR.exec(label);
  if (!year?.[1]) return undefined;
  const lower = label.toLowerCase();
  const examWords = PAPER_WORDS.some((word) => lower.includes(word));
  if (!examWords && !COURSE_CODE.test(label) && !/^\s*(?:19|20)\d\d\s*年/.test(label)) return undefined;
  const variant = /[(（]\s*([A-Fa-f]|[A-F]{2,3}|\d)\s*[)）]\s*(?:卷)?\s*$/.exec(label)?.[1];
  return { year: Number(year[1]), ...(variant === undefined ? {} : { variant }), label };
}

/** "2024 May ABC" */
export function paperLabel(paper: Omit<Paper, 'label'>): string {
  return [paper.year === undefined ? undefined : String(paper.year), paper.sitting, paper.variant].filter(Boolean).join(' ');
}

/**
 * Why a question heading that seems to name a paper (`Q1 2024 Mya`) was read without one, or
 * undefined. Such a question is still imported, listed under its section but on no paper page.
 */
export function paperProblem(heading: Pick<QuestionHeading, 'paper' | 'title'>): string | undefined {
  if (heading.paper) return undefined;
  const [year, sitting] = heading.title.split(/\s+/);
  if (year === undefined || !/^(19|20)\d\d$/.test(year)) return undefined;
  const why = sitting === undefined ? `"${year}" has no sitting after it` : `"${sitting}" is not a sitting`;
  return `the paper was not recognised (${why}; write e.g. "2024 May", "2023 Dec B" or "2022 Midterm"), so the question is on no paper page`;
}
