/**
 * What "Save for offline" stores for one course, worked out at build from the built site
 * (scripts/lib/offline.ts reads the files; this module decides): the course's pages with the
 * site's home and search page, the styles, scripts and math fonts they run with, search (Pagefind's
 * code, the root index and this course's own index), the screenshots its pages show and, if the
 * reader wants them, its PDFs. Nothing of another course.
 *
 * The build writes one manifest per course (urls.offlineManifest) and an index of their revisions
 * (urls.offlineIndex), so a saved course can tell after a new build which files changed.
 */
import { distPaths, isCourseId, pagePath, type CourseId, type DistPath } from '../content/paths.ts';
import { courseIndexPath, SEARCH_COURSES, SEARCH_ROOT } from '../search/indexes.ts';

/** A file of the built site as Save for offline stores it. */
export interface OfflineFile {
  /** Path inside the site, as urls.at() takes it: "dasc7606/s5/" (a page), "_astro/7.B3xY9q.webp". */
  path: DistPath;
  /** Size of the file as stored. */
  bytes: number;
  /** Hash of its content: it changes exactly when the file does. */
  revision: string;
  /** Kept gzipped (a text file: a page, a style sheet, a script): `bytes` is the gzipped size. */
  stored?: 'gzip' | undefined;
}

/** One of the files a screenshot is built as: `width` or `density` from its srcset descriptor. */
export interface ScreenshotCandidate extends OfflineFile {
  width?: number | undefined;
  density?: number | undefined;
}

export interface CourseManifest {
  course: CourseId;
  /** The course's home, section, paper and review pages (with long pages' files of later questions), and the site's home and search page. */
  pages: OfflineFile[];
  /** What those pages run with: styles, scripts, the math fonts, the favicon. */
  assets: OfflineFile[];
  /** Search offline: Pagefind's code and the root index every search starts from, and this course's own index and vocabulary. */
  search: OfflineFile[];
  /** Each screenshot the pages show, as the files it is built in (one, or one per width with srcset). */
  screenshots: ScreenshotCandidate[][];
  pdfs: OfflineFile[];
}

/** The site's offline index: each course's manifest revision, which changes when any of its files does. */
export interface OfflineIndex {
  courses: Record<string, string>;
}

/** A built file's size as stored, content hash and storage, keyed by its path in the built folder ("dasc7606/s5/index.html"). */
export type FileFacts = Omit<OfflineFile, 'path'>;

/** Text files compress several times over; images, fonts, PDFs and Pagefind's files are compressed already. */
export function storedGzipped(file: string): boolean {
  return /\.(?:html|css|js|json|svg|txt)$/i.test(file);
}

/** A screenshot source as a page names it: a URL, with its srcset descriptor if any. */
export interface ImageSource {
  url: string;
  width?: number | undefined;
  density?: number | undefined;
}

/** What the build knows about the built site, read from its folder. */
export interface BuiltSite {
  /** Every file, by its path in the built folder. */
  files: ReadonlyMap<DistPath, FileFacts>;
  /** Each page file's screenshots: one list of sources per image (src and srcset candidates). */
  screenshots: ReadonlyMap<DistPath, ImageSource[][]>;
  /** The site's URL of a path inside it ("/revision/x" → "x"); undefined outside the site. */
  inSite: (url: string) => DistPath | undefined;
}

const SHARED_PAGES = ['index.html', 'search/index.html'].map(distPaths.file);
const ASSET = /^_astro\/[^/]+\.(?:js|css|woff2)$|^favicon\.[a-z]+$/;
/** Pagefind's index files in an index's folder (what a search loads), not its UI, which the site does not use. */
const INDEX_FILE = String.raw`(?:pagefind-entry\.json|[^/]+\.pf_meta|(?:index|filter|fragment)/[^/]+)`;
/** What every search loads from the root: Pagefind's script and WebAssembly, and the root index. */
const SEARCH_SHARED = new RegExp(String.raw`^${SEARCH_ROOT}(?:pagefind\.js|wasm\.[^/]+|${INDEX_FILE})$`);
/** A course's own index: both halves (the full one in `full/`) and its vocabulary. */
const COURSE_SEARCH = new RegExp(String.raw`^(?:full/)?${INDEX_FILE}$|^vocabulary\.json$`);

