/**
 * The words a search result's page highlights (`?highlight=mode collapse`, results.ts's
 * highlightParam): the query's Latin words of two letters or more and its runs of Chinese, as one
 * case-insensitive pattern. The page marks its matches (src/client/highlight.ts).
 */
import { latinWords } from './typos.ts';

const CHINESE = /[\u3400-\u9fff]+/g;

/** The pattern of the query's words; undefined when it has none worth marking. */
export function highlightPattern(query: string): RegExp | undefined {
  const terms = [...new Set([...latinWords(query).filter((word) => word.length > 1), ...(query.match(CHINESE) ?? [])])];
  if (terms.length === 0) return undefined;
  return new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
}
