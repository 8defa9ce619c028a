/**
 * The machine's fonts as fontconfig knows them (Chromium on Linux finds its fallback fonts through
 * fontconfig, and honours FONTCONFIG_FILE as fc-list does): one `fc-list` run per build gives every
 * font's charset, not one process per character.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { CodePointRanges, parseFontconfigCharset } from '../../src/lib/fonts/coverage.ts';

export interface SystemFonts {
  /** Every code point some installed font has. */
  coverage: CodePointRanges;
  /** Changes when a font is added, removed or replaced: part of the PDF cache's key. */
  fingerprint: string;
  fontCount: number;
}

/** Undefined where fontconfig is not installed (macOS without Homebrew's): nothing to ask then. */
export function systemFonts(env: NodeJS.ProcessEnv = process.env): SystemFonts | undefined {
  let listing: string;
  try {
    listing = execFileSync('fc-list', ['--format', '%{file}\t%{fontversion}\t%{charset}\n'], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = listing.split('\n').filter(Boolean).sort();
  return {
    coverage: new CodePointRanges(lines.flatMap((line) => parseFontconfigCharset(line.split('\t')[2] ?? ''))),
    fingerprint: createHash('sha256').update(lines.join('\n')).digest('hex'),
    fontCount: lines.length,
  };
}
