/**
 * The Anki export's parts: a question article cut into front and back (answers with their parts
 * and sources, formulas as TeX, screenshots by media name), the text-import file's headers and
 * quoting, tags, and the media archive, read back by the ZIP format's own layout (tests/e2e/setup/anki.ts).
 */
import { crc32 } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { cardOf, findElement } from '../../../src/lib/anki/card.ts';
import { deckFile, examinabilityTags, HEADERS, quoteField, tag } from '../../../src/lib/anki/deck.ts';
import { zip } from '../../../scripts/lib/zip.ts';
import { readZip } from '../../e2e/setup/anki.ts';

const inline = (tex: string): string => katex.renderToString(tex, { output: 'htmlAndMathml' });
const display = (tex: string): string => katex.renderToString(tex, { output: 'htmlAndMathml', displayMode: true });

/** An article as section pages build it (QuestionArticle.astro and the Markdown pipeline's classes). */
const ARTICLE = `<article class="question" id="s1-q1" data-question-id="c/s1-q1">
<header class="question-header"><h2><span class="question-number">Q1</span><a class="permalink" href="#s1-q1">#</a></h2></header>
<div class="question-body">
<p>Given the loss ${inline('L = -\\log D(x)')}, answer:</p>
<p><img class="screenshot" alt="Q1 screenshot" src="/revision/_astro/7.abc123.webp" loading="lazy"></p>
<h3 class="answer-heading">Answer</h3>
<section class="part" id="s1-q1--a" data-examinability="unmarked"><h3 class="part-heading">(a) Compute it</h3>
<p class="lang-note">Answered in English only</p>
<div class="answer"><p>With D(x) = 0.4:</p>${display('L = -\\log 0.4 \\approx 0.92')}<pre><code>loss = 0.92
done\tok</code></pre></div></section>
<section class="part" id="s1-q1--b" data-examinability="not-examined"><h3 class="part-heading">(b) Why &amp; how?</h3>
<div class="answer"><div class="variants" data-scope="part"><div class="variant-tabs js-only" role="tablist"><button role="tab">DeepSeek</button><button role="tab">GPT</button></div>
<section class="variant" data-source="DeepSeek" role="tabpanel"><p class="variant-label"><strong>DeepSeek</strong></p><p>Because "gradients".</p></section>
<section class="variant" data-source="GPT" role="tabpanel"><p class="variant-label"><strong>GPT</strong></p><p>Since ${inline('a < b')}.</p></section></div></div></section>
</div></article>`;

/** An answer given whole by two sources, each with its parts. */
const WHOLE_VARIANTS = `<article class="question" id="s2-q3" data-question-id="c/s2-q3"><div class="question-body">
<p><img class="screenshot" alt="" src="/_astro/8.def.png"></p>
<div class="variants" data-scope="question"><div class="variant-tabs js-only" role="tablist"><button role="tab">DeepSeek</button></div>
<section class="variant" data-source="DeepSeek"><h3 class="variant-label">Answer by DS</h3>
<section class="part" id="s2-q3--deepseek-a"><h4 class="part-heading">(a) First</h4><div class="answer"><p>DS on a</p></div></section>
<section class="part" id="s2-q3--deepseek-b"><h4 class="part-heading">(b) Second</h4><div class="answer"><p>DS on b</p></div></section></section>
<section class="variant" data-source="GPT"><h3 class="variant-label">Answer by GPT</h3>
<section class="part" id="s2-q3--gpt-a"><h4 class="part-heading">(a) First</h4><div class="answer"><p>GPT on a</p></div></section></section>
</div></div></article>`;

const article = (html: string): Element => findElement(fromHtml(html, { fragment: true }), (element) => element.tagName === 'article')!;
const mediaName = (src: string): string => `c-${src.split('/').pop()!}`;

