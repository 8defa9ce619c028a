/**
 * The PDF cache: a page is printed again only when something that goes into its PDF changed since
 * it was last printed: its HTML, any file it loaded while printing (stylesheets, scripts, KaTeX's
 * fonts, screenshots), the glyphs it takes from the print fonts and screen fallbacks (font-inputs.ts:
 * not their files, which change whenever any page gains a character) or the printing environment
 * (Chromium's version, the machine's fonts, the printing code). Kept outside the built folder,
 * which every build empties: a manifest of content hashes and the PDFs under their own hash.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../files.ts';
import { SiteFonts, withoutFallbackHash } from './font-inputs.ts';

const MANIFEST = 'manifest.json';
const FORMAT = 2;
/** Entries unused for this long go, with PDFs nothing refers to. */
const KEEP_UNUSED_MS = 30 * 24 * 60 * 60 * 1000;
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

interface Entry {
  /** Hash of each file the page loaded, by its path inside the built folder, but for the site's fonts. */
  resources: Record<string, string>;
  /** Hash of what the page takes from the site's fonts (font-inputs.ts). */
  fonts: string;
  /** Hash of the PDF, its file name in the cache. */
  pdf: string;
  usedAt: number;
}

interface Manifest {
  format: number;
  /** By hash of the page's HTML and the environment. */
  entries: Record<string, Entry>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** File hashes, each file read once per build (pages share stylesheets and fonts). */
class FileHashes {
  private readonly known = new Map<string, string | undefined>();
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  of(path: string): string | undefined {
    if (!this.known.has(path)) {
      const file = join(this.root, path);
      // A page's HTML names the fallbacks' stylesheet by its content: the fonts' hash stands for it.
      const read = (): string | Buffer => (path.endsWith('.html') ? withoutFallbackHash(readFileSync(file, 'utf8')) : readFileSync(file));
      this.known.set(path, existsSync(file) ? sha256(read()) : undefined);
    }
    return this.known.get(path);
  }
}

export class PdfCache {
  private readonly dir: string;
  private readonly dist: string;
  private readonly environment: string;
  private readonly manifest: Manifest;
  private readonly hashes: FileHashes;
  private siteFonts: SiteFonts | undefined;
  private readonly used = new Set<string>();

  /**
   * @param dir the cache folder
   * @param dist the built site whose pages are printed
   * @param environment a hash of everything outside the site that goes into a PDF
   */
  constructor(dir: string, dist: string, environment: string) {
    this.dir = dir;
    this.dist = dist;
    this.environment = environment;
    this.manifest = readManifest(dir);
    this.hashes = new FileHashes(dist);
  }

  /** Read when first needed: a build with no cached entry reads no font. */
  private fonts(): SiteFonts {
    this.siteFonts ??= new SiteFonts(this.dist);
    return this.siteFonts;
  }

  private key(page: string): string | undefined {
    const html = this.hashes.of(page);
    return html && sha256(`${html} ${this.environment}`);
  }

  /** The cached PDF of a page (its HTML file inside the built folder) when nothing it depends on changed. */
  lookup(page: string): string | undefined {
    const key = this.key(page);
    const entry = key ? this.manifest.entries[key] : undefined;
    if (!key || !entry) return undefined;
    const file = join(this.dir, `${entry.pdf}.pdf`);
    if (!existsSync(file)) return undefined;
    if (Object.entries(entry.resources).some(([path, hash]) => this.hashes.of(path) !== hash)) return undefined;
    if (sha256(this.fonts().fingerprint(Object.keys(entry.resources))) !== entry.fonts) return undefined;
    this.used.add(key);
    return file;
  }

  /** Copies a page's cached PDF to `target` when it is fresh; false when the page must be printed. */
  reuse(page: string, target: string): boolean {
    const cached = this.lookup(page);
    if (!cached) return false;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(cached, target);
    return true;
  }

  /** Records a page just printed, with the files it loaded (paths inside the built folder). */
  store(page: string, resources: string[], pdf: Uint8Array): void {
    const key = this.key(page);
    if (!key) throw new Error(`${page} is not in ${this.dist}`);
    const hashes: Record<string, string> = {};
    for (const path of new Set([page, ...resources])) {
      const hash = this.fonts().covers(path) ? undefined : this.hashes.of(path);
      if (hash) hashes[path] = hash;
    }
    const fonts = sha256(this.fonts().fingerprint(Object.keys(hashes)));
    const name = sha256(pdf);
    const file = join(this.dir, `${name}.pdf`);
    mkdirSync(this.dir, { recursive: true });
    if (!existsSync(file)) writeFileAtomic(file, pdf);
    this.manifest.entries[key] = { resources: hashes, fonts, pdf: name, usedAt: Date.now() };
    this.used.add(key);
  }

  /**
   * Writes the manifest: this build's entries over those another build (the test suite's second
   * site) may have written meanwhile, without entries long unused and PDFs no entry names.
   */
  save(now = Date.now()): void {
    const merged = readManifest(this.dir);
    for (const key of this.used) {
      const entry = this.manifest.entries[key];
      if (entry) merged.entries[key] = { ...entry, usedAt: now };
    }
    for (const [key, entry] of Object.entries(merged.entries)) if (now - entry.usedAt > KEEP_UNUSED_MS) delete merged.entries[key];
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(join(this.dir, MANIFEST), JSON.stringify(merged));
    // A PDF no entry names goes, unless it is new: another build may be about to name it.
    const named = new Set(Object.values(merged.entries).map((entry) => `${entry.pdf}.pdf`));
    for (const file of readdirSync(this.dir)) {
      const path = join(this.dir, file);
      if (file.endsWith('.pdf') && !named.has(file) && now - statSync(path).mtimeMs > ORPHAN_GRACE_MS) rmSync(path, { force: true });
    }
  }
}

function readManifest(dir: string): Manifest {
  const text = readTextIfExists(join(dir, MANIFEST));
  if (text === undefined) return { format: FORMAT, entries: {} };
  try {
    const parsed = JSON.parse(text) as Manifest;
    if (parsed.format === FORMAT && typeof parsed.entries === 'object') return parsed;
  } catch {
    // A damaged manifest costs one full print, never a wrong PDF.
  }
  return { format: FORMAT, entries: {} };
}
