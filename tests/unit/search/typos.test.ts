import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  correctQuery,
  editDistance,
  latinWords,
  mergeVocabularies,
  type Vocabulary,
} from '../../../src/lib/search/typos.ts';

describe('latinWords', () => {
  it.each<[string, string[]]>([
    ['Mode collapse', ['mode', 'collapse']],
    ['GAN-based t-SNE', ['gan-based', 't-sne']],
    ["Don't over-fit", ["don't", 'over-fit']],
    ['x = 3, y = 4', ['x', 'y']],
    ['1x1 conv', ['x', 'conv']],
    ['过拟合（overfitting）是指', ['overfitting']],
    ['数据泄漏 2024', []],
    ['', []],
    // Hyphens and apostrophes join words only inside them.
    ["-leading trailing- 'quoted'", ['leading', 'trailing', 'quoted']],
  ])('%j → %j', (text, expected) => {
    expect(latinWords(text)).toEqual(expected);
  });
});

describe('buildVocabulary', () => {
  it.each<[string[], Vocabulary]>([
    [[], {}],
    [['The data data DATA'], { data: 1, the: 1 }],
    [['data leakage', 'Data model', 'leakage leakage'], { data: 2, leakage: 2, model: 1 }],
    // Words under three letters are too short to correct towards.
    [['a an of x the'], { the: 1 }],
    [['过拟合 overfitting 2024'], { overfitting: 1 }],
  ])('%j', (documents, expected) => {
    expect(buildVocabulary(documents)).toEqual(expected);
  });

  it('lists words alphabetically, so ties resolve the same way on every build', () => {
    expect(Object.keys(buildVocabulary(['zeta alpha mode', 'beta']))).toEqual(['alpha', 'beta', 'mode', 'zeta']);
  });
});

describe('mergeVocabularies', () => {
  it('counts as one vocabulary of all the documents would (each course indexed apart, searched together)', () => {
    const courses = [['data leakage', 'Data model'], ['leakage leakage', 'zeta model'], []];
    const merged = mergeVocabularies(courses.map(buildVocabulary));
    expect(merged).toEqual(buildVocabulary(courses.flat()));
    expect(Object.keys(merged)).toEqual(['data', 'leakage', 'model', 'zeta']);
  });
});

describe('editDistance', () => {
  it.each<[string, string, number, number]>([
    ['model', 'model', 2, 0],
    ['model', 'modle', 2, 1], // adjacent swap counts once
    ['mdoel', 'model', 2, 1],
    ['mode', 'model', 2, 1], // insertion
    ['models', 'model', 2, 1], // deletion
    ['modal', 'model', 2, 1], // substitution
    ['bottelneck', 'bottleneck', 2, 1],
    ['gradeint', 'gradient', 2, 1],
    ['graident', 'gradient', 2, 1],
    ['gradeitn', 'gradient', 2, 2],
    ['kitten', 'sitting', 5, 3],
    ['', 'abc', 5, 3],
    ['abc', '', 5, 3],
    ['', '', 0, 0],
    // Optimal string alignment: a swapped pair is not edited again.
    ['ca', 'abc', 5, 3],
  ])('%s ↔ %s (limit %i) = %i', (a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
    expect(editDistance(b, a, limit)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['kitten', 'sitting', 2],
    ['abcdef', 'ghijkl', 2],
    ['abcdef', 'ghijkl', 0],
    ['a', 'abcd', 1], // lengths alone rule it out
    ['overfitting', 'regularisation', 2],
  ])('%s ↔ %s beyond limit %i stops at limit + 1', (a, b, limit) => {
    expect(editDistance(a, b, limit)).toBe(limit + 1);
  });
});

describe('correctQuery', () => {
  const vocabulary: Vocabulary = {
    bottleneck: 3,
    collapse: 2,
    data: 10,
    dropout: 4,
    gradient: 6,
    gradients: 1,
    leakage: 4,
    modal: 1,
    mode: 5,
    model: 8,
    models: 2,
    overfitting: 5,
    the: 20,
    vanishing: 2,
    normalization: 3,
    normalisation: 1,
  };

  it.each<[string, string]>([
    // 4-7 letters: one edit.
    ['modle', 'model'],
    ['mdoel', 'model'],
    ['dropuot', 'dropout'],
    ['leakaeg', 'leakage'],
    ['modx', 'mode'], // within one edit of "mode" only ("model" is two)
    ['dat', 'dat'], // under four letters: never guessed at
    ['teh', 'teh'],
    ['modell', 'model'], // one edit from "model" and "models": the more frequent
    ['modxyz', 'modxyz'], // two edits from anything: too far for six letters
    // Eight letters or more: two edits.
    ['bottelneck', 'bottleneck'],
    ['gradeint', 'gradient'],
    ['graident', 'gradient'],
    ['vanshing', 'vanishing'],
    ['overfiting', 'overfitting'],
    ['ovrefittng', 'overfitting'],
    ['xyzzyxyzzy', 'xyzzyxyzzy'], // nothing close
    // The closest word wins over a more frequent one further away.
    ['gradientss', 'gradients'],
    // Among equally close words, the most frequent.
    ['normalixation', 'normalization'],
    ['mod1', 'mod1'],
    // Known words and prefixes of known words are left alone (Pagefind matches prefixes).
    ['model', 'model'],
    ['models', 'models'],
    ['grad', 'grad'],
    ['bottlen', 'bottlen'],
    ['collaps', 'collaps'],
    ['leakag', 'leakag'],
    // Two words run together.
    ['dataleakage', 'data leakage'],
    ['leakagedata', 'leakage data'],
    ['modelcollapse', 'model collapse'],
    // Several words, each on its own.
    ['modle colapse', 'model collapse'],
    ['the bottelneck', 'the bottleneck'],
  ])('%s → %s', (query, expected) => {
    expect(correctQuery(query, vocabulary)).toBe(expected);
  });

  it.each<[string, string]>([
    // Case is kept for words left as typed; a corrected word is the vocabulary's spelling.
    ['Model', 'Model'],
    ['MODEL Collapse', 'MODEL Collapse'],
    ['Modle', 'model'],
    ['DataLeakage', 'data leakage'],
    // Chinese, numbers and symbols are kept as typed.
    ['过拟合', '过拟合'],
    ['模型 modle', '模型 model'],
    ['2024 bottelneck', '2024 bottleneck'],
    ['1x1 conv', '1x1 conv'],
    ['3.14', '3.14'],
    ['', ''],
    ['  modle  ', '  model  '],
  ])('%j → %j', (query, expected) => {
    expect(correctQuery(query, vocabulary)).toBe(expected);
  });

  it('changes nothing with an empty vocabulary', () => {
    expect(correctQuery('bottelneck dataleakage', {})).toBe('bottelneck dataleakage');
  });

  it('corrects towards words counted from real documents', () => {
    const built = buildVocabulary(['Mode collapse: the generator', 'mode collapse again', 'model selection']);
    expect(correctQuery('colapse', built)).toBe('collapse');
    expect(correctQuery('generatr', built)).toBe('generator');
    expect(correctQuery('modecollapse', built)).toBe('mode collapse');
  });
});
