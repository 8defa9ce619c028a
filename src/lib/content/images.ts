/**
 * Where a course's question screenshots live: `content/<course>/images/`, mirroring the
 * relative paths the notes use (`./2024MayABC/7.png` → `images/2024MayABC/7.png`).
 */
import { join, normalize, sep } from 'node:path';

export const IMAGE_FOLDER = 'images';

export function imageFolder(courseDir: string): string {
  return join(courseDir, IMAGE_FOLDER);
}

/** Absolute path of a referenced screenshot, or undefined for URLs and paths that leave the folder. */
export function imagePath(courseDir: string, src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
  const relativePath = normalize(safeDecode(src)).replace(/^(\.\/)+/, '');
  if (relativePath.startsWith(`..${sep}`) || relativePath === '..') return undefined;
  return join(imageFolder(courseDir), relativePath);
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
