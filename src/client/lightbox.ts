import { lightboxSizes } from '../lib/markdown/screenshot-sizes.ts';

/**
 * Screenshots open large in a dialog: click or Enter to enlarge, Esc or the button to close. The
 * dialog shows the page's copy at once, at full size, then a sharper file picked from the
 * screenshot's `srcset` for the dialog's width: the large file loads only when a reader opens it
 * (and not at all when the page's copy is already large enough). The screenshot itself becomes the
 * button, where it is: wrapping it in one would put it in the page again after the page has shown
 * it, which the browser counts as a new, later largest paint.
 */
export function initLightbox(root: ParentNode = document): void {
  const images = root.querySelectorAll<HTMLImageElement>('img.screenshot');
  if (images.length === 0) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'lightbox';
  dialog.setAttribute('aria-label', 'Screenshot');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'button lightbox-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  const large = document.createElement('img');
  dialog.append(close, large);
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  /** The screenshot the dialog shows. */
  let opened: HTMLImageElement | undefined;

  for (const image of images) {
    image.classList.add('zoomable');
    image.setAttribute('role', 'button');
    image.tabIndex = 0;
    image.setAttribute('aria-label', `Enlarge screenshot${image.alt ? ` ${image.alt}` : ''}`);
    // A button opens on Enter and on Space (which would otherwise scroll the page).
    image.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      image.click();
    });
    image.addEventListener('click', () => {
      // The widest source's size (the `width` property would be the size shown on the page).
      const width = image.getAttribute('width') ?? '';
      large.width = Number(width);
      large.height = Number(image.getAttribute('height'));
      large.src = image.currentSrc || image.src;
      large.alt = image.alt;
      opened = image;
      dialog.showModal();
      const sharper = new Image();
      sharper.sizes = lightboxSizes(Number(width));
      sharper.srcset = image.srcset;
      sharper
        .decode()
        .then(() => {
          if (dialog.open && opened === image) large.src = sharper.currentSrc;
        })
        .catch(() => undefined); // the page's copy stays
    });
  }
}
