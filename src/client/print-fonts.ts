/**
 * The print fonts (src/lib/fonts/print-fonts.ts) load only when something prints with them, and a
 * browser prints with whatever fonts it has at that moment: so before printing, the pages' own Print
 * button and the PDF step (scripts/lib/pdf/print-page.ts) load the files holding the page's
 * characters. The stylesheet declaring them is linked for print media only (so screens never wait
 * for it); it applies to every medium while this runs, which changes nothing on screen, where no
 * style names the family.
 */

/**
 * Loads the print fonts' files for the page's text, both weights; settles when they have loaded or
 * failed (offline before they were stored, say: the system's fonts print instead). Self-contained
 * (no imports, no module state): the PDF step runs it inside the page.
 */
export async function loadPrintFonts(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>('link[data-print-fonts]');
  if (!link) return;
  if (link.media !== 'all') {
    const loaded = link.sheet ? Promise.resolve() : new Promise((done) => link.addEventListener('load', done, { once: true }));
    link.media = 'all';
    await Promise.race([loaded, new Promise((done) => setTimeout(done, 5000))]);
  }
  const family = link.dataset.printFonts;
  const text = document.body.textContent ?? '';
  try {
    await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${family}"`, text)));
  } catch {
    // A file that failed to load: the system's fonts draw its characters.
  }
}
