/**
 * Each screenshot has a print-resolution twin (img.screenshot-print, rehype-screenshot-sources.ts)
 * that no screen shows, so none loads it. Print shows the twin once it has loaded and the screen
 * image until then (print.css), so a print never has an empty frame.
 */

/** Marks twins as they load, whoever loads them: Chromium loads lazy images before it prints. */
export function initPrintImages(root: ParentNode = document): void {
  for (const image of root.querySelectorAll<HTMLImageElement>('img.screenshot-print')) {
    if (image.complete && image.naturalWidth > 0) image.dataset.printReady = '';
    else image.addEventListener('load', () => (image.dataset.printReady = ''), { once: true });
  }
}

/**
 * Loads every twin and marks those that loaded; settles when all have. Self-contained (no imports,
 * no module state): the PDF step runs it inside the page (scripts/lib/pdf/print-images.ts).
 */
export async function loadPrintImages(): Promise<void> {
  const twins = [...document.querySelectorAll<HTMLImageElement>('img.screenshot-print')];
  await Promise.all(
    twins.map(async (image) => {
      image.loading = 'eager';
      try {
        await image.decode();
        image.dataset.printReady = '';
      } catch {
        // Not loaded (offline before it was stored, say): the screen image prints instead.
      }
    }),
  );
}
