/**
 * The print fonts (src/lib/fonts/print-fonts.ts) load only to print: their stylesheet is named by a
 * <meta> (a <link>, even for print media, would be downloaded by every visit), and a browser prints
 * with whatever fonts it has at that moment. So before printing, the pages' own Print button and
 * the PDF step (scripts/lib/pdf/print-page.ts) add the stylesheet and load the files holding the
 * page's characters. Ctrl+P adds it too (beforeprint), too late for that print: its text prints
 * in the system's fonts (the faces swap), the next one in these. Nothing on screen names the family.
 */

/**
 * Adds the print fonts' stylesheet and loads their files for the page's text (the text families,
 * both weights) and its code (the code families); settles when they have loaded or failed (offline
 * before they were stored, say: the system's fonts print instead). Self-contained (no imports, no
 * module state): the PDF step runs it inside the page.
 */
export async function loadPrintFonts(): Promise<void> {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="print-fonts"]');
  if (!meta) return;
  if (!document.querySelector('link[data-print-fonts]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = meta.content;
    link.dataset.printFonts = '';
    const settled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    document.head.append(link);
    await Promise.race([settled, new Promise((done) => setTimeout(done, 5000))]);
  }
  const text = document.title + (document.body.textContent ?? '');
  const code = [...document.querySelectorAll('code, pre, kbd, samp')].map((element) => element.textContent ?? '').join('');
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${meta.dataset.families ?? ''}`, text));
  if (code !== '') loads.push(document.fonts.load(`16px ${meta.dataset.codeFamilies ?? ''}`, code));
  // A file that failed to load: the next font of the stack, or the system's, draws its characters.
  await Promise.allSettled(loads);
}
