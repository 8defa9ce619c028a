/**
 * Ways of setting an answer apart that hold for a whole notes file (or none of it), chosen by the
 * import's inference or stated in course.md, and kept in each question's frontmatter so the page
 * reads the question as the import did. Markers (`### Answer`, `答案：`, a `<details>` or callout
 * titled Answer) always count.
 */
export const ANSWER_RULES = [
  /** Any callout, admonition, `:::` container or `<details>` after the question is its answer. */
  'containers',
  /** A block quote after the question is its answer. */
  'blockquotes',
  /** Flashcards: a line holding only `?` (or `??`) between question and answer (Obsidian Spaced Repetition). */
  'after-question-mark',
  /** Flashcards: `question::answer`, `question:::answer`, `question >> answer` (RemNote), `Q:` … `A:` pairs. */
  'after-separator',
  /** `==highlighted==` words are blanks to fill (`{{c1::…}}` always are). */
  'cloze',
  /** The answer letter written at the end of a multiple-choice stem (`…路径。C`, `（ B ）`, `(T)`). */
  'letter-after-stem',
  /** Blanks filled in a statement, marked bold, underlined or as code (`…的命令是`DROP TABLE`。`). */
  'filled-blanks',
  /** The right option is marked: coloured, bold, or with `*` / `√`. */
  'marked-option',
  /** A table row: the question in one column, the answer in the others. */
  'table-columns',
  /** What follows the question's first paragraph is its answer. */
  'after-first-paragraph',
] as const;

export type AnswerRule = (typeof ANSWER_RULES)[number];

export function isAnswerRule(value: unknown): value is AnswerRule {
  return typeof value === 'string' && (ANSWER_RULES as readonly string[]).includes(value);
}

/** Ways of cutting notes into questions, as course.md or `--questions` may state them (the inference tries them all). */
export const QUESTION_RULES = [
  /** Headings at one depth (`## Q1 …`, `### 试题10`, `### What is TCP?`). */
  'headings',
  /** Numbered items: list items `1. …` or lines `1.当…`, `8\. What …`, `1、`, `(1)`, `第1题`. */
  'numbered',
  /** Lines bold as a whole: `**1. 下列…（ ）**`. */
  'bold-lines',
  /** Rows of a table: a question in one column, its answer in the others (`| 名词 | 解释 |`). */
  'table-rows',
  /** Flashcards: `?` lines, `question::answer` lines, `==cloze==` paragraphs (Obsidian Spaced Repetition, RemNote). */
  'cards',
  /** Lines starting `Q:` (or `问：`), each answered by an `A:` line. */
  'qa-pairs',
  /** Whatever stands before each answer set apart (a callout, admonition, `<details>`, quote or labelled paragraph). */
  'before-answers',
  /** Blocks between `---` rules. */
  'rules',
  /** Bullet items (`- What is …?`), the answer nested under each. */
  'list-items',
  /** Boxes that each hold a question, its answer nested inside: `???+ question`, `> [!question]`, `<details><summary>Question 1`. */
  'question-boxes',
  /** Paragraphs that each ask a question, with nothing else to mark them. */
  'paragraphs',
] as const;

export type QuestionRule = (typeof QUESTION_RULES)[number];

export function isQuestionRule(value: unknown): value is QuestionRule {
  return typeof value === 'string' && (QUESTION_RULES as readonly string[]).includes(value);
}
