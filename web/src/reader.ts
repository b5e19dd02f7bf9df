// The article reader: the text with every annotation of its Analysis in place. Spans overlap (a
// quote holds actors and triggers), so the text is cut at every span boundary and each piece is
// one element carrying the classes of all the spans that cover it.
import type { Actor, Analysis, Event } from '../../src/model/analysis.js';
import { QUAD_OF } from '../../src/model/quad.js';
import { QUAD_COLOURS, SPEAKER_COLOURS } from './colours.js';
import { h } from './dom.js';

interface Layer {
  start: number;
  end: number;
  kind: 'quote' | 'actor' | 'trigger' | 'reference' | 'framing' | 'place' | 'date';
  index: number;
  title: string;
}

export const actorLabel = (a: Actor | null): string => (a ? `${a.name}${a.country ? ` (${a.country}${a.sector ? ` ${a.sector}` : ''})` : a.sector ? ` (${a.sector})` : ''}` : '—');

/** One colour per speaker: the resolved actor, else the words that name them. */
function speakerKeys(a: Analysis): Map<string, number> {
  const keys = new Map<string, number>();
  for (const q of a.quotes) {
    const key = speakerKey(q);
    if (!keys.has(key)) keys.set(key, keys.size % SPEAKER_COLOURS);
  }
  return keys;
}

const speakerKey = (q: Analysis['quotes'][number]) => q.speaker?.actor?.id ?? q.speaker?.text.toLowerCase() ?? 'unattributed';
const speakerName = (q: Analysis['quotes'][number]) => (q.speaker ? (q.speaker.actor ? actorLabel(q.speaker.actor) : `${q.speaker.text} (unresolved)`) : 'no speaker found');

function layers(a: Analysis): Layer[] {
  return [
    ...a.quotes.map((q, index): Layer => ({ start: q.start, end: q.end, kind: 'quote', index, title: `quote ${q.direct ? '' : '(reported) '}by ${speakerName(q)}` })),
    ...a.actors.map((m, index): Layer => ({ start: m.start, end: m.end, kind: 'actor', index, title: `actor: ${actorLabel(m.actor)}` })),
    ...a.events.map((e, index): Layer => ({ start: e.trigger.start, end: e.trigger.end, kind: 'trigger', index, title: `${e.type}: ${e.source?.name ?? '—'} → ${e.target?.name ?? '—'}` })),
    ...a.references.map((r, index): Layer => ({
      start: r.start, end: r.end, kind: 'reference', index,
      title: r.agreement ? `cites ${r.agreement.name}${r.agreement.date ? ` (${r.agreement.date})` : ''}` : `cites an unidentified ${r.cited_kind ?? 'document'}${r.cited_date ? ` of ${r.cited_date}` : ''}`,
    })),
    ...a.framing.map((f, index): Layer => ({ start: f.start, end: f.end, kind: 'framing', index, title: `contested name for ${f.denotes}, used by ${f.used_by}` })),
    ...a.places.map((p, index): Layer => ({ start: p.start, end: p.end, kind: 'place', index, title: `place: ${p.place.name}${p.place.country ? ` (${p.place.country})` : ''}` })),
    ...a.dates.map((d, index): Layer => ({ start: d.start, end: d.end, kind: 'date', index, title: `date: ${d.value ?? 'unresolved'}` })),
  ].filter((l) => l.end > l.start);
}

