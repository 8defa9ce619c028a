/**
 * Where a course's question screenshots live: `content/<course>/images/`, mirroring the
 * relative paths the notes use (`./2024MayABC/7.png` → `images/2024MayABC/7.png`).
 */
import { join, normalize, sep } from 'node:path';
import sharp from 'sharp';

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

/**
 * Why a screenshot file cannot be shown, or undefined when it decodes: a text file named .png or
 * a file cut short in a copy would otherwise stop the build in the image optimiser.
 */
export async function unreadableImage(path: string): Promise<string | undefined> {
  try {
    await sharp(path).stats();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    if (/unsupported image format/i.test(message)) return 'it is not an image (PNG, JPEG, GIF, WebP or AVIF)';
    return `it is damaged or cut short (${message})`;
  }
}
