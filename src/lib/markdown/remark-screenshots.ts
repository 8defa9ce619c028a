/**
 * Question screenshots: a reference such as `./2024MayABC/7.png` points into the course's image
 * folder. When the file is there, the image is handed to Astro's image pipeline (optimised, with
 * width and height); when it is not, a placeholder names the file and the folder to put it in.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { imageFolder, imagePath } from '../content/images.ts';
import { contentFileOf } from './file-kind.ts';

/** A screenshot reference, resolved against the course's image folder. */
export type Screenshot =
  /** `url`: the file, relative to the Markdown file (as Astro's image pipeline expects). */
  | { found: true; name: string; url: string }
  /** `folder`: where to put the file, relative to the working directory. */
  | { found: false; name: string; folder: string };

/**
 * Resolves `src` (as written in the notes) for the content file at `markdownPath`
 * (`content/<course>/course.md` or `content/<course>/{questions,sections}/x.md`);
 * undefined for URLs and paths outside the image folder.
 */
export function resolveScreenshot(markdownPath: string, src: string): Screenshot | undefined {
  const courseDir = contentFileOf(markdownPath).kind === 'other' ? dirname(markdownPath) : dirname(dirname(markdownPath));
  const target = imagePath(courseDir, src);
  if (target === undefined) return undefined;
  const name = target.slice(imageFolder(courseDir).length + 1).split(sep).join('/');
  if (existsSync(target)) return { found: true, name, url: relative(dirname(markdownPath), target).split(sep).join('/') };
  return { found: false, name, folder: relative(process.cwd(), dirname(target)).split(sep).join('/') };
}

export default function remarkScreenshots() {
  return (tree: Root, file: VFile): void => {
    if (!file.path) return;
    const markdownPath = file.path;
    visit(tree, 'image', (image, index, parent) => {
      const screenshot = resolveScreenshot(markdownPath, image.url);
      if (screenshot === undefined || index === undefined || !parent) return;
      if (screenshot.found) {
        image.url = screenshot.url;
        // The notes' alt text is a leftover label ("Q3"); say what the image is, keeping it.
        image.alt = [image.alt, `question screenshot ${screenshot.name}`].filter(Boolean).join(': ');
        image.data = { ...image.data, hProperties: { className: ['screenshot'], loading: 'lazy', decoding: 'async' } };
        return;
      }
      const { name, folder } = screenshot;
      parent.children[index] = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['shot-missing'], dataFolder: folder, dataAlt: image.alt ?? '' } },
        children: [
          { type: 'text', value: `Screenshot ${name} not added yet` },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['shot-hint'] } }, children: [{ type: 'text', value: ` — put it in ${folder}/` }] },
        ],
      };
    });
  };
}
