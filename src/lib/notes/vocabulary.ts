/**
 * The words students use for the structure of their notes, in English and Chinese: what names a
 * section, a question, an answer, a paper. The importer's inference (structure.ts) reads headings
 * and labels through this one table; extend it here when notes use other words.
 */
/** A Chinese numeral of 0-99 ("三", "十二", "二十一") or Arabic digits: the characters a number may use in a pattern. */
export const NUMERAL = '[\\d一二两三四五六七八九十〇零]{1,3}';

/** Words that name a section when followed by its number: "Section 3", "Lecture 2:", "第3章", "Part B". */
export const SECTION_WORDS = [
  'section',
  'sec',
  'part',
  'chapter',
  'ch',
  'topic',
  'unit',
  'week',
  'lecture',
  'lec',
  'module',
  'tutorial',
  'lab',
  'session',
  'day',
  'lesson',
];

/** Chinese counters after 第N…: 第3章, 第一部分, 第二讲, 第5周. */
export const CHINESE_SECTION_COUNTERS = ['章', '节', '部分', '讲', '课', '单元', '周', '篇', '模块', '专题'];

/** Kinds of question that name a section on their own: "选择题", "一、填空题（每空 1 分）", "Short answer questions". */
export const QUESTION_TYPES = [
  '单项选择题',
  '多项选择题',
  '单选题',
  '多选题',
  '选择题',
  '判断题',
  '填空题',
  '计算题',
  '简答题',
  '问答题',
  '论述题',
  '证明题',
  '分析题',
  '综合题',
  '应用题',
  '名词解释',
  '编程题',
  '程序题',
  '设计题',
  '案例分析',
  '算法题',
  '解答题',
  'multiple choice',
  'multiple-choice',
  'true or false',
  'true/false',
  'short answer',
  'short questions',
  'long answer',
  'long questions',
  'essay',
  'calculation',
  'calculations',
  'problems',
  'exercises',
  'coding',
  'programming',
];

/** Words before a question's number: "Q1", "Question 2", "Problem 3", "试题1", "题目 1", "例题2". */
export const QUESTION_WORDS = ['q', 'question', 'problem', 'prob', 'exercise', 'ex', 'task', 'qn', 'card', 'flashcard'];
export const CHINESE_QUESTION_WORDS = ['试题', '题目', '例题', '习题', '真题', '卡片', '题'];

/**
 * Words that open an answer when a label ends with them: "答案：", "**中文答案**：", "*Answer*:",
 * "English answer (example):", "【解析】", "Solution:". Matched at the end of the label (bracketed
 * qualifiers such as "（中文）" left out), so "参考答案" counts and "原因" does not. "分析" alone
 * would also catch topics ("主成分分析"), so only the analyses that are answers are listed.
 */
export const ANSWER_LABEL_ENDINGS = [
  '答案',
  '解答',
  '解析',
  '详解',
  '中文分析',
  '英文分析',
  '题目分析',
  '问题分析',
  '解题分析',
  '答案分析',
  '解题思路',
  'answer',
  'answers',
  'solution',
  'solutions',
  'explanation',
];
/** Labels that open an answer only on their own: "答：", "解：", "【分析】", "Ans:", "证明：". */
export const ANSWER_LABELS_ALONE = ['答', '解', '证', '证明', '略解', '分析', '思路', '回答', '点评', 'ans', 'sol'];
/** "A:" opens an answer only in bold (`**A:**`, as in Q/A notes): plain "A:" is as likely option A. */
export const BOLD_ANSWER_LABELS_ALONE = ['a'];

/** Headings that only open the answer: "### Answer", "## 答案", "#### Solution". */
export const ANSWER_HEADINGS = ['answer', 'answers', 'solution', 'solutions', '答案', '解答', '参考答案', '解析', '解', '答案与解析'];

/** An option label at the start of a line: `A.`, `B、`, `C)`, `(D)`, `（A）`. */
export const OPTION_LABEL = /^[ \t]*(?:[A-H][.．、)）:：]|[(（][A-H][)）])/;

/** Headings of an answer key at the end of the notes (matched without numbering or a trailing colon). */
export const ANSWER_KEY_HEADINGS = [
  '参考答案',
  '答案',
  '标准答案',
  '答案解析',
  '答案与解析',
  '参考答案与解析',
  '参考答案及解析',
  '答案速查',
  '习题答案',
  '练习答案',
  'answers',
  'answer key',
  'answer keys',
  'key',
  'keys',
  'solutions',
  'answer sheet',
];

/** Words that make a heading with a year in it the name of a past paper: "2022年网传往年题", "CO526 2013 Exam". */
export const PAPER_WORDS = [
  '试卷',
  '考试',
  '考卷',
  '期中',
  '期末',
  '往年',
  '真题',
  '学年',
  '学期',
  '测验',
  '模拟',
  'exam',
  'paper',
  'final',
  'finals',
  'midterm',
  'mid-term',
  'quiz',
  'test',
  'past',
  'mock',
  'resit',
  'sitting',
];

/** Sittings a question heading may name after the year: "Q1 2024 May ABC", "Q3 2022 Midterm". */
export const SITTINGS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|spring|summer|fall|autumn|winter|midterm|final|mock|resit)$/i;

/** "B" → 2, "iv" → 4: letters and roman numerals that number sections ("Part B", "Part IV"). */
export function parseSectionLetter(text: string): number | undefined {
  // A lone I, V or X is a roman numeral too: "Part I" is part 1, not the ninth letter.
  const roman = /^(x{0,3})(ix|iv|v?i{0,3})$/i.exec(text);
  if (roman && text !== '') {
    const values: Record<string, number> = { i: 1, v: 5, x: 10 };
    let total = 0;
    const lower = text.toLowerCase();
    for (let index = 0; index < lower.length; index++) {
      const value = values[lower[index] ?? ''] ?? 0;
      const next = values[lower[index + 1] ?? ''] ?? 0;
      total += value < next ? -value : value;
    }
    return total;
  }
  if (/^[a-z]$/i.test(text)) return text.toLowerCase().charCodeAt(0) - 96;
  return undefined;
}
