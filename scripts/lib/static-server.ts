/** A small static file server for the built site on 127.0.0.1, for PDFs, screenshots and tests. */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { siteUrls } from '../../src/lib/content/paths.ts';
import { urls } from '../../src/lib/site/urls.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg']);

/** A response the server finished sending: the path asked for and the bytes sent for it, headers included. */
export interface SentResponse {
  path: string;
  status: number;
  bytes: number;
}

/**
 * Files in _astro/ are named by a hash of their content, so a host can let browsers keep them
 * (Astro's advice; GitHub Pages lets everything be kept ten minutes). Everything else is checked
 * with the server on every use, so a redeploy shows at once.
 */
const IMMUTABLE = /(^|\/)_astro\//;

export interface StaticServer {
  /** Origin of the server, without a trailing slash: "http://127.0.0.1:40123"; the site is at url + urls.home(). */
  url: string;
  close: () => Promise<void>;
}

/**
 * Answers with `file` as a static host does (gzipped text when the browser takes it, checked with
 * the server on every use unless `caching` says otherwise); false when there is no such file.
 */
export function sendFile(request: IncomingMessage, response: ServerResponse, file: string, caching = 'no-cache'): boolean {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'cache-control': caching });
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  return true;
}

/**
 * Serves `root` like a static host: directories answer with their index.html; text is gzipped.
 * The site is served under the base it was built for (SITE_BASE, or `base`), as on GitHub Pages;
 * anything outside it is not found. `port` reopens a server at the same origin (a redeploy);
 * `onSent` hears of every response once sent, with its size on the wire (for byte budgets).
 */
export async function serveStatic(
  root: string,
  options: { base?: string; port?: number; onSent?: (sent: SentResponse) => void } = {},
): Promise<StaticServer> {
  const site = options.base === undefined ? urls : siteUrls(options.base);
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const { onSent } = options;
    if (onSent) {
      // One response at a time on a connection: what the socket sent meanwhile is this response.
      const sentBefore = request.socket.bytesWritten;
      response.on('finish', () => onSent({ path: pathname, status: response.statusCode, bytes: request.socket.bytesWritten - sentBefore }));
    }
    const path = site.inSite(pathname);
    if (path === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: this site is served under ${site.base}`);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
    const caching = IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (!sendFile(request, response, file, caching)) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Browsers keep connections open; a closed server must not wait for them.
        server.closeAllConnections();
      }),
  };
}
