import { describe, expect, it } from 'vitest';
import { lastBuildFile } from '../../../src/lib/dev/last-build.ts';
import { courseIndexPath, SEARCH_ROOT } from '../../../src/lib/search/indexes.ts';
import { siteUrls } from '../../../src/lib/site/urls.ts';

describe('lastBuildFile: what npm run dev serves from the last build', () => {
  const site = siteUrls('/');

  it('serves both search indexes, their runtime and the typo vocabulary', () => {
    for (const path of [
      `${SEARCH_ROOT}pagefind.js`,
      `${courseIndexPath('dasc7606', 'full')}pagefind-entry.json`,
      `${courseIndexPath('dasc7606', 'latin')}vocabulary.json`,
      'pagefind/vocabulary.json',
      'pagefind/fragment/en_1a2b.pf_fragment',
    ])
      expect(lastBuildFile(path)).toBe('search');
  });

  it("serves every section's and paper's PDF, as the pages link them", () => {
    expect(lastBuildFile(site.inSite(site.sectionPdf('dasc7606', 3)) ?? '')).toBe('pdf');
    expect(lastBuildFile(site.inSite(site.paperPdf('dasc7606', '2024-may-abc')) ?? '')).toBe('pdf');
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
      expect(lastBuildFile(path)).toBeUndefined();
  });
});
