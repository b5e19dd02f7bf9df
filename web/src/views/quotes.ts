// Quotes and agreements: who said what, searchable by speaker; and how often each agreement is
// cited over time, one small bar chart per agreement on a shared time axis.
import { api, type AgreementTimeline } from '../api.js';
import { field, h, note, s, select } from '../dom.js';
import { actorLabel } from '../reader.js';
import { go, type Route } from '../route.js';

const PAGE = 30;

function timelineChart(item: AgreementTimeline, periods: string[], max: number): SVGSVGElement {
  const [W, H] = [420, 48];
  const step = W / Math.max(1, periods.length);
  const byPeriod = new Map(item.timeline.map((t) => [t.period, t]));
  return s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart sparkline', role: 'img', 'aria-label': `citations of ${item.agreement.name} over time` },
    s('line', { x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5, class: 'axis' }),
    ...periods.flatMap((period, i) => {
      const t = byPeriod.get(period);
      if (!t) return [];
      const height = Math.max(2, (t.citations / max) * (H - 4));
      return [s('rect', { x: i * step + step * 0.1, y: H - height, width: Math.max(1, step * 0.8), height, class: 'citation-bar' },
        s('title', {}, `${period}: ${t.citations} citations in ${t.articles} articles`))];
    }));
}

async function agreementsSection(interval: 'month' | 'week'): Promise<HTMLElement> {
  const { items } = await api.agreements({ interval });
  if (!items.length) return note('No agreement is cited yet.');
  const periods = [...new Set(items.flatMap((i) => i.timeline.map((t) => t.period)))].sort();
  const max = Math.max(1, ...items.flatMap((i) => i.timeline.map((t) => t.citations)));
  return h('table', { class: 'agreements' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Agreement'), h('th', {}, 'Citations'), h('th', {}, `Per ${interval} (${periods[0]} … ${periods[periods.length - 1]})`))),
    h('tbody', {}, ...items.map((i) => h('tr', {},
      h('td', {}, h('strong', {}, i.agreement.name), h('span', { class: 'snippet' }, [i.agreement.date, i.agreement.kind, i.agreement.parties.join(', ')].filter(Boolean).join(' · '))),
      h('td', {}, `${i.citations} in ${i.articles} article${i.articles === 1 ? '' : 's'}`, h('span', { class: 'snippet' }, `${i.first_published ?? '?'} … ${i.last_published ?? '?'}`)),
      h('td', {}, timelineChart(i, periods, max))))));
}

export async function quotesView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const speaker = h('input', { type: 'search', name: 'speaker', placeholder: 'e.g. Aliyev, foreign ministry', value: p.get('speaker') ?? '' });
  const interval = select('interval', [['month', 'month'], ['week', 'ISO week']], p.get('interval') === 'week' ? 'week' : 'month');
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
  const params = () => ({ speaker: speaker.value.trim(), interval: interval.value });
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go('quotes', params());
  } }, field('Speaker', speaker), field('Citations per', interval), h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const quotes = h('section', { class: 'quotes' }, note('Loading…', 'loading'));
  const agreements = h('section', { class: 'agreement-list' }, note('Loading…', 'loading'));
  root.replaceChildren(h('div', { class: 'quotes-view' }, h('h2', {}, 'Quotes and agreements'), form,
    h('div', { class: 'split even' }, h('div', {}, h('h3', {}, 'Quotes by speaker'), quotes), h('div', {}, h('h3', {}, 'Cited agreements over time'), agreements))));

  const [page, table] = await Promise.all([
    api.quotes({ speaker: p.get('speaker') || undefined, sort: 'date-desc', limit: PAGE, offset }),
    agreementsSection(interval.value === 'week' ? 'week' : 'month'),
  ]);
  agreements.replaceChildren(table);
  if (!page.total) {
    quotes.replaceChildren(note('No quotes match.'));
    return;
  }
  quotes.replaceChildren(
    h('p', { class: 'snippet' }, `${offset + 1}–${offset + page.items.length} of ${page.total} quotes`),
    h('ol', { class: 'plain quote-list' }, ...page.items.map(({ quote, article, index }) => h('li', {},
      h('p', { class: 'speaker' }, quote.speaker ? (quote.speaker.actor ? actorLabel(quote.speaker.actor) : `${quote.speaker.text} (unresolved)`) : 'no speaker found',
        quote.direct ? null : h('span', { class: 'badge' }, 'reported')),
      h('blockquote', { 'data-quote': index }, quote.text),
      h('a', { class: 'snippet', href: `#/articles/${encodeURIComponent(article.id)}` }, [article.published, article.outlet, article.title].filter(Boolean).join(' · ') || 'the article')))),
    h('nav', { class: 'pager' },
      h('button', { type: 'button', disabled: offset === 0, onclick: () => go('quotes', { ...params(), offset: String(Math.max(0, offset - PAGE)) }) }, '← Previous'),
      h('button', { type: 'button', disabled: offset + PAGE >= page.total, onclick: () => go('quotes', { ...params(), offset: String(offset + PAGE) }) }, 'Next →')));
}
