/**
 * `npm run dev`: Astro's dev server with the notes kept live. Each course's notes (the file or
 * folder its last import recorded, else the copy kept in its content folder), its screenshots and
 * its content files are watched; on a save the course is re-imported (only changed files are
 * written), Astro's content store is refreshed at once and the open page reloads (the page's own
 * script keeps its place, src/client/dev/live-notes.ts). Problems (the import's, then the content
 * check's) go to every open page and to the terminal. Search and PDFs come from the last build.
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Diagnostic } from '../../src/lib/check/content-check.ts';
import type { ViteDevServer } from 'vite';
import { contentDirectory, contentFileKind, IMAGE_FOLDER, MANIFEST_FILE } from '../../src/lib/content/layout.ts';
import { courseIds, readCourse, type CourseContent } from '../../src/lib/content/read.ts';
import { lastBuildFile, NO_PDF_YET } from '../../src/lib/dev/last-build.ts';
import {
  checkProblems,
  formatProblem,
  importProblems,
  importWarnings,
  sortProblems,
  STATUS_EVENT,
  STATUS_REQUEST,
  type ImportFailure,
  type LiveProblem,
  type NotesStatus,
} from '../../src/lib/dev/problems.ts';
import { settledRunner } from '../../src/lib/dev/settle.ts';
import { courseChange, notesSource, type CourseWatch } from '../../src/lib/dev/watch-targets.ts';
import { NotesError } from '../../src/lib/import/errors.ts';
import { hashText, type Manifest } from '../../src/lib/import/import-plan.ts';
import { sectionName } from '../../src/lib/site/model.ts';
import { siteUrls } from '../../src/lib/content/paths.ts';
import type { CheckAnswer, CheckRequest } from './content-check-worker.ts';
import { readTextIfExists } from './files.ts';
import { HandEditedError, importCourse } from './import-course.ts';
import { sendFile } from './static-server.ts';

/** How long a course's files must stay quiet before it is re-imported: an editor's save is a burst of events. */
const SETTLE_MS = 50;

type RefreshContent = (options: { loaders?: string[] }) => Promise<void>;

/**
 * Astro's refreshContent() does nothing while Astro reloads the content config, which it does on
 * every Markdown or JSON file event (the save of the notes, the files the import writes). So it is
 * asked again until the content store on disk, which the pages read, has been rewritten; if that
 * never happens, Astro's own watcher brings the change a little later.
 */
async function refreshUntilStored(refreshContent: RefreshContent, dataStore: string): Promise<void> {
  const written = (): number | undefined => statSync(dataStore, { throwIfNoEntry: false })?.mtimeMs;
  const before = written();
  for (let attempt = 0; attempt < 50; attempt++) {
    await refreshContent({});
    if (written() !== before) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The content check on its own thread (content-check-worker.ts), one check at a time. */
function contentChecker(): { check: (contentDir: string, course: string) => Promise<Diagnostic[]>; stop: () => void } {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { done: (diagnostics: Diagnostic[]) => void; fail: (error: Error) => void }>();
  const start = (): Worker => {
    const started = new Worker(new URL('./content-check-worker.ts', import.meta.url));
    // The dev server's own work keeps the process alive, never this thread.
    started.unref();
    started.on('message', (answer: CheckAnswer) => {
      const asker = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) asker?.fail(new Error(answer.error));
      else asker?.done(answer.diagnostics);
    });
    started.on('error', (error: Error) => {
      for (const asker of waiting.values()) asker.fail(error);
      waiting.clear();
      worker = undefined;
    });
    return started;
  };
  return {
    check: (contentDir, course) =>
      new Promise((done, fail) => {
        const id = ++nextId;
        waiting.set(id, { done, fail });
        worker ??= start();
        worker.postMessage({ id, contentDir, course } satisfies CheckRequest);
      }),
    stop: () => void worker?.terminate(),
  };
}

interface CourseState {
  watch: CourseWatch;
  /** Why the last import changed nothing, if it failed. */
  importProblems: LiveProblem[];
  /** The content check of what is imported; undefined until it first ran. */
  checkProblems: LiveProblem[] | undefined;
  /** What the next run must do: re-import the notes, and/or refresh the content store (screenshots). */
  pending: Set<'import' | 'refresh'>;
}

/** A path as the terminal shows it: relative to the project when inside it, else absolute. */
export function shown(path: string): string {
  const inProject = relative(process.cwd(), path);
  return inProject.startsWith('..') ? path : inProject.split(sep).join('/');
}

function kindOf(path: string): 'file' | 'folder' | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats === undefined ? undefined : stats.isDirectory() ? 'folder' : 'file';
}

