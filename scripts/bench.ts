/**
 * npm run bench [-- --sizes 25,250,2500 --runs 3 --lighthouse-runs 5 --no-lighthouse --no-rebuilds --no-dev --only-dev --cpu-prof --write-readme]
 * Generates synthetic notes (scripts/lib/synthetic-notes.ts) at each size, spread over several
 * courses, and times import (the courses one per core at a time) → build → index (median of the runs, cold caches), with peak memory,
 * output size, the largest page, the bytes Chromium transfers for a first search, what the
 * offline service worker stores on a first visit (the shell) and what Save for offline stores for
 * one course. Then builds the user's notes with stand-ins for the screenshots they name
 * (scripts/lib/stand-in-screenshots.ts), PDFs included (median of the runs, cold caches): what a
 * section page loads on a phone and a desktop screen, the PDFs' size and their screenshots'
 * resolution, what Save for offline stores for them, and Lighthouse on the GAN section (mobile
 * several times, each run reported; desktop once), of that build and of the notes as the content
 * folder holds them. Then times `npm run build` of the user's notes
 * clean, after a one-question edit and with nothing changed, per step (`--sizes ''` skips the
 * synthetic sizes). Last, `npm run dev`: save → the open page shows the change, on the user's
 * notes and at 250 questions (scripts/lib/live-bench.ts); `--only-dev` measures that alone.
 * `--cpu-prof` has every process of the synthetic sizes' import and build write a V8 CPU profile
 * into .bench/<size>/profiles/.
 * Prints Markdown tables.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_STEPS } from './lib/build-steps.ts';
import { findPrintablePages, fileInDist } from './lib/built-pages.ts';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli.ts';
import { DESKTOP, firstLoad, PHONE, totalBytes } from './lib/page-bytes.ts';
import { embeddedImages } from './lib/pdf/embedded-images.ts';
import { firstSearchBytes } from './lib/search-bytes.ts';
import { writeMissingScreenshots } from './lib/stand-in-screenshots.ts';
import { serveStatic } from './lib/static-server.ts';
import { syntheticNotes } from './lib/synthetic-notes.ts';
import { runLighthouse, type LighthouseFigures } from './lib/lighthouse.ts';
import { isCourseManifest, type CourseManifest } from '../src/lib/offline/manifest.ts';
import { copyBreakdown, formatBytes, REPORTED_SCREEN } from '../src/lib/offline/plan.ts';
import { benchLiveEdits, type LiveEditFigures } from './lib/live-bench.ts';
import { contentDirectory, coursePaths } from '../src/lib/content/layout.ts';
import { courseIds, readContentFolder, readCourse } from '../src/lib/content/read.ts';
import { urls } from '../src/lib/site/urls.ts';
import { shellSummary, type StoredSummary } from './lib/offline.ts';
import { distPaths, parseCourseId, type CourseId } from '../src/lib/content/paths.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');
const NODE = process.execPath;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Phase {
  ms: number;
  /** Peak resident memory of the largest process, in KB, when /usr/bin/time is there. */
  peakKb?: number | undefined;
  /** What it printed, both streams. */
  output: string;
}

const timed = (args: string[]): string[] => (TIME ? [TIME, '-f', 'peak-kb=%M', ...args] : args);
const options = (env: NodeJS.ProcessEnv) => ({ cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });

function finished(args: string[], started: number, status: number | null, stdout: string, stderr: string): Phase {
  if (status !== 0) throw new Error(`${args.join(' ')} failed:\n${(stdout + stderr).split('\n').slice(-30).join('\n')}`);
  const peak = /peak-kb=(\d+)/.exec(stderr)?.[1];
  return { ms: performance.now() - started, peakKb: peak ? Number(peak) : undefined, output: stdout + stderr };
}

