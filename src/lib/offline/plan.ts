/**
 * Save for offline, as plans the browser code (src/client/offline/) carries out: which files a
 * course's copy holds on this device, what saving, updating or removing it downloads and deletes,
 * and what the reader is told before anything starts. Saved courses share one store, so a file two
 * courses need (the search index, the home page) is downloaded once and deleted with the last.
 */
import { isFileList, type CourseManifest, type OfflineFile, type ScreenshotCandidate } from './manifest.ts';
import { pickCandidate } from './screenshots.ts';
import { isCourseId, type CourseId, type DistPath } from '../content/paths.ts';

/** The reader's choice and this device's screen, which decide what a course's copy holds. */
export interface SaveChoice {
  includePdfs: boolean;
  /** Width in CSS pixels of the column screenshots are shown in, and the screen's pixel ratio. */
  slotWidth: number;
  devicePixelRatio: number;
}

/** This device's screen, as far as which screenshot widths it loads is concerned. */
export type Screen = Omit<SaveChoice, 'includePdfs'>;

/** A course saved for offline, as recorded in the store once every file is in (the mark that it is complete). */
export interface SavedCourse {
  course: CourseId;
  /** The manifest revision saved (lib/offline/manifest.ts, OfflineIndex). */
  revision: string;
  includePdfs: boolean;
  savedAt: string;
  /** Exactly the files stored for it. */
  files: OfflineFile[];
  /** Screenshots built in several widths: all their paths, so a request for an unstored width finds the stored one. */
  screenshots: string[][];
}

/** One width of each screenshot: the one already stored (among `stored` paths) if the image has not changed, else the one this screen loads. */
export function pickedScreenshots(manifest: CourseManifest, screen: Screen, stored: ReadonlySet<string> = new Set()): OfflineFile[] {
  return manifest.screenshots.map((candidates) =>
    withoutDescriptor(
      candidates.find((candidate) => stored.has(candidate.path)) ?? pickCandidate(candidates, screen.slotWidth, screen.devicePixelRatio),
    ),
  );
}

/** The files a course's copy holds on this device: pages, assets, search, one width of each screenshot, PDFs if chosen. */
export function filesToSave(manifest: CourseManifest, choice: SaveChoice, stored: ReadonlySet<string> = new Set()): OfflineFile[] {
  const files = [
    ...manifest.pages,
    ...manifest.assets,
    ...manifest.search,
    ...pickedScreenshots(manifest, choice, stored),
    ...(choice.includePdfs ? manifest.pdfs : []),
  ];
  return [...new Map(files.map((file) => [file.path, file])).values()];
}

const withoutDescriptor = ({ path, bytes, revision }: ScreenshotCandidate): OfflineFile => ({ path, bytes, revision });

export const totalBytes = (files: readonly OfflineFile[]): number => files.reduce((sum, file) => sum + file.bytes, 0);

/** "640 KB", "1.1 MB", "10 GB": sizes as the reader is told them. */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (bytes === 0) return '0 KB';
  if (mb < 1) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (mb < 1024) return `${mb.toFixed(1)} MB`;
  return `${Number((mb / 1024).toFixed(1))} GB`;
}

/** The screen build and bench reports give sizes for: a laptop's reading column (46rem) at 2×. */
export const REPORTED_SCREEN: Screen = { slotWidth: 736, devicePixelRatio: 2 };

export interface SaveSizes {
  withoutPdfs: number;
  withPdfs: number;
}

/** What saving the course would store on this screen, with and without its PDFs. */
export function saveSizes(manifest: CourseManifest, screen: Screen): SaveSizes {
  return {
    withoutPdfs: totalBytes(filesToSave(manifest, { ...screen, includePdfs: false })),
    withPdfs: totalBytes(filesToSave(manifest, { ...screen, includePdfs: true })),
  };
}

/** "1 question", "23 questions". */
export const questionCount = (questions: number): string => `${questions} question${questions === 1 ? '' : 's'}`;

/** "23 questions · 1.1 MB · with PDFs 8.7 MB" (a course without PDFs: "23 questions · 1.1 MB"). */
export function describeSizes(questions: number, sizes: SaveSizes): string {
  const pdfs = sizes.withPdfs > sizes.withoutPdfs ? ` · with PDFs ${formatBytes(sizes.withPdfs)}` : '';
  return `${questionCount(questions)} · ${formatBytes(sizes.withoutPdfs)}${pdfs}`;
}