function offlineFile(site: BuiltSite, file: DistPath): OfflineFile {
  const facts = site.files.get(file);
  if (!facts) throw new Error(`offline manifest: ${file} is not in the built site`);
  return { path: pagePath(file), ...facts };
}

const byPath = (a: OfflineFile, b: OfflineFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every page file of a course: its home, sections, papers and review queue. */
function coursePages(site: BuiltSite, course: CourseId): DistPath[] {
  // A long page's later questions (src/lib/site/long-pages.ts) are files of their own beside it.
  return [...site.files.keys()].filter((file) => file.startsWith(`${course}/`) && file.endsWith('.html'));
}

/**
 * The screenshots the pages show, each image once: sources naming the same file (a paper page and
 * a section page show the same screenshot) are one image, with every width any page offers.
 */
function screenshotsOf(site: BuiltSite, pages: DistPath[]): ScreenshotCandidate[][] {
  let images: Map<string, ScreenshotCandidate>[] = [];
  for (const page of pages) {
    for (const sources of site.screenshots.get(page) ?? []) {
      const candidates = sources.flatMap((source): ScreenshotCandidate[] => {
        const path = site.inSite(source.url);
        // Images from elsewhere (the CSP allows none) or missing files are not the site's to store.
        if (path === undefined || !site.files.has(path)) return [];
        return [{ ...offlineFile(site, path), width: source.width, density: source.density }];
      });
      const same = images.filter((image) => candidates.some((candidate) => image.has(candidate.path)));
      const merged = new Map(same.flatMap((image) => [...image]));
      for (const candidate of candidates) {
        const known = merged.get(candidate.path);
        merged.set(candidate.path, { ...candidate, width: known?.width ?? candidate.width, density: known?.density ?? candidate.density });
      }
      if (merged.size === 0) continue;
      images = [...images.filter((image) => !same.includes(image)), merged];
    }
  }
  const sorted = images.map((image) => [...image.values()].sort(byPath));
  return sorted.sort((a, b) => (a[0] && b[0] ? byPath(a[0], b[0]) : 0));
}

/** The manifest of one course of the built site. */
export function courseManifest(site: BuiltSite, course: CourseId): CourseManifest {
  const files = [...site.files.keys()];
  const pages = [...SHARED_PAGES.filter((file) => site.files.has(file)), ...coursePages(site, course)];
  const ownIndex = courseIndexPath(course, 'latin');
  return {
    course,
    pages: pages.map((file) => offlineFile(site, file)).sort(byPath),
    assets: files.filter((file) => ASSET.test(file)).map((file) => offlineFile(site, file)),
    search: files
      .filter(
        (file) =>
          SEARCH_SHARED.test(file) ||
          file === SEARCH_COURSES ||
          (file.startsWith(ownIndex) && COURSE_SEARCH.test(file.slice(ownIndex.length))),
      )
      .map((file) => offlineFile(site, file)),
    screenshots: screenshotsOf(site, pages),
    pdfs: files.filter((file) => file.startsWith(`${course}/pdf/`) && file.endsWith('.pdf')).map((file) => offlineFile(site, file)),
  };
}

const isFile = (value: unknown): value is OfflineFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OfflineFile).path === 'string' &&
  typeof (value as OfflineFile).bytes === 'number' &&
  typeof (value as OfflineFile).revision === 'string' &&
  [undefined, 'gzip'].includes((value as OfflineFile).stored);
export const isFileList = (value: unknown): value is OfflineFile[] => Array.isArray(value) && value.every(isFile);

/** A manifest as fetched: the shape the browser code relies on, or false (an older or broken file). */
export function isCourseManifest(value: unknown): value is CourseManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as CourseManifest;
  return (
    typeof manifest.course === 'string' &&
    isCourseId(manifest.course) &&
    isFileList(manifest.pages) &&
    isFileList(manifest.assets) &&
    isFileList(manifest.search) &&
    isFileList(manifest.pdfs) &&
    Array.isArray(manifest.screenshots) &&
    manifest.screenshots.every(isFileList)
  );
}

export function isOfflineIndex(value: unknown): value is OfflineIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { courses } = value as OfflineIndex;
  return typeof courses === 'object' && courses !== null && Object.values(courses).every((revision) => typeof revision === 'string');
}
