/**
 * Realistic question screenshots for the test site and the bench: the user's notes name 48 that
 * are not in the repository (megabytes of exam pages). Each is made like a phone or desktop capture
 * of a printed exam page: 1400×900 CSS pixels at 1.5× density (2100×1350), black text on white,
 * saved as the notes name them (PNG, or JPEG for .jpg). Like real captures, some hold a short
 * question and some a full page (6 to 22 lines): the user's 48 come to 7.6 MB, against 4.8 MB for
 * the 48 real-looking ones the screenshots issue measured with. Deterministic, so builds are comparable.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { imagePath } from '../../src/lib/content/images.ts';
import { authorFolder } from '../../src/lib/content/layout.ts';
import { readCourse } from '../../src/lib/content/read.ts';
import type { CourseId } from '../../src/lib/content/paths.ts';

const WIDTH = 2100;
const HEIGHT = 1350;

const SENTENCES = [
  'Consider a convolutional network with three 3×3 layers of stride 1 and no pooling.',
  'Explain why the effective receptive field equals that of a single 7×7 layer.',
  'A discriminator outputs D(x) = 0.4 for a real sample. Compute the loss −log D(x).',
  '请说明在训练生成对抗网络时出现模式崩溃（mode collapse）的原因，并给出两种缓解方法。',
  'The training error is low but the test error is high. Name three remedies and justify each.',
  'Given Q, K and V, write the scaled dot-product attention and state the role of √d_k.',
  '(a) State two advantages of the Transformer over RNN/LSTM models. (6 marks)',
  '(b) How many multiplications does the direct 3×3 convolution need? Show your working.',
  '在批量较小时，为什么增大 batch size 可以减少达到目标损失所需的迭代次数？',
  'Answer ALL questions. Write your answers in the answer book provided. Calculators are allowed.',
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An SVG page of exam text, different for each `seed` in its lines and how many there are. */
function pageSvg(title: string, seed: number): string {
  const lines: string[] = [];
  for (let index = 0, count = 6 + ((seed * 5) % 17); index < count; index++)
    lines.push(SENTENCES[(seed * 7 + index * 3) % SENTENCES.length] ?? '');
  const text = lines.map((line, index) => `<text x="120" y="${260 + index * 48}" font-size="30">${escapeXml(line)}</text>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g font-family="Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif" fill="#111">` +
    `<text x="120" y="160" font-size="44" font-weight="bold">${escapeXml(title)}</text>${text}</g>` +
    `<line x1="120" y1="190" x2="1980" y2="190" stroke="#444" stroke-width="3"/></svg>`
  );
}

/** Writes a screenshot at `path` unless one is there: JPEG for a .jpg/.jpeg name, else PNG. */
export async function writeScreenshot(path: string, title: string, seed: number): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const image = sharp(Buffer.from(pageSvg(title, seed)));
  await (/\.jpe?g$/i.test(path) ? image.jpeg({ quality: 85 }) : image.png({ palette: true })).toFile(path);
}

/** One screenshot for each path, numbered in order for their titles. */
export async function writeScreenshots(paths: string[]): Promise<void> {
  let seed = 0;
  for (const path of paths) await writeScreenshot(path, `Question page ${++seed}`, seed);
}

/** A stand-in for each screenshot a course's sections and questions name that is not in its image folder yet. */
export async function writeMissingScreenshots(contentDir: string, course: CourseId): Promise<void> {
  const { sections, questions } = readCourse(contentDir, course);
  // Another author's screenshots are in their own folder's images/.
  const paths = [...sections, ...questions].flatMap((entry) =>
    entry.data.images.map((image) => imagePath(join(contentDir, course, authorFolder(entry.data.author)), image.src)),
  );
  await writeScreenshots([...new Set(paths)].filter((path) => path !== undefined));
}
