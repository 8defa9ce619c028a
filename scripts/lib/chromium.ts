/**
 * Finds a Chromium for PDFs, screenshots and end-to-end tests. Nothing is downloaded: we use the
 * system's browser (Debian: `apt-get install -y chromium`, and `chromium-headless-shell` for speed)
 * or the one CHROMIUM_PATH names.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Which Chromium a task needs. `browser` is what a reader runs: the bench and Lighthouse measure it,
 * and only it opens a PDF in its viewer and fetches lazy images as a phone does. `shell` is
 * Chromium's old headless shell, the same engine without the browser around it: it prints the
 * PDFs and drives the browser tests about 1.5× faster (csp.test.ts: 52 s against 77–84 s), and
 * stands in for the browser's place only when it is installed.
 */
export type ChromiumKind = 'browser' | 'shell';

const HEADLESS_SHELLS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chrome-headless-shell'];
const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The executable for `kind`: CHROMIUM_PATH when set (for every kind), else the first installed of the usual places. */
export function findChromium(kind: ChromiumKind = 'browser', env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = [...(kind === 'shell' ? HEADLESS_SHELLS : []), ...BROWSERS].find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium chromium-headless-shell) or set CHROMIUM_PATH to a Chrome/Chromium executable.',
  );
}

export interface LaunchOptions {
  /** Which Chromium (see ChromiumKind); the browser by default. */
  kind?: ChromiumKind;
  /** The browser's environment (FONTCONFIG_FILE: which fonts it sees); this process's by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Headless Chromium with the flags a closed, sandboxed machine needs (no background networking).
 * Playwright loads only when a browser starts: a build whose PDFs are all cached never needs it.
 */
export async function launchChromium({ kind = 'browser', env }: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: findChromium(kind),
    ...(env ? { env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)) } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