/** Runs a command, timing it and (with GNU time) reading its peak memory. Fails loudly. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Phase {
  const started = performance.now();
  const [command = '', ...rest] = timed(args);
  const result = spawnSync(command, rest, { ...options(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return finished(args, started, result.status, result.stdout, result.stderr);
}

/** The same, without waiting: several run side by side. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Phase> {
  const started = performance.now();
  const [command = '', ...rest] = timed(args);
  return new Promise((done, fail) => {
    const child = spawn(command, rest, options(env));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => {
      try {
        done(finished(args, started, status, stdout, stderr));
      } catch (error) {
        fail(error);
      }
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface SizeResult {
  questions: number;
  courses: number;
  importMs: number;
  buildMs: number;
  indexMs: number;
  /** The Anki export step, part of buildMs. */
  ankiMs: number;
  peakKb: number | undefined;
  distBytes: number;
  files: number;
  largestHtml: { path: string; bytes: number };
  searchBytes: number;
  shell: StoredSummary;
  /** What Save for offline stores for the first course. */
  saved: SavedCopy;
}

interface SavedCopy {
  label: string;
  manifest: CourseManifest;
}

/** A built course's offline manifest (written by the build's offline step). */
function readManifest(dist: string, course: CourseId): CourseManifest {
  const value: unknown = JSON.parse(readFileSync(fileInDist(dist, distPaths.offlineManifest(course)), 'utf8'));
  if (!isCourseManifest(value)) throw new Error(`${dist}: no offline manifest for ${course}`);
  return value;
}

