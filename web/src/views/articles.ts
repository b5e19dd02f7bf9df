// Articles: the stored articles, searchable, and the reader for the one chosen.
import { api } from '../api.js';
import { h, note } from '../dom.js';
import { renderReader } from '../reader.js';
import type { Route } from '../route.js';

export async function articlesView(root: HTMLElement, route: Route): Promise<void> {
  const search = route.params.get('search') ?? '';
  const list = h('ol', { class: 'article-list plain' });
  const readerPane = h('section', { class: 'reader-pane' }, note('Loading…', 'loading'));
  const searchBox = h('input', { type: 'search', name: 'search', placeholder: 'words of the title or text', value: search });
  const form = h('form', { class: 'search', role: 'search', onsubmit: (e: Event) => {
    e.preventDefault();
    location.hash = `#/articles${searchBox.value.trim() ? `?search=${encodeURIComponent(searchBox.value.trim())}` : ''}`;
  } }, searchBox, h('button', { type: 'submit' }, 'Search'));
  root.replaceChildren(h('div', { class: 'articles' }, h('aside', { class: 'article-index' }, form, list), readerPane));

  const articles = await api.articles({ search: search || undefined, sort: 'date-desc', limit: 200 });
  const chosen = route.path[1] ?? articles.items[0]?.id;
  list.replaceChildren(...articles.items.map((a) => h('li', { class: a.id === chosen ? 'current' : null },
    h('a', { href: `#/articles/${encodeURIComponent(a.id)}` }, a.title ?? a.url ?? a.id.slice(0, 19)),
    h('span', { class: 'snippet' }, [a.published ?? 'undated', a.outlet, `${a.events} events`, `${a.quotes} quotes`].filter(Boolean).join(' · ')))));
  if (!articles.items.length) list.replaceChildren(note(search ? 'No article has all these words.' : 'No articles stored yet: ingest some, or paste one under Analyze.'));
  if (!chosen) {
    readerPane.replaceChildren(note('Choose an article.'));
    return;
  }
  const article = await api.article(chosen);
  const event = route.params.get('event');
  readerPane.replaceChildren(
    h('header', { class: 'article-head' },
      h('h2', {}, article.title ?? 'Untitled article'),
      h('p', { class: 'snippet' }, [article.published ? `published ${article.published}` : 'publication date not known', article.outlet, article.source].filter(Boolean).join(' · '),
        article.url ? [' · ', h('a', { href: article.url, rel: 'noreferrer noopener', target: '_blank' }, 'original')] : null)),
    article.analysis ? renderReader(article.text, article.analysis, { focusEvent: event === null ? undefined : Number(event) }) : note('This article has not been analysed yet: run demarche recode.'),
  );
}
