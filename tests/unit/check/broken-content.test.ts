/**
 * Broken content never breaks the site: a screenshot that is not an image or is cut short, a
 * formula KaTeX rejects and a question heading whose paper does not parse each give a message
 * naming file and line, and the page still shows what it can. (Invalid frontmatter stops the
 * build, naming file and field: see content-schema.test.ts and check.test.ts.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content-check.ts';
import { unreadableImage } from '../../../src/lib/content/images.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { paperProblem, parseQuestionHeading } from '../../../src/lib/notes/headings.ts';
import { ROOT } from '../helpers/cli.ts';
import { siteMarkdown } from '../helpers/markdown.ts';
import { lines, readNotes } from '../helpers/notes.ts';
import { captureWarnings } from '../helpers/warnings.ts';

const site = await siteMarkdown();
const work = mkdtempSync(join(tmpdir(), 'broken-content-'));
const images = join(work, 'demo', 'images', '2024May');
const QUESTION = join(work, 'demo', 'questions', 's1-2024-may-q1.md');
mkdirSync(images, { recursive: true });
writeFileSync(
  join(images, 'good.png'),
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer(),
);
copyFileSync(join(ROOT, 'tests/fixtures/notes/hostile-images/not-an-image.png'), join(images, 'text.png'));
copyFileSync(join(ROOT, 'tests/fixtures/notes/hostile-images/cut-short.png'), join(images, 'cut.png'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

const warnings = captureWarnings();

const render = async (markdown: string): Promise<string> => (await site.render(markdown, { fileURL: new URL(`file://${QUESTION}`) })).code;

describe('a screenshot that cannot be read', () => {
  it('says why for a text file named .png and a PNG cut short, and passes a real image', async () => {
    expect(await unreadableImage(join(images, 'good.png'))).toBeUndefined();
    expect(await unreadableImage(join(images, 'text.png'))).toBe('it is not an image (PNG, JPEG, GIF, WebP or AVIF)');
    expect(await unreadableImage(join(images, 'cut.png'))).toMatch(/^it is damaged or cut short \(.+\)$/);
  });

  it('becomes a placeholder that explains it, with a build message naming file and line', async () => {
    const html = await render(
      ['![Q1](./2024May/good.png)', '', '![Q1b](./2024May/text.png)', '', 'Text between.', '', '![Q1c](./2024May/cut.png)'].join('\n'),
    );
    expect(html).toMatch(/<img[^>]*class="screenshot"[^>]*>/);
    expect(html).toContain('Screenshot 2024May/text.png could not be read: it is not an image (PNG, JPEG, GIF, WebP or AVIF)');
    expect(html).toMatch(/Screenshot 2024May\/cut\.png could not be read: it is damaged or cut short/);
    expect(html).toContain('Text between.');
    expect(html.match(/class="shot-missing"/g)).toHaveLength(2);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^image error: ${QUESTION}:3: screenshot 2024May/text\\.png cannot be shown: it is not an image`)),
      expect.stringMatching(
        new RegExp(`^image error: ${QUESTION}:7: screenshot 2024May/cut\\.png cannot be shown: it is damaged or cut short`),
      ),
    ]);
  });

  it('is a warning of the content check at the line that shows it', () => {
    const notes = lines('# Section 1 A', '', '## Q1 2024 May', '', 'Statement:', '', '![Q1](./2024May/text.png)');
    const files = new Map([...courseFiles(readNotes(notes), 'demo')].map(([path, text]) => [`demo/${path}`, text]));
    const text = files.get('demo/questions/s1-2024-may-q1.md') ?? '';
    const found = checkContent({
      files,
      images: new Set(['demo/images/2024May/text.png']),
      unreadableImages: new Map([['demo/images/2024May/text.png', 'it is not an image (PNG, JPEG, GIF, WebP or AVIF)']]),
    });
    expect(found).toEqual([
      {
        file: 'demo/questions/s1-2024-may-q1.md',
        line: text.split('\n').indexOf('![Q1](./2024May/text.png)') + 1,
        severity: 'warning',
        message:
          'screenshot "./2024May/text.png" cannot be shown: it is not an image (PNG, JPEG, GIF, WebP or AVIF); the site shows a placeholder until you replace demo/images/2024May/text.png',
      },
    ]);
  });
});

describe('a formula KaTeX rejects', () => {
  it('stays visible as its source in a box, and the build names file and line', async () => {
    const html = await render(['Intro line.', '', 'Then $\\frac{1}{$ and $x^2$.'].join('\n'));
    expect(html).toMatch(
      /<span class="math-error" role="note"><span class="math-error-label">Formula could not be rendered \(.+\):<\/span> <code>\\frac\{1\}\{<\/code><\/span>/,
    );
    expect(html).toContain('class="katex"');
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^math error: ${QUESTION}:3: `))]);
  });
});

describe('a question heading whose paper does not parse', () => {
  it.each<[string, RegExp | undefined]>([
    ['Q1 2024 Mya', /"Mya" is not a sitting/],
    ['Q2 2024', /"2024" has no sitting after it/],
    ['Q3 2024 May ABC', undefined],
    ['Q4 Backpropagation', undefined],
  ])('%s', (heading, problem) => {
    const parsed = parseQuestionHeading(heading);
    if (!parsed) throw new Error('not a question heading');
    if (problem === undefined) expect(paperProblem(parsed)).toBeUndefined();
    else expect(paperProblem(parsed)).toMatch(problem);
  });

  it('keeps the question (under its section, on no paper page) and the content check warns at its heading field', () => {
    const notes = lines('# Section 1 A', '', '## Q1 2024 Mya', '', 'The question text stays.');
    const parsed = readNotes(notes);
    expect(parsed.sections[0]?.questions.map((question) => question.id)).toEqual(['s1-no-paper-q1']);
    const files = new Map([...courseFiles(parsed, 'demo')].map(([path, text]) => [`demo/${path}`, text]));
    const path = 'demo/questions/s1-no-paper-q1.md';
    expect(files.get(path)).toContain('The question text stays.');
    expect(checkContent({ files, images: new Set() })).toEqual([
      {
        file: path,
        line: (files.get(path) ?? '').split('\n').findIndex((line) => line.startsWith('heading:')) + 1,
        severity: 'warning',
        message: expect.stringMatching(/^question "Q1 2024 Mya": the paper was not recognised \("Mya" is not a sitting;/),
      },
    ]);
  });
});
