/**
 * The id rules: how a question's id and a paper's page name are made. Ratings and links key on
 * them, so they depend only on what the notes say of a question (section, paper, number), never on
 * its position.
 */
import { createHash } from 'node:crypto';
import { questionIdOf, type QuestionId } from './paths.ts';
import type { Paper } from './schema.ts';

/** A URL- and filename-safe slug: lowercase ASCII letters, digits and dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Words of Chinese paper names in the slug's words, longest first, so "2019-2020 学年秋季学期期中考试卷"
 * becomes "2019-2020-autumn-midterm". Extend it here when notes name papers in other words.
 */
const PAPER_WORDS: [string, string][] = [
  ['网传往年题', 'past'],
  ['往年题', 'past'],
  ['往年', 'past'],
  ['真题', 'past'],
  ['模拟', 'mock'],
  ['期中', 'midterm'],
  ['期末', 'final'],
  ['补考', 'resit'],
  ['重修', 'resit'],
  ['春季', 'spring'],
  ['夏季', 'summer'],
  ['秋季', 'autumn'],
  ['冬季', 'winter'],
  ['第一学期', 'sem1'],
  ['第二学期', 'sem2'],
  ['上学期', 'sem1'],
  ['下学期', 'sem2'],
  ['学年', ' '],
  ['学期', ' '],
  ['考试卷', ' '],
  ['考试', ' '],
  ['试卷', ' '],
  ['试题', ' '],
  ['年', ' '],
];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * "2024 May ABC" → "2024-may-abc": the paper's part of question ids and its page URL. Chinese words
 * the table above knows are translated; when other Chinese is left, a short hash of the whole name
 * keeps two such papers apart.
 */
export function paperSlug(paper: Pick<Paper, 'label'>): string {
  let text = paper.label;
  for (const [word, replacement] of PAPER_WORDS) text = text.split(word).join(` ${replacement} `);
  const slug = slugify(text);
  if (!CJK.test(text)) return slug || 'paper';
  const hash = createHash('sha256').update(paper.label).digest('hex').slice(0, 6);
  return slug === '' ? `paper-${hash}` : `${slug}-${hash}`;
}

/**
 * The stable id of a question within its course: section, paper and number as written,
 * e.g. `s1-2024-may-abc-q1`.
 */
export function questionId(section: number, number: string, paper: Pick<Paper, 'label'> | undefined): QuestionId {
  return questionIdOf(section, paper ? paperSlug(paper) : 'no-paper', slugify(number));
}

/** The id of a question's title on its page (QuestionArticle.astro), which also names its parts. */
export function questionTitleId(id: string): string {
  return `${id}-title`;
}

/** An author's id from their name: "Lin" → "lin", "Wang Xiaoming" → "wang-xiaoming"; a name with no Latin letters ("林") → "author-<hash>". */
export function authorId(name: string): string {
  return slugify(name) || `author-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 6)}`;
}
