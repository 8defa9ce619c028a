/**
 * Alternative answers (DeepSeek / GPT / Gemini …) as tabs, following the WAI-ARIA tabs pattern:
 * arrow keys, Home and End move between tabs. The tab markup is built with the page (shown only
 * with JavaScript); this wires it up. Without JavaScript every variant shows, one after another,
 * each under its source label; print shows them all the same way.
 */
interface TabGroup {
  panels: HTMLElement[];
  select: (index: number, focus: boolean) => void;
}

function wire(group: HTMLElement): TabGroup | undefined {
  const tablist = group.querySelector<HTMLElement>(':scope > [role="tablist"]');
  if (!tablist) return undefined;
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const panels = tabs
    .map((tab) => document.getElementById(tab.getAttribute('aria-controls') ?? ''))
    .filter((panel): panel is HTMLElement => panel !== null);
  if (panels.length !== tabs.length) return undefined;

  const select = (index: number, focus: boolean): void => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i]?.toggleAttribute('hidden', i !== index);
    });
    if (focus) tabs[index]?.focus();
  };
  tablist.addEventListener('click', (event) => {
    const index = tabs.indexOf((event.target as Element).closest<HTMLButtonElement>('[role="tab"]') as HTMLButtonElement);
    if (index !== -1) select(index, false);
  });
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
    const last = tabs.length - 1;
    const target = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[
      event.key
    ];
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  });
  group.classList.add('is-tabbed');
  select(0, false);
  return { panels, select };
}

export function initVariantTabs(root: ParentNode = document): void {
  const groups = [...root.querySelectorAll<HTMLElement>('.variants:not(.is-tabbed)')]
    .map(wire)
    .filter((group): group is TabGroup => group !== undefined);
  // A link to something inside another answer variant (a permalink or a search result) opens its tab.
  const showTarget = (): void => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) return;
    for (const { panels, select } of groups) {
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
