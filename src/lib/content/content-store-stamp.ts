/**
 * Astro keeps its content store in <cache>/data-store.json until its config changes, but not when
 * our loader's code does (src/lib/markdown/markdown-source.ts and the Markdown and notes code it
 * uses), nor when a screenshot is added (an entry lists the screenshots that exist, for Astro to
 * bundle as images). The stamp is a digest of both; when it changes, the store is dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMAGE_FOLDER } from './layout.ts';

/** The code that decides what the content store holds. */
const LOADER_CODE = ['src/lib/markdown', 'src/lib/notes', 'src/lib/content'];

/** Every file in the courses' image folders (`<content>/<course>/images/**`), with its size, in a stable order. */
export function screenshotFiles(contentDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(`${path}:${statSync(path).size}`);
    }
  };
  if (!existsSync(contentDir)) return files;
  for (const course of readdirSync(contentDir).sort()) {
    const images = join(contentDir, course, IMAGE_FOLDER);
    if (existsSync(images)) walk(images);
  }
  return files;
}

/** The digest of the content folder's place and the screenshots in it. */
export function screenshotsDigest(contentDir: string): string {
  const hash = createHash('sha256').update(resolve(contentDir));
  for (const file of screenshotFiles(contentDir)) hash.update(file);
  return hash.digest('hex');
}

/** The digest of the loader's code (read from `root`) and the screenshots present. */
export function contentStoreDigest(root: string, contentDir: string): string {
  const hash = createHash('sha256');
  for (const dir of LOADER_CODE) {
    for (const name of readdirSync(join(root, dir)).sort()) hash.update(name).update(readFileSync(join(root, dir, name)));
  }
  return hash.update(screenshotsDigest(contentDir)).digest('hex');
}

/** Drops the cached content store when the digest differs from the last build's; returns whether it did. */
export function dropStaleContentStore(cacheDir: string, digest: string): boolean {
  const stamp = join(cacheDir, 'markdown-code-digest');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return false;
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stamp, digest);
  return true;
}