async function benchSize(questions: number, runs: number, cpuProfile: boolean): Promise<SizeResult> {
  const dir = join(WORK, String(questions));
  // Every process (import, the build, Astro's) writes a V8 CPU profile, for Chrome DevTools' Performance panel.
  const profiling = cpuProfile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(dir, 'profiles')}` } : {};
  const courses = Math.max(1, Math.ceil(questions / 250));
  const phases = { import: [] as number[], build: [] as number[], index: [] as number[], anki: [] as number[] };
  let peakKb: number | undefined;
  for (let attempt = 0; attempt < runs; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'notes'), { recursive: true });
    const content = join(dir, 'content');
    const dist = join(dir, 'dist');
    const env = { CONTENT_DIR: content, SITE_OUT_DIR: dist, SITE_CACHE_DIR: join(dir, 'cache') };
    // Each course's notes imported as a student would, one core each: as many at once as the machine has cores.
    const imports: string[][] = [];
    for (let course = 1; course <= courses; course++) {
      const notes = join(dir, 'notes', `course-${course}.md`);
      const share = Math.round((questions * course) / courses) - Math.round((questions * (course - 1)) / courses);
      writeFileSync(notes, syntheticNotes({ title: `Synthetic course ${course}`, questions: share, seed: course }));
      imports.push([NODE, 'scripts/import.ts', notes, '--course', `course-${course}`, '--content', content]);
    }
    const importing = performance.now();
    await Promise.all(
      Array.from({ length: availableParallelism() }, async () => {
        for (let next = imports.shift(); next; next = imports.shift()) await start(next, profiling);
      }),
    );
    const importMs = performance.now() - importing;
    // The whole build as npm run build runs it (the synthetic notes get no PDFs: printing is not what scales here).
    const build = run([NODE, 'scripts/build.ts', '--no-pdfs'], { ...env, ...profiling });
    const steps = stepTimes(build.output);
    const indexMs = steps['Search index'] ?? 0;
    phases.import.push(importMs);
    phases.build.push(build.ms - indexMs);
    phases.index.push(indexMs);
    phases.anki.push(steps['Anki export'] ?? 0);
    peakKb = Math.max(peakKb ?? 0, build.peakKb ?? 0) || undefined;
  }
  const dist = join(dir, 'dist');
  const files = walk(dist);
  const html = files
    .filter((path) => path.endsWith('.html'))
    .map((path) => ({ path: path.slice(dist.length), bytes: statSync(path).size }));
  const largestHtml = html.reduce((largest, page) => (page.bytes > largest.bytes ? page : largest), { path: '', bytes: 0 });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const searchBytes = await firstSearchBytes(browser, server.url + urls.section(parseCourseId('course-1'), 1), 'overfitting');
    return {
      questions,
      courses,
      importMs: median(phases.import),
      buildMs: median(phases.build),
      indexMs: median(phases.index),
      ankiMs: median(phases.anki),
      peakKb,
      distBytes: files.reduce((sum, path) => sum + statSync(path).size, 0),
      files: files.length,
      largestHtml,
      searchBytes,
      shell: await shellSummary(dist),
      saved: {
        label: `one course of ${Math.round(questions / courses).toLocaleString('en')} questions (${questions.toLocaleString('en')}-question site)`,
        manifest: readManifest(dist, parseCourseId('course-1')),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

type RebuildKind = 'clean' | 'one-question edit' | 'no change';

interface RebuildRun {
  ms: number;
  /** The build's own time per step, from its summary lines. */
  steps: Record<string, number>;
}

const REBUILD_STEPS = BUILD_STEPS.map((step) => step.label);

/** The step lines `npm run build` ends with ("  PDFs   0.6 s  14 PDFs …"), in ms. */
function stepTimes(output: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const step of REBUILD_STEPS) {
    const seconds = new RegExp(`^  ${step} +([\\d.]+) s`, 'm').exec(output)?.[1];
    if (seconds) times[step] = Number(seconds) * 1000;
  }
  return times;
}

/**
 * `npm run build` of the user's notes (content/, copied, with stand-ins for the screenshots they name) three ways: clean (no caches), after a
 * one-question edit, and with nothing changed; each `runs` times from a clean start.
 */
async function benchRebuilds(
  runs: number,
): Promise<{ runs: Record<RebuildKind, RebuildRun[]>; pdfs: { files: number; bytes: number; pages: number } }> {
  const dir = join(WORK, 'rebuilds');
  const content = join(dir, 'content');
  const env = { CONTENT_DIR: content, SITE_OUT_DIR: join(dir, 'dist'), SITE_CACHE_DIR: join(dir, 'cache') };
  const result: Record<RebuildKind, RebuildRun[]> = { clean: [], 'one-question edit': [], 'no change': [] };
  const build = (kind: RebuildKind): void => {
    const phase = run(['npm', 'run', '--silent', 'build'], env);
    result[kind].push({ ms: phase.ms, steps: stepTimes(phase.output) });
  };
  for (let attempt = 0; attempt < runs; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    // With the screenshots the notes name, as the user's own site has them.
    for (const course of readContentFolder(content)) await writeMissingScreenshots(content, course.id);
    build('clean');
    // One more sentence in one answer, as a student does between two builds.
    const question = readContentFolder(content)[0]?.questions.find((entry) => entry.data.hasAnswer);
    if (!question) throw new Error('no answered question in content/ to edit');
    const file = join(content, question.data.course, coursePaths.question(question.data.id));
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nOne more sentence, edited before the rebuild (${attempt}).\n`);
    build('one-question edit');
    build('no change');
  }
  const pdfs = walk(join(dir, 'dist')).filter((path) => path.endsWith('.pdf'));
  const pages = pdfs.reduce(
    (sum, path) => sum + Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout)?.[1] ?? 0),
    0,
  );
  return { runs: result, pdfs: { files: pdfs.length, bytes: pdfs.reduce((sum, path) => sum + statSync(path).size, 0), pages } };
}

function rebuildTable({ runs, pdfs }: Awaited<ReturnType<typeof benchRebuilds>>): string {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const clean = median(runs.clean.map((entry) => entry.ms));
  const rows = (Object.keys(runs) as RebuildKind[]).map((kind) => {
    const total = median(runs[kind].map((entry) => entry.ms));
    const steps = REBUILD_STEPS.map((step) => seconds(median(runs[kind].map((entry) => entry.steps[step] ?? 0))));
    return `| ${kind} | ${seconds(total)} | ${Math.round((total / clean) * 100)}% | ${steps.join(' | ')} |`;
  });
  return [
    `| user's notes, \`npm run build\` | total | of clean | ${REBUILD_STEPS.join(' | ')} |`,
    `| --- | ---: | ---: | ${REBUILD_STEPS.map(() => '---:').join(' | ')} |`,
    ...rows,
    '',
    `The ${pdfs.files} PDFs of the user's notes: ${mb(pdfs.bytes)}, ${pdfs.pages} pages. Total is the command's wall time (Node and npm starting included); steps as the build reports them.`,
  ].join('\n');
}

