import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotImports } from '../../../src/lib/markdown/markdown-source.ts';

const content = mkdtempSync(join(tmpdir(), 'markdown-source-'));
afterAll(() => rmSync(content, { recursive: true, force: true }));
mkdirSync(join(content, 'demo', 'images', '2024 May'), { recursive: true });
writeFileSync(join(content, 'demo', 'images', '2024 May', '1.png'), '');
writeFileSync(join(content, 'demo', 'images', 'Scope.png'), '');

describe('screenshotImports', () => {
  it('lists the screenshots a question names in its frontmatter that exist, relative to the file, once each', () => {
    const images = [
      { src: './2024%20May/1.png' },
      { src: './2024%20May/2.png' },
      { src: './2024%20May/1.png' },
      { src: 'https://example.com/x.png' },
    ];
    expect(screenshotImports(join(content, 'demo', 'questions', 's1-2024-may-q1.md'), { images }, 'not parsed: ![](./Scope.png)')).toEqual([
      '../images/2024 May/1.png',
    ]);
  });

  it('reads the body of a file without a screenshot list (the course file), from the course image folder', () => {
    const body = 'Intro.\n\n![Scope](./Scope.png)\n\n`![code](./2024%20May/1.png)` and ![missing](./none.png)';
    expect(screenshotImports(join(content, 'demo', 'course.md'), { title: 'Demo' }, body)).toEqual(['images/Scope.png']);
  });

  it('lists nothing for a section without screenshots', () => {
    expect(screenshotImports(join(content, 'demo', 'sections', 's1.md'), { images: [] }, '![Scope](./Scope.png)')).toEqual([]);
  });
});
