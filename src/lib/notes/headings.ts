/**
 * Reading the three kinds of structural heading in a notes file: sections (`# Section 1 …`),
 * questions (`## Q1 2024 May ABC`) and the paper a question comes from.
 */
import type { Examinability } from '../content/schema.ts';

export interface SectionHeading {
  number: number;
  title: string;
}

export interface Paper {
  /** Year the paper was sat, e.g. 2024. */
  year: number;
  /** Sitting as written, e.g. "May", "Dec". */
  sitting: string;
  /** Variant of the paper as written ("ABC", "D", "1"); absent when the heading gives none. */
  variant?: string | undefined;
}

export interface QuestionHeading {
  /** Question number as written, without the leading "Q" ("1", "5", "3b"). */
  number: string;
  paper?: Paper | undefined;
  /** Any words after the number and paper that are not part of either. */
  title: string;
  examinability: Examinability;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 0-99 written in Arabic or Chinese numerals ("12", "十二", "二十一"). */
export function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1 && text in CHINESE_DIGITS) return CHINESE_DIGITS[text];
  const match = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!match) return undefined;
  const tens = match[1] ? (CHINESE_DIGITS[match[1]] ?? 1) : 1;
  const units = match[2] ? (CHINESE_DIGITS[match[2]] ?? 0) : 0;
  return tens * 10 + units;
}

const SECTION_PATTERNS: RegExp[] = [
  /^(?:section|part|chapter|topic|unit)\s*(\d{1,2})\s*[:：.、\-–—]?\s*(.*)$/i,
  /^第\s*([\d一二两三四五六七八九十〇零]{1,3})\s*[章节部分讲课单元]+\s*[:：.、\-–—]?\s*(.*)$/,
];

/** `Section 3 Convolutional Neural Networks` → { number: 3, title: "Convolutional Neural Networks" }. */
export function parseSectionHeading(text: string): SectionHeading | undefined {
  for (const pattern of SECTION_PATTERNS) {
    const match = pattern.exec(text.trim());
    const number = match ? parseSmallNumber(match[1] ?? '') : undefined;
    if (match && number !== undefined) return { number, title: (match[2] ?? '').trim() };
  }
  return undefined;
}

/** Section 0, or a section titled as the exam scope, is the course's scope page rather than questions. */
export function isScopeSection(section: SectionHeading): boolean {
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

const QUESTION_PATTERN = /^(?:Q|Question\s*|第\s*)(\d{1,3}[a-z]?)(?:\s*题)?(?=[\s.:：、)]|$)[\s.:：、)]*(.*)$/i;
const SITTINGS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|spring|summer|fall|autumn|winter|midterm|final|mock|resit)$/i;

/** `Q1 2024 May ABC` → number "1", paper 2024 May ABC; undefined when the heading is not a question. */
export function parseQuestionHeading(text: string): QuestionHeading | undefined {
  const match = QUESTION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const { text: rest, examinability } = splitExaminability(match[2] ?? '');
  const { paper, title } = parsePaper(rest);
  return { number: match[1] ?? '', paper, title, examinability };
}

/** Reads `<year> <sitting> [<variant>] [title…]`, e.g. `2024 May ABC`, `2022 May 1`, `2025 May`. */
export function parsePaper(text: string): { paper?: Paper; title: string } {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const [yearToken, sittingToken, variantToken] = tokens;
  if (!yearToken || !/^(19|20)\d\d$/.test(yearToken) || !sittingToken || !SITTINGS.test(sittingToken)) {
    return { title: text.trim() };
  }
  const paper: Paper = { year: Number(yearToken), sitting: sittingToken };
  let used = 2;
  // Paper variants are a few of the letters A-F or a number (ABC, D, 1); "GAN" is a title word.
  if (variantToken && /^([A-F]{1,4}|\d{1,2})$/.test(variantToken)) {
    paper.variant = variantToken;
    used = 3;
  }
  return { paper, title: tokens.slice(used).join(' ') };
}

/**
 * Why a question heading that seems to name a paper (`Q1 2024 Mya`) was read without one, or
 * undefined. Such a question is still imported, listed under its section but on no paper page.
 */
export function paperProblem(heading: QuestionHeading): string | undefined {
  if (heading.paper) return undefined;
  const [year, sitting] = heading.title.split(/\s+/);
  if (year === undefined || !/^(19|20)\d\d$/.test(year)) return undefined;
  const why = sitting === undefined ? `"${year}" has no sitting after it` : `"${sitting}" is not a sitting`;
  return `the paper was not recognised (${why}; write e.g. "2024 May", "2023 Dec B" or "2022 Midterm"), so the question is on no paper page`;
}

/** "2024 May ABC" */
export function paperLabel(paper: Paper): string {
  return [String(paper.year), paper.sitting, paper.variant].filter(Boolean).join(' ');
}
