import { describe, expect, it } from 'vitest';
import { disagreements, normaliseShortAnswer, shortAnswer } from '../../../src/lib/group/short-answers.ts';
import { questionText } from '../../../src/lib/group/question-text.ts';

const short = (text: string, marked: string[] = []): string | undefined => shortAnswer({ text, marked });

describe('shortAnswer', () => {
  it('reads the letter, truth value or number an answer settles on', () => {
    expect(short('A 错…\nB 对…\n因此答案是 C。')).toBe('C');
    expect(short('因此答案是  B 和 D 。')).toBe('B, D');
    expect(short('**B**')).toBe('B');
    expect(short('(T)')).toBe('T');
    expect(short('The loss is $-\\log 0.4$, so\nresult = 0.9160')).toBe('0.916');
    expect(short('The discriminator is a classifier trained with cross-entropy, so A.')).toBe('A');
    expect(short('', ['B', 'D'])).toBe('B, D');
  });

  it('leaves an explanation alone', () => {
    expect(short('Because so a model overfits when it memorises the data.')).toBeUndefined();
    expect(short('Dropout, weight decay and early stopping.')).toBeUndefined();
  });

  it('writes each answer in one form', () => {
    expect(normaliseShortAnswer('d, b')).toBe('B, D');
    expect(normaliseShortAnswer('0.50')).toBe('0.5');
    expect(normaliseShortAnswer('错')).toBe('F');
  });
});

describe('disagreements', () => {
  it('names the part where two students settle on different options, and not where they agree or give no short answer', () => {
    const first = questionText(
      { title: '' },
      '### (a)\n\nA 错\n因此答案是 C。\n\n### (b)\n\nB 对，所以选 B。\n\n### (c)\n\nLong explanation.\n',
    );
    const second = questionText(
      { title: '' },
      'Answer:\n(a) A. The discriminator is a classifier trained with cross-entropy, so A.\n(b) B\n(c) Another explanation.\n',
    );
    expect(
      disagreements([
        { author: 'hyperloop', answers: first.answers },
        { author: 'Lin', answers: second.answers },
      ]),
    ).toEqual([
      {
        label: '(a)',
        answers: [
          { answer: 'C', authors: ['hyperloop'] },
          { answer: 'A', authors: ['Lin'] },
        ],
      },
    ]);
  });

  it('weighs no single answer for a student whose own sources disagree', () => {
    const sources = questionText({ title: '' }, '**DeepSeek**\n\n答案是 A\n\n**GPT**\n\n答案是 C\n');
    const other = questionText({ title: '' }, '答案是 B');
    expect(sources.answers.map((answer) => answer.source)).toEqual(['DeepSeek', 'GPT']);
    expect(
      disagreements([
        { author: 'one', answers: sources.answers },
        { author: 'two', answers: other.answers },
      ]),
    ).toEqual([]);
  });
});
