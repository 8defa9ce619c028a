/** Bookmark titles (src/lib/print/outline.ts): Chromium's run-together heading text replaced by each heading's own title. */
import { describe, expect, it } from 'vitest';
import { bookmarkTitles, titleKey, type PrintedHeading } from '../../../src/lib/print/outline.ts';

const heading = (level: number, title: string, drawn = title): PrintedHeading => ({ level, title, drawn });

describe('bookmarkTitles', () => {
  const headings = [
    heading(1, 'Section 5 · Generative Adversarial Networks'),
    heading(2, 'Q1 · 2025 May', 'Q12025 May'),
    heading(3, 'Answer'),
    heading(3, '(a)'),
    heading(3, '(b) (4 pts) Transformer如何解决(a)中提出的问题？'),
    heading(3, '(c) Not drawn', ''),
  ];

  it("gives each of Chromium's bookmarks its heading's title, even when Chromium repeated or interleaved the text", () => {
    const bookmarks = [
      'Section 5 · Generative Adversarial Networks',
      'Q12025 May',
      'Answer',
      '(a)(a)',
      '(b) (4 pts) Transformer(b) (4 pts) Transformer如何解决如何解决(a)(a)中提出的问题？中提出的问题？',
    ];
    expect(bookmarkTitles(bookmarks, headings)).toEqual([
      'Section 5 · Generative Adversarial Networks',
      'Q1 · 2025 May',
      'Answer',
      '(a)',
      '(b) (4 pts) Transformer如何解决(a)中提出的问题？',
    ]);
  });

  it('fails when bookmarks and headings are not the same list', () => {
    expect(() => bookmarkTitles(['Section 5', 'Q12025 May'], headings)).toThrow(/2 bookmarks for 5 headings/);
    const outOfStep = [
      'Section 5 · Generative Adversarial Networks',
      'Q12025 May',
      '(a)',
      'Answer',
      '(b) (4 pts) Transformer如何解决(a)中提出的问题？',
    ];
    expect(() => bookmarkTitles(outOfStep, headings)).toThrow(/bookmark 3 reads "\(a\)", not the heading "Answer"/);
  });
});

describe('titleKey', () => {
  it('keeps letters and digits, with Kangxi radicals folded into the ideographs PDF text can hold them as', () => {
    expect(titleKey('GAN 的原始论⽂ (a) · 2025')).toBe('GAN的原始论文a2025');
  });
});
