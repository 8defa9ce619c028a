/**
 * Which folders of src/lib import which, read with TypeScript's own import scanner, and the
 * folders that import each other (directly or round a longer loop). Data should flow one way
 * (content → notes → markdown → import, check, site …), so `npm run check` fails on any loop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface FolderEdge {
  from: string;
  to: string;
  /** One file that makes the edge, relative to the scanned root, and what it imports. */
  example: { file: string; imports: string };
}

function sourceFiles(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.(ts|mts)$/.test(entry.name) ? [path] : [];
  });
}

/** The folder of src/lib a path inside it belongs to: its first segment. */
const folderOf = (path: string): string => path.split('/')[0] ?? path;

/** Edges between the top folders under `root` (src/lib), one example file each. */
export function folderEdges(root: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(file), fileName))
        .split(sep)
        .join('/');
      if (target.startsWith('..') || !target.includes('/')) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to && !edges.has(`${from}>${to}`)) edges.set(`${from}>${to}`, { from, to, example: { file, imports: fileName } });
    }
  }
  return [...edges.values()];
}

/** Groups of folders that reach each other through imports (Tarjan's strongly connected components), largest first. */
export function importLoops(edges: FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const nodes = [...new Set(edges.flatMap(({ from, to }) => [from, to]))].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const loops: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (stack.includes(target)) low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) group.push(member);
    if (group.length > 1) loops.push(group.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return loops.sort((a, b) => b.length - a.length);
}