function readManifest(courseDir: string): Manifest | undefined {
  const text = readTextIfExists(join(courseDir, MANIFEST_FILE));
  return text === undefined ? undefined : (JSON.parse(text) as Manifest);
}

/** Whether a content file is not as the last import wrote it (edited or deleted by hand): the import will say. */
function differsFromImport(courseDir: string, path: string): boolean {
  const recorded = readManifest(courseDir)?.files[relative(courseDir, path).split(sep).join('/')];
  const text = readTextIfExists(path);
  return recorded !== (text === undefined ? undefined : hashText(text));
}

/**
 * Where in the notes each content file of a course comes from ("question "Q1 2024 May" at notes.md:9"),
 * keyed by its path in the content folder; empty when the content cannot be read (the check says why).
 */
function notesOrigins(watch: CourseWatch, contentDir: string): Map<string, string> {
  const origins = new Map<string, string>();
  let content: CourseContent;
  try {
    content = readCourse(contentDir, watch.course);
  } catch {
    return origins;
  }
  // A folder of notes records each entry's file in it.
  const at = (source: string | undefined, line: number): string =>
    `${shown(watch.notesIsFolder && source ? join(watch.notes, source) : watch.notes)}:${line}`;
  for (const { path, data } of content.questions) origins.set(path, `question "${data.heading}" at ${at(data.source, data.line)}`);
  for (const { path, data } of content.sections)
    if (data.line > 0) origins.set(path, `${sectionName(data)} at ${at(data.source, data.line)}`);
  return origins;
}

/** Why an import of `notes` failed, from what importCourse threw. */
export function importFailure(error: unknown, notes: string): ImportFailure {
  if (error instanceof NotesError) return { kind: 'notes', file: shown(error.file), line: error.line, problem: error.problem };
  // The import names them relative to the working directory.
  if (error instanceof HandEditedError)
    return { kind: 'hand-edited', files: error.files.map((file) => shown(resolve(file))), notes: shown(notes) };
  return { kind: 'failed', file: shown(notes), message: error instanceof Error ? error.message : String(error) };
}

