/**
 * A display formula wider than the column scrolls sideways (question.css). Keyboard readers must
 * be able to reach it to scroll it, so each one that overflows at the current width is a tab stop;
 * the others are not (a tab stop per formula would be a long way through a page). Checked again as
 * formulas are drawn (content-visibility) or the window changes width, which resize them, and as
 * the math fonts arrive, which widen what is inside them.
 */
export function initScrollableFormulas(root: ParentNode = document): void {
  const formulas = [...root.querySelectorAll<HTMLElement>('.katex-display')];
  if (formulas.length === 0) return;
  const check = (formula: HTMLElement): void => {
    if (formula.scrollWidth > formula.clientWidth) formula.tabIndex = 0;
    else formula.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) if (target instanceof HTMLElement) check(target);
  });
  for (const formula of formulas) observer.observe(formula);
  document.fonts.addEventListener('loadingdone', () => formulas.forEach(check));
}
