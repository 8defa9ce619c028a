import { describe, expect, it } from 'vitest';
import { checkContent, type Diagnostic } from '../../../src/lib/check/content-check.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { lines, readNotes } from '../helpers/notes.ts';

const NOTES = lines(
  '# Demo',
  '',
  '# Section 0 Scope',
  '',
  '![Scope](./Scope.png)',
  '',
  '# Section 1 线性模型',
  '',
  '## Q1 2024 May A',
  '',
  '![Q1](./2024May/1.png)',
  '',
  '### (a) 正则化',
  'Ridge adds $\\lambda \\|w\\|_2^2$ to the loss.',
  '',
  '### (b) 梯度下降',
  '1. Step:',
  '',
  '   $$',
  '   w \\leftarrow w - \\eta \\nabla L',
  '   $$',
  '',
  '## Q2 2024 May A',
  '',
  '![Q2](./2024May/2.png)',
);
const ALL_IMAGES = new Set(['demo/images/Scope.png', 'demo/images/2024May/1.png', 'demo/images/2024May/2.png']);

/** The files an import of `notes` writes, keyed as the check sees them: "<course>/<path>". */
function contentOf(notes: string, course = 'demo'): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, text] of courseFiles(readNotes(notes), course)) files.set(`${course}/${path}`, text);
  return files;
}

const Q1 = 'demo/questions/s1-2024-may-a-q1.md';
const Q2 = 'demo/questions/s1-2024-may-a-q2.md';

/** 1-based line of the first line of `text` containing `needle`, counted independently of the check. */
function lineOf(text: string | undefined, needle: string): number {
  const index = (text ?? '').split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" not found`);
  return index + 1;
}

function edit(files: Map<string, string>, path: string, change: (text: string) => string): Map<string, string> {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  const next = change(text);
  if (next === text) throw new Error('the edit changed nothing');
  return new Map(files).set(path, next);
}

const check = (files: Map<string, string>, images: Set<string> = ALL_IMAGES): Diagnostic[] => checkContent({ files, images });
const errors = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

