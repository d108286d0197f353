import type { Span } from '../../src/model/span.js';
import type { Analysis, Statement } from '../../src/model/types.js';
import { chainGraph, chainOf } from './chain.js';
import { day, h, replace, route, type Child } from './dom.js';
import { speakerColors, speakerKey } from './speakers.js';

export interface ReaderOptions {
  readonly analysis: Analysis;
  /** The publishing outlet, the last link of every relay chain. */
  readonly outlet: string | null;
  /** Statement to select and scroll to once shown. */
  readonly focus?: string;
  /** Whether speaker names link to speaker pages (only for stored articles). */
  readonly linkSpeakers: boolean;
}

type Role = 'content' | 'cue' | 'source' | 'relay';

interface Layer {
  readonly start: number;
  readonly end: number;
  readonly role: Role;
  readonly statement: Statement;
}

/** Statements in reading order: by the start of their first content piece (cue, then source, when none). */
export function readingOrder(statements: readonly Statement[]): Statement[] {
  const anchor = (statement: Statement): number => statement.content[0]?.start ?? statement.cue?.start ?? statement.source?.start ?? 0;
  return [...statements].sort((a, b) => anchor(a) - anchor(b));
}

/**
 * Slices the text at every span boundary into text nodes and <mark>/<span> elements (textContent only): each
 * segment is marked with the innermost statement whose content covers it, plus cue/source classes.
 */
export function highlightText(text: string, statements: readonly Statement[], colors: ReadonlyMap<string, number>): HTMLElement {
  const layers: Layer[] = [];
  const valid = (span: Span | null): span is Span => span !== null && span.start >= 0 && span.end <= text.length && span.start < span.end;
  for (const statement of statements) {
    for (const piece of statement.content) if (valid(piece)) layers.push({ start: piece.start, end: piece.end, role: 'content', statement });
    const { cue, source } = statement;
    if (valid(cue)) layers.push({ start: cue.start, end: cue.end, role: 'cue', statement });
    if (valid(source)) layers.push({ start: source.start, end: source.end, role: 'source', statement });
    for (const relay of statement.via) if (valid(relay)) layers.push({ start: relay.start, end: relay.end, role: 'relay', statement });
  }
  const boundaries = [...new Set([0, text.length, ...layers.flatMap((layer) => [layer.start, layer.end])])].sort((a, b) => a - b);
  const container = h('div', { class: 'article-text' });
  const focusable = new Set<string>();
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const start = boundaries[index]!;
    const end = boundaries[index + 1]!;
    const slice = text.slice(start, end);
    const covering = layers.filter((layer) => layer.start <= start && end <= layer.end);
    if (covering.length === 0) {
      container.append(document.createTextNode(slice));
      continue;
    }
    const contents = covering.filter((layer) => layer.role === 'content').sort((a, b) => a.end - a.start - (b.end - b.start));
    const cue = covering.find((layer) => layer.role === 'cue');
    const source = covering.find((layer) => layer.role === 'source');
    const relay = covering.find((layer) => layer.role === 'relay');
    const owner = contents[0]?.statement ?? cue?.statement ?? source?.statement ?? relay?.statement;
    if (owner === undefined) continue;
    const classes = [contents.length > 0 ? 'content' : 'attribution', cue === undefined ? '' : 'cue', source === undefined ? '' : 'source', relay === undefined ? '' : 'relay', `sp-${colors.get(speakerKey(owner)) ?? 0}`].filter((name) => name !== '');
    const element = h(contents.length > 0 ? 'mark' : 'span', {
      class: classes.join(' '),
      'data-statement': owner.id,
      'data-statements': [...new Set(covering.map((layer) => layer.statement.id))].join(' '),
    });
    element.textContent = slice;
    // One tab stop per statement: the first piece of its content (or its cue when it has no content).
    if (!focusable.has(owner.id) && (contents.length > 0 || owner.content.length === 0)) {
      focusable.add(owner.id);
      element.tabIndex = 0;
      element.id = `st-${owner.id}`;
    }
    container.append(element);
  }
  return container;
}

