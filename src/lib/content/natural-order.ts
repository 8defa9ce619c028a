/**
 * Natural order of names: numbers compare as numbers, in Arabic or Chinese numerals, so "2" comes
 * before "10" and "第二章" before "第十章". Orders the files of a folder of notes at import and their
 * sections on the site.
 */
import { parseSmallNumber } from './numerals.ts';

const PIECES = /(\d+|[一二两三四五六七八九十〇零]+)/;

/** The name cut into text and numbers: "第十章.md" → ["第", 10, "章.md"]. */
function pieces(name: string): (string | number)[] {
  return name
    .split(PIECES)
    .filter((piece) => piece !== '')
    .map((piece) => (/^\d+$/.test(piece) ? Number(piece) : (parseSmallNumber(piece) ?? piece)));
}

export function naturalCompare(a: string, b: string): number {
  const left = pieces(a);
  const right = pieces(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] as string | number;
    const y = right[index] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x.localeCompare(y);
  }
  return left.length - right.length;
}
