// Dyad timeline: the events between two countries per week or month, one direction above the
// axis and the other below, stacked by quad class, with each direction's mean intensity beneath.
import type { QuadClass } from '../../../src/model/quad.js';
import { api, type DyadPeriod } from '../api.js';
import { intensityColour, QUAD_COLOURS, QUADS } from '../colours.js';
import { field, h, note, s, select } from '../dom.js';
import { go, type Route } from '../route.js';

const DAY_MS = 86_400_000;

function isoWeek(d: Date): string {
  // the ISO week's year is the year of its Thursday
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function mondayOf(week: string): Date {
  const [year, w] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS + (w - 1) * 7 * DAY_MS);
}

/** Every period from the first to the last, so that quiet periods show as gaps. */
function periodsBetween(first: string, last: string, interval: 'week' | 'month'): string[] {
  const out: string[] = [];
  if (interval === 'month') {
    let [y, m] = first.split('-').map(Number);
    for (let label = first; label <= last && out.length < 1000; label = `${y}-${String(m).padStart(2, '0')}`) {
      out.push(label);
      m = m === 12 ? 1 : m + 1;
      if (m === 1) y++;
    }
    return out;
  }
  for (let d = mondayOf(first); out.length < 1000; d = new Date(d.getTime() + 7 * DAY_MS)) {
    const label = isoWeek(d);
    if (label > last) break;
    out.push(label);
  }
  return out;
}

function chart(periods: DyadPeriod[], interval: 'week' | 'month', a: string, b: string): SVGSVGElement {
  const labels = periodsBetween(periods[0].period, periods[periods.length - 1].period, interval);
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  const [W, H, left, right, top, mid, bottom, lineTop, lineBottom] = [1000, 500, 48, 12, 20, 170, 320, 390, 480];
  const max = Math.max(1, ...periods.flatMap((p) => [p.a_to_b, p.b_to_a]));
  const step = (W - left - right) / labels.length;
  const barWidth = Math.max(1, step * 0.8);
  const y = (n: number) => (n / max) * (mid - top);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `events between ${a} and ${b} per ${interval}` });
  const x = (i: number) => left + i * step + (step - barWidth) / 2;

  labels.forEach((label, i) => {
    const p = byPeriod.get(label);
    if (!p) return;
    let up = mid;
    let down = mid;
    for (const q of [1, 2, 3, 4] as QuadClass[]) {
      const there = p.a_to_b_by_quad[q];
      const back = p.b_to_a_by_quad[q];
      const name = QUADS[q - 1].name;
      if (there) {
        up -= y(there);
        svg.append(s('rect', { x: x(i), y: up, width: barWidth, height: y(there), fill: QUAD_COLOURS[q], class: 'bar a-to-b' }, s('title', {}, `${label} ${a} → ${b}: ${there} ${name}`)));
      }
      if (back) {
        svg.append(s('rect', { x: x(i), y: down, width: barWidth, height: y(back), fill: QUAD_COLOURS[q], class: 'bar b-to-a' }, s('title', {}, `${label} ${b} → ${a}: ${back} ${name}`)));
        down += y(back);
      }
    }
  });
  svg.append(
    s('line', { x1: left, x2: W - right, y1: mid, y2: mid, class: 'axis' }),
    s('text', { x: left - 6, y: top + 10, class: 'axis-label end' }, String(max)),
    s('text', { x: left - 6, y: bottom, class: 'axis-label end' }, String(max)),
    s('text', { x: left + 4, y: top + 4, class: 'direction' }, `${a} → ${b}`),
    s('text', { x: left + 4, y: bottom - 4, class: 'direction' }, `${b} → ${a}`),
  );

  // mean intensity of each direction, -10 … +10
  const iy = (v: number) => lineTop + ((10 - v) / 20) * (lineBottom - lineTop);
  svg.append(
    s('line', { x1: left, x2: W - right, y1: iy(0), y2: iy(0), class: 'axis faint' }),
    s('text', { x: left - 6, y: iy(10) + 4, class: 'axis-label end' }, '+10'),
    s('text', { x: left - 6, y: iy(-10) + 4, class: 'axis-label end' }, '−10'),
    s('text', { x: left + 4, y: lineTop - 12, class: 'direction' }, `mean intensity, −10 conflict … +10 cooperation (solid: ${a} → ${b}, dashed: ${b} → ${a})`),
  );
  for (const [key, cls] of [['a_to_b_intensity', 'a-to-b'], ['b_to_a_intensity', 'b-to-a']] as const) {
    const points = labels.flatMap((label, i) => {
      const v = byPeriod.get(label)?.[key];
      return v === null || v === undefined ? [] : [[left + i * step + step / 2, iy(v), v, label] as const];
    });
    if (points.length > 1) svg.append(s('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), class: `intensity-line ${cls}` }));
    for (const [px, py, v, label] of points) {
      svg.append(s('circle', { cx: px, cy: py, r: 3, fill: intensityColour(v), class: `intensity-dot ${cls}` }, s('title', {}, `${label} ${cls === 'a-to-b' ? `${a} → ${b}` : `${b} → ${a}`}: mean intensity ${v.toFixed(1)}`)));
    }
  }
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    if (i % every === 0) svg.append(s('text', { x: left + i * step + step / 2, y: H - 2, class: 'axis-label middle' }, label));
  });
  return svg;
}

export async function dyadsView(root: HTMLElement, route: Route): Promise<void> {
  const countries = (await api.countries()).items;
  const options = countries.map((c): [string, string] => [c.country, `${c.name} (${c.country})`]);
  const a = route.params.get('a') ?? countries[0]?.country ?? '';
  const b = route.params.get('b') ?? countries.find((c) => c.country !== a)?.country ?? '';
  const interval = route.params.get('interval') === 'week' ? 'week' : 'month';
  const controls = { a: select('a', options, a), b: select('b', options, b), interval: select('interval', [['month', 'month'], ['week', 'ISO week']], interval) };
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go('dyads', { a: controls.a.value, b: controls.b.value, interval: controls.interval.value });
  } },
  field('Country A', controls.a), field('Country B', controls.b), field('Per', controls.interval),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show'), h('button', { type: 'button', onclick: () => go('dyads', { a: b, b: a, interval }) }, 'Swap')));
  const out = h('div', { class: 'chart-box' }, note('Loading…', 'loading'));
  const legend = h('ul', { class: 'plain inline legend' }, ...QUADS.map((q) => h('li', {}, h('span', { class: `swatch quad-${q.quad}` }), q.name)));
  root.replaceChildren(h('div', { class: 'dyads-view' }, h('h2', {}, 'Dyad timeline'), form, legend, out));
  if (!a || !b) {
    out.replaceChildren(note('No countries in the store yet.'));
    return;
  }
  const { periods } = await api.dyads({ a, b, interval });
  if (!periods.length) {
    out.replaceChildren(note(`No events between ${a} and ${b}.`));
    return;
  }
  const total = (k: 'a_to_b' | 'b_to_a') => periods.reduce((n, p) => n + p[k], 0);
  out.replaceChildren(chart(periods, interval, a, b),
    h('p', { class: 'snippet' }, `${a} → ${b}: ${total('a_to_b')} events; ${b} → ${a}: ${total('b_to_a')} events. Negated events are left out. `,
      h('a', { href: `#/events?country=${a}&sort=date-desc` }, `${a}'s events`), ' · ', h('a', { href: `#/events?country=${b}&sort=date-desc` }, `${b}'s events`)));
}
