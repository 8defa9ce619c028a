/**
 * Part headings: `(a)`, `(1)`, `1.1`, `(i)` … at the start of a heading, optionally followed by
 * points `(9 pts)` and ending with an examinability marker `(不考)`.
 */
import type { Examinability, LabelKind } from '../content/schema.ts';
import { parsePartOnlyHeading, splitExaminability } from './headings.ts';

export interface PartLabel {
  /** The label as written, e.g. "(a)", "1.1", "（i）". */
  label: string;
  /** The label's value without brackets: "a", "1.1", "i". */
  key: string;
  kind: LabelKind;
  /** True for i, v, x: a roman numeral or a letter depending on the parts around it. */
  ambiguous: boolean;
}

export interface PartHeading extends PartLabel {
  /** A part named with its parent in one label (`2 aii)`: part a, sub-part ii): the parent's label. */
  outer?: PartLabel | undefined;
  points?: number | undefined;
  /** Heading text after label and points, without the examinability marker. */
  title: string;
  examinability: Examinability;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/i;
const BRACKETED = /^([(（]\s*([a-z]|[ivx]{1,5}|\d{1,2})\s*[)）])/i;
const CLOSING_ONLY = /^(([a-z]|\d{1,2})[)）])(?=\s|$)/i;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)(?=\s|$)/;
/** A heading that is only a small letter (`#### a`, `#### b` under exercise 3.1) names a part. */
const LETTER_ALONE = /^([a-z])$/;
const POINTS = /^[(（]\s*(\d+(?:\.\d+)?)\s*(?:pts?|points?|marks?|分)\s*[)）]/i;

function classify(key: string): Pick<PartLabel, 'kind' | 'ambiguous'> {
  if (/^\d+$/.test(key)) return { kind: 'number', ambiguous: false };
  if (/^\d+(\.\d+)+$/.test(key)) return { kind: 'dotted', ambiguous: false };
  const upper = key !== key.toLowerCase();
  if (key.length > 1) return { kind: upper ? 'upper-roman' : 'roman', ambiguous: false };
  const ambiguous = /^[ivx]$/i.test(key);
  if (ambiguous) return { kind: upper ? 'upper-roman' : 'roman', ambiguous };
  return { kind: upper ? 'upper' : 'letter', ambiguous: false };
}

/** Reads a part label at the very start of a heading's text; undefined when the heading is not a part. */
export function parsePartLabel(text: string): (PartLabel & { rest: string }) | undefined {
  const trimmed = text.trim();
  const bracketed = BRACKETED.exec(trimmed);
  const match = bracketed ?? CLOSING_ONLY.exec(trimmed) ?? DOTTED.exec(trimmed) ?? LETTER_ALONE.exec(trimmed);
  if (!match) return undefined;
  const label = match[1] ?? '';
  const key = label.replace(/[()（）\s]/g, '');
  if (key.length > 1 && !/^\d/.test(key) && !ROMAN.test(key)) return undefined;
  return { label, key, ...classify(key), rest: trimmed.slice(match[0].length).trim() };
}

/** A letter then a roman numeral in one label: `aii)`, `b i)`, `(a)(ii)`. */
const LETTER_THEN_ROMAN = /^\(?\s*([a-z])\s*\)?\s*\(?\s*((?:x{0,3})(?:ix|iv|vi{0,3}|i{1,3}))\s*\)\s*(.*)$/i;

/**
 * `(a) (9 pts) 选择 Precision 或 Recall (不考)` → label (a), 9 points, title, not examined. A heading
 * that names the question too (`1 a)`, `2 aii)`: files of part headings only) gives its part.
 */
export function parsePartHeading(text: string): PartHeading | undefined {
  const partOnly = parsePartOnlyHeading(text);
  const compound = partOnly ? LETTER_THEN_ROMAN.exec(partOnly.part) : null;
  if (partOnly && compound?.[1] && compound[2]) {
    const outer: PartLabel = { label: compound[1], key: compound[1].toLowerCase(), kind: 'letter', ambiguous: false };
    const inner = parsePartLabel(`(${compound[2]}) ${compound[3] ?? ''}`);
    if (inner) return withDetails({ ...inner, label: partOnly.part, kind: 'roman', ambiguous: false }, outer);
  }
  const label = parsePartLabel(partOnly ? partOnly.part : text);
  if (!label) return undefined;
  return withDetails(label, undefined);
}

function withDetails(label: PartLabel & { rest: string }, outer: PartLabel | undefined): PartHeading {
  const { rest, ...partLabel } = label;
  const pointsMatch = POINTS.exec(rest);
  const afterPoints = pointsMatch ? rest.slice(pointsMatch[0].length) : rest;
  const { text: title, examinability } = splitExaminability(afterPoints);
  return { ...partLabel, ...(outer ? { outer } : {}), points: pointsMatch ? Number(pointsMatch[1]) : undefined, title, examinability };
}

/**
 * Returns a function that assigns nesting depths to a question's part labels, fed in order.
 * All parts sit at the same heading level in the notes, so depth comes from the label kinds:
 * the first kind seen is depth 1, a new kind nests under the open part, and a kind seen before
 * closes back to its depth. `(i)` is a letter right after `(h)`, unless `(ii)` comes next; a
 * roman numeral otherwise (likewise v after u, x after w; and upper case).
 */
export function createPartNester(): (part: PartLabel, next?: PartLabel) => { kind: LabelKind; depth: number; path: string[] } {
  const open: { kind: LabelKind; key: string }[] = [];
  return (part, next) => {
    const kind = resolveKind(part, open, next);
    const existing = open.findIndex((entry) => entry.kind === kind);
    if (existing === -1) open.push({ kind, key: part.key });
    else open.splice(existing, open.length - existing, { kind, key: part.key });
    return { kind, depth: open.length, path: open.map((entry) => entry.key) };
  };
}

const FOLLOWING_ROMAN: Record<string, string> = { i: 'ii', v: 'vi', x: 'xi' };

function resolveKind(part: PartLabel, open: { kind: LabelKind; key: string }[], next: PartLabel | undefined): LabelKind {
  if (!part.ambiguous) return part.kind;
  const letterKind: LabelKind = part.kind === 'upper-roman' ? 'upper' : 'letter';
  const key = part.key.toLowerCase();
  if (next?.key.toLowerCase() === FOLLOWING_ROMAN[key]) return part.kind;
  const letter = open.find((entry) => entry.kind === letterKind);
  const precedingLetter = String.fromCharCode(key.charCodeAt(0) - 1);
  if (letter && letter.key.toLowerCase() === precedingLetter) return letterKind;
  return part.kind;
}
