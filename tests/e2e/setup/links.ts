/**
 * Internal links of a built site: every same-origin href/src/srcset of every HTML file resolves to
 * a file in the built folder, and every #fragment names an id on its page (links.test.ts checks the
 * shared site under its sub-path, pdf-build.test.ts a site at the root).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesUnder } from '../../../scripts/lib/files.ts';
import { distPaths, pagePath, type SiteUrls } from '../../../src/lib/content/paths.ts';
import { urls } from '../../../src/lib/site/urls.ts';

const ORIGIN = 'http://site.invalid';

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });
}

export interface Reference {
  tag: string;
  attribute: string;
  value: string;
}

/** Tags and their attributes, outside scripts, styles and comments (Astro writes well-formed, quoted HTML). */
export function parse(html: string): { references: Reference[]; ids: Set<string> } {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2>');
  const references: Reference[] = [];
  const ids = new Set<string>();
  for (const [, tag = '', attributes = ''] of markup.matchAll(
    /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g,
  )) {
    for (const [, name = '', ...values] of attributes.matchAll(/([^\s=>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const value = decodeEntities(values.find((candidate) => candidate !== undefined) ?? '');
      const attribute = name.toLowerCase();
      if (attribute === 'id' || (attribute === 'name' && tag.toLowerCase() === 'a')) ids.add(value);
      if (['href', 'src', 'poster', 'action', 'data'].includes(attribute)) references.push({ tag: tag.toLowerCase(), attribute, value });
      if (attribute === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) references.push({ tag: tag.toLowerCase(), attribute, value: url });
        }
      }
    }
  }
  return { references, ids };
}

export interface LinkChecker {
  /** The built folder's HTML files. */
  files: string[];
  /** Each file's references and ids. */
  parsed: Map<string, { references: Reference[]; ids: Set<string> }>;
  /** The URL a file is served at ("/revision/dasc7606/s1/"). */
  pageUrl: (file: string) => string;
  /** The file a URL of the site is served from, as the static server does it (nothing outside the site's base). */
  fileFor: (pathname: string) => string | undefined;
  /** What in `file` points at no file, or at no id of its page. */
  broken: (file: string) => string[];
}

/** The checker of the site built in `dist` for the URLs of `site` (the test's base by default). */
export function linkChecker(dist: string, site: SiteUrls = urls): LinkChecker {
  const files = filesUnder(dist).filter((file) => file.endsWith('.html'));
  const parsed = new Map(files.map((file) => [file, parse(readFileSync(file, 'utf8'))]));
  const fileFor = (pathname: string): string | undefined => {
    const inSite = site.inSite(decodeURIComponent(pathname));
    if (inSite === undefined) return undefined;
    const path = join(dist, ...inSite.split('/').filter(Boolean));
    if (!existsSync(path)) return undefined;
    if (statSync(path).isDirectory()) return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : undefined;
    return path;
  };
  const pageUrl = (file: string): string => site.at(pagePath(distPaths.file(relative(dist, file).split(sep).join('/'))));
  const broken = (file: string): string[] => {
    const found: string[] = [];
    for (const reference of parsed.get(file)?.references ?? []) {
      if (reference.value === '' || /^(mailto|tel|javascript|data|blob):/i.test(reference.value)) continue;
      const target = new URL(reference.value, ORIGIN + pageUrl(file));
      if (target.origin !== ORIGIN) continue;
      const targetFile = fileFor(target.pathname);
      const label = `<${reference.tag} ${reference.attribute}="${reference.value}">`;
      if (!targetFile) {
        found.push(`${label}: no file for ${target.pathname}`);
        continue;
      }
      if (target.pathname.endsWith('/') === false && targetFile.endsWith('index.html'))
        found.push(`${label}: directory link without trailing slash`);
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html')) {
        const targetPage = parsed.get(targetFile) ?? parse(readFileSync(targetFile, 'utf8'));
        if (!targetPage.ids.has(fragment)) found.push(`${label}: no id "${fragment}" in ${pageUrl(targetFile)}`);
      }
    }
    return found;
  };
  return { files, parsed, pageUrl, fileFor, broken };
}
