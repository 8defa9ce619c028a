/** Small readers the rehype and remark steps share. */
import type { Nodes } from 'hast';
import type { VFile } from 'vfile';

/** Whether `node` is an element with the class `name`. */
export function hasClass(node: Nodes | undefined, name: string): boolean {
  return node?.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name);
}

/** The frontmatter Astro's renderer gave this file (the entry's data, and what the page adds), or none. */
export function frontmatterOf(file: VFile): Record<string, unknown> {
  return (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
}
