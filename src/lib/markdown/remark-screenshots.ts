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

/** `content/<course>/questions/x.md` → `content/<course>` */
function courseDirOf(path: string): string {
  return dirname(dirname(path));
}

export default function remarkScreenshots() {
  return (tree: Root, file: VFile): void => {
    if (!file.path) return;
    const courseDir = courseDirOf(file.path);
    visit(tree, 'image', (image, index, parent) => {
      const target = imagePath(courseDir, image.url);
      if (target === undefined || index === undefined || !parent) return;
      const name = target.slice(imageFolder(courseDir).length + 1).split(sep).join('/');
      if (existsSync(target)) {
        image.url = relative(dirname(file.path), target).split(sep).join('/');
        // The notes' alt text is a leftover label ("Q3"); say what the image is, keeping it.
        image.alt = [image.alt, `question screenshot ${name}`].filter(Boolean).join(': ');
        image.data = { ...image.data, hProperties: { className: ['screenshot'], loading: 'lazy', decoding: 'async' } };
        return;
      }
      const folder = relative(process.cwd(), dirname(target)).split(sep).join('/');
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
