/** Whether text reads as a question, as a reader tells at a glance: the inference's test of a statement. */
import { OPTION_LABEL } from './vocabulary.ts';

/** Words that open a question, in English and Chinese (not those that only set it up: 若, 设, given, suppose …). */
const ASKS =
  /^(?:what|why|how|which|when|where|who|whom|whose|is|are|do|does|did|can|could|should|would|will|explain|describe|define|compare|contrast|distinguish|list|state|name|give|calculate|compute|find|derive|prove|show|discuss|outline|evaluate|determine|identify|write|draw|design|implement|true or false)\b|^(?:什么|为什么|为何|如何|怎样|怎么|哪|是否|下列|下面|以下|简述|简要|说明|解释|比较|试述|试|论述|阐述|概述|总结|指出|计算|求|证明|判断|请|给出|写出|列出|列举|举例|区分|讨论|设计|编写|画出|分析|描述|定义|名词解释)/i;

/** Whether a question's statement reads as a question: it asks, has a blank, options, or ends with a question mark. */
export function looksAsked(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  // The question's own label (`1.`, `(2)`, `Q3:`) comes before the words that ask.
  const words = trimmed.replace(/^[*_#>\s]+/, '').replace(/^(?:q\s*)?\d{1,3}\s*[.、．):：]\s*|^[(（]\d{1,3}[)）]\s*/i, '');
  // A request after the facts asks too: `…列建立唯一索引，请补全关键字。`
  const request = /[，,。；;：:]\s*(?:请|试|求|问)/.test(trimmed);
  if (/[?？]\s*(\*\*|__)?\s*$/m.test(trimmed) || /（\s*）|\(\s+\)|(?<![\w)])\(\)|_{3,}/.test(trimmed) || ASKS.test(words) || request)
    return true;
  return trimmed.split('\n').filter((line) => OPTION_LABEL.test(line)).length >= 2;
}
