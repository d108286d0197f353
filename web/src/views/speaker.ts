import { getJson, type LibraryEntity, type Paged, type StatementHit } from '../api.js';
import { errorBox, h, loading, route, replace } from '../dom.js';
import { quoteText } from '../reader.js';
import { timelineChart, whenSaid } from '../timeline-chart.js';

type Timeline = Paged<StatementHit> & { readonly entity: LibraryEntity };

const REASONS: Readonly<Record<string, string>> = {
  'same-name': 'the same name',
  surname: 'the surname alone, after the full name',
  transliteration: 'a transliteration variant of the name',
  'known-alias': 'a known alias',
  coreference: 'a pronoun or description referring back to the name',
  'user-alias': 'an alias a user added',
  title: 'a title or role naming the person',
};

/** A speaker: statements over time (chart and list), aliases and why they were merged, who relays them most. */
export async function speakerView(main: HTMLElement, name: string, signal: AbortSignal): Promise<void> {
  replace(main, loading('the speaker'));
  let timeline: Timeline;
  try {
    timeline = await getJson<Timeline>(`/api/timeline/${encodeURIComponent(name)}`, { limit: 500 }, signal);
  } catch (error) {
    if (!signal.aborted) replace(main, h('h1', {}, name), errorBox(error));
    return;
  }
  const entity = timeline.entity;
  const most = Math.max(1, ...entity.relays.map((relay) => relay.count));
  replace(main, 
    h('h1', {}, entity.name),
    h('p', { class: 'meta' }, `${entity.type} · ${entity.statementCount} statement${entity.statementCount === 1 ? '' : 's'} · entity ${entity.id}`),
    h('section', { class: 'card' }, h('h2', {}, 'Statements over time'), h('div', { class: 'chart-box' }, timelineChart(timeline.items)), h('p', { class: 'hint' }, 'Rows are stances; each dot is a statement (filled: direct, ringed: partial, hollow: indirect). Select a dot to read it in its article.')),
    h(
      'div',
      { class: 'columns' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Aliases'),
        h('ul', { class: 'aliases' }, entity.aliases.map((alias) => h('li', {}, alias))),
        entity.why.length === 0 ? null : h('h3', {}, 'Why they were merged'),
        h('ul', { class: 'why' }, entity.why.map((reason) => h('li', {}, h('q', {}, reason.alias), ` — ${REASONS[reason.reason] ?? reason.reason}`, reason.evidence === undefined ? null : h('span', { class: 'muted' }, ` (evidence: “${reason.evidence.text}”)`)))),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Who relays this speaker most'),
        entity.relays.length === 0
          ? h('p', { class: 'muted' }, 'No relays recorded.')
          : h('ol', { class: 'relays' }, entity.relays.map((relay) => h('li', {}, h('span', { class: 'relay-name' }, relay.name), h('meter', { min: 0, max: most, value: relay.count, 'aria-label': `${relay.count} statements` }), h('span', { class: 'count' }, String(relay.count))))),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `Every statement (${timeline.total})`),
      h(
        'ol',
        { class: 'timeline-list' },
        timeline.items.map((hit) =>
          h(
            'li',
            {},
            h('time', {}, whenSaid(hit) ?? 'undated'),
            h('span', { class: 'badge' }, hit.statement.kind),
            hit.statement.cue === null ? null : h('span', { class: `badge stance-${hit.statement.cue.stance}` }, hit.statement.cue.stance),
            h('a', { href: route('article', hit.articleId, hit.statement.id) }, quoteText(hit.statement)),
            h('span', { class: 'muted' }, ` — ${hit.outlet ?? 'unknown outlet'}`),
            hit.clusterId === null ? null : [' · ', h('a', { href: route('cluster', hit.clusterId) }, 'all reports')],
          ),
        ),
      ),
      timeline.total > timeline.items.length ? h('p', { class: 'muted' }, `Showing the first ${timeline.items.length}.`) : null,
    ),
  );
}
