/**
 * npm run check (after astro check) — or: node scripts/check.ts [--content <dir>]
 * Checks the generated content: formulas KaTeX cannot render, missing or unreadable screenshots, empty
 * questions, duplicate ids and hand-edited frontmatter. Prints `path:line: severity: message`;
 * exits 1 when there is an error (warnings alone pass).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content/check.ts';
import { unreadableImage } from '../src/lib/content/images.ts';
import { classifyContentPath, contentDirectory } from '../src/lib/content/layout.ts';
import { runCli } from './lib/cli.ts';

/** Every file under `dir`, as paths relative to it with `/`. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listFiles(dir, path);
    return entry.isFile() ? [path] : [];
  });
}

runCli(async () => {
  const { values } = parseArgs({ options: { content: { type: 'string' } } });
  const contentDir = resolve(values.content ?? contentDirectory());
  if (!existsSync(contentDir)) throw new Error(`no content folder at ${contentDir}: run npm run import -- <notes.md> first`);

  const files = new Map<string, string>();
  const images = new Set<string>();
  for (const path of listFiles(contentDir)) {
    if (classifyContentPath(path)?.kind === 'image') images.add(path);
    else if (path.endsWith('.md')) files.set(path, readFileSync(join(contentDir, path), 'utf8'));
  }

  const unreadableImages = new Map<string, string>();
  for (const image of images) {
    const problem = await unreadableImage(join(contentDir, image));
    if (problem !== undefined) unreadableImages.set(image, problem);
  }
  const diagnostics = checkContent({ files, images, unreadableImages });
  const shown = (path: string): string => relative(process.cwd(), join(contentDir, path)).split(sep).join('/');
  for (const { file, line, severity, message } of diagnostics) {
    (severity === 'error' ? console.error : console.warn)(`${shown(file)}:${line}: ${severity}: ${message}`);
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const pages = [...files.keys()].filter((path) =>
    ['course', 'section', 'question'].includes(classifyContentPath(path)?.kind ?? ''),
  ).length;
  console.log(
    `Checked ${pages} content files: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  if (errors > 0) process.exitCode = 1;
});
