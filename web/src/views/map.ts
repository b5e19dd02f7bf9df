// Map of event locations, offline: the country shapes come from the world-atlas package (served by
// this server) and are drawn as SVG in an equirectangular projection; no tile server is asked.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { api, type EventLocation } from '../api.js';
import { intensityColour } from '../colours.js';
import { field, h, note, s } from '../dom.js';
import { go, type Route } from '../route.js';

const [W, H] = [1000, 500];
const project = (lon: number, lat: number): [number, number] => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

function ringPath(ring: number[][]): string {
  return ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${project(lon, lat).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z';
}

function geometryPath(g: GeoJSON.Geometry | null): string {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map(ringPath).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => p.map(ringPath)).join('');
  return '';
}

let shapes: Promise<GeoJSON.FeatureCollection> | null = null;

function countryShapes(): Promise<GeoJSON.FeatureCollection> {
  shapes ??= fetch('/countries-110m.json').then(async (res) => {
    const topology = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection;
  });
  return shapes;
}

/** The view box around the events, with a margin, but never narrower than a region. */
function fit(items: EventLocation[]): string {
  const points = items.map((l) => project(l.place.lon!, l.place.lat!));
  if (!points.length) return `0 0 ${W} ${H}`;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const width = Math.min(W, Math.max(120, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8));
  const height = width / 2;
  const x0 = Math.max(0, Math.min(W - width, cx - width / 2));
  const y0 = Math.max(0, Math.min(H - height, cy - height / 2));
  return `${x0.toFixed(1)} ${y0.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`;
}

export async function mapView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const from = h('input', { type: 'date', name: 'from', value: p.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: p.get('to') ?? '' });
  const whole = p.get('world') === '1';
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go('map', { from: from.value, to: to.value, world: whole ? '1' : undefined });
  } }, field('From', from), field('To', to), h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show'),
    h('button', { type: 'button', onclick: () => go('map', { from: from.value, to: to.value, world: whole ? undefined : '1' }) }, whole ? 'Zoom to the events' : 'Whole world')));
  const box = h('div', { class: 'chart-box' }, note('Loading…', 'loading'));
  const list = h('aside', { class: 'picked' });
  root.replaceChildren(h('div', { class: 'map-view' }, h('h2', {}, 'Where events took place'), form,
    h('p', { class: 'snippet' }, 'A circle per place: its area is the number of events, its colour their mean intensity (red: conflict, blue: cooperation). Countries whose actors are named are shaded.'),
    h('div', { class: 'split' }, box, list)));

  const [world, { items }, countries] = await Promise.all([
    countryShapes(), api.locations({ from: p.get('from') ?? undefined, to: p.get('to') ?? undefined }), api.countries(),
  ]);
  const named = new Set(countries.items.map((c) => c.numeric).filter(Boolean));
  const located = items.filter((l) => l.place.lat !== null && l.place.lon !== null);
  const viewBox = whole ? `0 0 ${W} ${H}` : fit(located);
  const scale = Number(viewBox.split(' ')[2]) / W;
  const svg = s('svg', { viewBox, class: 'chart map', role: 'img', 'aria-label': 'map of event locations' },
    s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }),
    ...world.features.map((f) => s('path', { d: geometryPath(f.geometry), class: `country${named.has(String(f.id)) ? ' named' : ''}` },
      s('title', {}, String((f.properties as { name?: string } | null)?.name ?? '')))));
  const max = Math.max(1, ...located.map((l) => l.events));
  for (const l of [...located].sort((x, y) => y.events - x.events)) {
    const [x, y] = project(l.place.lon!, l.place.lat!);
    svg.append(s('circle', { cx: x, cy: y, r: (3 + 17 * Math.sqrt(l.events / max)) * Math.max(scale, 0.12), fill: intensityColour(l.mean_intensity), class: 'place-dot', 'data-place': l.place.id },
      s('title', {}, `${l.place.name}: ${l.events} events, mean intensity ${l.mean_intensity.toFixed(1)}`)));
  }
  box.replaceChildren(svg);
  if (!located.length) box.append(note('No event has a known place yet.'));
  const swatch = (l: EventLocation) => {
    const el = h('span', { class: 'swatch', title: `mean intensity ${l.mean_intensity.toFixed(1)}` });
    el.style.background = intensityColour(l.mean_intensity);
    return el;
  };
  list.replaceChildren(h('h3', {}, `Places (${located.length})`), h('ol', { class: 'plain' }, ...located.map((l) => h('li', {},
    swatch(l), `${l.place.name}${l.place.country ? ` (${l.place.country})` : ''}: ${l.events} event${l.events === 1 ? '' : 's'}`))));
}
