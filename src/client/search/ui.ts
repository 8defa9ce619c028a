/**
 * The search panel: a query box, filters with counts and results at question granularity.
 * Used in the header's dialog (opened with /, Ctrl/⌘+K or a click) and on the /search/ page.
 * Loaded only when search is opened; Pagefind itself loads on the first query.
 *
 * On a course's pages it searches that course (its index alone loads) until the reader widens it
 * to all courses; the search page searches them all.
 */
import { NO_INDEX_IN_DEV, SEARCHING_LAST_BUILD } from '../../lib/dev/last-build.ts';
import { FILTERS, FILTER_VALUES } from '../../lib/search/documents.ts';
import {
  activeFilters,
  listedFilterValues,
  moreResultsStatus,
  rankPartialMatches,
  searchStatus,
  type FilterCounts,
  type FilterName,
} from '../../lib/search/panel.ts';
import { words } from '../browser.ts';
import { searchResultAfter } from '../keys.ts';
import { indexFor } from '../../lib/search/indexes.ts';
import { containsQuery, queryTerms, significantTerms, toQuestionHit, type QuestionHit } from '../../lib/search/results.ts';
import type { ResultLike } from '../../lib/search/results.ts';
import { loadCourseList, loadPagefind, loadVocabularies, preloadPagefind, type PagefindSearch } from './pagefind.ts';
import type { CourseId } from '../../lib/content/paths.ts';

const LISTED_FILTERS: FilterName[] = ['course', 'section', 'year', 'answer'];
/** Results fetched at a time: each costs a small download (its text fragment); more load on request. */
const PAGE_SIZE = 10;

/**
 * The records of some results. Offline, a result whose course is not saved has no record to load:
 * it is left out, and counted, so the reader can be told.
 */
async function loadRecords(results: PagefindSearch['results']): Promise<{ records: ResultLike[]; unavailable: number }> {
  const settled = await Promise.allSettled(results.map((result) => result.data()));
  const records = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  return { records, unavailable: settled.length - records.length };
}

/** The course whose pages the search was opened on, with the title the scope choice names it by. */
export interface SearchCourse {
  id: CourseId;
  title: string;
}

export interface SearchPanel {
  element: HTMLElement;
  input: HTMLInputElement;
  run: (query: string) => Promise<void>;
}

/** An element with its attributes and text; Chinese in the text is marked lang="zh". */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.append(...words(text));
  return node;
}

