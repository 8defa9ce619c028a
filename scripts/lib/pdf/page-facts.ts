/**
 * What a page about to be printed draws, read inside the browser (print media applied): the
 * characters of its text, the math characters per KaTeX font face (with the URL of the font file
 * that face loads), and its headings with their bookmark titles. `collectPrintFacts` runs in the
 * page (page.evaluate), so it uses nothing from outside its own body.
 */
import type { PrintedHeading } from '../../../src/lib/print/outline.ts';

export interface MathCharacters {
  /** The face's family as the page asks for it: "KaTeX_Main". */
  family: string;
  /** URL of the woff2 file of the @font-face that draws these characters, when there is one. */
  fontUrl: string | undefined;
  characters: string;
}

export interface PrintFacts {
  /** Every distinct character drawn outside formulas, with the running header's (the page's title). */
  characters: string;
  math: MathCharacters[];
  headings: PrintedHeading[];
}

export function collectPrintFacts(): PrintFacts {
  const drawn = (element: Element): boolean =>
    element.checkVisibility({ visibilityProperty: true }) && element.closest('.katex-mathml, .visually-hidden') === null;

  // @font-face rules by family: KaTeX's faces, to tell which file draws a formula's characters.
  const faces: { family: string; weight: number; italic: boolean; url: string | undefined }[] = [];
  const weightOf = (value: string): number => (value === 'bold' ? 700 : value === 'normal' || value === '' ? 400 : Number(value) || 400);
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
      const source = /url\(["']?([^"')]+)["']?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      faces.push({
        family,
        weight: weightOf(rule.style.getPropertyValue('font-weight')),
        italic: /italic|oblique/.test(rule.style.getPropertyValue('font-style')),
        url: source ? new URL(source, sheet.href ?? document.baseURI).href : undefined,
      });
    }
  }
  const faceFor = (style: CSSStyleDeclaration): { family: string; url: string | undefined } => {
    const family = style.fontFamily.split(',')[0]!.replace(/["']/g, '').trim();
    const italic = /italic|oblique/.test(style.fontStyle);
    const weight = weightOf(style.fontWeight);
    const candidates = faces.filter((face) => face.family === family);
    const best = candidates
      .filter((face) => face.italic === italic || candidates.every((other) => other.italic !== italic))
      .sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0];
    return { family, url: best?.url };
  };

  const text = new Set<string>([...document.title]);
  const math = new Map<string, { family: string; fontUrl: string | undefined; characters: Set<string> }>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const value = node.nodeValue ?? '';
    if (!parent || value.trim() === '' || !drawn(parent)) continue;
    if (parent.closest('.katex-html')) {
      const face = faceFor(getComputedStyle(parent));
      const key = `${face.family} ${face.url ?? ''}`;
      const entry = math.get(key) ?? { family: face.family, fontUrl: face.url, characters: new Set<string>() };
      for (const character of value) entry.characters.add(character);
      math.set(key, entry);
    } else for (const character of value) text.add(character);
  }
  // Generated content prints too ("Not examined: ", list markers).
  for (const element of document.body.querySelectorAll('*')) {
    if (!drawn(element)) continue;
    for (const pseudo of ['::before', '::after', '::marker']) {
      const content = getComputedStyle(element, pseudo).content;
      if (content.startsWith('"')) for (const character of content.slice(1, -1)) text.add(character);
    }
  }

  /** A heading's title as the page states it: formulas as written, no badges, no hidden text. */
  const titleOf = (heading: Element): string => {
    const copy = heading.cloneNode(true) as Element;
    for (const formula of copy.querySelectorAll('.katex'))
      formula.replaceWith(formula.querySelector('annotation')?.textContent ?? formula.textContent ?? '');
    for (const extra of copy.querySelectorAll('.permalink, .exam-badge, .badge-no-answer, .rating-badge, .visually-hidden')) extra.remove();
    const words = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A question's heading is a row of pieces (number, title, paper or section): keep them apart.
    if (heading.matches('.question-header h2')) return [...copy.children].map(words).filter(Boolean).join(' · ');
    return words(copy);
  };
  // Formulas are left out: Chromium may or may not count them in a bookmark's text.
  const drawnText = (heading: Element): string => {
    let result = '';
    const inside = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = inside.nextNode(); node; node = inside.nextNode())
      if (node.parentElement && drawn(node.parentElement) && !node.parentElement.closest('.katex')) result += node.nodeValue ?? '';
    return result;
  };
  const headings = [...document.body.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(drawn)
    .map((heading) => ({ level: Number(heading.tagName.slice(1)), title: titleOf(heading), drawn: drawnText(heading) }));

  return {
    characters: [...text].join(''),
    math: [...math.values()].map((entry) => ({ family: entry.family, fontUrl: entry.fontUrl, characters: [...entry.characters].join('') })),
    headings,
  };
}
