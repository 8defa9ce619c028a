/**
 * The GitHub Pages workflow builds the site the way the README tells a student to: same install,
 * same build command with the repository's base path, the same Node, and it publishes dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../../..');
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as {
  jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** Shell lines of the README's code blocks in a section, without comments. */
function readmeCommands(heading: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`README.md has no "## ${heading}" section`);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => (block[1] ?? '').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** A build command with its base path as a placeholder: the value differs, the command must not. */
function withoutBaseValue(command: string): string {
  return command.replace(/^SITE_BASE=("[^"]*"|\S+)/, 'SITE_BASE=<base>');
}

describe('the GitHub Pages workflow', () => {
  const builds = steps.map((step) => step.run?.trim() ?? '').filter((run) => run.includes('npm run build'));

  it("builds with the README's command, under the repository's path", () => {
    expect(builds).toHaveLength(1);
    const readmeBuilds = readmeCommands('Publish your site').filter(
      (line) => line.includes('npm run build') && line.startsWith('SITE_BASE='),
    );
    expect(readmeBuilds.length).toBeGreaterThan(0);
    expect(readmeBuilds.map(withoutBaseValue)).toContain(withoutBaseValue(builds[0] ?? ''));
    expect(builds[0]).toMatch(/^SITE_BASE="\$\{\{ steps\.pages\.outputs\.base_path \}\}\/" /);
  });

  it('installs as CI does and publishes the built folder', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const install = steps.map((step) => step.run?.trim() ?? '').find((run) => run.startsWith('npm ci'));
    expect(install).toBeDefined();
    expect(ci).toContain(install);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
  });

  it('runs the Node the project runs on', () => {
    const node =
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.node ??
      '';
    const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe(node.split('.')[0]);
  });
});
