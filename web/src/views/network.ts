// Actor network: who acts on whom. Edges are weighted by their event count and coloured by mean
// intensity; the layout is a small force simulation run here; a click on an actor lists its events.
import type { Actor } from '../../../src/model/analysis.js';
import { api, type NetworkEdge } from '../api.js';
import { intensityColour } from '../colours.js';
import { field, h, note, s, select } from '../dom.js';
import { actorLabel } from '../reader.js';
import { go, type Route } from '../route.js';

interface Node {
  actor: Actor;
  x: number;
  y: number;
  dx: number;
  dy: number;
  events: number;
}

const [W, H] = [900, 620];

/**
 * Fruchterman–Reingold: near nodes repel, edges pull, a weak pull holds everything to the centre,
 * and the moves shrink as the layout cools. Nodes
 * start on a circle in a fixed order, so the same data always gives the same picture.
 */
function layout(nodes: Node[], edges: { a: Node; b: Node }[], iterations = 300): void {
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.45;
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    n.x = W / 2 + (W / 3) * Math.cos(angle);
    n.y = H / 2 + (H / 3) * Math.sin(angle);
  });
  for (let it = 0; it < iterations; it++) {
    const temperature = (W / 8) * (1 - it / iterations);
    for (const n of nodes) {
      n.dx = (W / 2 - n.x) * 0.05;
      n.dy = (H / 2 - n.y) * 0.05;
    }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [p, q] = [nodes[i], nodes[j]];
        const [dx, dy] = [p.x - q.x, p.y - q.y];
        const d = Math.max(1, Math.hypot(dx, dy));
        // far nodes do not push: otherwise small components fly to the edges
        if (d > 3 * k) continue;
        const f = (k * k) / d / d;
        p.dx += dx * f;
        p.dy += dy * f;
        q.dx -= dx * f;
        q.dy -= dy * f;
      }
    }
    for (const { a, b } of edges) {
      const [dx, dy] = [a.x - b.x, a.y - b.y];
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = d / k;
      a.dx -= dx * f * 0.5;
      a.dy -= dy * f * 0.5;
      b.dx += dx * f * 0.5;
      b.dy += dy * f * 0.5;
    }
    for (const n of nodes) {
      const d = Math.max(1, Math.hypot(n.dx, n.dy));
      // wide side margins: the names are drawn centred above the nodes
      n.x = Math.max(110, Math.min(W - 110, n.x + (n.dx / d) * Math.min(d, temperature)));
      n.y = Math.max(30, Math.min(H - 30, n.y + (n.dy / d) * Math.min(d, temperature)));
    }
  }
}

/** Intensity buckets, one arrowhead colour each (a marker cannot take its line's colour). */
const BUCKETS = [-10, -6, -3, 0, 3, 6, 10];
const bucketOf = (v: number) => BUCKETS.reduce((best, b, i) => (Math.abs(b - v) < Math.abs(BUCKETS[best] - v) ? i : best), 0);

