// Events: the stored event mentions under filters, a page at a time. A row opens on its evidence
// sentence; the export link sends exactly the filters shown.
import { QUAD_OF } from '../../../src/model/quad.js';
import { api, queryString, type StoredEvent } from '../api.js';
import { QUADS } from '../colours.js';
import { field, h, note, select } from '../dom.js';
import { actorLabel } from '../reader.js';
import { go, type Route } from '../route.js';

const FILTERS = ['from', 'to', 'country', 'actor', 'type', 'quad', 'quoted', 'outlet', 'sort'] as const;
const PAGE = 50;
const EXPORT_FORMATS = [['csv', 'CSV'], ['plover-jsonl', 'PLOVER JSONL'], ['json', 'JSON'], ['parquet', 'Parquet'], ['gdelt-tsv', 'GDELT TSV (clusters)']] as [string, string][];

/** The sentence with the trigger marked, from offsets into the article. */
function evidence(e: StoredEvent): HTMLElement {
  const { sentence, event } = e;
  const at = (n: number) => Math.max(0, Math.min(sentence.text.length, n - sentence.start));
  const [t0, t1] = [at(event.trigger.start), at(event.trigger.end)];
  return h('blockquote', { class: 'evidence' }, sentence.text.slice(0, t0), h('mark', { class: `trigger quad-${QUAD_OF[event.type]}` }, sentence.text.slice(t0, t1)), sentence.text.slice(t1));
}

function eventRows(e: StoredEvent): HTMLElement[] {
  const ev = e.event;
  const detail = h('tr', { class: 'detail', hidden: true }, h('td', { colspan: 8 },
    evidence(e),
    h('dl', { class: 'facts' },
      h('dt', {}, 'source'), h('dd', {}, ev.source_mention ? `“${ev.source_mention.text}” = ${actorLabel(ev.source)}` : actorLabel(ev.source)),
      h('dt', {}, 'target'), h('dd', {}, ev.target_mention ? `“${ev.target_mention.text}” = ${actorLabel(ev.target)}` : actorLabel(ev.target)),
      h('dt', {}, 'date'), h('dd', {}, `${ev.date ?? 'not known'}${ev.date_basis === 'published' ? ' (the publication date)' : ''}`),
      h('dt', {}, 'place'), h('dd', {}, ev.location?.name ?? 'not known'),
      h('dt', {}, 'CAMEO · intensity'), h('dd', {}, `${ev.cameo ?? '—'} · ${ev.intensity.toFixed(1)}`),
      ev.quoted ? [h('dt', {}, 'asserted by'), h('dd', {}, actorLabel(ev.speaker))] : null,
      h('dt', {}, 'cluster'), h('dd', {}, h('a', { href: `#/events?cluster=${encodeURIComponent(e.cluster_id)}` }, 'all reports of this event'))),
    h('a', { class: 'open', href: `#/articles/${encodeURIComponent(e.article.id)}?event=${e.index}` }, `Open in the reader: ${e.article.title ?? e.article.id.slice(0, 19)}`)));
  const row = h('tr', { class: `event-row${ev.negated ? ' negated' : ''}`, tabindex: 0 },
    h('td', { title: e.event.date === e.sort_date ? null : `sorted as ${e.sort_date ?? 'undated'}` }, e.event.date ?? (e.sort_date ? `${e.sort_date} (published)` : '—')),
    h('td', {}, h('span', { class: `type quad-${QUAD_OF[ev.type]}` }, ev.type), ev.negated ? h('span', { class: 'badge negated' }, 'not') : null),
    h('td', {}, actorLabel(ev.source)),
    h('td', {}, actorLabel(ev.target)),
    h('td', {}, ev.quoted ? 'quoted' : 'asserted'),
    h('td', {}, ev.location?.name ?? ''),
    h('td', {}, e.article.outlet ?? ''),
    h('td', {}, h('a', { href: `#/articles/${encodeURIComponent(e.article.id)}?event=${e.index}` }, e.article.published ?? 'article')));
  const toggle = () => {
    detail.hidden = !detail.hidden;
    row.classList.toggle('open', !detail.hidden);
  };
  row.addEventListener('click', (ev) => {
    if (!(ev.target instanceof HTMLAnchorElement)) toggle();
  });
  row.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') toggle();
  });
  return [row, detail];
}

