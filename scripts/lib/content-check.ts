/**
 * The content check over a content folder on disk (`npm run check`, and `npm run dev` after each
 * import): reads the content files and lists the screenshots, decodes each screenshot once, and
 * hands all of it to checkContent (src/lib/check/content-check.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, type Diagnostic } from '../../src/lib/check/content-check.ts';
import { unreadableImage } from '../../src/lib/content/images.ts';
import { classifyContentPath, contentFileKind } from '../../src/lib/content/layout.ts';

/** Every file under `dir`, as paths relative to it with `/`. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(join(dir, prefix))) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listFiles(dir, path);
    return entry.isFile() ? [path] : [];
  });
}

export interface FolderCheck {
  diagnostics: Diagnostic[];
  /** Course, section and question files checked. */
  pages: number;
}

/** Checks the content folder, or only the course folders named in `courses`. */
export async function checkContentFolder(contentDir: string, courses?: string[]): Promise<FolderCheck> {
  const files = new Map<string, string>();
  const images = new Set<string>();
  const paths = courses === undefined ? listFiles(contentDir) : courses.flatMap((course) => listFiles(contentDir, course));
  for (const path of paths) {
    if (classifyContentPath(path)?.kind === 'image') images.add(path);
    else if (path.endsWith('.md')) files.set(path, readFileSync(join(contentDir, path), 'utf8'));
  }
  const unreadableImages = new Map<string, string>();
  for (const image of images) {
    const problem = await unreadableImage(join(contentDir, image));
    if (problem !== undefined) unreadableImages.set(image, problem);
  }
  const pages = [...files.keys()].filter((path) => contentFileKind(path) !== undefined).length;
  return { diagnostics: checkContent({ files, images, unreadableImages }), pages };
}
