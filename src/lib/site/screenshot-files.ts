/**
 * Whether a course's questions show any screenshot file: the Anki export zips exactly the
 * screenshots its cards show (scripts/lib/anki-export.ts), so only then is the zip worth offering.
 * A file named in the notes but not added yet, or one that is not an image, shows as a placeholder.
 */
import { unreadableImage } from '../content/images.ts';
import { resolveScreenshot } from '../markdown/remark-screenshots.ts';

interface QuestionFile {
  /** The question's content file, as Astro's entry gives it. */
  filePath?: string | undefined;
  data: { images: { src: string }[] };
}

export async function hasScreenshotFiles(questions: QuestionFile[]): Promise<boolean> {
  for (const { filePath, data } of questions) {
    if (filePath === undefined) continue;
    for (const image of data.images) {
      const found = resolveScreenshot(filePath, image.src);
      if (found?.found && (await unreadableImage(found.target)) === undefined) return true;
    }
  }
  return false;
}