/** Watches every course of `contentDir` (the watcher closes with the server); returns what stops the content check. */
function keepNotesLive(
  server: ViteDevServer,
  refreshContent: RefreshContent,
  { contentDir, dataStore }: { contentDir: string; dataStore: string },
  logger: AstroIntegrationLogger,
): () => void {
  const courses = new Map<string, CourseState>();
  for (const course of courseIds(contentDir)) {
    const courseDir = join(contentDir, course);
    const notes = notesSource(courseDir, readManifest(courseDir)?.source, kindOf);
    if (notes === undefined) {
      logger.warn(
        `${course}: no notes to watch (neither the file its import recorded nor a copy in ${shown(courseDir)}/); import them again`,
      );
      continue;
    }
    const watch: CourseWatch = { course, courseDir, notes: notes.path, notesIsFolder: notes.isFolder };
    courses.set(course, { watch, importProblems: [], checkProblems: undefined, pending: new Set(['import']) });
    server.watcher.add([notes.path, courseDir, join(courseDir, IMAGE_FOLDER)]);
    logger.info(`${course}: watching ${shown(notes.path)}${notes.isFolder ? '/' : ''} and ${shown(join(courseDir, IMAGE_FOLDER))}/`);
  }

  const hot = server.environments.client.hot;
  const status = (): NotesStatus => ({
    problems: sortProblems([...courses.values()].flatMap((state) => [...state.importProblems, ...(state.checkProblems ?? [])])),
    stale: [...courses.values()]
      .filter((state) => state.importProblems.some((problem) => problem.severity === 'error'))
      .map((state) => state.watch.course),
  });
  let logged = new Set<string>();
  const publish = (): void => {
    const current = status();
    const lines = new Set(current.problems.map(formatProblem));
    for (const problem of current.problems) {
      const line = formatProblem(problem);
      if (!logged.has(line)) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, line);
    }
    if (logged.size > 0 && lines.size === 0) logger.info('notes: no problems');
    logged = lines;
    hot.send(STATUS_EVENT, current);
  };
  hot.on(STATUS_REQUEST, (_data: unknown, client) => client.send(STATUS_EVENT, status()));

  /** Re-imports a course; whether that changed what the pages show. Failures become the course's problems. */
  const reimport = (state: CourseState): boolean => {
    const { course, notes } = state.watch;
    try {
      const report = importCourse({ source: notes, course, contentDir });
      // What the import repaired or is unsure of shows as warnings; the pages follow the notes.
      state.importProblems = importWarnings(
        course,
        report.warnings.map((warning) => ({ ...warning, file: shown(warning.file) })),
      );
      // The kept copy of the notes is no page: a change to it alone (a blank line between questions) changes nothing shown.
      const pages = [...report.written, ...report.removed].filter((path) => contentFileKind(`${course}/${path}`) !== undefined);
      if (pages.length + report.copied > 0) {
        logger.info(
          `${course}: imported ${shown(notes)}: ${report.written.length} written, ${report.removed.length} removed, ${report.copied} screenshots copied`,
        );
      }
      return pages.length + report.copied > 0;
    } catch (error) {
      state.importProblems = importProblems(course, importFailure(error, notes));
      return false;
    }
  };

  const checker = contentChecker();
  // Checks run beside the imports: a save while a course is checked re-imports at once, and the
  // check runs once more after the current one.
  const checks = settledRunner(async (course: string): Promise<void> => {
    const state = courses.get(course);
    if (!state) return;
    try {
      const diagnostics = await checker.check(contentDir, course);
      const origins = diagnostics.length > 0 ? notesOrigins(state.watch, contentDir) : new Map<string, string>();
      state.checkProblems = checkProblems(
        course,
        diagnostics,
        (path) => shown(join(contentDir, path)),
        (path) => origins.get(path),
      );
      publish();
    } catch (error) {
      logger.error(`${course}: the content check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 0);

  const update = async (course: string): Promise<void> => {
    const state = courses.get(course);
    if (!state) return;
    const pending = new Set(state.pending);
    state.pending.clear();
    const imported = pending.has('import') && reimport(state);
    const changed = imported || pending.has('refresh');
    // At once, instead of after the content store's own wait for more changes: the page reloads sooner.
    if (changed) await refreshUntilStored(refreshContent, dataStore);
    publish();
    if (changed || state.checkProblems === undefined) checks.changed(course);
  };
  const runner = settledRunner(update, SETTLE_MS);
  const need = (course: string, what: 'import' | 'refresh'): void => {
    courses.get(course)?.pending.add(what);
    runner.changed(course);
  };

  const watches = [...courses.values()].map((state) => state.watch);
  server.watcher.on('all', (_event, path) => {
    const change = courseChange(watches, path);
    if (change?.kind === 'notes') need(change.course, 'import');
    else if (change?.kind === 'image') need(change.course, 'refresh');
    // A content file edited by hand: the import says whether it would be overwritten (and, once undone, that all is well).
    else if (
      change?.kind === 'content' &&
      (differsFromImport(join(contentDir, change.course), path) ||
        courses.get(change.course)?.importProblems.some((problem) => problem.severity === 'error'))
    )
      need(change.course, 'import');
  });
  // The notes may have changed while the server was not running.
  for (const course of courses.keys()) runner.changed(course);
  return checker.stop;
}

/** Serves the last build's search index and PDFs under the site's base (lib/dev/last-build.ts). */
function lastBuildFiles(outDir: string, base: string) {
  const site = siteUrls(base);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    // Vite takes the base off request.url before some middlewares; connect keeps the URL as asked.
    const asked = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
    const path = site.inSite(decodeURIComponent(new URL(asked, 'http://localhost').pathname));
    const kind = path === undefined ? undefined : lastBuildFile(path);
    if (path === undefined || kind === undefined) return next();
    const file = normalize(join(outDir, path));
    if (file.startsWith(outDir + sep) && sendFile(request, response, file)) return;
    response
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(kind === 'pdf' ? NO_PDF_YET : 'not built yet: run npm run build');
  };
}

export function liveNotes(): AstroIntegration {
  let outDir = '';
  let base = '/';
  let dataStore = '';
  let stopChecks = (): void => {};
  return {
    name: 'live-notes',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', `import '/src/client/dev/live-notes.ts';`);
      },
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        base = config.base;
        // Where `astro dev` keeps its content store (in .astro/, unlike builds), which the pages read.
        dataStore = fileURLToPath(new URL('.astro/data-store.json', config.root));
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        server.middlewares.use(lastBuildFiles(outDir, base));
        if (!refreshContent) throw new Error('live-notes: this Astro version gives integrations no refreshContent()');
        stopChecks = keepNotesLive(server, refreshContent, { contentDir: resolve(contentDirectory()), dataStore }, logger);
      },
      'astro:server:done': () => stopChecks(),
    },
  };
}
