/**
 * No broken internal links anywhere in the built site: every same-origin href/src/srcset of every
 * HTML file resolves to a file in the built folder, and every #fragment names an id on its page.
 */
import { describe, expect, inject, test } from 'vitest';
import { linkChecker, parse } from './setup/links.ts';

const site = linkChecker(inject('dist'));

test('the built site has pages and links to check', () => {
  expect(site.files.length).toBeGreaterThan(3);
  const total = [...site.parsed.values()].reduce((sum, page) => sum + page.references.length, 0);
  expect(total).toBeGreaterThan(site.files.length);
});

describe('internal links', () => {
  test.each(site.files.map((file) => [site.pageUrl(file), file] as const))('%s', (_url, file) => {
    expect(site.broken(file)).toEqual([]);
  });
});

test('the checker notices a broken link and a missing anchor', () => {
  const { references, ids } = parse('<a href="/nowhere/">x</a><a href="#here" id="there">y</a><img srcset="/a.png 1x, /b.png 2x">');
  expect(references.map((reference) => reference.value)).toEqual(['/nowhere/', '#here', '/a.png', '/b.png']);
  expect(ids.has('here')).toBe(false);
  expect(site.fileFor('/nowhere/')).toBeUndefined();
});