function eventSummary(e: Event): HTMLElement[] {
  const rows: [string, string][] = [
    ['date', e.date ? `${e.date}${e.date_basis === 'published' ? ' (publication date)' : ''}` : 'not known'],
    ['place', e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ''}` : 'not known'],
    ['CAMEO', e.cameo ?? '—'],
    ['intensity', e.intensity.toFixed(1)],
    ['confidence', e.confidence.toFixed(2)],
  ];
  if (e.mode) rows.push(['mode', e.mode]);
  if (e.quoted) rows.push(['asserted by', e.speaker ? actorLabel(e.speaker) : 'a quoted speaker']);
  return [
    h('p', { class: 'event-line' },
      h('span', { class: 'side' }, actorLabel(e.source)), ' → ',
      h('span', { class: `type quad-${QUAD_OF[e.type]}` }, e.type), ' → ',
      h('span', { class: 'side' }, actorLabel(e.target)),
      e.negated ? h('span', { class: 'badge negated' }, 'negated') : null),
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  ];
}

export interface ReaderOptions {
  /** the event to show first (its popover open) */
  focusEvent?: number;
}

/** The annotated text, its legend and its lists of quotes, events, citations and contested names. */
export function renderReader(text: string, a: Analysis, options: ReaderOptions = {}): HTMLElement {
  const all = layers(a);
  const cuts = [...new Set([0, text.length, ...all.flatMap((l) => [l.start, l.end])])].filter((n) => n >= 0 && n <= text.length).sort((x, y) => x - y);
  const speakers = speakerKeys(a);
  const popover = h('div', { class: 'popover', role: 'dialog', hidden: true });
  const body = h('div', { class: 'annotated-text', lang: 'en' });

  const triggers = new Map<number, HTMLElement[]>();
  const showEvent = (index: number, anchor: HTMLElement) => {
    const e = a.events[index];
    popover.replaceChildren(h('button', { class: 'close', type: 'button', 'aria-label': 'close', onclick: () => (popover.hidden = true) }, '×'), ...eventSummary(e));
    popover.hidden = false;
    popover.dataset.event = String(index);
    const box = anchor.getBoundingClientRect();
    const host = body.getBoundingClientRect();
    popover.style.top = `${box.bottom - host.top + body.scrollTop + 6}px`;
    popover.style.left = `${Math.max(0, Math.min(box.left - host.left, host.width - 340))}px`;
  };

  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = all.filter((l) => l.start <= from && l.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) {
      body.append(document.createTextNode(piece));
      continue;
    }
    const trigger = covering.find((l) => l.kind === 'trigger');
    const el = h(trigger ? 'button' : 'span', { type: trigger ? 'button' : null }, piece);
    for (const l of covering) {
      el.classList.add(l.kind);
      if (l.kind === 'quote') {
        el.classList.add(`speaker-${speakers.get(speakerKey(a.quotes[l.index]))}`);
        el.dataset.quote = String(l.index);
      } else el.dataset[l.kind] = String(l.index);
    }
    el.title = covering.map((l) => l.title).join('\n');
    if (trigger) {
      const e = a.events[trigger.index];
      el.classList.add(`quad-${QUAD_OF[e.type]}`);
      if (e.negated) el.classList.add('negated');
      el.addEventListener('click', () => showEvent(trigger.index, el));
      triggers.set(trigger.index, [...(triggers.get(trigger.index) ?? []), el]);
    }
    body.append(el);
  }
  body.append(popover);

  const scrollTo = (selector: string) => body.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const side = h('aside', { class: 'reader-side' },
    legend(),
    section(`Quotes (${a.quotes.length})`, a.quotes.map((q, i) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => scrollTo(`[data-quote="${i}"]`) },
        h('span', { class: `swatch speaker-${speakers.get(speakerKey(q))}` }), speakerName(q)),
      h('span', { class: 'snippet' }, q.text.length > 120 ? `${q.text.slice(0, 120)}…` : q.text)))),
    section(`Events (${a.events.length})`, a.events.map((e, i) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => triggers.get(i)?.[0] && (scrollTo(`[data-trigger="${i}"]`), showEvent(i, triggers.get(i)![0])) },
        h('span', { class: `type quad-${QUAD_OF[e.type]}` }, e.type), ` ${e.source?.name ?? '—'} → ${e.target?.name ?? '—'}`),
      h('span', { class: 'snippet' }, [e.date ?? 'undated', e.location?.name, e.quoted ? 'quoted' : null, e.negated ? 'negated' : null].filter(Boolean).join(' · '))))),
    section(`Cited agreements (${a.references.length})`, a.references.map((r) => h('li', {},
      h('span', { class: 'reference' }, r.text), h('span', { class: 'snippet' }, r.agreement ? `${r.agreement.name}${r.agreement.date ? `, ${r.agreement.date}` : ''}` : 'not identified')))),
    section(`Contested names (${a.framing.length})`, a.framing.map((f) => h('li', {},
      h('span', { class: 'framing' }, f.text), h('span', { class: 'snippet' }, `${f.denotes}; ${f.used_by}'s vocabulary`)))),
  );

  const reader = h('div', { class: 'reader' }, body, side);
  reader.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') popover.hidden = true;
  });
  if (options.focusEvent !== undefined) {
    requestAnimationFrame(() => {
      const el = triggers.get(options.focusEvent!)?.[0];
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      showEvent(options.focusEvent!, el);
    });
  }
  return reader;
}

function section(title: string, items: HTMLElement[]): HTMLElement {
  return h('section', {}, h('h3', {}, title), items.length ? h('ul', { class: 'plain' }, ...items) : h('p', { class: 'snippet' }, 'none'));
}

function legend(): HTMLElement {
  const item = (cls: string, label: string) => h('li', {}, h('span', { class: `sample ${cls}` }, label));
  return h('section', { class: 'legend' }, h('h3', {}, 'Legend'), h('ul', { class: 'plain inline' },
    item('quote speaker-0', 'quote (colour: speaker)'), item('actor', 'actor'), item('trigger quad-3', 'event (click)'),
    item('reference', 'cited agreement'), item('framing', 'contested name'), item('place', 'place'), item('date', 'date')),
  h('ul', { class: 'plain inline' }, ...Object.entries(QUAD_COLOURS).map(([q]) => h('li', {}, h('span', { class: `type quad-${q}` }, ['verbal coop.', 'material coop.', 'verbal conflict', 'material conflict'][Number(q) - 1])))));
}
