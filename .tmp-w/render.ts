import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMathRepair from '/work/main/src/lib/markdown/remark-math-repair.ts';
const out = await unified().use(remarkParse).use(remarkMath).use(remarkMathRepair).use(remarkRehype).use(rehypeKatex, {output: 'mathml'}).use(rehypeStringify).process('A $a$$b$ B');
console.log(String(out));
