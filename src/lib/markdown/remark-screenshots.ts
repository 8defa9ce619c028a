/**
 * Question screenshots: a reference such as `./2024MayABC/7.png` points into the course's image
 * folder. When the file is there, the image is handed to Astro's image pipeline (optimised, with
 * width and height); when it is not, or it cannot be decoded (a text file named .png, a file
 * cut short), a placeholder names the file, the problem and the folder, and the build says where.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Image, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { imageFolder, imagePath, unreadableImage } from '../content/images.ts';

/** `content/<course>/questions/x.md` → `content/<course>` */
function courseDirOf(path: string): string {
  return dirname(dirname(path));
}

export default function remarkScreenshots() {
  return async (tree: Root, file: VFile): Promise<void> => {
    if (!file.path) return;
    const courseDir = courseDirOf(file.path);
    const found: { image: Image; index: number; parent: Parent; target: string }[] = [];
    visit(tree, 'image', (image, index, parent) => {
      const target = imagePath(courseDir, image.url);
      if (target !== undefined && index !== undefined && parent) found.push({ image, index, parent, target });
    });
    for (const { image, index, parent, target } of found) {
      const name = target.slice(imageFolder(courseDir).length + 1).split(sep).join('/');
      const folder = relative(process.cwd(), dirname(target)).split(sep).join('/');
      const problem = existsSync(target) ? await unreadableImage(target) : undefined;
      if (existsSync(target) && problem === undefined) {
        image.url = relative(dirname(file.path), target).split(sep).join('/');
        // The notes' alt text is a leftover label ("Q3"); say what the image is, keeping it.
        image.alt = [image.alt, `question screenshot ${name}`].filter(Boolean).join(': ');
        image.data = { ...image.data, hProperties: { className: ['screenshot'], loading: 'lazy', decoding: 'async' } };
        continue;
      }
      if (problem !== undefined) console.warn(`image error: ${file.path}${image.position ? `:${image.position.start.line}` : ''}: screenshot ${name} cannot be shown: ${problem}`);
      const [message, hint] = problem === undefined ? [`Screenshot ${name} not added yet`, ` — put it in ${folder}/`] : [`Screenshot ${name} could not be read: ${problem}`, ` — replace it in ${folder}/`];
      parent.children[index] = {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['shot-missing'], dataFolder: folder, dataAlt: image.alt ?? '' } },
        children: [
          { type: 'text', value: message },
          { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['shot-hint'] } }, children: [{ type: 'text', value: hint }] },
        ],
      };
    }
  };
}
