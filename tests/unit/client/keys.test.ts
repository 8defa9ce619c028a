/** The keyboard shortcuts' rules (src/client/keys.ts): which presses open search, type, move between questions and results. */
import { describe, expect, it } from 'vitest';
import { opensSearch, questionAfter, questionStep, searchResultAfter, typedCharacter, type KeyPress } from '../../../src/client/keys.ts';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('opensSearch', () => {
  it('opens on / unless the reader is typing in a field, and on Ctrl+K or ⌘K even then', () => {
    expect(opensSearch(press('/'), false)).toBe(true);
    expect(opensSearch(press('/'), true)).toBe(false);
    expect(opensSearch(press('k', { ctrlKey: true }), true)).toBe(true);
    expect(opensSearch(press('K', { metaKey: true }), false)).toBe(true);
  });

  it('leaves other keys and / with a modifier to the page and the browser', () => {
    expect(opensSearch(press('k'), false)).toBe(false);
    expect(opensSearch(press('/', { ctrlKey: true }), false)).toBe(false);
    expect(opensSearch(press('k', { altKey: true }), false)).toBe(false);
  });
});

describe('typedCharacter', () => {
  it('holds what a key types, Chinese punctuation and spaces included', () => {
    expect(['m', 'O', ' ', '，', '7'].map((key) => typedCharacter(press(key)))).toEqual(['m', 'O', ' ', '，', '7']);
  });

  it('holds no named key and no shortcut', () => {
    expect(typedCharacter(press('Enter'))).toBeUndefined();
    expect(typedCharacter(press('Backspace'))).toBeUndefined();
    expect(typedCharacter(press('v', { ctrlKey: true }))).toBeUndefined();
    expect(typedCharacter(press('k', { metaKey: true }))).toBeUndefined();
  });
});

describe('questionStep and questionAfter: j / k between questions', () => {
  it('steps down on j and up on k, not while typing or with a modifier', () => {
    expect(questionStep(press('j'), false)).toBe(1);
    expect(questionStep(press('k'), false)).toBe(-1);
    expect(questionStep(press('j'), true)).toBeUndefined();
    expect(questionStep(press('j', { ctrlKey: true }), false)).toBeUndefined();
    expect(questionStep(press('J'), false)).toBeUndefined();
  });

  it('moves one question from the one focus is in, and stays at the first and the last', () => {
    expect(questionAfter(1, 2, 5)).toBe(3);
    expect(questionAfter(-1, 2, 5)).toBe(1);
    expect(questionAfter(1, 4, 5)).toBe(4);
    expect(questionAfter(-1, 0, 5)).toBe(0);
  });

  it('with focus in no question, goes down to the first or up to the last', () => {
    expect(questionAfter(1, -1, 5)).toBe(0);
    expect(questionAfter(-1, -1, 5)).toBe(4);
  });
});

describe('searchResultAfter: ↓ / ↑ between the query and the results', () => {
  it('goes from the query to the first result and down the list, staying at the last', () => {
    expect(searchResultAfter('ArrowDown', -1, 3)).toBe(0);
    expect(searchResultAfter('ArrowDown', 1, 3)).toBe(2);
    expect(searchResultAfter('ArrowDown', 2, 3)).toBe(2);
  });

  it('goes up the list and from the first result back to the query', () => {
    expect(searchResultAfter('ArrowUp', 2, 3)).toBe(1);
    expect(searchResultAfter('ArrowUp', 0, 3)).toBe('query');
    expect(searchResultAfter('ArrowUp', -1, 3)).toBe('query');
  });

  it('ignores other keys', () => {
    expect(searchResultAfter('Enter', 0, 3)).toBeUndefined();
  });
});
