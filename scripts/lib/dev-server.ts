/**
 * Starts `npm run dev` on other content (the browser tests and the benchmark edit a temporary copy
 * of the notes), and waits in a browser page for what a save should bring.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { siteUrls } from '../../src/lib/content/paths.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface DevServer {
  /** "http://127.0.0.1:40123", without a trailing slash. */
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * The environment without what the browser tests set: Astro's dev server serves no pages when it
 * finds VITEST set, and reloads no page with NODE_ENV=test.
 */
function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));
}

/**
 * `npm run dev` with `env` (CONTENT_DIR, SITE_OUT_DIR, SITE_CACHE_DIR …), once it answers its home
 * page. Astro allows one dev server per project folder: another one running makes this fail, saying so.
 */
export async function startDevServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<DevServer> {
  const port = await freePort();
  // Its own process group, so stopping it stops npm, the shell and Astro under it.
  const childEnv: NodeJS.ProcessEnv = { ...withoutTestRunner(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...env };
  const child = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev stopped (exit ${child.exitCode}):\n${output}`);
    const ok = await fetch(url + siteUrls(childEnv.SITE_BASE ?? '/').home()).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm run dev did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Resolves once `predicate(arg)`, run in `page` (`arg`: a text), is true, across the reloads the dev server causes
 * (while a page reloads there is no document to ask: it is asked again); rejects after `timeoutMs`.
 */
export async function waitForPage(page: Page, predicate: (arg: string) => boolean, arg: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate, arg).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`the page did not come to show what was expected within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** Resolves once `page` shows `text` (in its rendered text). */
export function waitForText(page: Page, text: string, timeoutMs?: number): Promise<void> {
  return waitForPage(page, (wanted) => document.body?.innerText.includes(wanted) ?? false, text, timeoutMs);
}
