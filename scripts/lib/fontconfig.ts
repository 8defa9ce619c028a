/**
 * The machine's fonts as fontconfig knows them (Chromium on Linux finds its fallback fonts through
 * fontconfig, and honours FONTCONFIG_FILE as fc-list does). The site prints with the fonts it
 * ships, but a character none of them has prints with the machine's, so a change to the
 * machine's fonts is part of the PDF cache's key.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export interface SystemFonts {
  /** Changes when a font is added, removed or replaced. */
  fingerprint: string;
  fontCount: number;
}

/** Undefined where fontconfig is not installed (macOS without Homebrew's): nothing to ask then. */
export function systemFonts(env: NodeJS.ProcessEnv = process.env): SystemFonts | undefined {
  let listing: string;
  try {
    listing = execFileSync('fc-list', ['--format', '%{file}\t%{fontversion}\n'], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = listing.split('\n').filter(Boolean).sort();
  return { fingerprint: createHash('sha256').update(lines.join('\n')).digest('hex'), fontCount: lines.length };
}
