/**
 * Screenshots in several widths (srcset): which one a device loads, and so which one Save for
 * offline stores. The browser picks, for an image laid out `slotWidth` CSS pixels wide on a screen
 * of `devicePixelRatio`, the smallest candidate at least that many device pixels wide; Save for
 * offline picks the same for the reading column it measures. Offline, a request for another width
 * of a stored screenshot (the phone turned, the window widened) is answered with the stored one.
 */
import type { ImageSource, ScreenshotCandidate } from './manifest.ts';

/** The candidates of a srcset attribute: "a.webp 480w, b.webp 960w" or "a.webp 1x, b.webp 2x". */
export function parseSrcset(srcset: string): ImageSource[] {
  return srcset
    .split(/,\s+/)
    .map((entry) => entry.trim().split(/\s+/))
    .filter((parts) => parts[0] !== undefined && parts[0] !== '')
    .map(([url = '', descriptor = '']) => {
      const width = /^(\d+)w$/.exec(descriptor)?.[1];
      const density = /^(\d+(?:\.\d+)?)x$/.exec(descriptor)?.[1];
      return { url, width: width === undefined ? undefined : Number(width), density: density === undefined ? undefined : Number(density) };
    });
}

/** The candidate a browser loads for an image `slotWidth` CSS pixels wide at `devicePixelRatio`. */
export function pickCandidate<T extends ScreenshotCandidate>(candidates: readonly T[], slotWidth: number, devicePixelRatio: number): T {
  const first = candidates[0];
  if (first === undefined) throw new Error('a screenshot without any file');
  const measure = (candidate: T): number | undefined =>
    candidate.width ?? (candidate.density === undefined ? undefined : candidate.density * slotWidth);
  const sized = candidates.filter((candidate) => measure(candidate) !== undefined).sort((a, b) => (measure(a) ?? 0) - (measure(b) ?? 0));
  if (sized.length === 0) return first;
  const wanted = slotWidth * devicePixelRatio;
  return sized.find((candidate) => (measure(candidate) ?? 0) >= wanted) ?? sized[sized.length - 1] ?? first;
}

/** Another width of the same screenshot that is stored, for a request of `path` that is not. */
export function storedAlternative(
  path: string,
  screenshots: readonly (readonly string[])[],
  stored: ReadonlySet<string>,
): string | undefined {
  const image = screenshots.find((paths) => paths.includes(path));
  return image?.find((candidate) => candidate !== path && stored.has(candidate));
}
