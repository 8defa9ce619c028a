import { describe, expect, it } from 'vitest';
import { sectionSlug, urls } from '../../src/lib/site/urls.ts';

describe('sectionSlug', () => {
  it.each<[number, string]>([
    [0, 's0'],
    [1, 's1'],
    [12, 's12'],
  ])('%i → %s', (number, expected) => {
    expect(sectionSlug(number)).toBe(expected);
  });
});

describe('urls', () => {
  it.each<[string, string, string]>([
    ['home', urls.home(), '/'],
    ['course', urls.course('dasc7606'), '/dasc7606/'],
    ['section', urls.section('dasc7606', 5), '/dasc7606/s5/'],
    ['paper', urls.paper('dasc7606', '2024-may-abc'), '/dasc7606/papers/2024-may-abc/'],
    ['question', urls.question('dasc7606', 5, 's5-2022-may-2-q3'), '/dasc7606/s5/#s5-2022-may-2-q3'],
    ['review', urls.review('dasc7606'), '/dasc7606/review/'],
    ['test question', urls.testQuestion('dasc7606', 1, 's1-2024-may-abc-q1'), '/dasc7606/s1/?test=1#s1-2024-may-abc-q1'],
    ['section PDF', urls.sectionPdf('dasc7606', 3), '/dasc7606/pdf/s3.pdf'],
    ['paper PDF', urls.paperPdf('dasc7606', '2022-may-2'), '/dasc7606/pdf/paper-2022-may-2.pdf'],
  ])('%s: %s', (_, url, expected) => {
    expect(url).toBe(expected);
  });

  it('puts a question on its section page', () => {
    const question = new URL(urls.question('ml', 2, 's2-q1'), 'https://example.org');
    expect(question.pathname).toBe(urls.section('ml', 2));
    expect(question.hash).toBe('#s2-q1');
    const test = new URL(urls.testQuestion('ml', 2, 's2-q1'), 'https://example.org');
    expect([test.pathname, test.searchParams.get('test'), test.hash]).toEqual([urls.section('ml', 2), '1', '#s2-q1']);
  });

  it('keeps every page under its course and ends page URLs with a slash', () => {
    for (const url of [urls.course('ml'), urls.section('ml', 1), urls.paper('ml', '2023-oct'), urls.review('ml')]) {
      expect(url.startsWith('/ml/')).toBe(true);
      expect(url.endsWith('/')).toBe(true);
    }
  });
});
