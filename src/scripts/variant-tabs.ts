/**
 * Alternative answers (DeepSeek / GPT / Gemini …) become tabs following the WAI-ARIA tabs
 * pattern: arrow keys, Home and End move between tabs. Without JavaScript every variant shows,
 * one after another, each under its source label; print shows them all the same way.
 */
let groupCount = 0;
const selectors: { panels: HTMLElement[]; select: (index: number, focus: boolean) => void }[] = [];

export function initVariantTabs(root: ParentNode = document): void {
  for (const group of root.querySelectorAll<HTMLElement>('.variants:not(.is-tabbed)')) {
    const panels = [...group.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.classList.contains('variant'));
    if (panels.length < 2) continue;
    groupCount += 1;
    const tablist = document.createElement('div');
    tablist.className = 'variant-tabs';
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-label', 'Answer sources');

    const tabs = panels.map((panel, index) => {
      const tab = document.createElement('button');
      const id = `variant-${groupCount}-${index}`;
      tab.type = 'button';
      tab.className = 'variant-tab';
      tab.id = `${id}-tab`;
      tab.textContent = panel.dataset.source ?? `Answer ${index + 1}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', `${id}-panel`);
      panel.id = `${id}-panel`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      tablist.append(tab);
      return tab;
    });

    const select = (index: number, focus: boolean): void => {
      tabs.forEach((tab, i) => {
        const selected = i === index;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        panels[i]?.toggleAttribute('hidden', !selected);
      });
      if (focus) tabs[index]?.focus();
    };

    tablist.addEventListener('click', (event) => {
      const index = tabs.indexOf((event.target as Element).closest('button') as HTMLButtonElement);
      if (index !== -1) select(index, false);
    });
    tablist.addEventListener('keydown', (event) => {
      const current = tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
      const last = tabs.length - 1;
      const target = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      select(target, true);
    });

    group.prepend(tablist);
    group.classList.add('is-tabbed');
    select(0, false);
    selectors.push({ panels, select });
  }
  // A link to a part inside another answer variant (a permalink or a search result) opens that tab.
  const showTarget = (): void => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) return;
    for (const { panels, select } of selectors) {
      const index = panels.findIndex((panel) => panel.contains(target));
      if (index !== -1 && panels[index]?.hidden) {
        select(index, false);
        target.scrollIntoView();
      }
    }
  };
  showTarget();
  window.addEventListener('hashchange', showTarget);
}
