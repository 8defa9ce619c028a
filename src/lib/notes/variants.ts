/**
 * Answer variants: the notes often give the same answer from several AI assistants, either as
 * whole answers (`### Answer by DS`) or as bold labels inside a part (`**DeepSeek**`, `**Gemini&GPT**`).
 */
import { isAnswerWord } from './answers.ts';
import { ANSWER_HEADINGS } from './vocabulary.ts';

/** Names the notes use for answer sources, with the name shown to readers. */
const SOURCE_NAMES: [RegExp, string][] = [
  [/^(ds|deepseek(-?r1|-?v\d)?)$/i, 'DeepSeek'],
  [/^(chat)?gpt([-\s]?[\w.]+)?$|^o[1-4](-mini)?$/i, 'GPT'],
  [/^gemini([-\s][\w.]+)?$/i, 'Gemini'],
  [/^claude([-\s][\w.]+)?$/i, 'Claude'],
  [/^(kimi|qwen|通义千问|通义|豆包|doubao|copilot|grok|llama|mistral|perplexity|文心一言|文心|ernie|glm|智谱)$/i, ''],
];

function displayName(token: string): string | undefined {
  for (const [pattern, name] of SOURCE_NAMES) if (pattern.test(token)) return name || token;
  return undefined;
}

/**
 * Reads a source label such as `DeepSeek`, `DS`, `Gemini&GPT` or `GPT:`; returns the display
 * label ("DeepSeek", "Gemini & GPT") or undefined when any name is not a known source.
 */
export function parseSourceLabel(text: string): string | undefined {
  const tokens = text
    .trim()
    .replace(/[:：]$/, '')
    .split(/\s*(?:&|\+|\/|、|,|，|\band\b)\s*/i);
  if (tokens.length === 0 || tokens.some((token) => token === '')) return undefined;
  const names = tokens.map(displayName);
  return names.every((name): name is string => name !== undefined) ? names.join(' & ') : undefined;
}

/**
 * `Answer by DS` → "DeepSeek"; `Answer by my tutor` → "my tutor"; `Answer (GPT)` → "GPT";
 * `Answer (i)` and `Answer` → undefined (not a variant).
 */
export function parseAnswerBy(text: string): string | undefined {
  const trimmed = text.trim();
  const by = /^(?:answer|答案|解答)\s*(?:by|from|来自)\s*(.+)$/i.exec(trimmed);
  if (by?.[1]) return parseSourceLabel(by[1]) ?? by[1].trim();
  const named = /^(?:answer|答案|解答)\s*(?:[:：]\s*(.+)|[(（]\s*(.+?)\s*[)）])$/i.exec(trimmed);
  const name = named?.[1] ?? named?.[2];
  return name === undefined ? undefined : parseSourceLabel(name);
}

/** A heading that only opens the answer (`Answer`, `## 答案`, `Solution`) or opens an answer variant (`Answer by DS`). */
export function isAnswerHeading(text: string): boolean {
  return isAnswerWord(text, ANSWER_HEADINGS) || parseAnswerBy(text) !== undefined;
}
