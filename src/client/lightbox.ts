/** Screenshots open full size in a dialog: click or Enter to enlarge, Esc or the button to close. */
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

  for (const image of images) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'zoomable';
    button.setAttribute('aria-label', `Enlarge screenshot${image.alt ? ` ${image.alt}` : ''}`);
    image.replaceWith(button);
    button.append(image);
    button.addEventListener('click', () => {
      large.src = image.currentSrc || image.src;
      large.alt = image.alt;
      dialog.showModal();
    });
  }
}
