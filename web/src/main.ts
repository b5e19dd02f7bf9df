// The dashboard: picks the view named in the location hash and renders it into <main>.
import { api, ApiError } from './api.js';
import { note } from './dom.js';
import { currentRoute, type Route } from './route.js';
import { analyzeView } from './views/analyze.js';
import { articlesView } from './views/articles.js';
import { dyadsView } from './views/dyads.js';
import { eventsView } from './views/events.js';
import { mapView } from './views/map.js';
import { networkView } from './views/network.js';
import { quotesView } from './views/quotes.js';

const VIEWS: Record<string, (root: HTMLElement, route: Route) => Promise<void> | void> = {
  articles: articlesView,
  analyze: analyzeView,
  events: eventsView,
  dyads: dyadsView,
  network: networkView,
  map: mapView,
  quotes: quotesView,
};

/** Counts a render, so that a slow view finishing late does not overwrite the one asked for since. */
let renders = 0;

async function render(): Promise<void> {
  const root = document.getElementById('view')!;
  const route = currentRoute();
  const name = route.path[0] && route.path[0] in VIEWS ? route.path[0] : 'articles';
  const ticket = ++renders;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('current', a.getAttribute('href') === `#/${name}`);
  document.body.dataset.view = name;
  document.body.removeAttribute('data-ready');
  try {
    await VIEWS[name](root, route);
  } catch (e) {
    if (ticket === renders) root.replaceChildren(note(e instanceof ApiError ? e.message : `The view failed: ${(e as Error).message}`, 'error'));
  }
  // the browser tests wait for this mark
  if (ticket === renders) document.body.dataset.ready = name;
}

async function showStats(): Promise<void> {
  const stats = await api.stats();
  document.getElementById('stats')!.textContent = `${stats.articles.toLocaleString('en')} articles · ${stats.events.toLocaleString('en')} events · ${stats.quotes.toLocaleString('en')} quotes`;
}

window.addEventListener('hashchange', () => void render());
void render();
void showStats();