export function createSearchPanel(
  options: { onQueryChange?: (query: string) => void; course?: SearchCourse | undefined } = {},
): SearchPanel {
  const panel = element('div', { class: 'search-panel' });
  const form = element('form', { class: 'search-bar', role: 'search' });
  // On a course's pages: that course, or all of them.
  let wholeSite = options.course === undefined;
  const scope = options.course && element('fieldset', { class: 'search-scope' });
  if (scope && options.course) {
    scope.append(element('legend', { class: 'visually-hidden' }, 'Search in'));
    for (const [value, text] of [
      ['course', options.course.title],
      ['site', 'All courses'],
    ] as const) {
      const option = element('label', { class: 'search-scope-option' });
      const radio = element('input', { type: 'radio', name: 'search-scope', value });
      radio.checked = value === 'course';
      radio.addEventListener('change', () => {
        wholeSite = value === 'site';
        void run(input.value);
      });
      option.append(radio, ' ', ...words(text));
      scope.append(option);
    }
  }
  const scopeCourses = async (): Promise<CourseId[]> => (wholeSite || !options.course ? loadCourseList() : [options.course.id]);
  const label = element('label', { class: 'visually-hidden', for: 'search-input' }, 'Search the notes');
  const input = element('input', {
    id: 'search-input',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Search questions and answers — English or 中文',
    'aria-describedby': 'search-status',
  });
  form.append(label, input);
  const layout = element('div', { class: 'search-layout' });
  // Filters load on request: their data is a download of its own, not needed for a first search.
  const filterBox = element('details', { class: 'search-filters' });
  filterBox.append(element('summary', {}, 'Filters'));
  const filters = element('div', { class: 'search-filter-list', role: 'group', 'aria-label': 'Filters' });
  filterBox.append(filters);
  const resultsArea = element('div', { class: 'search-results-area' });
  const status = element('p', { id: 'search-status', class: 'search-status', role: 'status' });
  const list = element('ol', { class: 'search-results', 'aria-label': 'Results' });
  const more = element('button', { type: 'button', class: 'button search-more', hidden: '' }, 'More results');
  resultsArea.append(status, list, more);
  layout.append(filterBox, resultsArea);
  panel.append(form, ...(scope ? [scope] : []), layout);
  // npm run dev makes no index: it serves the last build's, if there is one (lib/dev/last-build.ts).
  const devIndex = import.meta.env.DEV
    ? preloadPagefind().then(
        () => true,
        () => false,
      )
    : undefined;
  void devIndex?.then((found) => found && resultsArea.prepend(element('p', { class: 'search-dev-note' }, SEARCHING_LAST_BUILD)));

  /** The status line; it may quote the query, so its Chinese is marked too. */
  const say = (text: string): void => status.replaceChildren(...words(text));

  const chosen = new Map<FilterName, Set<string>>();
  let hideNotExamined = false;
  let latest = 0;
  let filtersLoaded = false;

  const renderFilters = (counts: FilterCounts, totals: FilterCounts): void => {
    filters.replaceChildren();
    const examinable = element('label', { class: 'filter-toggle' });
    const toggle = element('input', { type: 'checkbox' });
    toggle.checked = hideNotExamined;
    toggle.addEventListener('change', () => {
      hideNotExamined = toggle.checked;
      void run(input.value);
    });
    examinable.append(toggle, ` Hide not examined (${counts.examinable?.[FILTER_VALUES.examinable] ?? 0})`);
    filters.append(examinable);
    for (const name of LISTED_FILTERS) {
      const values = listedFilterValues(name, totals, chosen.get(name)?.size ?? 0);
      if (values.length === 0) continue;
      const fieldset = element('fieldset', { class: 'filter-group' });
      fieldset.append(element('legend', {}, FILTERS[name]));
      for (const value of values) {
        const option = element('label', { class: 'filter-option' });
        const box = element('input', { type: 'checkbox', value });
        box.checked = chosen.get(name)?.has(value) ?? false;
        box.addEventListener('change', () => {
          const set = chosen.get(name) ?? new Set<string>();
          if (box.checked) set.add(value);
          else set.delete(value);
          chosen.set(name, set);
          void run(input.value);
        });
        option.append(box, ' ', ...words(value), ' ', element('span', { class: 'filter-count' }, `(${counts[name]?.[value] ?? 0})`));
        fieldset.append(option);
      }
      filters.append(fieldset);
    }
  };

  const renderHits = (hits: QuestionHit[], append = false): void => {
    (append ? list.append.bind(list) : list.replaceChildren.bind(list))(
      ...hits.map((hit) => {
        const item = element('li', { class: 'search-result' });
        const link = element('a', { href: hit.href, class: 'search-result-link' });
        const title = element('span', { class: 'search-result-title' }, hit.title);
        const context = element('span', { class: 'search-result-context' }, hit.context);
        const excerpt = element('span', { class: 'search-result-excerpt' });
        excerpt.append(...hit.excerpt.map((piece) => (piece.mark ? element('mark', {}, piece.text) : words(piece.text))).flat());
        link.append(title, context, excerpt);
        item.append(link);
        return item;
      }),
    );
  };

  async function run(query: string): Promise<void> {
    const ticket = ++latest;
    const trimmed = query.trim();
    options.onQueryChange?.(trimmed);
    if (devIndex && !(await devIndex)) {
      status.textContent = NO_INDEX_IN_DEV;
      return;
    }
    const filtersNow = activeFilters(chosen, hideNotExamined);
    if (trimmed === '' && Object.keys(filtersNow).length === 0) {
      say('Type a topic, a term or a question: “mode collapse”, “过拟合”, “padding”.');
      list.replaceChildren();
      more.hidden = true;
      // Start fetching Pagefind while the reader types; filters and their counts come with results.
      void preloadPagefind();
      return;
    }
    say('Searching…');
    const courses = await scopeCourses();
    let unavailable = 0;
    const searchFor = async (words: string) => {
      // Each search goes to the smallest index that has all its words.
      const pagefind = await loadPagefind(indexFor(words), courses);
      unavailable += pagefind.unavailable.length;
      // Pagefind counts filter values only once it has the index's filter lists, fetched when the filters are opened.
      if (filtersLoaded) await pagefind.filters();
      const search = await pagefind.search(words === '' ? null : words, { filters: filtersNow });
      const loaded = await loadRecords(search.results.slice(0, PAGE_SIZE));
      unavailable += loaded.unavailable;
      return { search, data: loaded.records.filter((result) => containsQuery(result.content, words)) };
    };
    let corrected = trimmed;
    let { search, data } = await searchFor(trimmed);
    if (data.length === 0) {
      // Nothing has every word as typed: try the words corrected against the notes' vocabulary
      // (fetched only now, with the code that corrects, so a typical search downloads neither).
      const [{ correctQuery, mergeVocabularies }, vocabularies] = await Promise.all([
        import('../../lib/search/typos.ts'),
        loadVocabularies(wholeSite ? 'all' : courses),
      ]);
      corrected = correctQuery(trimmed, mergeVocabularies(vocabularies));
      if (corrected !== trimmed) ({ search, data } = await searchFor(corrected));
    }
    const terms = significantTerms(queryTerms(corrected));
    // No question has every word: show those with most of them rather than nothing.
    const partial = data.length === 0 && terms.length > 1;
    if (partial) {
      const perTerm = await Promise.all(terms.map(searchFor));
      data = rankPartialMatches(perTerm.map((term) => term.data));
      search = perTerm.reduce((most, term) => (term.data.length > most.data.length ? term : most)).search;
    }
    if (ticket !== latest) return;
    const hits = data
      .map((result) => toQuestionHit(result, corrected, hideNotExamined))
      .filter((hit): hit is QuestionHit => hit !== undefined);
    if (filtersLoaded) renderFilters(search.filters, search.totalFilters);
    renderHits(hits);
    // Further results load on request: each one is a download of its own.
    let remaining = partial ? [] : search.results.slice(PAGE_SIZE);
    let shown = hits.length;
    more.hidden = remaining.length === 0;
    more.onclick = async () => {
      const batch = remaining.slice(0, PAGE_SIZE);
      remaining = remaining.slice(PAGE_SIZE);
      const loaded = await loadRecords(batch);
      const next = loaded.records.filter((result) => containsQuery(result.content, corrected));
      const nextHits = next
        .map((result) => toQuestionHit(result, corrected, hideNotExamined))
        .filter((hit): hit is QuestionHit => hit !== undefined);
      const firstNew = list.children.length;
      renderHits(nextHits, true);
      shown += nextHits.length;
      more.hidden = remaining.length === 0;
      say(moreResultsStatus(shown, remaining.length > 0, loaded.unavailable));
      list.children[firstNew]?.querySelector('a')?.focus();
    };
    say(searchStatus({ query: trimmed, searched: corrected, hits: hits.length, partial, more: remaining.length > 0, unavailable }));
  }

  filterBox.addEventListener('toggle', async () => {
    if (!filterBox.open || filtersLoaded) return;
    filtersLoaded = true;
    filters.textContent = 'Loading filters…';
    // With a query, its search brings the counts; without, the counts are the whole index's
    // (the Latin one has every question, as the full one does).
    if (input.value.trim() === '') {
      const all = await (await loadPagefind('latin', await scopeCourses())).filters();
      renderFilters(all, all);
    } else await run(input.value);
  });

  let debounce: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => void run(input.value), 120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector<HTMLAnchorElement>('a')?.focus();
  });
  // Arrow keys move between the query and the results; Enter on a result opens it.
  panel.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (links.length === 0 || (document.activeElement !== input && current === -1)) return;
    const next = searchResultAfter(event.key, current, links.length);
    if (next === undefined) return;
    event.preventDefault();
    if (next === 'query') input.focus();
    else links[next]?.focus();
  });

  return { element: panel, input, run };
}
