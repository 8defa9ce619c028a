/**
 * A readable one-line text for a TeX formula, for the search index and its excerpts. KaTeX
 * writes each formula three times (MathML, TeX source, HTML); the index gets this instead, so a
 * formula shows once, readably, and command names such as `frac` never match a query.
 */

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ',
  Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', Pi: 'Π',
  times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', approx: '≈', sim: '∼', simeq: '≃', equiv: '≡', propto: '∝',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', ll: '≪', gg: '≫',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔', Leftrightarrow: '⇔', mapsto: '↦',
  infty: '∞', partial: '∂', nabla: '∇', sum: 'Σ', prod: 'Π', int: '∫', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆',
  cup: '∪', cap: '∩', forall: '∀', exists: '∃', neg: '¬', land: '∧', lor: '∨', emptyset: '∅',
  ldots: '…', cdots: '…', dots: '…', vdots: '⋮', ddots: '⋱', mid: '|', vert: '|', Vert: '‖', '|': '‖',
  log: 'log', ln: 'ln', exp: 'exp', max: 'max', min: 'min', arg: 'arg', argmax: 'argmax', argmin: 'argmin',
  sin: 'sin', cos: 'cos', tan: 'tan', tanh: 'tanh', det: 'det', lim: 'lim', sup: 'sup', inf: 'inf', Pr: 'Pr', softmax: 'softmax',
  '%': '%', '$': '$', '#': '#', '&': '&', _: '_', '{': '{', '}': '}',
};

/** Commands whose single argument is text to keep as is. */
const WRAPPERS = /\\(?:text|textbf|textit|mathbf|mathrm|mathit|mathcal|mathbb|mathsf|boldsymbol|bm|operatorname\*?|hat|bar|tilde|vec|overline|underline|widehat|widetilde)\s*\{([^{}]*)\}/g;
/** Spacing and sizing commands that carry no content. */
const SILENT = /\\(?:left|right|big|Big|bigg|Bigg|displaystyle|textstyle|quad|qquad|limits|nolimits)\b|\\[,;:! ]/g;

export function texToText(tex: string): string {
  let text = tex;
  text = text.replace(/\\begin\{([pbBvV]?matrix|array|cases|aligned|align\*?)\}(?:\{[^}]*\})?([\s\S]*?)\\end\{\1\}/g, (_, _env: string, body: string) => {
    const rows = body.split(/\\\\/).map((row) => row.split('&').map((cell) => cell.trim()).join(' ')).filter((row) => row !== '');
    return ` [ ${rows.join('; ')} ] `;
  });
  text = text.replace(SILENT, ' ');
  // Innermost groups first, so nested wrappers and fractions unwrap from the inside out; plain
  // braces go only when nothing more specific applies, or a fraction would lose its arguments.
  for (let pass = 0; pass < 50; pass++) {
    const before = text;
    text = text.replace(WRAPPERS, '$1');
    text = text.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, top: string, bottom: string) => `${group(top)}/${group(bottom)}`);
    text = text.replace(/\\sqrt\s*\{([^{}]*)\}/g, '√($1)');
    text = text.replace(/([_^])\{([^{}]*)\}/g, (_, mark: string, inner: string) => `${mark}${inner.length === 1 ? inner : `(${inner})`}`);
    if (text === before) text = text.replace(/\{([^{}]*)\}/, '$1');
    if (text === before) break;
  }
  text = text.replace(/\\([a-zA-Z]+|[|%$#&_{}])/g, (_, name: string) => {
    const symbol = SYMBOLS[name];
    return symbol === undefined ? ' ' : /^[a-z]/i.test(symbol) ? ` ${symbol}` : symbol;
  });
  return text.replace(/\s+/g, ' ').replace(/\s*([,;)\]])/g, '$1').replace(/([([])\s*/g, '$1').trim();
}

function group(text: string): string {
  const trimmed = text.trim();
  return /^[\w.]+$/.test(trimmed) ? trimmed : `(${trimmed})`;
}
