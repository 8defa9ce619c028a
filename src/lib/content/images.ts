/**
 * Where a course's question screenshots live: `content/<course>/images/`, mirroring the
 * relative paths the notes use (`./2024MayABC/7.png` → `images/2024MayABC/7.png`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import sharp from 'sharp';
import { IMAGE_FOLDER } from './layout.ts';

/** A screenshot's size in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

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
export function unreadableImage(path: string): Promise<string | undefined> {
  // Decoding is the only sure test, and the loader and every page using the file ask:
  // decode each version of a file once.
  return oncePerVersion(decoded, path, decodeProblem);
}

const decoded = new Map<string, Promise<string | undefined>>();

/** A readable image's width and height as shown (EXIF rotation applied, as the image optimiser does). */
export function imageSize(path: string): Promise<ImageSize> {
  return oncePerVersion(measured, path, async (file) => {
    const { autoOrient } = await sharp(file).metadata();
    return { width: autoOrient.width, height: autoOrient.height };
  });
}

const measured = new Map<string, Promise<ImageSize>>();

/** `compute(path)`, remembered until the file changes. */
function oncePerVersion<T>(cache: Map<string, Promise<T>>, path: string, compute: (path: string) => Promise<T>): Promise<T> {
  const { mtimeMs, size } = statSync(path);
  const version = `${path}\0${mtimeMs}\0${size}`;
  let result = cache.get(version);
  if (!result) cache.set(version, (result = compute(path)));
  return result;
}

async function decodeProblem(path: string): Promise<string | undefined> {
  try {
    await sharp(path).stats();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    if (/unsupported image format/i.test(message)) return 'it is not an image (PNG, JPEG, GIF, WebP or AVIF)';
    return `it is damaged or cut short (${message})`;
  }
}

/** The screenshot files under `<contentDir>/<course>/images/` that cannot be decoded. */
export async function unreadableScreenshots(contentDir: string): Promise<Set<string>> {
  const unreadable = new Set<string>();
  if (!existsSync(contentDir)) return unreadable;
  for (const course of readdirSync(contentDir, { withFileTypes: true })) {
    const folder = imageFolder(join(contentDir, course.name));
    if (!course.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      const path = join(file.parentPath, file.name);
      if (file.isFile() && (await unreadableImage(path)) !== undefined) unreadable.add(path);
    }
  }
  return unreadable;
}