interface NotesResult {
  buildMs: number;
  screenshots: number;
  /** The section page that loads the most on each screen, and how much. */
  heaviestPhone: { path: string; bytes: number };
  heaviestDesktop: { path: string; bytes: number };
  pdfs: number;
  pdfBytes: number;
  /** Images embedded in the PDFs, and their median resolution at printed size. */
  pdfImages: number;
  medianPpi: number;
  content: string;
  dist: string;
}

/**
 * The user's notes (the content folder) with a stand-in for each screenshot they name, built as
 * `npm run build` does, PDFs included: median build time of the cold runs, then what a first visit
 * to each section page transfers (a 390 px phone and a 1280 px desktop screen, lazy loading as it
 * is, no scrolling) and what the PDFs hold.
 */
async function benchNotes(runs: number): Promise<NotesResult> {
  const dir = join(WORK, 'notes');
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  rmSync(dir, { recursive: true, force: true });
  cpSync(contentDirectory(), content, { recursive: true });
  for (const course of courseIds(content)) await writeMissingScreenshots(content, course);
  const screenshots = walk(content).filter((path) => /\/images\//.test(path)).length;
  const builds: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    builds.push(
      run(['npm', 'run', '--silent', 'build'], { CONTENT_DIR: content, SITE_OUT_DIR: dist, SITE_CACHE_DIR: join(dir, 'cache') }).ms,
    );
  }
  const printable = findPrintablePages(dist);
  const heaviest = (loads: { path: string; bytes: number }[]) => loads.reduce((most, load) => (load.bytes > most.bytes ? load : most));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const phone: { path: string; bytes: number }[] = [];
  const desktop: { path: string; bytes: number }[] = [];
  try {
    for (const { url } of printable.filter((page) => page.kind === 'section')) {
      phone.push({ path: url, bytes: totalBytes(await firstLoad(browser, server.url + urls.file(url), PHONE)) });
      desktop.push({ path: url, bytes: totalBytes(await firstLoad(browser, server.url + urls.file(url), DESKTOP)) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const pdfFiles = printable.map((page) => fileInDist(dist, page.pdf));
  const ppis = pdfFiles.flatMap((file) =>
    embeddedImages(file)
      .filter((image) => image.type === 'image')
      .map((image) => image.xPpi),
  );
  return {
    buildMs: median(builds),
    screenshots,
    heaviestPhone: heaviest(phone),
    heaviestDesktop: heaviest(desktop),
    pdfs: pdfFiles.length,
    pdfBytes: pdfFiles.reduce((sum, file) => sum + statSync(file).size, 0),
    pdfImages: ppis.length,
    medianPpi: median(ppis),
    content,
    dist,
  };
}

function notesTable(result: NotesResult): string {
  return [
    "| user's notes | build (PDFs included) | heaviest section page: 390 px screen | 1280 px screen | PDFs | screenshots in PDFs |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| ${result.screenshots} screenshots | ${(result.buildMs / 1000).toFixed(1)} s | ${kb(result.heaviestPhone.bytes)} (${result.heaviestPhone.path}) | ${kb(result.heaviestDesktop.bytes)} (${result.heaviestDesktop.path}) | ${result.pdfs}, ${mb(result.pdfBytes)} | ${result.pdfImages} at ${result.medianPpi} ppi (median) |`,
  ].join('\n');
}

function scaleTable(results: SizeResult[]): string {
  const rows = results.map((result) => {
    const total = result.importMs + result.buildMs + result.indexMs;
    return `| ${result.questions.toLocaleString('en')} | ${result.courses} | ${(result.importMs / 1000).toFixed(1)} s | ${(result.buildMs / 1000).toFixed(1)} s | ${(result.indexMs / 1000).toFixed(1)} s | ${(total / result.questions).toFixed(0)} ms | ${result.peakKb ? mb(result.peakKb * 1024) : 'n/a'} | ${mb(result.distBytes)} | ${result.files.toLocaleString('en')} | ${kb(result.largestHtml.bytes)} (${result.largestHtml.path.replace(/index\.html$/, '')}) | ${kb(result.searchBytes)} |`;
  });
  return [
    '| questions | courses | import | build | index | ms / question | peak memory | `dist/` | files | largest HTML page | first search transfers |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
  ].join('\n');
}

/** What Save for offline stores for one course, by kind (lib/offline/plan.ts), and what a first visit stores. */
function offlineTable(copies: SavedCopy[], shell: StoredSummary): string {
  const cell = ({ files, bytes }: { files: number; bytes: number }): string => `${formatBytes(bytes)} (${files.toLocaleString('en')})`;
  return [
    '| Save for offline stores | pages | screenshots | search | styles, scripts, fonts | total | PDFs (a choice) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...copies.map(({ label, manifest }) => {
      const parts = copyBreakdown(manifest, REPORTED_SCREEN);
      const total = parts.pages.bytes + parts.screenshots.bytes + parts.search.bytes + parts.assets.bytes;
      return `| ${label} | ${cell(parts.pages)} | ${cell(parts.screenshots)} | ${cell(parts.search)} | ${cell(parts.assets)} | ${formatBytes(total)} | ${parts.pdfs.files > 0 ? cell(parts.pdfs) : 'not built'} |`;
    }),
    '',
    `A first visit stores only the shell (styles and scripts): ${shell.files} files, ${formatBytes(shell.bytes)} before compression.`,
  ].join('\n');
}

/** Lighthouse's runs on each build of the user's notes, labelled by build ("as written", "with 48 screenshots"). */
function lighthouseTable(builds: { label: string; figures: LighthouseFigures[] }[]): string {
  return [
    "| Lighthouse (user's GAN section) | performance | accessibility | LCP | TBT | CLS | Style & Layout | DOM nodes |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...builds.flatMap(({ label, figures }) => {
      let mobileRun = 0;
      return figures.map(
        (figure) =>
          `| ${label}: ${figure.preset === 'mobile' ? `mobile, run ${(mobileRun += 1)}` : figure.preset} | ${figure.performance} | ${figure.accessibility}${figure.accessibilityFailures.length > 0 ? ` (${figure.accessibilityFailures.join(', ')})` : ''} | ${(figure.lcpMs / 1000).toFixed(2)} s | ${figure.tbtMs.toFixed(0)} ms | ${figure.cls.toFixed(3)} | ${figure.styleLayoutMs.toFixed(0)} ms | ${figure.domNodes.toLocaleString('en')} |`,
      );
    }),
  ].join('\n');
}

