/**
 * A readable one-line text for a TeX formula, for the search index and its excerpts. KaTeX
 * writes each formula three times (MathML, TeX source, HTML); the index gets this instead, so a
 * formula shows once, readably, and command names such as `frac` never match a query.
 */

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  Pi: 'Π',
  times: '×',
  cdot: '·',
  div: '÷',
  pm: '±',
  mp: '∓',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  ll: '≪',
  gg: '≫',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  leftrightarrow: '↔',
  Leftrightarrow: '⇔',
  mapsto: '↦',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  sum: 'Σ',
  prod: 'Π',
  int: '∫',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  neg: '¬',
  land: '∧',
  lor: '∨',
  emptyset: '∅',
  ldots: '…',
  cdots: '…',
  dots: '…',
  vdots: '⋮',
  ddots: '⋱',
  mid: '|',
  vert: '|',
  Vert: '‖',
  '|': '‖',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  max: 'max',
  min: 'min',
  arg: 'arg',
  argmax: 'argmax',
  argmin: 'argmin',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  det: 'det',
  lim: 'lim',
  sup: 'sup',
  inf: 'inf',
  Pr: 'Pr',
  softmax: 'softmax',
  '%': '%',
  $: '$',
  '#': '#',
  '&': '&',
  _: '_',
  top: 'T',
  intercal: 'T',
};

/** Commands whose single argument is text to keep as is. */
const WRAPPERS =
  /\\(?:text|textbf|textit|mathbf|mathrm|mathit|mathcal|mathbb|mathsf|boldsymbol|bm|operatorname\*?|hat|bar|tilde|vec|overline|underline|widehat|widetilde)\s*\{([^{}]*)\}/g;
/** Spacing, sizing and colour commands that carry no content. */
const SILENT =
  /\\(?:text)?color\s*\{[^{}]*\}|\\(?:left|right)\s*\.|\\(?:left|right|big|Big|bigg|Bigg|displaystyle|textstyle|quad|qquad|limits|nolimits)\b|\\\\|\\[,;:! ]/g;
/** Escaped braces are literal (a set, `\{a, b\}`); they stand aside while grouping braces go. */
const [OPEN, CLOSE] = ['\uE000', '\uE001'];
/** A command's argument: a braced group or, as in `\frac12`, a single character. */
const ARG = String.raw`(?:\{([^{}]*)\}|([^\s{}\\]))`;
const FRAC = new RegExp(String.raw`\\[dt]?frac\s*${ARG}\s*${ARG}`, 'g');
/** Environments whose rows and cells are a grid, written as [a b; c d]. */
const GRID = /matrix|array|cases/;

export function texToText(tex: string): string {
  let text = tex.replace(/\\\{/g, OPEN).replace(/\\\}/g, CLOSE);
  text = text.replace(/\\begin\{([a-zA-Z]+\*?)\}(?:\{[^}]*\})?([\s\S]*?)\\end\{\1\}/g, (_, env: string, body: string) => {
    const rows = body
      .split(/\\\\/)
      .map((row) =>
        row
          .split('&')
          .map((cell) => cell.trim())
          .join(' '),
      )
      .filter((row) => row !== '');
    return GRID.test(env) ? ` [ ${rows.join('; ')} ] ` : ` ${rows.join('; ')} `;
  });
  text = text.replace(SILENT, ' ');
  // Innermost groups first, so nested wrappers and fractions unwrap from the inside out; plain
  // braces go only when nothing more specific applies, or a fraction would lose its arguments.
  for (let pass = 0; pass < 50; pass++) {
    const before = text;
    text = text.replace(WRAPPERS, '$1');
    text = text.replace(
      FRAC,
      (_, top?: string, topChar?: string, bottom?: string, bottomChar?: string) =>
        `${group(top ?? topChar ?? '')}/${group(bottom ?? bottomChar ?? '')}`,
    );
    text = text.replace(
      /\\sqrt\s*(?:\[([^\]]*)\])?\s*\{([^{}]*)\}/g,
      (_, index: string | undefined, inner: string) => `${index ?? ''}√(${inner})`,
    );
    // One symbol, x_{i} or \theta_{\lambda}, needs no brackets; x_{i+1} does.
    text = text.replace(
      /([_^])\{([^{}]*)\}/g,
      (_, mark: string, inner: string) => `${mark}${/^(?:.|\\[a-zA-Z]+)$/.test(inner.trim()) ? inner.trim() : `(${inner})`}`,
    );
    // An unknown command keeps its argument, \boxed{x} → x, rather than swallowing it as `\boxedx`.
    if (text === before)
      text = text.replace(/(\\[a-zA-Z]+)?\{([^{}]*)\}/, (_, command: string | undefined, inner: string) =>
        command ? `${command} ${inner}` : inner,
      );
    if (text === before) break;
  }
  // A word-like symbol is spaced off (x \log y), except as a script (W^\top); an unknown one takes its script mark along.
  text = text.replace(/([_^]?)\\([a-zA-Z]+|[|%$#&_])/g, (_, mark: string, name: string) => {
    const symbol = SYMBOLS[name];
    if (symbol === undefined) return ' ';
    return mark !== '' ? `${mark}${symbol}` : /^[a-z]/i.test(symbol) ? ` ${symbol}` : symbol;
  });
  // Whatever TeX is left (a stray backslash, an unbalanced brace, an emptied script) is noise.
  text = text
    .replace(/[\\{}]/g, ' ')
    .replace(/[_^]\(\s*\)/g, '')
    .replace(new RegExp(OPEN, 'g'), '{')
    .replace(new RegExp(CLOSE, 'g'), '}');
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;)\]])/g, '$1')
    .replace(/([([])\s*/g, '$1')
    .trim();
}

function group(text: string): string {
  const trimmed = text.trim();
  return /^[\w.]+$/.test(trimmed) ? trimmed : `(${trimmed})`;
}
