import { getJson, type LibraryStats } from './api.js';
import { h } from './dom.js';
import { analyzeView } from './views/analyze.js';
import { articleView } from './views/article.js';
import { clusterView, clustersView } from './views/cluster.js';
import { searchView } from './views/search.js';
import { speakerView } from './views/speaker.js';

let current: AbortController | null = null;

/** The hash router: #/search, #/article/ID[/STATEMENT], #/speaker/NAME, #/cluster/ID, #/clusters, #/analyze. */
async function render(): Promise<void> {
  const hash = location.hash;
  if (hash !== '' && !hash.startsWith('#/')) return; // in-page anchors such as the skip link
  const main = document.getElementById('main');
  if (main === null) return;
  current?.abort();
  current = new AbortController();
  const signal = current.signal;
  const [path = '', search = ''] = hash.slice(2).split('?', 2);
  const parameters = new URLSearchParams(search);
  const [name = 'search', ...rest] = path.split('/').filter((part) => part !== '').map((part) => safeDecode(part));
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset['nav'] === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  window.scrollTo(0, 0);
  switch (name) {
    case 'search':
      searchView(main, parameters, signal);
      document.title = 'Search — Hearsay';
      break;
    case 'article':
      document.title = 'Article — Hearsay';
      await articleView(main, rest[0] ?? '', rest[1], signal);
      break;
    case 'speaker':
      document.title = `${rest[0] ?? 'Speaker'} — Hearsay`;
      await speakerView(main, rest[0] ?? '', signal);
      break;
    case 'cluster':
      document.title = 'Cluster — Hearsay';
      await clusterView(main, rest[0] ?? '', signal);
      break;
    case 'clusters':
      document.title = 'Clusters — Hearsay';
      await clustersView(main, Number(parameters.get('offset') ?? '0') || 0, signal);
      break;
    case 'analyze':
      document.title = 'Analyze — Hearsay';
      analyzeView(main, signal);
      break;
    default:
      main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'No such page. '), h('a', { href: '#/search' }, 'Search statements'));
  }
  if (!signal.aborted) document.body.dataset['view'] = name;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

async function showStats(): Promise<void> {
  const element = document.getElementById('stats');
  if (element === null) return;
  try {
    const stats = await getJson<LibraryStats>('/api/stats');
    element.textContent = `${stats.articles} articles · ${stats.statements} statements · ${stats.entities} speakers`;
  } catch {
    element.textContent = '';
  }
}

window.addEventListener('hashchange', () => void render());
void render();
void showStats();
