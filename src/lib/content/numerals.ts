/** Numbers as notes write them: Arabic digits or Chinese numerals. */
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

