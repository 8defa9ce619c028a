import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderEdges, importLoops } from '../../../scripts/lib/import-graph.ts';
import { ROOT } from '../helpers/cli.ts';

/** A throwaway src/lib of the given files (path → source). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'import-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import graph of src/lib', () => {
  it('finds the folders each folder imports, ignoring packages and imports within a folder', () => {
    const root = tree({
      'content/schema.ts': "import { z } from 'zod';",
      'notes/outline.ts': "import type { Part } from '../content/schema.ts';\nimport { x } from './parts.ts';",
      'notes/parts.ts': 'export const x = 1;',
      'site/page.ts': "export { y } from '../notes/outline.ts';\nconst lazy = () => import('../content/schema.ts');",
    });
    const edges = folderEdges(root).map(({ from, to }) => `${from}>${to}`);
    expect(edges.sort()).toEqual(['notes>content', 'site>content', 'site>notes']);
    expect(importLoops(folderEdges(root))).toEqual([]);
  });

  it('reports folders that import each other, directly or round a longer loop', () => {
    const root = tree({
      'a/one.ts': "import '../b/two.ts';",
      'b/two.ts': "import '../c/three.ts';",
      'c/three.ts': "import '../a/one.ts';",
      'd/four.ts': "import '../e/five.ts';",
      'e/five.ts': "import '../d/four.ts';",
      'f/six.ts': "import '../a/one.ts';",
    });
    expect(importLoops(folderEdges(root))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it("holds for the project's own src/lib", () => {
    expect(importLoops(folderEdges(join(ROOT, 'src/lib')))).toEqual([]);
  });
});