export async function eventsView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const value = (k: string) => p.get(k) ?? '';
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
  const [countries, outlets, actors] = await Promise.all([api.countries(), api.outlets(), api.actors({ limit: 300 })]);

  const controls = {
    from: h('input', { type: 'date', name: 'from', value: value('from') }),
    to: h('input', { type: 'date', name: 'to', value: value('to') }),
    country: select('country', [['', 'any'], ...countries.items.map((c): [string, string] => [c.country, `${c.name} (${c.country})`])], value('country')),
    actor: h('input', { type: 'text', name: 'actor', list: 'actor-ids', placeholder: 'actor id', value: value('actor') }),
    type: select('type', [['', 'any'], ...QUADS.flatMap((q) => q.types.map((t): [string, string] => [t, t]))], value('type')),
    quad: select('quad', [['', 'any'], ...QUADS.map((q): [string, string] => [String(q.quad), `${q.quad}: ${q.name}`])], value('quad')),
    quoted: select('quoted', [['', 'quoted or asserted'], ['true', 'quoted'], ['false', 'asserted by the text']], value('quoted')),
    outlet: select('outlet', [['', 'any'], ...outlets.items.map((o): [string, string] => [o.outlet, `${o.outlet} (${o.articles})`])], value('outlet')),
    sort: select('sort', [['date-desc', 'newest first'], ['date-asc', 'oldest first']], value('sort') || 'date-desc'),
  };
  const current = (): Record<string, string | undefined> => Object.fromEntries(FILTERS.map((k) => [k, controls[k].value.trim() || undefined]));
  // an article or a cluster comes from a link (the reader, a row's detail), not from the form
  const filters: Record<string, string | undefined> = { ...current(), article: value('article') || undefined, cluster: value('cluster') || undefined };
  const format = select('format', EXPORT_FORMATS, 'csv');
  const exportLink = h('a', { class: 'button', download: '' }, 'Export');
  const setExport = () => {
    const { sort: _sort, ...exportFilters } = filters;
    exportLink.setAttribute('href', `/api/export${queryString({ ...exportFilters, format: format.value })}`);
  };
  format.addEventListener('change', setExport);
  setExport();

  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go('events', current());
  } },
  field('From', controls.from), field('To', controls.to), field('Country (source or target)', controls.country), field('Actor', controls.actor),
  h('datalist', { id: 'actor-ids' }, ...actors.items.map((a) => h('option', { value: a.actor.id }, a.actor.name))),
  field('Type', controls.type), field('Quad class', controls.quad), field('Quoted?', controls.quoted), field('Outlet', controls.outlet), field('Order', controls.sort),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'), h('button', { type: 'button', onclick: () => go('events') }, 'Clear')));

  const table = h('table', { class: 'events' }, h('thead', {}, h('tr', {}, ...['Date', 'Type', 'Source', 'Target', 'Quoted?', 'Place', 'Outlet', 'Article'].map((c) => h('th', {}, c)))));
  const status = h('p', { class: 'snippet' }, 'Loading…');
  const pager = h('nav', { class: 'pager' });
  root.replaceChildren(h('div', { class: 'events-view' }, h('h2', {}, 'Events'), form,
    filters.cluster || filters.article
      ? h('p', { class: 'snippet' }, filters.cluster ? 'The reports of one event cluster. ' : 'The events of one article. ', h('a', { href: '#/events' }, 'Show all events'))
      : null,
    h('div', { class: 'toolbar' }, status, h('span', { class: 'export' }, field('Format', format), exportLink)), table, pager));

  const page = await api.events({ ...filters, limit: PAGE, offset });
  table.append(h('tbody', {}, ...page.items.flatMap(eventRows)));
  status.textContent = page.total ? `${offset + 1}–${offset + page.items.length} of ${page.total.toLocaleString('en')} event mentions` : '';
  if (!page.total) table.after(note('No events match these filters.'));
  const to = (n: number) => () => go('events', { ...filters, offset: String(n) });
  pager.replaceChildren(
    h('button', { type: 'button', disabled: offset === 0, onclick: to(Math.max(0, offset - PAGE)) }, '← Previous'),
    h('button', { type: 'button', disabled: offset + PAGE >= page.total, onclick: to(offset + PAGE) }, 'Next →'));
}
