import { getJson, type StoredArticleWithAnalysis } from '../api.js';
import { day, errorBox, h, isSafeUrl, loading, route, replace } from '../dom.js';
import { reader } from '../reader.js';

/** The article reader: title and source line, then the highlighted text with its statements. */
export async function articleView(main: HTMLElement, id: string, focus: string | undefined, signal: AbortSignal): Promise<void> {
  replace(main, loading('the article'));
  let article: StoredArticleWithAnalysis;
  try {
    article = await getJson<StoredArticleWithAnalysis>(`/api/articles/${encodeURIComponent(id)}`, {}, signal);
  } catch (error) {
    if (!signal.aborted) replace(main, h('h1', {}, 'Article'), errorBox(error));
    return;
  }
  const url = article.url;
  replace(main, 
    h('h1', { class: 'article-title' }, article.title ?? `Article ${article.id}`),
    h(
      'p',
      { class: 'meta' },
      h('span', {}, article.outlet ?? 'unknown outlet'),
      ' · ',
      h('time', {}, day(article.publishedAt)),
      ` · version ${article.version}`,
      article.copyOf === null ? null : [' · syndicated copy of ', h('a', { href: route('article', article.copyOf) }, `article ${article.copyOf}`)],
      article.previousVersion === null || article.previousVersion === undefined ? null : [' · updates ', h('a', { href: route('article', article.previousVersion) }, `article ${article.previousVersion}`)],
      url !== null && isSafeUrl(url) && !url.startsWith('#') && !url.startsWith('/') ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
    ),
    reader({ analysis: article.analysis, outlet: article.outlet, linkSpeakers: true, ...(focus === undefined ? {} : { focus }) }),
  );
}
