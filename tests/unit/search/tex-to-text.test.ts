import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { texToText } from '../../../src/lib/search/tex-to-text.ts';

/** What must never reach the search index: command names, backslashes, grouping braces. */
function expectNoTeX(text: string): void {
  expect(text).not.toMatch(/\\|[{}]/);
  expect(text).not.toMatch(/frac|mathbf|mathrm|text\b|begin|end\b|left|right|sqrt/);
}

describe('texToText', () => {
  describe('fractions', () => {
    it.each([
      ['\\frac{1}{2}', '1/2'],
      ['\\frac{a}{b}', 'a/b'],
      ['\\dfrac{a}{b}', 'a/b'],
      ['\\tfrac{x}{2}', 'x/2'],
      ['\\frac{1.0}{9}', '1.0/9'],
      ['\\frac{a+b}{c}', '(a+b)/c'],
      ['\\frac{a+b}{\\sqrt{x^{2}}}', '(a+b)/(√(x^2))'],
      ['\\frac{\\frac{1}{2}}{3}', '(1/2)/3'],
      ['\\frac{1}{1+e^{-x}}', '1/(1+e^(-x))'],
      ['\\frac{\\partial L}{\\partial w}', '(∂ L)/(∂ w)'],
      ['e^{\\frac{1}{2}}', 'e^(1/2)'],
      // Shorthand without braces: one half, not twelve.
      ['\\frac12', '1/2'],
      ['\\frac1N', '1/N'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('roots', () => {
    it.each([
      ['\\sqrt{x}', '√(x)'],
      ['\\sqrt{a^{2}+b^{2}}', '√(a^2+b^2)'],
      ['\\sqrt[3]{x}', '3√(x)'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('text and font wrappers unwrap to their argument', () => {
    it.each([
      ['\\mathbf{x}', 'x'],
      ['\\mathbf{0.916}', '0.916'],
      ['\\text{real}', 'real'],
      ['\\textbf{Sum}', 'Sum'],
      ['\\mathrm{ReLU}(x)', 'ReLU(x)'],
      ['\\mathcal{L}(\\theta)', 'L(θ)'],
      ['\\hat{y}', 'y'],
      ['\\operatorname{softmax}(z)', 'softmax(z)'],
      ['\\mathbf{\\text{nested}}', 'nested'],
      ['W_{\\text{out}}', 'W_(out)'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('matrices and other environments', () => {
    it.each([
      ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', '[1 2; 3 4]'],
      ['\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}', '[a b; c d]'],
      ['\\begin{bmatrix} -3 & -3 \\\\ 0 & 0 \\\\ 3 & 3 \\end{bmatrix}', '[-3 -3; 0 0; 3 3]'],
      ['\\begin{array}{cc} 1 & 0 \\\\ 0 & 1 \\end{array}', '[1 0; 0 1]'],
      ['\\begin{cases} 1 & x>0 \\\\ 0 & \\text{otherwise} \\end{cases}', '[1 x>0; 0 otherwise]'],
      ['A = \\begin{pmatrix} \\frac{1}{2} & 0 \\\\ 0 & 1 \\end{pmatrix}', 'A = [1/2 0; 0 1]'],
      // Not a grid: rows only, and never the environment's name.
      ['\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', 'a = b; c = d'],
      ['\\begin{gathered} a = b \\\\ c = d \\end{gathered}', 'a = b; c = d'],
      // A line break outside an environment is only layout.
      ['a = b \\\\ c = d', 'a = b c = d'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('greek letters, operators and relations', () => {
    it.each([
      ['\\alpha + \\beta', 'α + β'],
      ['\\theta, \\lambda, \\sigma', 'θ, λ, σ'],
      ['\\Sigma \\Delta \\Omega', 'Σ Δ Ω'],
      ['x \\approx y', 'x ≈ y'],
      ['3 \\times 3', '3 × 3'],
      ['a \\le b', 'a ≤ b'],
      ['a \\leq b \\geq c \\neq d', 'a ≤ b ≥ c ≠ d'],
      ['0 \\to 1', '0 → 1'],
      ['x \\in \\mathbb{R}', 'x ∈ R'],
      ['\\nabla_{\\theta} L', '∇_θ L'],
      ['\\infty', '∞'],
      ['\\|x\\|_2', '‖x‖_2'],
      ['100\\%', '100%'],
      ['\\{a, b\\}', '{a, b}'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('named functions stay as words', () => {
    it.each([
      ['\\log(0.4)', 'log(0.4)'],
      ['\\max_{i} x_i', 'max_i x_i'],
      ['\\sin x + \\cos x', 'sin x + cos x'],
      ['\\exp(-x)', 'exp(-x)'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('sub- and superscripts', () => {
    it.each([
      ['x_i', 'x_i'],
      ['x_{i}', 'x_i'],
      ['x^{2}', 'x^2'],
      ['x_{ij}', 'x_(ij)'],
      ['x^{n+1}', 'x^(n+1)'],
      ['C_{in}', 'C_(in)'],
      ['\\sum_{i=1}^{N} x_i', 'Σ_(i=1)^N x_i'],
      ['x_{i_{j}}', 'x_(i_j)'],
      ['\\mathbf{W}^{\\top}', 'W^T'],
      ['\\theta_{\\lambda}', 'θ_λ'],
      // A script whose only content was an unknown command leaves no empty brackets.
      ['x^{\\unknowncommand}', 'x'],
    ])('%s → %s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('layout and unknown commands vanish, their arguments stay', () => {
    it.each([
      ['\\left( x \\right)', '(x)'],
      ['\\left\\{ x \\right.', '{ x'],
      ['\\displaystyle a \\quad b \\qquad c', 'a b c'],
      ['a \\, b \\; c \\! d', 'a b c d'],
      ['\\unknowncmd x', 'x'],
      ['\\boxed{x}', 'x'],
      ['\\boxed{\\text{yes}}', 'yes'],
      ['\\overbrace{x}^{n}', 'x^n'],
      ['\\color{red}{x}', 'x'],
      ['\\textcolor{blue}{y}', 'y'],
      ['{a}{b}', 'ab'],
      ['', ''],
      ['   ', ''],
    ])('%j → %j', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('real formulas from the notes (content/dasc7606/questions/s5-*.md)', () => {
    it.each([
      ['L_D(\\text{real}) = -\\log(D(\\mathbf{x}))', 'L_D(real) = - log(D(x))'],
      ['L_D(\\text{real}) = -\\log(0.4) \\approx \\mathbf{0.916}', 'L_D(real) = - log(0.4) ≈ 0.916'],
      ['L_D(\\text{fake}) = -\\log(1 - 0.7) = -\\log(0.3) \\approx \\mathbf{1.204}', 'L_D(fake) = - log(1 - 0.7) = - log(0.3) ≈ 1.204'],
      ['\\log D(\\mathbf{x}) + \\log(1 - D(G(\\mathbf{z})))', 'log D(x) + log(1 - D(G(z)))'],
      [
        'L_1(\\mathbf{T}, \\mathbf{G}) = \\frac{1}{N} \\sum_{i=1}^{N} |\\mathbf{T}_i - \\mathbf{G}_i|',
        'L_1(T, G) = 1/N Σ_(i=1)^N |T_i - G_i|',
      ],
      ['L_1 = \\frac{\\text{Sum}}{N} = \\frac{1.0}{9} \\approx \\mathbf{0.111}', 'L_1 = Sum/N = 1.0/9 ≈ 0.111'],
      ['N = 3 \\times 3 = 9', 'N = 3 × 3 = 9'],
      ['1 \\times 1 \\times C_{in}', '1 × 1 × C_(in)'],
      [
        '\\mathbf{T}_1 = \\begin{bmatrix} 0.5 & 0.6 & 0.8 \\\\ 0.2 & 0.4 & 0.3 \\\\ 0.1 & 0.1 & 0.1 \\end{bmatrix}, \\quad \\mathbf{G}_1 = \\begin{bmatrix} 0.4 & 0.7 & 0.7 \\\\ 0.4 & 0.5 & 0.4 \\\\ 0.3 & 0.2 & 0.1 \\end{bmatrix}',
        'T_1 = [0.5 0.6 0.8; 0.2 0.4 0.3; 0.1 0.1 0.1], G_1 = [0.4 0.7 0.7; 0.4 0.5 0.4; 0.3 0.2 0.1]',
      ],
      [
        '\\begin{bmatrix} |0.5 - 0.4| & |0.6 - 0.7| \\\\ |0.2 - 0.4| & |0.4 - 0.5| \\end{bmatrix} = \\begin{bmatrix} 0.1 & 0.1 \\\\ 0.2 & 0.1 \\end{bmatrix}',
        '[|0.5 - 0.4| |0.6 - 0.7|; |0.2 - 0.4| |0.4 - 0.5|] = [0.1 0.1; 0.2 0.1]',
      ],
    ])('%s', (tex, expected) => {
      expect(texToText(tex)).toBe(expected);
    });
  });

  describe('never leaves TeX behind', () => {
    it.each([
      '\\frac{a+b}{\\sqrt{x^{2}}}',
      '\\mathbf{\\frac{\\text{a}}{\\mathrm{b}}}',
      '\\foo{\\bar{\\baz{x}}}',
      '\\begin{pmatrix} \\frac{1}{2} & \\mathbf{x} \\\\ \\text{a} & b \\end{pmatrix}',
      '\\begin{unknownenv} a \\\\ b \\end{unknownenv}',
      'x^{2', // unbalanced, as a typo in the notes would be
      '\\frac{1}{2',
      '\\> \\< \\\' \\" a',
      '\\left[ \\frac{1}{N} \\right]',
    ])('%s', (tex) => {
      expectNoTeX(texToText(tex));
    });

    it('for every formula in the course notes', () => {
      const root = 'content';
      const formulas: string[] = [];
      for (const course of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        const dir = join(root, course.name, 'questions');
        let files: string[];
        try {
          files = readdirSync(dir).filter((file) => file.endsWith('.md'));
        } catch {
          continue;
        }
        for (const file of files) {
          for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+)\$/g))
            formulas.push(match[1] ?? match[2] ?? '');
        }
      }
      expect(formulas.length).toBeGreaterThan(50);
      for (const formula of formulas) expectNoTeX(texToText(formula));
    });
  });

  it('gives one line', () => {
    expect(texToText('a\n+\n\n  b')).toBe('a + b');
  });
});
