import { describe, expect, it } from 'vitest';
import { normalizeBase, sectionSlug, siteUrls } from '../../../src/lib/site/urls.ts';

describe('sectionSlug', () => {
  it.each<[number, string]>([
    [0, 's0'],
    [1, 's1'],
    [12, 's12'],
  ])('%i → %s', (number, expected) => {
    expect(sectionSlug(number)).toBe(expected);
  });
});

describe('normalizeBase', () => {
  it.each<[string | undefined, string]>([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['revision', '/revision/'],
    ['/revision', '/revision/'],
    ['/revision/', '/revision/'],
    ['//my-notes//2026/', '/my-notes/2026/'],
  ])('%s → %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it.each(['/../etc/', '/a b/', '/notes?x=1/', 'https://example.org/'])('refuses %s, naming it', (base) => {
    expect(() => normalizeBase(base)).toThrow(`SITE_BASE "${base}"`);
  });
});

describe('siteUrls at the root', () => {
  const urls = siteUrls('/');
  it.each<[string, string, string]>([
    ['home', urls.home(), '/'],
    ['search', urls.search(), '/search/'],
    ['course', urls.course('dasc7606'), '/dasc7606/'],
    ['section', urls.section('dasc7606', 5), '/dasc7606/s5/'],
    ['paper', urls.paper('dasc7606', '2024-may-abc'), '/dasc7606/papers/2024-may-abc/'],
    ['question', urls.question('dasc7606', 5, 's5-2022-may-2-q3'), '/dasc7606/s5/#s5-2022-may-2-q3'],
    ['review', urls.review('dasc7606'), '/dasc7606/review/'],
    ['revise', urls.revise('dasc7606'), '/dasc7606/revise/'],
    ['test question', urls.testQuestion('dasc7606', 1, 's1-2024-may-abc-q1'), '/dasc7606/s1/?test=1#s1-2024-may-abc-q1'],
    ['section PDF', urls.sectionPdf('dasc7606', 3), '/dasc7606/pdf/s3.pdf'],
    ['paper PDF', urls.paperPdf('dasc7606', '2022-may-2'), '/dasc7606/pdf/paper-2022-may-2.pdf'],
    ['service worker', urls.serviceWorker(), '/sw.js'],
    ['offline manifest', urls.offlineManifest('dasc7606'), '/dasc7606/offline.json'],
    ['offline index', urls.offlineIndex(), '/offline.json'],
    ['asset', urls.at('pagefind/pagefind.js'), '/pagefind/pagefind.js'],
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

describe('siteUrls under a sub-path', () => {
  const root = siteUrls('/');
  const sub = siteUrls('revision');
  const all = (urls: typeof root): string[] => [
    urls.home(),
    urls.search(),
    urls.course('ml'),
    urls.section('ml', 1),
    urls.paper('ml', '2023-oct'),
    urls.question('ml', 1, 's1-q1'),
    urls.review('ml'),
    urls.revise('ml'),
    urls.testQuestion('ml', 1, 's1-q1'),
    urls.sectionPdf('ml', 1),
    urls.paperPdf('ml', '2023-oct'),
    urls.serviceWorker(),
    urls.offlineManifest('ml'),
    urls.offlineIndex(),
    urls.at('/pagefind/pagefind.js'),
  ];

  it('puts every URL under the base, and is the root URL with the base in front', () => {
    expect(sub.base).toBe('/revision/');
    expect(all(sub)).toEqual(all(root).map((url) => `/revision${url}`));
  });

  it('maps its URLs back to paths inside the built folder, and nothing outside the base', () => {
    expect(sub.inSite('/revision/ml/s1/')).toBe('ml/s1/');
    expect(sub.inSite('/revision/')).toBe('');
    expect(sub.inSite('/revision')).toBe('');
    expect(sub.inSite('/ml/s1/')).toBeUndefined();
    expect(sub.inSite('/revisionist/')).toBeUndefined();
    expect(root.inSite('/ml/pdf/s1.pdf')).toBe('ml/pdf/s1.pdf');
  });

  it('names its scope, the base as a URL, which the service worker serves', () => {
    expect(sub.scope('https://example.org')).toBe('https://example.org/revision/');
    expect(root.scope('http://127.0.0.1:4321')).toBe('http://127.0.0.1:4321/');
  });
});