/** The reader: highlighted text, a legend, the statement list in reading order, and details of the selected one. */
export function reader(options: ReaderOptions): HTMLElement {
  const { analysis } = options;
  const statements = readingOrder(analysis.statements);
  const colors = speakerColors(statements);
  const text = highlightText(analysis.document.text, statements, colors);
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const popover = h('div', { class: 'popover', role: 'tooltip', id: 'statement-popover', hidden: true });
  const details = h('section', { class: 'details', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Select a statement (click, or Tab to it and press Enter) to see its relay chain.'));
  const list = h(
    'ol',
    { class: 'statement-list' },
    statements.map((statement) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'statement-item', 'data-for': statement.id, onclick: () => select(statement.id, true) },
          h('span', { class: `swatch sp-${colors.get(speakerKey(statement)) ?? 0}`, 'aria-hidden': 'true' }),
          h('strong', {}, speakerName(statement)),
          ' ',
          h('span', { class: 'badge' }, statement.kind),
          statement.cue === null ? null : h('span', { class: `badge stance-${statement.cue.stance}` }, statement.cue.stance),
          h('span', { class: 'quote' }, quoteText(statement)),
        ),
      ),
    ),
  );

  function select(id: string, scroll: boolean): void {
    const statement = byId.get(id);
    if (statement === undefined) return;
    for (const element of text.querySelectorAll('.selected')) element.classList.remove('selected');
    for (const element of text.querySelectorAll(`[data-statement="${CSS.escape(id)}"]`)) element.classList.add('selected');
    for (const button of list.querySelectorAll('[aria-current]')) button.removeAttribute('aria-current');
    list.querySelector(`[data-for="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'true');
    replace(details, statementDetails(statement, options));
    if (scroll) {
      const target = text.querySelector<HTMLElement>(`#st-${CSS.escape(id)}`) ?? text.querySelector<HTMLElement>(`[data-statements~="${CSS.escape(id)}"]`);
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      target?.focus({ preventScroll: true });
    }
  }

  function showPopover(target: HTMLElement): void {
    const statement = byId.get(target.dataset['statement'] ?? '');
    if (statement === undefined) return;
    replace(popover, popoverContent(statement, options.outlet));
    popover.hidden = false;
    const box = target.getBoundingClientRect();
    const frame = text.getBoundingClientRect();
    popover.style.left = `${Math.max(0, Math.min(box.left - frame.left, frame.width - 300))}px`;
    popover.style.top = `${box.bottom - frame.top + 6}px`;
    target.setAttribute('aria-describedby', 'statement-popover');
  }
  const hidePopover = (event: Event): void => {
    popover.hidden = true;
    (event.target as HTMLElement | null)?.removeAttribute('aria-describedby');
  };
  const markOf = (event: Event): HTMLElement | null => (event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-statement]') : null);
  text.addEventListener('mouseover', (event) => {
    const mark = markOf(event);
    if (mark !== null) showPopover(mark);
  });
  text.addEventListener('mouseout', hidePopover);
  text.addEventListener('focusin', (event) => {
    const mark = markOf(event);
    if (mark !== null) showPopover(mark);
  });
  text.addEventListener('focusout', hidePopover);
  text.addEventListener('click', (event) => {
    const mark = markOf(event);
    if (mark !== null) select(mark.dataset['statement'] ?? '', false);
  });
  text.addEventListener('keydown', (event) => {
    const mark = markOf(event);
    if (mark === null) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(mark.dataset['statement'] ?? '', false);
    } else if (event.key === 'Escape') {
      popover.hidden = true;
    }
  });

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Speakers' },
    [...colors.entries()].map(([key, color]) => {
      const statement = statements.find((candidate) => speakerKey(candidate) === key);
      return h('li', {}, h('span', { class: `swatch sp-${color}`, 'aria-hidden': 'true' }), statement === undefined ? key : speakerName(statement));
    }),
  );
  const view = h(
    'div',
    { class: 'reader' },
    h('div', { class: 'reader-text' }, h('div', { class: 'text-frame' }, text, popover)),
    h('aside', { class: 'reader-side', 'aria-label': 'Statements' }, h('h2', {}, `Statements (${statements.length})`), legend, markKey(), details, list),
  );
  if (options.focus !== undefined) queueMicrotask(() => select(options.focus ?? '', true));
  return view;
}

export function speakerName(statement: Statement): string {
  return statement.speaker?.name ?? statement.source?.text ?? 'unknown speaker';
}

export function quoteText(statement: Statement): string {
  return statement.content.map((piece) => piece.text).join(' … ');
}

function popoverContent(statement: Statement, outlet: string | null): Child[] {
  const chain = chainOf(statement, outlet).map((node) => node.name).join(' → ');
  const said = statement.time?.said;
  return [
    h('strong', {}, speakerName(statement)),
    statement.source !== null && statement.source.text !== speakerName(statement) ? h('span', { class: 'muted' }, ` (as written: “${statement.source.text}”)`) : null,
    h('br'),
    `${statement.kind}${statement.cue === null ? '' : ` · ${statement.cue.stance} (“${statement.cue.text}”)`}`,
    h('br'),
    `said: ${said === undefined ? 'not given' : `${said.text}${said.value === null ? '' : ` = ${said.value}`}`} · reported: ${day(statement.time?.reported)}`,
    h('br'),
    `chain: ${chain}`,
  ];
}

function statementDetails(statement: Statement, options: ReaderOptions): Child[] {
  const name = speakerName(statement);
  const nodes = chainOf(statement, options.outlet);
  const said = statement.time?.said;
  return [
    h('h3', {}, 'Selected statement'),
    h('blockquote', {}, quoteText(statement)),
    h(
      'dl',
      {},
      h('dt', {}, 'Speaker'),
      h('dd', {}, options.linkSpeakers && statement.speaker !== null ? h('a', { href: route('speaker', name) }, name) : name, statement.source === null ? null : h('span', { class: 'muted' }, ` (written “${statement.source.text}”)`)),
      h('dt', {}, 'Kind'),
      h('dd', {}, statement.kind),
      h('dt', {}, 'Cue'),
      h('dd', {}, statement.cue === null ? 'none' : `“${statement.cue.text}” — ${statement.cue.stance}`),
      h('dt', {}, 'When said'),
      h('dd', {}, said === undefined ? 'not given' : `${said.text}${said.value === null ? '' : ` (${said.value})`}`),
      h('dt', {}, 'Reported'),
      h('dd', {}, day(statement.time?.reported)),
      statement.within === undefined ? null : [h('dt', {}, 'Within'), h('dd', {}, `statement ${statement.within}`)],
    ),
    h('h4', {}, 'Relay chain'),
    h('div', { class: 'chain-box' }, chainGraph(nodes, `Relay chain: ${nodes.map((node) => node.name).join(' to ')}`)),
  ];
}

/** What the marks in the text mean. */
function markKey(): HTMLElement {
  return h(
    'p',
    { class: 'key hint' },
    h('mark', { class: 'key-content' }, 'what was said'),
    ' · ',
    h('span', { class: 'key-source' }, 'who'),
    ' · ',
    h('span', { class: 'key-cue' }, 'cue'),
    ' · ',
    h('span', { class: 'key-relay' }, 'relay'),
  );
}
