/**
 * Every URL the site links to, in one place: pages, question anchors, printed PDFs, search and
 * assets, all under the base path the site is deployed at (`SITE_BASE=/revision/ npm run build`).
 */

/** URL segment of a section page: "s3". */
export function sectionSlug(number: number): string {
  return `s${number}`;
}

/** A base path as Astro and every URL here use it: "/" or "/revision/" (from "revision", "/revision", …). */
export function normalizeBase(base: string | undefined): string {
  const segments = (base ?? '').split('/').filter(Boolean);
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment))
      throw new Error(`SITE_BASE "${base}" is not a URL path such as /revision/`);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The base the site is built for. Node scripts and tests read SITE_BASE, as the build that wrote the
 * site did (astro.config.mjs sets Astro's `base` from it); in pages and browser code, Astro puts
 * that base in import.meta.env.BASE_URL.
 */
export function configuredBase(): string {
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env.SITE_BASE;
  return normalizeBase(fromEnvironment ?? import.meta.env?.BASE_URL);
}

/** The site's URLs under `base` ("/" or "/revision/", see normalizeBase). */
export function siteUrls(base: string) {
  const root = normalizeBase(base);
  /** A path inside the site ("dasc7606/s1/") as a URL under the base. */
  const at = (path: string): string => root + path.replace(/^\/+/, '');
  return {
    base: root,
    at,
    /** A URL of this site ("/revision/dasc7606/s1/") as a path inside the built folder ("dasc7606/s1/"); undefined outside the base. */
    inSite: (url: string): string | undefined =>
      url.startsWith(root) ? url.slice(root.length) : url === root.slice(0, -1) ? '' : undefined,
    home: (): string => root,
    search: (): string => at('search/'),
    course: (course: string): string => at(`${course}/`),
    section: (course: string, section: number): string => at(`${course}/${sectionSlug(section)}/`),
    paper: (course: string, paperSlug: string): string => at(`${course}/papers/${paperSlug}/`),
    /** Where a question lives: its section page, at its anchor. */
    question: (course: string, section: number, id: string): string => at(`${course}/${sectionSlug(section)}/#${id}`),
    /** The course's review queue: questions due again, by the spaced-repetition schedule. */
    review: (course: string): string => at(`${course}/review/`),
    /** What to revise now (tonight's plan, or the questions due), one question after another in Test me. */
    revise: (course: string): string => at(`${course}/revise/`),
    /** Mock papers drawn from the course's examinable questions. */
    mock: (course: string): string => at(`${course}/mock/`),
    /** The course's questions as a file Anki's text import reads (the build's Anki step, scripts/lib/anki-export.ts). */
    ankiDeck: (course: string): string => at(`${course}/anki/${course}.txt`),
    /** The screenshots that file shows, for Anki's media folder. */
    ankiMedia: (course: string): string => at(`${course}/anki/${course}-media.zip`),
    /** A question opened in Test-me mode, from the review queue. */
    testQuestion: (course: string, section: number, id: string): string => at(`${course}/${sectionSlug(section)}/?test=1#${id}`),
    sectionPdf: (course: string, section: number): string => at(`${course}/pdf/${sectionSlug(section)}.pdf`),
    paperPdf: (course: string, paperSlug: string): string => at(`${course}/pdf/paper-${paperSlug}.pdf`),
    /** The offline service worker; its scope is the base, so it serves the whole site and nothing else. */
    serviceWorker: (): string => at('sw.js'),
    /** The base as a URL at `origin`: the service worker's scope, which also names the offline stores. */
    scope: (origin: string): string => new URL(root, origin).href,
    /** What Save for offline stores for a course (lib/offline/manifest.ts), written by the build. */
    offlineManifest: (course: string): string => at(`${course}/offline.json`),
    /** Each course's offline manifest revision: how a saved course learns that a new build changed it. */
    offlineIndex: (): string => at('offline.json'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/** The URLs of the site as built (see configuredBase). */
export const urls: SiteUrls = siteUrls(configuredBase());
