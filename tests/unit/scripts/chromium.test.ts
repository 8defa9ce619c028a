/** Which Chromium a task runs (scripts/lib/chromium.ts): CHROMIUM_PATH first, for every kind. */
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/lib/chromium.ts';

describe('findChromium', () => {
  it('takes the executable CHROMIUM_PATH names, for the browser and the shell alike', () => {
    const env = { CHROMIUM_PATH: process.execPath };
    expect(findChromium('browser', env)).toBe(process.execPath);
    expect(findChromium('shell', env)).toBe(process.execPath);
  });

  it('names a CHROMIUM_PATH with no file there', () => {
    expect(() => findChromium('shell', { CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(
      'CHROMIUM_PATH is set to /nowhere/chromium, but there is no file there.',
    );
  });
});
