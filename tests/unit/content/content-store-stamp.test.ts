import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  contentStoreDigest,
  dropStaleContentStore,
  screenshotFiles,
  screenshotsDigest,
} from '../../../src/lib/content/content-store-stamp.ts';
import { ROOT } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'content-store-stamp-'));
const content = join(work, 'content');
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the content store stamp', () => {
  it('lists the screenshots of every course with their sizes, and nothing else', () => {
    mkdirSync(join(content, 'demo/images/2024May'), { recursive: true });
    mkdirSync(join(content, 'demo/questions'), { recursive: true });
    writeFileSync(join(content, 'demo/images/2024May/1.png'), 'abc');
    writeFileSync(join(content, 'demo/questions/s1-no-paper-q1.md'), '---\n---\n');
    expect(screenshotFiles(content)).toEqual([`${join(content, 'demo/images/2024May/1.png')}:3`]);
  });

  it('drops the cached store when a screenshot is added, and keeps it while nothing changes', () => {
    const before = contentStoreDigest(ROOT, content);
    expect(dropStaleContentStore(cache, before)).toBe(true);
    writeFileSync(join(cache, 'data-store.json'), '{}');
    expect(dropStaleContentStore(cache, contentStoreDigest(ROOT, content))).toBe(false);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(true);

    writeFileSync(join(content, 'demo/images/2024May/2.png'), 'de');
    const after = contentStoreDigest(ROOT, content);
    expect(after).not.toBe(before);
    expect(dropStaleContentStore(cache, after)).toBe(true);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
  });

  it("changes the entries' digest salt with the screenshots and with the content folder's place (npm run dev reloads entries on it)", () => {
    const before = screenshotsDigest(content);
    expect(screenshotsDigest(content)).toBe(before);
    writeFileSync(join(content, 'demo/images/2024May/3.png'), 'fgh');
    expect(screenshotsDigest(content)).not.toBe(before);
    const elsewhere = join(work, 'copy');
    mkdirSync(elsewhere);
    expect(screenshotsDigest(elsewhere)).not.toBe(screenshotsDigest(join(work, 'empty')));
  });
});