describe('cardOf', () => {
  const card = cardOf(article(ARTICLE), 'Q1 · 2024 May', mediaName);

  it('fronts the heading, the statement, the screenshot by its media name and the part headings, without any answer', () => {
    expect(card.front).toBe(
      '<p><strong>Q1 · 2024 May</strong></p> <p>Given the loss \\(L = -\\log D(x)\\), answer:</p> <p><img alt="Q1 screenshot" src="c-7.abc123.webp"></p> ' +
        '<section><h3>(a) Compute it</h3> </section> <section><h3>(b) Why &amp; how?</h3> </section>',
    );
    expect(card.media).toEqual(new Map([['/revision/_astro/7.abc123.webp', 'c-7.abc123.webp']]));
  });

  it('backs every answer under its part, each source labelled, formulas as TeX, code lines kept', () => {
    expect(card.back).toContain('<p><strong>(a) Compute it</strong></p>');
    expect(card.back).toContain('<p>With D(x) = 0.4:</p>\\[L = -\\log 0.4 \\approx 0.92\\]');
    expect(card.back).toContain('<pre><code>loss = 0.92<br>done&#9;ok</code></pre>');
    expect(card.back).toContain('<p><strong>(b) Why &amp; how?</strong></p>');
    expect(card.back).toContain('<p><strong>DeepSeek</strong></p><p>Because "gradients".</p>');
    expect(card.back).toContain('<p><strong>GPT</strong></p><p>Since \\(a &lt; b\\).</p>');
    expect(card.back.indexOf('(a) Compute it')).toBeLessThan(card.back.indexOf('(b) Why'));
  });

  it('leaves out what is only for the screen: reading-mode notes, tab buttons, permalinks', () => {
    for (const side of [card.front, card.back]) {
      expect(side).not.toMatch(/Answered in English only|role="tab"|#<\/a>|katex|\n|\t/);
    }
  });

  it("fronts one source's parts of an answer given whole by several, and labels each source on the back", () => {
    const whole = cardOf(article(WHOLE_VARIANTS), 'Q3', mediaName);
    expect(whole.front).toBe(
      '<p><strong>Q3</strong></p> <p><img alt="" src="c-8.def.png"></p> <div> <section> <section><h4>(a) First</h4></section> <section><h4>(b) Second</h4></section></section> </div>',
    );
    expect(whole.back).toBe(
      '<p><strong>DeepSeek</strong></p><p><strong>(a) First</strong></p><p>DS on a</p><p><strong>(b) Second</strong></p><p>DS on b</p>' +
        '<p><strong>GPT</strong></p><p><strong>(a) First</strong></p><p>GPT on a</p>',
    );
  });

  it('gives a question without a body its heading only', () => {
    expect(cardOf(article('<article class="question" id="x"></article>'), 'Q9', mediaName)).toEqual({
      front: '<p><strong>Q9</strong></p>',
      back: '',
      media: new Map(),
    });
  });
});

describe('the text-import file', () => {
  it('starts with the headers Anki reads: tab-separated HTML Basic notes, tags, deck and GUID by column', () => {
    expect(HEADERS).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#columns:Front\tBack\tTags\tDeck\tGUID',
      '#tags column:3',
      '#deck column:4',
      '#guid column:5',
    ]);
  });

  it('quotes every field, doubling quotes and keeping it on one line', () => {
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('a\r\nb\nc')).toBe('"a b c"');
    expect(quoteField('#not a comment')).toBe('"#not a comment"');
  });

  it('writes one line per note after the headers', () => {
    const file = deckFile([
      { front: '<p>F "1"</p>', back: 'B', tags: ['c', 'c::Section_1'], deck: 'DASC7606 Final', guid: 'c/s1-q1' },
      { front: 'F2', back: '', tags: [], deck: 'DASC7606 Final', guid: 'c/s1-q2' },
    ]);
    expect(file.split('\n')).toEqual([
      ...HEADERS,
      '"<p>F ""1""</p>"\t"B"\t"c c::Section_1"\t"DASC7606 Final"\t"c/s1-q1"',
      '"F2"\t""\t""\t"DASC7606 Final"\t"c/s1-q2"',
      '',
    ]);
  });

  it.each<[string[], string]>([
    [['dasc7606'], 'dasc7606'],
    [['dasc7606', 'Section 3'], 'dasc7606::Section_3'],
    [['dasc7606', 'paper', '2024 May  ABC'], 'dasc7606::paper::2024_May_ABC'],
    [['c', '一、选择题（每小题 2 分）'], 'c::一、选择题（每小题_2_分）'],
  ])('tag %j → %s', (levels, expected) => {
    expect(tag(...levels)).toBe(expected);
  });

  it.each<[string, Parameters<typeof examinabilityTags>[0], string[]]>([
    ['unmarked', { examinability: 'unmarked', parts: [{ examinability: 'unmarked' }] }, ['examinability::examinable']],
    [
      'the question marked',
      { examinability: 'may-be-examined', parts: [{ examinability: 'not-examined' }] },
      ['examinability::may-be-examined'],
    ],
    [
      'parts marked',
      {
        examinability: 'unmarked',
        parts: [{ examinability: 'not-examined' }, { examinability: 'unmarked' }, { examinability: 'not-examined' }],
      },
      ['examinability::part-not-examined'],
    ],
  ])('examinability tags: %s', (_, question, expected) => {
    expect(examinabilityTags(question)).toEqual(expected);
  });
});

describe('the media archive', () => {
  it('holds each file under its name, byte for byte, with its checksum', () => {
    const files = [
      { name: 'c-7.abc.webp', data: Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 1, 2, 3]) },
      { name: 'c-第一题.png', data: Buffer.from('not really a png') },
      { name: 'c-empty.png', data: Buffer.alloc(0) },
    ];
    expect(readZip(zip(files))).toEqual(files.map((file) => ({ ...file, method: 0, crc: crc32(file.data) })));
    expect(readZip(zip([]))).toEqual([]);
  });

  it('is the same archive for the same files', () => {
    const files = [{ name: 'a.png', data: Buffer.from('a') }];
    expect(zip(files).equals(zip(files))).toBe(true);
  });
});
