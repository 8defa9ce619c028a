import { describe, expect, it } from 'vitest';
import { questionGist, questionLabel } from '../../../src/lib/site/model.ts';

describe('a question as its notes name it', () => {
  it.each<[string, string, string]>([
    ['Q1 2024 May ABC', '1', 'Q1'],
    ['试题10', '10', '试题10'],
    ['Exercise 1.2', '1.2', 'Exercise 1.2'],
    ['第3题', '3', '第3题'],
    ['1.', '1', '1.'],
    ['What organelle makes ATP?', '4', 'Q4'],
  ])('%s is shown as %s', (heading, number, label) => {
    expect(questionLabel({ heading, number })).toBe(label);
  });

  it.each<[string, string | undefined, string]>([
    ['Osmosis::the diffusion of water', undefined, 'Osmosis'],
    ['The ==nucleolus== makes rRNA.', undefined, 'The nucleolus makes rRNA.'],
    // A screenshot has no words; the bold line after it does, cut to fit the list.
    ['![](./img/x.png)\n\n**1. 马克思主义哲学的直接理论来源是（ ）**', undefined, '1. 马克思主义哲学的直接理论来源是…'],
    ['anything', 'Why overfit?', 'Why overfit?'],
  ])('gives %j the gist %j', (body, title, gist) => {
    expect(questionGist({ data: { title }, body })).toBe(gist);
  });
});
