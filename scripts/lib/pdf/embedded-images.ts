/** The images a PDF embeds, read back with poppler's `pdfimages -list`. */
import { execFileSync } from 'node:child_process';

export interface EmbeddedImage {
  /** image, mask or smask. */
  type: string;
  width: number;
  height: number;
  /** How it is stored: jpeg (DCT, as the file was), image (Flate, re-encoded) … */
  encoding: string;
  /** Resolution at the size it is drawn. */
  xPpi: number;
  yPpi: number;
}

export function embeddedImages(file: string): EmbeddedImage[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // page num type width height color comp bpc enc interp object generation x-ppi y-ppi size ratio
      const [, , type, width, height, , , , encoding, , , , xPpi, yPpi] = line.trim().split(/\s+/);
      return {
        type: type ?? '',
        width: Number(width),
        height: Number(height),
        encoding: encoding ?? '',
        xPpi: Number(xPpi),
        yPpi: Number(yPpi),
      };
    });
}