/**
 * What the Save for offline panel says of the choice before saving: what it downloads (with or
 * without the PDFs; only the PDFs when the course is saved already) and whether the browser's
 * storage has room for it (`free`, when the browser tells), and that the reader asked to save data.
 */
export function saveChoice(
  sizes: SaveSizes,
  { includePdfs, saved, free, saveData }: { includePdfs: boolean; saved: boolean; free: number | undefined; saveData: boolean },
): { label: string; note: string; enoughRoom: boolean } {
  const needed = (includePdfs ? sizes.withPdfs : sizes.withoutPdfs) - (saved ? sizes.withoutPdfs : 0);
  const enoughRoom = free === undefined || free >= needed;
  const notes = [
    saveData ? `Your browser asks to save data: this downloads ${formatBytes(needed)}.` : '',
    enoughRoom
      ? free === undefined
        ? ''
        : `The browser lets this site store ${formatBytes(free)} more.`
      : `Not enough room: this needs ${formatBytes(needed)} and the browser lets this site store ${formatBytes(Math.max(0, free))} more.`,
  ];
  return { label: `Save ${formatBytes(needed)}`, note: notes.filter(Boolean).join(' '), enoughRoom };
}

export interface Tally {
  files: number;
  bytes: number;
}

const tally = (files: readonly OfflineFile[]): Tally => ({ files: files.length, bytes: totalBytes(files) });

/** What a course's copy holds on `screen`, by kind, for the README's table (npm run bench). */
export function copyBreakdown(
  manifest: CourseManifest,
  screen: Screen,
): Record<'pages' | 'screenshots' | 'search' | 'assets' | 'pdfs', Tally> {
  return {
    pages: tally(manifest.pages),
    screenshots: tally(pickedScreenshots(manifest, screen)),
    search: tally(manifest.search),
    assets: tally(manifest.assets),
    pdfs: tally(manifest.pdfs),
  };
}

const key = (file: OfflineFile): string => `${file.path}\n${file.revision}`;

/** Files of `files` the store does not already hold, as the same revision, for a saved course. */
export function filesToDownload(files: readonly OfflineFile[], saved: readonly SavedCourse[]): OfflineFile[] {
  const stored = new Set(saved.flatMap((course) => course.files.map(key)));
  return files.filter((file) => !stored.has(key(file)));
}

/** Paths of `files` that no course in `keep` needs: what removing the others' copies deletes. */
export function filesNoLongerNeeded(files: readonly OfflineFile[], keep: readonly SavedCourse[]): DistPath[] {
  const needed = new Set(keep.flatMap((course) => course.files.map((file) => file.path)));
  return [...new Set(files.map((file) => file.path))].filter((path) => !needed.has(path));
}

export interface UpdatePlan {
  /** New or changed files (by revision) to download. */
  download: OfflineFile[];
  /** Paths of files the course no longer has, and no other saved course needs. */
  remove: DistPath[];
  /** The copy once updated. */
  files: OfflineFile[];
}

/** After a new build: the files of a saved course to download and delete, and nothing else. */
export function planUpdate(saved: SavedCourse, manifest: CourseManifest, choice: SaveChoice, others: readonly SavedCourse[]): UpdatePlan {
  const files = filesToSave(manifest, choice, new Set(saved.files.map((file) => file.path)));
  const paths = new Set(files.map((file) => file.path));
  return {
    download: filesToDownload(files, [saved, ...others]),
    remove: filesNoLongerNeeded(
      saved.files.filter((file) => !paths.has(file.path)),
      others,
    ),
    files,
  };
}

/** A saved course's record as read back from the store: the shape, or false. */
export function isSavedCourse(value: unknown): value is SavedCourse {
  if (typeof value !== 'object' || value === null) return false;
  const saved = value as SavedCourse;
  return (
    typeof saved.course === 'string' &&
    isCourseId(saved.course) &&
    typeof saved.revision === 'string' &&
    typeof saved.includePdfs === 'boolean' &&
    isFileList(saved.files) &&
    Array.isArray(saved.screenshots) &&
    saved.screenshots.every((paths) => Array.isArray(paths) && paths.every((path) => typeof path === 'string'))
  );
}
