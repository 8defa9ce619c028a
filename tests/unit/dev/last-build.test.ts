import { describe, expect, it } from 'vitest';
import { lastBuildFile } from '../../../src/lib/dev/last-build.ts';
import { courseIndexPath, SEARCH_ROOT } from '../../../src/lib/search/indexes.ts';
import { distPaths, parseCourseId } from '../../../src/lib/content/paths.ts';

describe('lastBuildFile: what npm run dev serves from the last build', () => {
  const dasc = parseCourseId('dasc7606');

  it('serves both search indexes, their runtime and the typo vocabulary', () => {
    for (const path of [
      `${SEARCH_ROOT}pagefind.js`,
      `${courseIndexPath(dasc, 'full')}pagefind-entry.json`,
      `${courseIndexPath(dasc, 'latin')}vocabulary.json`,
      'pagefind/vocabulary.json',
      'pagefind/fragment/en_1a2b.pf_fragment',
    ])
      expect(lastBuildFile(distPaths.file(path))).toBe('search');
  });

  it("serves every section's and paper's PDF, as the pages link them", () => {
    expect(lastBuildFile(distPaths.sectionPdf(dasc, 3))).toBe('pdf');
    expect(lastBuildFile(distPaths.paperPdf(dasc, '2024-may-abc'))).toBe('pdf');
  });

  it('leaves pages, screenshots and other files to the dev server', () => {
    for (const path of [
      '',
      'dasc7606/',
      'dasc7606/s3/',
      'dasc7606/pdf/',
      'dasc7606/pdf/s3.pdf/x',
      'search/',
      'sw.js',
      'dasc7606/papers/pdf/',
      'pdf/s1.pdf',
    ])
      expect(lastBuildFile(distPaths.file(path))).toBeUndefined();
  });
});
