import { describe, expect, it } from 'vitest';
/** The names the site gives things and the conversions between them (content/paths.ts). */
import {
  authoredQuestionId,
  distPaths,
  isCourseId,
  normalizeBase,
  ownQuestionId,
  pagePath,
  parseCourseId,
  parseQuestionId,
  questionIdOf,
  questionKey,
  repeatedQuestionId,
  sectionSlug,
  siteUrls,
  type DistPath,
} from '../../../src/lib/content/paths.ts';

const DASC = parseCourseId('dasc7606');
const ML = parseCourseId('ml');
const S1_Q1 = parseQuestionId('s1-x-q1');
const S2_Q1 = parseQuestionId('s2-x-q1');


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
    ['course', urls.course(DASC), '/dasc7606/'],
    ['section', urls.section(DASC, 5), '/dasc7606/s5/'],
    ['paper', urls.paper(DASC, '2024-may-abc'), '/dasc7606/papers/2024-may-abc/'],
    ['question', urls.question(DASC, 5, parseQuestionId('s5-2022-may-2-q3')), '/dasc7606/s5/#s5-2022-may-2-q3'],
    ['review', urls.review(DASC), '/dasc7606/review/'],
    ['revise', urls.revise(DASC), '/dasc7606/revise/'],
    ['test question', urls.testQuestion(DASC, 1, parseQuestionId('s1-2024-may-abc-q1')), '/dasc7606/s1/?test=1#s1-2024-may-abc-q1'],
    ['section PDF', urls.sectionPdf(DASC, 3), '/dasc7606/pdf/s3.pdf'],
    ['paper PDF', urls.paperPdf(DASC, '2022-may-2'), '/dasc7606/pdf/paper-2022-may-2.pdf'],
    ['service worker', urls.serviceWorker(), '/sw.js'],
    ['offline manifest', urls.offlineManifest(DASC), '/dasc7606/offline.json'],
    ['offline index', urls.offlineIndex(), '/offline.json'],
    ['file the build names', urls.file('pagefind/pagefind.js'), '/pagefind/pagefind.js'],
  ])('%s: %s', (_, url, expected) => {
    expect(url).toBe(expected);
  });

  it('puts a question on its section page', () => {
    const question = new URL(urls.question(ML, 2, S2_Q1), 'https://example.org');
    expect(question.pathname).toBe(urls.section(ML, 2));
    expect(question.hash).toBe('#s2-x-q1');
    const test = new URL(urls.testQuestion(ML, 2, S2_Q1), 'https://example.org');
    expect([test.pathname, test.searchParams.get('test'), test.hash]).toEqual([urls.section(ML, 2), '1', '#s2-x-q1']);
  });

  it('keeps every page under its course and ends page URLs with a slash', () => {
    for (const url of [urls.course(ML), urls.section(ML, 1), urls.paper(ML, '2023-oct'), urls.review(ML)]) {
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
    urls.course(ML),
    urls.section(ML, 1),
    urls.paper(ML, '2023-oct'),
    urls.question(ML, 1, S1_Q1),
    urls.review(ML),
    urls.revise(ML),
    urls.testQuestion(ML, 1, S1_Q1),
    urls.sectionPdf(ML, 1),
    urls.paperPdf(ML, '2023-oct'),
    urls.serviceWorker(),
    urls.offlineManifest(ML),
    urls.offlineIndex(),
    urls.file('/pagefind/pagefind.js'),
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

describe('course and question ids', () => {
  it('reads a course id or a question id only when it has their shape', () => {
    expect(isCourseId('dasc7606')).toBe(true);
    expect(['', 'DASC', '-ml', 'ml/s1', 'ml s1'].filter(isCourseId)).toEqual([]);
    expect(() => parseCourseId('My Course')).toThrow('"My Course" is not a course id');
    expect(parseQuestionId('s1-2024-may-abc-q1')).toBe('s1-2024-may-abc-q1');
    expect(() => parseQuestionId('q1')).toThrow('"q1" is not a question id');
  });

  it('makes a question id from its parts, and numbers a repeat after it', () => {
    const id = questionIdOf(3, '2024-may-abc', '1-1');
    expect(id).toBe('s3-2024-may-abc-q1-1');
    expect(repeatedQuestionId(id, 2)).toBe('s3-2024-may-abc-q1-1-2');
    expect(questionIdOf(0, 'no-paper', '7')).toBe('s0-no-paper-q7');
  });

  it("puts another author's id after their question's own id, and takes it off again", () => {
    const own = parseQuestionId('s1-2024-may-abc-q1');
    expect(authoredQuestionId(own, 'lin')).toBe('s1-2024-may-abc-q1-lin');
    expect(ownQuestionId(authoredQuestionId(own, 'lin'), 'lin')).toBe(own);
    // An author's id with dashes of its own comes off whole.
    expect(ownQuestionId(authoredQuestionId(own, 'wang-xiaoming'), 'wang-xiaoming')).toBe(own);
    // The course's first notes add nothing.
    expect(authoredQuestionId(own, undefined)).toBe(own);
    expect(ownQuestionId(own, undefined)).toBe(own);
  });

  it('keys a question by its course and id', () => {
    expect(questionKey(DASC, parseQuestionId('s1-2024-may-abc-q1'))).toBe('dasc7606/s1-2024-may-abc-q1');
  });
});

describe('paths inside the built folder and URLs of the site', () => {
  const sites = [siteUrls('/'), siteUrls('/revision/')];
  const paths: DistPath[] = [
    distPaths.home(),
    distPaths.course(ML),
    distPaths.section(ML, 2),
    distPaths.paperPdf(ML, '2023-oct'),
    distPaths.offlineManifest(ML),
    distPaths.file('_astro/Layout.B3xY9q.css'),
  ];

  it.each(sites)('turns a path into a URL under $base and the URL back into the same path', (urls) => {
    for (const path of paths) {
      const url = urls.at(path);
      expect(url.startsWith(urls.base)).toBe(true);
      expect(urls.inSite(url)).toBe(path);
    }
  });

  it.each(sites)('under $base, each page and file URL is its path in the built folder with the base in front', (urls) => {
    expect(urls.section(ML, 2)).toBe(urls.at(distPaths.section(ML, 2)));
    expect(urls.ankiDeck(ML)).toBe(`${urls.base}ml/anki/ml.txt`);
    expect(urls.inSite(urls.question(ML, 2, S2_Q1))).toBe('ml/s2/#s2-x-q1');
  });

  it('names the page a built file is: a folder\'s index.html is the folder', () => {
    expect(pagePath(distPaths.file('index.html'))).toBe('');
    expect(pagePath(distPaths.file('ml/s1/index.html'))).toBe('ml/s1/');
    expect(pagePath(distPaths.file('ml/s1/questions-2.html'))).toBe('ml/s1/questions-2.html');
    expect(pagePath(distPaths.file('ml/pdf/s1.pdf'))).toBe('ml/pdf/s1.pdf');
  });

  it('takes a file the build names with or without its leading slash', () => {
    expect(distPaths.file('/pagefind/pagefind.js')).toBe('pagefind/pagefind.js');
    expect(distPaths.file('pagefind/pagefind.js')).toBe('pagefind/pagefind.js');
  });
});

describe('the types keep the names apart (npm run check fails when one passes for another)', () => {
  it('takes no question key or plain text for a course id, and no URL for a path in the built folder', () => {
    const key = questionKey(ML, S1_Q1);
    const url = siteUrls('/revision/').section(ML, 1);
    // @ts-expect-error a question key is not a course id
    expect(distPaths.course(key)).toBe('ml/s1-x-q1/');
    // @ts-expect-error text is a course id only once read as one (parseCourseId, isCourseId)
    expect(distPaths.course('ml')).toBe('ml/');
    // @ts-expect-error a URL of the site is not a path inside the built folder
    expect(pagePath(url)).toBe('/revision/ml/s1/');
    // @ts-expect-error a path inside the built folder is not a question id
    expect(authoredQuestionId(distPaths.section(ML, 1), 'lin')).toBe('ml/s1/-lin');
  });
});
