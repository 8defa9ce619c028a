import { describe, expect, it } from 'vitest';
import { NOTES_FILE } from '../../../src/lib/content/layout.ts';
import { courseFiles } from '../../../src/lib/import/content-files.ts';
import { splitContentFile } from '../helpers/frontmatter.ts';
import { lines, readNotes } from '../helpers/notes.ts';

const NOTES = lines(
  '# Demo Course', // 1
  '', // 2
  'Good luck.', // 3
  '', // 4
  '# Section 0 Scope', // 5
  '![Scope](./Scope.png)', // 6
  '', // 7
  '# Section 2 深度学习', // 8
  '本章：反向传播。', // 9
  '', // 10
  '## Q5 2025 May', // 11
  '![Q5](./2025May/12.png)', // 12
  '### Answer by DS', // 13
  '### (a) (4 pts) Masking (不考)', // 14
  'x', // 15
  '### (i) detail', // 16
  'y', // 17
  '## Q6 2022 May 1 Attention', // 18
  '![Q6](./2022May1/3.png)', // 19
);

const files = courseFiles(readNotes(NOTES), 'demo');
const file = (path: string) => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  return splitContentFile(text);
};

describe('courseFiles', () => {
  it('writes the course page, one page per section and one per question, in notes order', () => {
    expect([...files.keys()]).toEqual([
      'course.md',
      'sections/s0.md',
      'sections/s2.md',
      'questions/s2-2025-may-q5.md',
      'questions/s2-2022-may-1-q6.md',
    ]);
  });

  it('keeps the preamble as the course page body', () => {
    expect(file('course.md')).toEqual({ data: { title: 'Demo Course', notes: NOTES_FILE }, body: '\nGood luck.\n' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'sections/s0.md',
      { course: 'demo', number: 0, title: 'Scope', scope: true, line: 5, images: [{ src: './Scope.png', alt: 'Scope', line: 6 }] },
      '\n![Scope](./Scope.png)\n',
    ],
    ['sections/s2.md', { course: 'demo', number: 2, title: '深度学习', scope: false, line: 8, images: [] }, '\n本章：反向传播。\n'],
  ])('writes %s', (path, data, body) => {
    expect(file(path)).toEqual({ data, body });
  });

  it('writes a question with its paper, parts and variants', () => {
    expect(file('questions/s2-2025-may-q5.md').data).toEqual({
      id: 's2-2025-may-q5',
      course: 'demo',
      section: 2,
      number: '5',
      heading: 'Q5 2025 May',
      paper: { year: 2025, sitting: 'May', label: '2025 May' },
      examinability: 'unmarked',
      order: 1,
      line: 11,
      hasAnswer: true,
      images: [{ src: './2025May/12.png', alt: 'Q5', line: 12 }],
      variants: ['DeepSeek'],
      parts: [
        {
          anchor: 'deepseek-a',
          label: '(a)',
          kind: 'letter',
          depth: 1,
          title: 'Masking',
          examinability: 'not-examined',
          sources: [],
          hasAnswer: true,
          points: 4,
          variant: 'DeepSeek',
        },
        {
          anchor: 'deepseek-a-i',
          label: '(i)',
          kind: 'roman',
          depth: 2,
          title: 'detail',
          examinability: 'unmarked',
          sources: [],
          hasAnswer: true,
          variant: 'DeepSeek',
        },
      ],
    });
    expect(file('questions/s2-2025-may-q5.md').body).toBe(`\n${NOTES.split('\n').slice(11, 17).join('\n')}\n`);
  });

  it('writes a screenshots-only question with a title and a numeric-looking variant kept as text', () => {
    const { data, body } = file('questions/s2-2022-may-1-q6.md');
    expect(data).toMatchObject({
      number: '6',
      paper: { year: 2022, sitting: 'May', variant: '1', label: '2022 May 1' },
      title: 'Attention',
      order: 2,
      hasAnswer: false,
      parts: [],
      variants: [],
    });
    expect(body).toBe('\n![Q6](./2022May1/3.png)\n');
  });

  it('writes an empty body as nothing after the frontmatter', () => {
    const empty = courseFiles(readNotes(lines('# Section 1 A', '## Q1 2024 May')), 'demo').get('questions/s1-2024-may-q1.md') ?? '';
    expect(empty.endsWith('parts: []\n---\n')).toBe(true);
  });
});