/** The user's notes as the content folder holds them (no stand-ins for missing screenshots), built without PDFs. */
function buildNotesAsWritten(): string {
  const dir = join(WORK, 'as-written');
  rmSync(dir, { recursive: true, force: true });
  const dist = join(dir, 'dist');
  run(['npm', 'run', '--silent', 'build', '--', '--no-pdfs'], { SITE_OUT_DIR: dist, SITE_CACHE_DIR: join(dir, 'cache') });
  return dist;
}

/** Goals of issue 14: the user's notes within 1.5 s, 250 questions within 3 s. */
function liveEditTable(rows: { label: string; goalMs: number; figures: LiveEditFigures }[]): string {
  const seconds = (samples: number[]): string => `${(median(samples) / 1000).toFixed(2)} s`;
  return [
    '| `npm run dev`: save → page shows it | questions | text changed in a line | line added | goal | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ label, goalMs, figures }) =>
        `| ${label} | ${figures.questions} | ${seconds(figures.inLine)} | ${seconds(figures.newLine)} | ≤ ${(goalMs / 1000).toFixed(1)} s | ${figures.load.toFixed(1)} |`,
    ),
  ].join('\n');
}

/** `npm run dev`: save → shown, on the user's notes and at 250 synthetic questions (at least 5 saves of each kind). */
async function liveEditSection(runs: number): Promise<string> {
  const edits = Math.max(5, runs);
  console.error(`bench: npm run dev, ${edits} saves of each kind…`);
  const user = await benchLiveEdits(join(WORK, 'dev-user'), readFileSync(join(ROOT, 'content', 'dasc7606', 'notes.md'), 'utf8'), edits);
  const synthetic = await benchLiveEdits(
    join(WORK, 'dev-250'),
    syntheticNotes({ title: 'Synthetic course', questions: 250, seed: 1 }),
    edits,
  );
  return liveEditTable([
    { label: "user's notes", goalMs: 1500, figures: user },
    { label: 'synthetic notes', goalMs: 3000, figures: synthetic },
  ]);
}

