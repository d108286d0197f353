import { getJson, type LibraryEntity, type Paged, type StatementHit, type StoredArticle } from '../api.js';
import { day, debounce, errorBox, h, route, type Child } from '../dom.js';
import { quoteText, speakerName } from '../reader.js';

const STANCES = ['neutral', 'emphatic', 'distancing', 'admission', 'denial', 'warning', 'revelation', 'argument', 'question', 'belief', 'evidential'];
const KINDS = ['direct', 'partial', 'indirect'];
const FIELDS = ['q', 'speaker', 'outlet', 'from', 'to', 'stance', 'kind'] as const;
const PAGE = 20;

/** Search: a query box and facets; results update as you type (debounced, earlier requests cancelled). */
export function searchView(main: HTMLElement, parameters: URLSearchParams, signal: AbortSignal): void {
  const input = (name: string, attributes: Record<string, string>): HTMLInputElement => h('input', { name, id: `f-${name}`, value: parameters.get(name) ?? '', ...attributes });
  const select = (name: string, values: readonly string[], empty: string): HTMLSelectElement => {
    const element = h('select', { name, id: `f-${name}` }, h('option', { value: '' }, empty), values.map((value) => h('option', { value }, value)));
    element.value = parameters.get(name) ?? '';
    return element;
  };
  const query = input('q', { type: 'search', placeholder: 'Words, "a phrase", -exclude, prefix*', autocomplete: 'off', 'aria-describedby': 'search-status' });
  const speaker = input('speaker', { type: 'text', list: 'speaker-names', placeholder: 'any speaker', autocomplete: 'off' });
  const outlet = select('outlet', [], 'any outlet');
  const from = input('from', { type: 'date' });
  const to = input('to', { type: 'date' });
  const stance = select('stance', STANCES, 'any stance');
  const kind = select('kind', KINDS, 'any kind');
  const speakers = h('datalist', { id: 'speaker-names' });
  const status = h('p', { id: 'search-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('ol', { class: 'results', 'aria-label': 'Statements' });
  const pager = h('div', { class: 'pager' });
  const label = (name: string, text: string, control: HTMLElement): HTMLElement => h('label', { for: `f-${name}` }, h('span', {}, text), control);
  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (event: Event) => event.preventDefault() },
    h('div', { class: 'query-row' }, label('q', 'Search statements', query)),
    h('fieldset', { class: 'facets' }, h('legend', {}, 'Filters'), label('speaker', 'Speaker', speaker), label('outlet', 'Outlet', outlet), label('from', 'From', from), label('to', 'To', to), label('stance', 'Stance', stance), label('kind', 'Kind', kind)),
    speakers,
  );
  main.replaceChildren(h('h1', {}, 'Search statements'), form, status, results, pager);

  let offset = Number(parameters.get('offset') ?? '0') || 0;
  let controller: AbortController | null = null;
  const values = (): Record<string, string> => Object.fromEntries(FIELDS.map((name) => [name, (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim()]));

  async function run(): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const current = controller;
    signal.addEventListener('abort', () => current.abort(), { once: true });
    const state = values();
    const kept = new URLSearchParams(Object.entries(state).filter(([, value]) => value !== ''));
    if (offset > 0) kept.set('offset', String(offset));
    history.replaceState(null, '', `#/search${kept.size > 0 ? `?${kept.toString()}` : ''}`);
    main.setAttribute('aria-busy', 'true');
    results.classList.add('is-loading');
    status.textContent = 'Searching…';
    try {
      const page = await getJson<Paged<StatementHit>>('/api/statements', { ...state, limit: PAGE, offset }, current.signal);
      renderResults(page, state['q'] ?? '');
    } catch (error) {
      if (current.signal.aborted) return;
      status.textContent = '';
      results.replaceChildren(h('li', {}, errorBox(error)));
      pager.replaceChildren();
    } finally {
      if (controller === current) {
        main.removeAttribute('aria-busy');
        results.classList.remove('is-loading');
      }
    }
  }

  function renderResults(page: Paged<StatementHit>, text: string): void {
    const total = `${page.total}${page.approximate === true ? '+' : ''}`;
    status.textContent = page.items.length === 0 ? 'No statements found.' : `${page.offset + 1}–${page.offset + page.items.length} of ${total} statements${page.order === 'newest' ? ' (newest first: too many matches to rank)' : ''}`;
    results.replaceChildren(...page.items.map((hit) => resultItem(hit, text)));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: page.offset === 0, onclick: () => turn(-PAGE) }, '← Previous'),
      h('button', { type: 'button', disabled: page.offset + page.items.length >= page.total, onclick: () => turn(PAGE) }, 'Next →'),
    );
  }
  function turn(delta: number): void {
    offset = Math.max(0, offset + delta);
    void run();
    main.scrollIntoView({ block: 'start' });
  }

  const typed = debounce(200, () => {
    offset = 0;
    void run();
  });
  form.addEventListener('input', typed);
  form.addEventListener('change', typed);
  void run();
  void fillFacets(outlet, speakers, parameters.get('outlet') ?? '', signal);
  if (parameters.size === 0) query.focus();
}