function draw(edges: NetworkEdge[], onPick: (actor: Actor) => void): SVGSVGElement {
  const nodes = new Map<string, Node>();
  const node = (actor: Actor) => {
    let n = nodes.get(actor.id);
    if (!n) nodes.set(actor.id, (n = { actor, x: 0, y: 0, dx: 0, dy: 0, events: 0 }));
    return n;
  };
  const links = edges.map((e) => {
    const [a, b] = [node(e.source), node(e.target)];
    a.events += e.events;
    b.events += e.events;
    return { a, b, edge: e };
  });
  layout([...nodes.values()], links);
  const maxEdge = Math.max(...edges.map((e) => e.events));
  const maxNode = Math.max(...[...nodes.values()].map((n) => n.events));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', role: 'img', 'aria-label': 'actor network' },
    s('defs', {}, ...BUCKETS.map((v, i) => s('marker', { id: `arrow-${i}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: intensityColour(v) })))));
  const radius = (n: Node) => 5 + 14 * Math.sqrt(n.events / maxNode);
  for (const { a, b, edge } of links) {
    // a curve bent to its right, so that A → B and B → A are two lines
    const [mx, my] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const d = Math.max(1, Math.hypot(dx, dy));
    const [cx, cy] = [mx - (dy / d) * d * 0.15, my + (dx / d) * d * 0.15];
    // stop at the target's rim so that the arrowhead shows
    const [ex, ey] = [b.x - ((b.x - cx) / Math.hypot(b.x - cx, b.y - cy)) * (radius(b) + 2), b.y - ((b.y - cy) / Math.hypot(b.x - cx, b.y - cy)) * (radius(b) + 2)];
    svg.append(s('path', {
      d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, class: 'edge', stroke: intensityColour(edge.mean_intensity),
      'stroke-width': 1 + 7 * Math.sqrt(edge.events / maxEdge), 'marker-end': `url(#arrow-${bucketOf(edge.mean_intensity)})`,
    }, s('title', {}, `${edge.source.name} → ${edge.target.name}: ${edge.events} events, mean intensity ${edge.mean_intensity.toFixed(1)}`)));
  }
  for (const n of nodes.values()) {
    const g = s('g', { class: 'node', tabindex: 0, role: 'button', 'data-actor': n.actor.id },
      s('circle', { cx: n.x, cy: n.y, r: radius(n) }),
      s('text', { x: n.x, y: n.y - radius(n) - 4, class: 'node-label' }, n.actor.name),
      s('title', {}, `${actorLabel(n.actor)}: ${n.events} events`));
    g.addEventListener('click', () => onPick(n.actor));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') onPick(n.actor);
    });
    svg.append(g);
  }
  return svg;
}

export async function networkView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const controls = {
    from: h('input', { type: 'date', name: 'from', value: p.get('from') ?? '' }),
    to: h('input', { type: 'date', name: 'to', value: p.get('to') ?? '' }),
    limit: select('limit', [['40', '40 pairs'], ['80', '80 pairs'], ['150', '150 pairs']], p.get('limit') ?? '80'),
  };
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    go('network', { from: controls.from.value, to: controls.to.value, limit: controls.limit.value });
  } }, field('From', controls.from), field('To', controls.to), field('Show the busiest', controls.limit), h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const picked = h('aside', { class: 'picked' }, h('p', { class: 'snippet' }, 'Click an actor to list its events.'));
  const box = h('div', { class: 'chart-box' }, note('Loading…', 'loading'));
  root.replaceChildren(h('div', { class: 'network-view' }, h('h2', {}, 'Actor network'), form,
    h('p', { class: 'snippet' }, 'Arrows run from source to target; thickness is the number of events, colour their mean intensity (red: conflict, blue: cooperation). Negated events are left out.'),
    h('div', { class: 'split' }, box, picked)));
  const filters = { from: p.get('from') ?? undefined, to: p.get('to') ?? undefined };
  const { edges } = await api.network({ ...filters, limit: p.get('limit') ?? 80 });
  if (!edges.length) {
    box.replaceChildren(note('No events with both a source and a target yet.'));
    return;
  }
  const onPick = async (actor: Actor) => {
    for (const el of box.querySelectorAll('.node.current')) el.classList.remove('current');
    box.querySelector(`[data-actor="${CSS.escape(actor.id)}"]`)?.classList.add('current');
    picked.replaceChildren(h('h3', {}, actorLabel(actor)), note('Loading…', 'loading'));
    const events = await api.events({ ...filters, actor: actor.id, negated: 'false', sort: 'date-desc', limit: 25 });
    picked.replaceChildren(h('h3', {}, actorLabel(actor)),
      h('p', { class: 'snippet' }, `${events.total} events as source or target. `, h('a', { href: `#/events?actor=${encodeURIComponent(actor.id)}&sort=date-desc` }, 'Open in the events table')),
      h('ol', { class: 'plain picked-events' }, ...events.items.map((e) => h('li', {},
        h('a', { href: `#/articles/${encodeURIComponent(e.article.id)}?event=${e.index}` }, `${e.sort_date ?? 'undated'} ${e.event.type}`),
        ` ${e.event.source?.name ?? '—'} → ${e.event.target?.name ?? '—'}`))));
  };
  box.replaceChildren(draw(edges, (actor) => void onPick(actor)));
}