const machineLine = (runs: number): string =>
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}; medians of ${runs} cold run(s); ${new Date().toISOString().slice(0, 10)}.`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '25,250,2500' },
      runs: { type: 'string', default: '3' },
      'no-lighthouse': { type: 'boolean', default: false },
      'lighthouse-runs': { type: 'string', default: '5' },
      'no-rebuilds': { type: 'boolean', default: false },
      'no-dev': { type: 'boolean', default: false },
      'only-dev': { type: 'boolean', default: false },
      'write-readme': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  // `--sizes ''` measures only the user's notes.
  const sizes = values.sizes.split(',').filter(Boolean).map(Number);
  const runs = Number(values.runs);
  if (values['only-dev']) {
    // Printed only: the README's bench block holds the full report.
    console.log([await liveEditSection(runs), machineLine(runs)].join('\n\n'));
    return;
  }
  const results: SizeResult[] = [];
  for (const size of sizes) {
    console.error(`bench: ${size} questions, ${runs} run(s)…`);
    results.push(await benchSize(size, runs, values['cpu-prof']));
  }
  const sections =
    results.length > 0
      ? [
          scaleTable(results),
          `Of the build, the Anki export takes ${results.map((result) => `${(result.ankiMs / 1000).toFixed(1)} s at ${result.questions.toLocaleString('en')}`).join(', ')} questions.`,
        ]
      : [];
  const [base, largest] = [results.find((result) => result.questions === 250), results.find((result) => result.questions === 2500)];
  if (base && largest) {
    const perQuestion = (result: SizeResult): number => (result.importMs + result.buildMs + result.indexMs) / result.questions;
    sections.push(`ms per question at 2,500 is ${(perQuestion(largest) / perQuestion(base)).toFixed(2)}× the 250-question run.`);
  }
  const copies = results.map((result) => result.saved);
  console.error(`bench: the user's notes with their screenshots (PDFs included), ${runs} run(s)…`);
  const notes = await benchNotes(runs);
  sections.push(notesTable(notes));
  const own = readCourse(notes.content, parseCourseId('dasc7606'));
  copies.push({
    label: `the user's notes (${own.questions.length} questions, ${notes.screenshots} screenshots)`,
    manifest: readManifest(notes.dist, parseCourseId('dasc7606')),
  });
  sections.push(offlineTable(copies, await shellSummary(notes.dist)));
  if (!values['no-lighthouse']) {
    console.error('bench: Lighthouse…');
    const lighthouseRuns = Number(values['lighthouse-runs']);
    sections.push(
      lighthouseTable([
        { label: 'as written', figures: await runLighthouse(buildNotesAsWritten(), '/dasc7606/s5/', lighthouseRuns) },
        { label: `with ${notes.screenshots} screenshots`, figures: await runLighthouse(notes.dist, '/dasc7606/s5/', lighthouseRuns) },
      ]),
    );
  }
  if (!values['no-rebuilds']) {
    console.error(`bench: the user's notes, clean / one-question edit / no-change builds, ${runs} run(s)…`);
    sections.push(rebuildTable(await benchRebuilds(runs)));
  }
  if (!values['no-dev']) sections.push(await liveEditSection(runs));
  const report = [...sections, machineLine(runs)].join('\n\n');
  console.log(report);
  if (values['write-readme']) {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${report}\n<!-- bench:end -->`);
    if (updated === readme) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> block to update');
    writeFileSync(join(ROOT, 'README.md'), updated);
  }
});
