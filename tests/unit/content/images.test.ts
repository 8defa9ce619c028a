import { describe, expect, it } from 'vitest';
import { imageFolder, imagePath } from '../../../src/lib/content/images.ts';

describe('imagePath', () => {
  it.each<[string, string | undefined]>([
    ['./2024MayABC/7.png', 'content/demo/images/2024MayABC/7.png'],
    ['2024MayABC/7.png', 'content/demo/images/2024MayABC/7.png'],
    ['././Scope.png', 'content/demo/images/Scope.png'],
    ['./2024%20May/1.png', 'content/demo/images/2024 May/1.png'],
    ['./a/../b.png', 'content/demo/images/b.png'],
    ['./bad%zz.png', 'content/demo/images/bad%zz.png'],
    ['../secret.png', undefined],
    ['./a/../../secret.png', undefined],
    ['/etc/passwd', undefined],
    ['https://example.com/x.png', undefined],
    ['data:image/png;base64,AAAA', undefined],
  ])('%j → %j', (src, expected) => {
    expect(imagePath('content/demo', src)).toBe(expected);
  });

  it('puts the image folder inside the course folder', () => {
    expect(imageFolder('content/demo')).toBe('content/demo/images');
  });
});
