/** Punctuation after an inline formula is kept on the formula's line (rehype-math-punctuation.ts). */
import { describe, expect, it } from 'vitest';
import { siteMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string): Promise<string> => (await (await siteMarkdown()).render(markdown)).code;

describe('punctuation after a formula', () => {
  it.each([
    ['Find $P(D\\mid +)$.', '.'],
    ['概率为 $p$。', '。'],
    ['where $x$, $y$ and $z$), as before', '),'],
    ['“$a$”', '”'],
  ])('%s joins its formula', async (markdown, punctuation) => {
    const html = await render(markdown);
    expect(html).toContain('<span class="math-nowrap"><span class="katex">');
    expect(html).toMatch(new RegExp(`</span></span>${punctuation.replace(/[.)]/g, '\\$&')}</span>`));
  });

  it('leaves the words after the punctuation outside, and formulas followed by a word or a space alone', async () => {
    const html = await render('Let $x$. Then $y$ is positive and $z$ too');
    expect(html.match(/class="math-nowrap"/g)).toHaveLength(1);
    expect(html).toMatch(/\.<\/span> Then /);
  });

  it('leaves a long formula free to break after its relations, as KaTeX allows', async () => {
    const html = await render('So $P(D\\mid +) = \\frac{0.99 \\times 0.01}{0.99 \\times 0.01 + 0.05 \\times 0.99}$.');
    expect(html).not.toContain('math-nowrap');
  });

  it('never touches display math', async () => {
    const html = await render('$$\na = b\n$$\n\n.');
    expect(html).not.toContain('math-nowrap');
  });
});
