/**
 * The URLs of the site as built: every page, question anchor, printed PDF and asset
 * (content/paths.ts names them) under the base path the site is deployed at (`SITE_BASE=/revision/ npm run build`).
 */
import { normalizeBase, siteUrls, type SiteUrls } from '../content/paths.ts';

/**
 * The base the site is built for. Node scripts and tests read SITE_BASE, as the build that wrote the
 * site did (astro.config.mjs sets Astro's `base` from it); in pages and browser code, Astro puts
 * that base in import.meta.env.BASE_URL.
 */
export function configuredBase(): string {
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env.SITE_BASE;
  return normalizeBase(fromEnvironment ?? import.meta.env?.BASE_URL);
}

/** The URLs of the site as built (see configuredBase). */
export const urls: SiteUrls = siteUrls(configuredBase());