describe('checkContent', () => {
  it('passes freshly imported content with all screenshots present', () => {
    expect(check(contentOf(NOTES))).toEqual([]);
  });

  it('ignores files that are not content pages, such as the notes copy', () => {
    const files = contentOf(NOTES).set('demo/notes.md', 'broken $\\frac{1}{$').set('demo/import-manifest.json', '{}');
    expect(check(files)).toEqual([]);
  });

  it.each<[string, string, string, RegExp]>([
    [
      'an inline formula with a missing brace',
      'Ridge adds $\\lambda \\|w\\|_2^2$ to the loss.',
      'Ridge adds $\\frac{1}{$ to the loss.',
      /^KaTeX cannot render \$\\frac\{1\}\{\$: .*expected '\}'/,
    ],
    [
      'an unknown command',
      'Ridge adds $\\lambda \\|w\\|_2^2$ to the loss.',
      'Ridge adds $\\lambdaa w$ to the loss.',
      /^KaTeX cannot render \$\\lambdaa w\$: Undefined control sequence: \\lambdaa/,
    ],
    [
      'display math in a list item',
      '   w \\leftarrow w - \\eta \\nabla L',
      '   \\begin{pmatrix} 1 & 2',
      /^KaTeX cannot render \$\$\\begin\{pmatrix\} 1 & 2\$\$: /,
    ],
  ])("reports %s with the TeX, KaTeX's message and the line in the content file", (_name, from, to, message) => {
    const files = edit(contentOf(NOTES), Q1, (text) => text.replace(from, () => to));
    const found = check(files);
    const formulaLine = to.startsWith('   \\begin') ? lineOf(files.get(Q1), to) - 1 : lineOf(files.get(Q1), to);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: Q1, line: formulaLine, severity: 'error' });
    expect(found[0]?.message).toMatch(message);
  });

  it('renders touching formulas `$A$$B$` after the same repair the site uses', () => {
    const valid = edit(contentOf(NOTES), Q1, (text) =>
      text.replace('$\\lambda \\|w\\|_2^2$', () => '$\\begin{pmatrix} 3 \\\\ 0 \\end{pmatrix}$$\\begin{pmatrix} -3 \\\\ 0 \\end{pmatrix}$'),
    );
    expect(check(valid)).toEqual([]);
    const oneBad = edit(contentOf(NOTES), Q1, (text) => text.replace('$\\lambda \\|w\\|_2^2$', () => '$\\frac{1}{2}$$\\sqrt{$'));
    expect(check(oneBad).map((diagnostic) => diagnostic.message)).toEqual([expect.stringMatching(/^KaTeX cannot render \$\\sqrt\{\$/)]);
  });

  it('summarises missing screenshots as one warning per course, with a count', () => {
    const files = new Map([...contentOf(NOTES), ...contentOf(NOTES, 'other')]);
    const found = check(files, new Set(['demo/images/2024May/1.png']));
    expect(found.map(({ file, severity }) => [file, severity])).toEqual([
      ['demo/questions/s1-2024-may-a-q2.md', 'warning'],
      ['other/questions/s1-2024-may-a-q1.md', 'warning'],
    ]);
    expect(found[0]?.message).toMatch(/^2 screenshots are not in demo\/images\/ yet \(first: \.\/2024May\/2\.png\)/);
    expect(found[0]?.line).toBe(lineOf(files.get(Q2), '![Q2](./2024May/2.png)'));
    expect(found[1]?.message).toMatch(/^3 screenshots are not in other\/images\/ yet/);
  });

  it("looks for another author's screenshots in that author's folder", () => {
    const lin = courseFiles(readNotes(NOTES), 'demo', { author: { id: 'lin', name: 'Lin', first: false } });
    const files = new Map([...contentOf(NOTES), ...[...lin].map(([path, text]) => [`demo/authors/lin/${path}`, text] as const)]);
    // Lin's copies of Scope.png and 1.png are in Lin's folder; the first notes' 2.png is not Lin's.
    const found = check(files, new Set([...ALL_IMAGES, 'demo/authors/lin/images/Scope.png', 'demo/authors/lin/images/2024May/1.png']));
    expect(found.map(({ file, severity, message }) => ({ file, severity, message }))).toEqual([
      {
        file: 'demo/authors/lin/questions/s1-2024-may-a-q2-lin.md',
        severity: 'warning',
        message: expect.stringMatching(/^1 screenshot is not in demo\/authors\/lin\/images\/ yet \(first: \.\/2024May\/2\.png\)/),
      },
    ]);
  });

  it('reports a screenshot path that leaves the image folder', () => {
    const files = edit(contentOf(NOTES), Q2, (text) => text.replaceAll('./2024May/2.png', '../../secret.png'));
    const found = errors(check(files));
    expect(found.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/^screenshot "\.\.\/\.\.\/secret\.png" points outside demo\/images\//),
    ]);
  });

  it.each<[string, string[]]>([
    ['an empty body', ['## Q2 2024 May A']],
    ['only an answer heading and a rule', ['## Q2 2024 May A', '', '### Answer', '', '---', '', '<!-- todo -->']],
  ])('reports a question with neither text nor screenshots: %s', (_name, question) => {
    const notes = NOTES.replace(/## Q2 2024 May A\n\n!\[Q2\]\(\.\/2024May\/2\.png\)\n/, `${question.join('\n')}\n`);
    const files = contentOf(notes);
    const found = errors(check(files));
    expect(found).toHaveLength(1);
    const text = files.get(Q2) ?? '';
    expect(found[0]).toMatchObject({ file: Q2, line: text.split('\n').indexOf('---', 1) + 2 });
    expect(found[0]?.message).toMatch(/^question has neither text nor screenshots: add its screenshot or text under "Q2 2024 May A"/);
  });

  it('accepts a question that is text only or screenshots only', () => {
    const textOnly = contentOf(NOTES.replace('![Q2](./2024May/2.png)', 'State the normal equations.'));
    expect(check(textOnly)).toEqual([]);
  });

  it('reports a duplicate question id within a course, at the id line of the later file', () => {
    const files = contentOf(NOTES);
    files.set('demo/questions/zz-copy.md', files.get(Q1) ?? '');
    const found = errors(check(files));
    expect(found).toEqual([
      {
        file: 'demo/questions/zz-copy.md',
        line: 2,
        severity: 'error',
        message: `duplicate question id "s1-2024-may-a-q1": ${Q1} has it too; every question of a course needs its own id`,
      },
    ]);
  });

  it('accepts the same question id in two courses', () => {
    expect(
      check(
        new Map([...contentOf(NOTES), ...contentOf(NOTES, 'other')]),
        new Set([...ALL_IMAGES].flatMap((path) => [path, path.replace('demo/', 'other/')])),
      ),
    ).toEqual([]);
  });

  it.each<[string, string, (text: string) => string, string, RegExp]>([
    [
      'a part heading removed from the body',
      Q1,
      (text) => text.replace('### (b) 梯度下降\n', ''),
      'parts',
      /frontmatter lists 2 \(a, b\), the body has 1 \(a\)/,
    ],
    [
      'a part marked by hand in the frontmatter',
      Q1,
      (text) => text.replace('examinability: unmarked\n    sources', 'examinability: not-examined\n    sources'),
      'parts',
      /part "a": examinability is "not-examined" in the frontmatter but "unmarked" in the body/,
    ],
    [
      'an answer added to a screenshots-only body',
      Q2,
      (text) => `${text}\nThe answer is 42.\n`,
      'hasAnswer',
      /frontmatter says false, the body has written answer/,
    ],
    [
      'a screenshot removed from the body',
      Q1,
      (text) => text.replace('![Q1](./2024May/1.png)\n', ''),
      'images',
      /frontmatter lists 1 \(\.\/2024May\/1\.png\), the body has none/,
    ],
    [
      'a screenshot removed from a section page',
      'demo/sections/s0.md',
      (text) => text.replace('![Scope](./Scope.png)', 'See the course page.'),
      'images',
      /frontmatter lists 1 \(\.\/Scope\.png\), the body has none/,
    ],
    [
      'a variant heading added to the body',
      Q1,
      (text) => text.replace('### (a) 正则化', '### Answer by GPT\n\n### (a) 正则化'),
      'variants',
      /frontmatter lists \[\], the body has \["GPT"\]/,
    ],
  ])('reports frontmatter that no longer matches the body: %s', (_name, path, change, field, detail) => {
    const files = edit(contentOf(NOTES), path, change);
    const found = errors(check(files)).filter((diagnostic) => diagnostic.message.includes(`"${field}"`));
    expect(found).toHaveLength(1);
    expect(found[0]?.file).toBe(path);
    expect(found[0]?.line).toBe(lineOf(files.get(path), `${field}:`));
    expect(found[0]?.message).toMatch(new RegExp(`^frontmatter field "${field}" does not match the body`));
    expect(found[0]?.message).toMatch(detail);
    expect(found[0]?.message).toMatch(/re-run the import \(npm run import -- <notes\.md>\)/);
  });

  it.each<[string, (text: string) => string, number, RegExp]>([
    ['no frontmatter', (text) => text.replace(/^---\n[\s\S]*?\n---\n/, ''), 1, /^no frontmatter between "---" lines/],
    ['invalid YAML', (text) => text.replace('hasAnswer: true', 'hasAnswer: [true'), 0, /^the frontmatter is not valid YAML/],
    [
      'a list instead of fields',
      (text) => text.replace(/^---\n[\s\S]*?\n---\n/, '---\n- a\n- b\n---\n'),
      2,
      /^the frontmatter is not a set of fields/,
    ],
  ])('reports a broken frontmatter: %s', (_name, change, line, message) => {
    const files = edit(contentOf(NOTES), Q1, change);
    const found = check(files);
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
    expect(found[0]?.message).toMatch(message);
    if (line > 0) expect(found[0]?.line).toBe(line);
    else expect(found[0]?.line).toBeGreaterThanOrEqual(lineOf(files.get(Q1), 'hasAnswer: [true'));
  });

  it('warns about what was imported that no page shows, and not about the kept notes', () => {
    const files = contentOf(NOTES);
    files.set('demo/notes.md', NOTES);
    files.set('demo/notes/第二章.md', NOTES);
    files.set('demo/extra.md', '# My extra notes\n');
    // A question moved by hand into the scope section, and one whose section file is gone.
    files.set(
      'demo/questions/s0-2024-may-a-q9.md',
      (files.get(Q2) ?? '').replace('section: 1', 'section: 0').replace('id: s1-2024-may-a-q2', 'id: s0-2024-may-a-q9'),
    );
    files.set(
      'demo/questions/s7-2024-may-a-q8.md',
      (files.get(Q2) ?? '').replace('section: 1', 'section: 7').replace('id: s1-2024-may-a-q2', 'id: s7-2024-may-a-q8'),
    );
    const unshown = check(files, ALL_IMAGES).filter((diagnostic) => diagnostic.message.startsWith('no page shows'));
    expect(unshown.map(({ file, severity, message }) => [file, severity, message.replace(/:.*/, '')])).toEqual([
      ['demo/extra.md', 'warning', 'no page shows this file'],
      ['demo/questions/s0-2024-may-a-q9.md', 'warning', 'no page shows this question'],
      ['demo/questions/s7-2024-may-a-q8.md', 'warning', 'no page shows this question'],
    ]);
    expect(unshown[1]?.message).toMatch(/its section 0 is the exam-scope page/);
    expect(unshown[2]?.message).toMatch(/its section 7 has no file in sections\//);
    expect(unshown[2]?.line).toBe(lineOf(files.get('demo/questions/s7-2024-may-a-q8.md'), 'section: 7'));
  });

  it('sorts diagnostics by file and line', () => {
    let files = edit(contentOf(NOTES), Q2, (text) => text.replace('![Q2](./2024May/2.png)', '$\\frac{$ and $\\sqrt{$'));
    files = edit(files, Q1, (text) => text.replace('Ridge adds', '$\\frac{$ Ridge adds'));
    const found = check(files);
    const order = found.map(({ file, line }) => `${file}:${String(line).padStart(4, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(found.filter((diagnostic) => diagnostic.message.startsWith('KaTeX'))).toHaveLength(3);
  });

  it('warns, with file and line, about each hostile construct in imported notes', () => {
    const notes = NOTES.replace('Ridge adds', '<img src="x" onerror="alert(1)"> Ridge adds').replace(
      '1. Step:',
      '1. Step: [see](javascript:alert(2))\n\n<script>alert(3)</script>',
    );
    const files = contentOf(notes);
    const found = check(files).filter((diagnostic) => diagnostic.file === Q1);
    expect(found.map(({ line, severity, message }) => [line, severity, message.split(':')[0]])).toEqual([
      [lineOf(files.get(Q1), 'onerror'), 'warning', 'event handler onerror="alert(1)" removed from <img>'],
      [lineOf(files.get(Q1), 'onerror'), 'warning', 'image "x" not shown'],
      [lineOf(files.get(Q1), 'javascript:'), 'warning', 'link to "javascript'],
      [lineOf(files.get(Q1), '<script>'), 'warning', '<script> removed'],
    ]);
  });

  it('warns, with file and line, about each character no font can show, kept as written', () => {
    const notes = NOTES.replace('Ridge adds', 'Ridge \u{10FE4D} adds').replace('1. Step:', '1. Step \u0007:');
    const files = contentOf(notes);
    expect(files.get(Q1)).toContain('\u{10FE4D}');
    const found = check(files).filter((diagnostic) => diagnostic.message.includes('no font can show'));
    expect(found.map(({ file, line, severity, message }) => [file, line, severity, message.split(' that ')[0]])).toEqual([
      [Q1, lineOf(files.get(Q1), 'Ridge'), 'warning', 'U+10FE4D is a private-use character'],
      [Q1, lineOf(files.get(Q1), 'Step'), 'warning', 'U+0007 is a control character'],
    ]);
    expect(found[0]?.message).toMatch(/Often left by copying from a PDF: retype it in the notes$/);
  });
});
