/**
 * A build that would make the same site as the last one is skipped, as make skips a target newer
 * than its sources: the last build records a digest of everything it read (the content folder, the
 * site's code, public files and dependencies, the settings it was given, and what goes into a PDF
 * from outside: Chromium and the machine's fonts) and a listing of the folder it made. When both
 * still match, nothing needs to run. Kept outside the built folder, beside the other caches.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { filesDigest, filesUnder, readTextIfExists, writeFileAtomic } from './files.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The project's files a build reads besides the content: its code, public files, settings and dependencies. */
const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];
/** Settings that change what a build makes, or whether it fails (SITE_STRICT: a build that passed without --strict may not with it). */
const SETTINGS = ['SITE_BASE', 'CONTENT_DIR', 'SITE_OUT_DIR', 'SITE_PDFS', 'SITE_STRICT'];

export interface BuildInputs {
  contentDir: string;
  env: NodeJS.ProcessEnv;
  /** What goes into a PDF from outside the project (scripts/lib/pdf/print-pdfs.ts). */
  printEnvironment: string;
}

export function inputsDigest({ contentDir, env, printEnvironment }: BuildInputs): string {
  const hash = createHash('sha256').update(printEnvironment);
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\n`);
  return filesDigest(ROOT, [resolve(contentDir), ...CODE.map((path) => join(ROOT, path))], hash);
}

/** The built folder as a listing of its files with their sizes and times: changes if anything in it was touched. */
export function outputDigest(dist: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dist)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(dist, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export interface BuildStamp {
  inputs: string;
  output: string;
}

const stampFile = (cacheDir: string): string => join(cacheDir, 'last-build.json');

export function readBuildStamp(cacheDir: string): BuildStamp | undefined {
  const text = readTextIfExists(stampFile(cacheDir));
  return text === undefined ? undefined : (JSON.parse(text) as BuildStamp);
}

export function writeBuildStamp(cacheDir: string, stamp: BuildStamp): void {
  writeFileAtomic(stampFile(cacheDir), JSON.stringify(stamp));
}
