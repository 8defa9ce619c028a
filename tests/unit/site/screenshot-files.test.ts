/** A course offers its Anki screenshots zip only when a question shows a screenshot file that is an image. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasScreenshotFiles } from '../../../src/lib/site/screenshot-files.ts';

describe('hasScreenshotFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'screenshot-files-'));
  const course = join(root, 'course');
  const question = (src: string) => ({ filePath: join(course, 'questions', 's1-q1.md'), data: { images: [{ src }] } });

  beforeAll(async () => {
    mkdirSync(join(course, 'images', 'may'), { recursive: true });
    mkdirSync(join(course, 'questions'), { recursive: true });
    writeFileSync(
      join(course, 'images', 'may', 'shot.png'),
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    writeFileSync(join(course, 'images', 'may', 'text.png'), 'not an image');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is true when a question shows an image in the course folder', async () => {
    await expect(hasScreenshotFiles([question('./missing.png'), question('./may/shot.png')])).resolves.toBe(true);
  });

  it('is false when the files named are not added yet, not images, or outside the folder, or there are none', async () => {
    await expect(
      hasScreenshotFiles([question('./missing.png'), question('./may/text.png'), question('../../elsewhere.png')]),
    ).resolves.toBe(false);
    await expect(hasScreenshotFiles([{ filePath: undefined, data: { images: [{ src: './may/shot.png' }] } }])).resolves.toBe(false);
    await expect(hasScreenshotFiles([])).resolves.toBe(false);
  });
});
