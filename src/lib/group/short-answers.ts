/**
 * The short answer a student settled on (an option letter, true or false, a number) and where two
 * students' short answers to the same question or part disagree: "因此答案是 C" against "Answer: B".
 * Long answers are not compared: two explanations in different words may well agree.
 */
import type { AnswerText } from './question-text.ts';

const LETTERS = String.raw`[A-H](?:\s*(?:[,，、&/]|和|及|and)?\s*[A-H])*`;
/** "答案是 C", "Answer: B and D", "选 AB", "the correct option is (c)". */
const SAID = new RegExp(
  String.raw`(?:答案|结果|answers?|ans|选择?|choose|correct (?:answer|option|choice)s?|best (?:answer|option))\s*(?:应该?是|应为|是|为|is|are|:|：|=)?\s*[*_（(【\[]*\s*(${LETTERS})(?![A-Za-z])`,
  'i',
);
/** An answer that is only letters, true/false or a number: "C", "**B**", "(T)", "√", "0.35", "= 42". */
const ALONE = new RegExp(String.raw`^[\s*_（(【\[=]*(${LETTERS}|T|F|true|false|对|错|√|×|✓|✗|-?\d+(?:\.\d+)?%?)[\s*_）)】\].。]*$`, 'i');
/** A line that ends on its conclusion: "…, so A.", "所以选 B。" (the letter a capital, as options are named). */
const CONCLUDED =
  /(?:[Ss]o|[Tt]hus|[Hh]ence|[Tt]herefore|所以|因此|故)\s*(?:选|选择|the answer is|it is)?\s*[(（]?([A-H])[)）]?\s*[.。]?\s*$/;
/** "答案：0.35", "result = 12.5". */
const NUMBER_SAID = /(?:答案|结果|answer|result|≈|=)\s*(?:是|为|is|:|：)?\s*(-?\d+(?:\.\d+)?%?)\s*[.。]?\s*$/im;

const TRUTH: Record<string, string> = { t: 'T', true: 'T', 对: 'T', '√': 'T', '✓': 'T', f: 'F', false: 'F', 错: 'F', '×': 'F', '✗': 'F' };

/** A short answer in one form: letters sorted and joined ("B, D"), T or F, a number without trailing zeros. */
export function normaliseShortAnswer(answer: string): string {
  const trimmed = answer.trim();
  const truth = TRUTH[trimmed.toLowerCase()];
  if (truth) return truth;
  if (/^-?\d/.test(trimmed)) return trimmed.replace(/(\.\d*?)0+(%?)$/, '$1$2').replace(/\.(%?)$/, '$1');
  if (/^[A-H]/i.test(trimmed) && new RegExp(`^${LETTERS}$`, 'i').test(trimmed))
    return [...new Set(trimmed.toUpperCase().match(/[A-H]/g) ?? [])].sort().join(', ');
  return trimmed.replace(/\s+/g, ' ');
}

/** The short answer an answer text settles on, if it gives one. */
export function shortAnswer(answer: Pick<AnswerText, 'text' | 'marked'>): string | undefined {
  const lines = answer.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const alone = lines.length === 1 ? ALONE.exec(lines[0] ?? '') : null;
  if (alone?.[1]) return normaliseShortAnswer(alone[1]);
  // The last line that says it wins: explanations often go through the options before concluding.
  for (const line of [...lines].reverse()) {
    const said = SAID.exec(line) ?? CONCLUDED.exec(line);
    if (said?.[1]) return normaliseShortAnswer(said[1]);
  }
  const number = NUMBER_SAID.exec(lines[lines.length - 1] ?? '');
  if (number?.[1]) return normaliseShortAnswer(number[1]);
  if (answer.marked.length > 0) return normaliseShortAnswer(answer.marked.join(', '));
  return undefined;
}

/** One author's answers, as compared. */
export interface AuthorAnswers {
  /** The name shown: "Lin". */
  author: string;
  answers: AnswerText[];
}

/** Where short answers to one question or part disagree. */
export interface Disagreement {
  /** The part's label as written ("(a)"); "" for the question as a whole. */
  label: string;
  /** Each short answer with the authors who gave it, in the authors' order. */
  answers: { answer: string; authors: string[] }[];
}

/**
 * Where the authors' short answers disagree, part by part. An author whose own sources disagree
 * (DeepSeek says A, GPT says C) has no single answer to weigh there.
 */
export function disagreements(authors: AuthorAnswers[]): Disagreement[] {
  const byPart = new Map<string, { label: string; given: Map<string, string[]> }>();
  for (const { author, answers } of authors) {
    const settled = new Map<string, { label: string; answers: Set<string> }>();
    for (const answer of answers) {
      const short = shortAnswer(answer);
      if (short === undefined) continue;
      const entry = settled.get(answer.part) ?? { label: answer.label, answers: new Set<string>() };
      entry.answers.add(short);
      settled.set(answer.part, entry);
    }
    for (const [part, { label, answers: given }] of settled) {
      if (given.size !== 1) continue;
      const entry = byPart.get(part) ?? { label, given: new Map<string, string[]>() };
      const [answer] = [...given];
      if (answer === undefined) continue;
      entry.given.set(answer, [...(entry.given.get(answer) ?? []), author]);
      byPart.set(part, entry);
    }
  }
  return [...byPart.values()]
    .filter(({ given }) => given.size > 1)
    .map(({ label, given }) => ({ label, answers: [...given].map(([answer, names]) => ({ answer, authors: names })) }));
}
