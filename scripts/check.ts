/**
 * npm run check (after astro check) — or: node scripts/check.ts [--content <dir>]
 * Checks the generated content: formulas KaTeX cannot render, missing or unreadable screenshots, empty
 * questions, duplicate ids, hand-edited frontmatter and characters no font can show. Prints `path:line: severity: message`;
 * exits 1 when there is an error (warnings alone pass).
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirectory } from '../src/lib/content/layout.ts';
import { runCli } from './lib/cli.ts';
import { checkContentFolder } from './lib/content-check.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { content: { type: 'string' } } });
  const contentDir = resolve(values.content ?? contentDirectory());
  if (!existsSync(contentDir)) throw new Error(`no content folder at ${contentDir}: run npm run import -- <notes.md> first`);

  const { diagnostics, pages } = await checkContentFolder(contentDir);
  const shown = (path: string): string => relative(process.cwd(), join(contentDir, path)).split(sep).join('/');
  for (const { file, line, severity, message } of diagnostics) {
    (severity === 'error' ? console.error : console.warn)(`${shown(file)}:${line}: ${severity}: ${message}`);
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  console.log(
    `Checked ${pages} content files: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  if (errors > 0) process.exitCode = 1;
});