/** Outlet choices (from the articles) and speaker suggestions (from the entities), loaded once per visit. */
async function fillFacets(outlet: HTMLSelectElement, speakers: HTMLDataListElement, selected: string, signal: AbortSignal): Promise<void> {
  try {
    const [articles, entities] = await Promise.all([getJson<Paged<StoredArticle>>('/api/articles', { limit: 100 }, signal), getJson<Paged<LibraryEntity>>('/api/entities', { limit: 100 }, signal)]);
    const outlets = [...new Set(articles.items.map((article) => article.outlet).filter((name): name is string => name !== null))].sort();
    outlet.append(...outlets.filter((name) => name !== selected).map((name) => h('option', { value: name }, name)));
    if (selected !== '' && !outlets.includes(selected)) outlet.append(h('option', { value: selected }, selected));
    outlet.value = selected;
    speakers.replaceChildren(...entities.items.map((entity) => h('option', { value: entity.name })));
  } catch {
    // Facet suggestions are a convenience; typing still works without them.
  }
}

function resultItem(hit: StatementHit, text: string): HTMLElement {
  const statement = hit.statement;
  const name = speakerName(statement);
  const via = statement.via.map((relay) => relay.name);
  return h(
    'li',
    { class: 'hit' },
    h(
      'div',
      { class: 'hit-head' },
      statement.speaker === null ? h('strong', {}, name) : h('a', { href: route('speaker', hit.speakerEntity ?? name), class: 'speaker-link' }, name),
      via.length === 0 ? null : h('span', { class: 'muted' }, ` via ${via.join(' via ')}`),
      ' ',
      h('span', { class: 'badge' }, statement.kind),
      statement.cue === null ? null : h('span', { class: `badge stance-${statement.cue.stance}` }, statement.cue.stance),
    ),
    h('blockquote', { class: 'hit-quote' }, h('a', { href: route('article', hit.articleId, statement.id) }, quoteText(statement))),
    hit.snippet === '' ? null : h('p', { class: 'snippet' }, '… ', markTerms(hit.snippet, text), ' …'),
    h(
      'p',
      { class: 'meta' },
      h('span', {}, hit.outlet ?? 'unknown outlet'),
      ' · ',
      h('time', {}, day(hit.publishedAt)),
      hit.title === null ? null : [' · ', h('span', { class: 'title' }, hit.title)],
      hit.clusterId === null ? null : [' · ', h('a', { href: route('cluster', hit.clusterId) }, 'all reports')],
    ),
  );
}

/** The query's words marked in a plain-text snippet (text nodes and <mark> only). */
export function markTerms(snippet: string, query: string): Child[] {
  const terms = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 1 && term !== 'or');
  if (terms.length === 0) return [snippet];
  const lower = snippet.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: Child[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    if (start < position) continue;
    parts.push(snippet.slice(position, start), h('mark', { class: 'term' }, snippet.slice(start, end)));
    position = end;
  }
  parts.push(snippet.slice(position));
  return parts;
}
