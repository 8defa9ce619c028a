/**
 * Question screenshots: a reference such as `./2024MayABC/7.png` points into the course's image
 * folder. When the file is there, the image is handed to Astro's image pipeline (optimised, with
 * width and height; rehype-screenshot-sources.ts sets its sources from the size recorded here);
 * when it is not, or it cannot be decoded (a text file named .png, a file cut short), a
 * placeholder names the file, the problem and the folder, and the build says where.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Image, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warnAt } from './build-warning.ts';
import { imageFolder, imagePath, imageSize, unreadableImage } from '../content/images.ts';
import { contentFileAt } from '../content/layout.ts';
import type { ImageSize } from '../content/images.ts';

/**
 * A screenshot reference, resolved against the course's image folder. `target`: the file's path;
 * `folder`: where to put (or replace) it, relative to the working directory.
 */
export type Screenshot =
  /** `url`: the file, relative to the Markdown file (as Astro's image pipeline expects). */
  | { found: true; name: string; target: string; folder: string; url: string }
  | { found: false; name: string; target: string; folder: string };

/**
 * Resolves `src` (as written in the notes) for the content file at `markdownPath`
 * (`content/<course>/course.md` or `content/<course>/{questions,sections}/x.md`);
 * undefined for URLs and paths outside the image folder.
 */
export function resolveScreenshot(markdownPath: string, src: string): Screenshot | undefined {
  const kind = contentFileAt(markdownPath)?.kind;
  const courseDir = kind === 'section' || kind === 'question' ? dirname(dirname(markdownPath)) : dirname(markdownPath);
  const target = imagePath(courseDir, src);
  if (target === undefined) return undefined;
  const name = target
    .slice(imageFolder(courseDir).length + 1)
    .split(sep)
    .join('/');
  const folder = relative(process.cwd(), dirname(target)).split(sep).join('/');
  if (existsSync(target)) return { found: true, name, target, folder, url: relative(dirname(markdownPath), target).split(sep).join('/') };
  return { found: false, name, target, folder };
}

/** Each shown screenshot's size, by its URL as the Markdown image now holds it. */
type ScreenshotSizes = Map<string, ImageSize>;

declare module 'vfile' {
  interface DataMap {
    screenshotSizes: ScreenshotSizes;
  }
}

export default function remarkScreenshots() {
  return async (tree: Root, file: VFile): Promise<void> => {
    if (!file.path) return;
    const markdownPath = file.path;
    const found: { image: Image; index: number; parent: Parent; screenshot: Screenshot }[] = [];
    visit(tree, 'image', (image, index, parent) => {
      const screenshot = resolveScreenshot(markdownPath, image.url);
      if (screenshot !== undefined && index !== undefined && parent) found.push({ image, index, parent, screenshot });
    });
    for (const { image, index, parent, screenshot } of found) {
      const { name, folder, target } = screenshot;
      const problem = screenshot.found ? await unreadableImage(target) : undefined;
      if (screenshot.found && problem === undefined) {
        image.url = screenshot.url;
        // The notes' alt text is a leftover label ("Q3"); say what the image is, keeping it.
        image.alt = [image.alt, `question screenshot ${screenshot.name}`].filter(Boolean).join(': ');
        // A size written with the image (`![[x.png|300]]`, `![alt|300](x.png)`) caps its width (question.css).
        const width = image.data?.hProperties?.width;
        image.data = {
          ...image.data,
          hProperties: {
            className: ['screenshot'],
            loading: 'lazy',
            decoding: 'async',
            ...(typeof width === 'number' ? { dataWidth: width } : {}),
          },
        };
        (file.data.screenshotSizes ??= new Map()).set(screenshot.url, await imageSize(target));
        continue;
      }
      if (problem !== undefined) warnAt('image error', file, image.position?.start.line, `screenshot ${name} cannot be shown: ${problem}`);
      const [message, hint] =
        problem === undefined
          ? [`Screenshot ${name} not added yet`, ` — put it in ${folder}/`]
          : [`Screenshot ${name} could not be read: ${problem}`, ` — replace it in ${folder}/`];
      parent.children[index] = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['shot-missing'], dataFolder: folder, dataAlt: image.alt ?? '' } },
        children: [
          { type: 'text', value: message },
          {
            type: 'emphasis',
            data: { hName: 'span', hProperties: { className: ['shot-hint'] } },
            children: [{ type: 'text', value: hint }],
          },
        ],
      };
    }
  };
}
