/**
 * npm run check (last step): no folder of src/lib imports a folder that imports it back. Prints
 * each loop with one import of every edge in it, and exits 1 when there is one.
 */
import { join } from 'node:path';
import { runCli } from './lib/cli.ts';
import { folderEdges, importLoops } from './lib/import-graph.ts';

runCli(() => {
  const root = join(import.meta.dirname, '../src/lib');
  const edges = folderEdges(root);
  const loops = importLoops(edges);
  for (const loop of loops) {
    console.error(`src/lib: ${loop.join(', ')} import each other:`);
    for (const edge of edges.filter(({ from, to }) => loop.includes(from) && loop.includes(to)))
      console.error(`  ${edge.from} → ${edge.to}: src/lib/${edge.example.file} imports ${edge.example.imports}`);
  }
  if (loops.length > 0) throw new Error('imports must go one way between the folders of src/lib (README: How it fits together)');
  console.log(
    `src/lib: ${new Set(edges.flatMap(({ from, to }) => [from, to])).size} folders, ${edges.length} imports between them, all one way.`,
  );
});
