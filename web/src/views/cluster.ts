import { getJson, type Paged, type StatementCluster } from '../api.js';
import { chainGraph } from '../chain.js';
import { day, errorBox, h, loading, route, replace } from '../dom.js';
import { wordDiff } from '../diff.js';

/** One utterance's reports: outlets and dates (earliest first), relay chains, and the word drift between versions. */
export async function clusterView(main: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  replace(main, loading('the cluster'));
  let cluster: StatementCluster;
  try {
    cluster = await getJson<StatementCluster>(`/api/clusters/${encodeURIComponent(id)}`, {}, signal);
  } catch (error) {
    if (!signal.aborted) replace(main, h('h1', {}, `Cluster ${id}`), errorBox(error));
    return;
  }
  const earliest = cluster.reports.find((report) => !report.copy) ?? cluster.reports[0];
  const speaker = cluster.speaker ?? 'unknown speaker';
  replace(main, 
    h('h1', {}, `What ${speaker} said, as reported ${cluster.reports.length} time${cluster.reports.length === 1 ? '' : 's'}`),
    h('p', { class: 'meta' }, cluster.speaker === null ? null : h('a', { href: route('speaker', cluster.speakerEntity ?? speaker) }, `All statements by ${speaker}`)),
    earliest === undefined
      ? null
      : h(
          'section',
          { class: 'card earliest' },
          h('h2', {}, 'Earliest source'),
          h('blockquote', {}, earliest.text),
          h('p', { class: 'meta' }, h('strong', {}, earliest.outlet ?? 'unknown outlet'), ' · ', h('time', {}, day(earliest.publishedAt)), ' · ', h('a', { href: route('article', earliest.articleId, earliest.statementId) }, 'read in the article')),
        ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Reports'),
      h(
        'ol',
        { class: 'reports' },
        cluster.reports.map((report, index) =>
          h(
            'li',
            { class: report.copy ? 'report copy' : 'report' },
            h('div', { class: 'report-head' }, h('span', { class: 'index' }, `[${index}]`), h('strong', {}, report.outlet ?? 'unknown outlet'), ' · ', h('time', {}, day(report.publishedAt)), ' ', h('span', { class: 'badge' }, report.kind), report.copy ? h('span', { class: 'badge copy-badge' }, 'syndicated copy') : null),
            h('blockquote', {}, h('a', { href: route('article', report.articleId, report.statementId) }, report.text)),
            h('div', { class: 'chain-box' }, chainGraph([{ name: speaker, role: 'speaker' }, ...report.via.map((relay) => ({ name: relay.name, role: relay.role })), { name: report.outlet ?? 'article', role: 'outlet' }], `Relay chain of report ${index}`)),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'How the wording drifted'),
      cluster.drift.length === 0
        ? h('p', { class: 'muted' }, 'No differences recorded.')
        : h(
            'ol',
            { class: 'drift' },
            cluster.drift.map((drift) => {
              const from = cluster.reports[drift.from];
              const to = cluster.reports[drift.to];
              return h(
                'li',
                {},
                h('p', { class: 'drift-head' }, `[${drift.from}] ${from?.outlet ?? ''} → [${drift.to}] ${to?.outlet ?? ''}: `, drift.flags.length === 0 ? h('span', { class: 'badge' }, 'identical') : drift.flags.map((flag) => h('span', { class: `badge flag-${flag}` }, flag))),
                wordDiff(drift.changes),
              );
            }),
          ),
      h('p', { class: 'hint' }, h('ins', {}, 'added words'), ' and ', h('del', {}, 'removed words'), ' relative to the earlier report.'),
    ),
  );
}

/** Every cluster (statements reported more than once), paged. */
export async function clustersView(main: HTMLElement, offset: number, signal: AbortSignal): Promise<void> {
  replace(main, loading('clusters'));
  try {
    const page = await getJson<Paged<StatementCluster>>('/api/clusters', { limit: 50, offset }, signal);
    replace(main, 
      h('h1', {}, 'Statements reported more than once'),
      page.items.length === 0 ? h('p', { class: 'muted' }, 'None yet.') : null,
      h(
        'ol',
        { class: 'results' },
        page.items.map((cluster) =>
          h('li', { class: 'hit' }, h('div', { class: 'hit-head' }, h('strong', {}, cluster.speaker ?? 'unknown speaker'), ' ', h('span', { class: 'badge' }, `${cluster.reports.length} reports`)), h('blockquote', {}, h('a', { href: route('cluster', cluster.id) }, cluster.reports[0]?.text ?? '')), h('p', { class: 'meta' }, cluster.reports.map((report) => report.outlet ?? '?').join(' · '))),
        ),
      ),
      h('div', { class: 'pager' }, offset > 0 ? h('a', { href: `#/clusters?offset=${Math.max(0, offset - 50)}` }, '← Previous') : null, offset + page.items.length < page.total ? h('a', { href: `#/clusters?offset=${offset + 50}` }, 'Next →') : null),
    );
  } catch (error) {
    if (!signal.aborted) replace(main, h('h1', {}, 'Clusters'), errorBox(error));
  }
}
