// The HTTP API: one table of routes, each with the schemas that validate its query and body. The
// same table gives the OpenAPI document (openapi.ts), so what is documented is what is checked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { exportEvents, OutputClosed, type ExportFormat } from '../export/export.js';
import { storeArticle } from '../ingest/ingest.js';
import type { Lexicon } from '../lexicon/compile.js';
import { analyze, articleId, InputError } from '../pipeline/analyze.js';
import type { Store } from '../store/store.js';
import { HttpError, parseWith, queryObject, readJson } from './http.js';
import {
  ActorsQuery, AgreementsQuery, ArticleInput, ArticlesQuery, ClustersQuery, DyadsQuery, EmptyQuery, EventsQuery, ExportQuery, LocationsQuery,
  NetworkQuery, QuotesQuery, eventFilters,
} from './schemas.js';

export interface ApiContext {
  store: Store;
  /**
   * Where exports read from. An export holds a read open while it streams, and SQLite refuses a
   * write on a connection that is reading, so the server gives exports a connection of their own.
   */
  exportStore: Store;
  lexicon: Lexicon;
  maxBodyBytes: number;
}

export interface RouteInput {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** A handler returns the JSON to send (status 200 unless it says otherwise), or nothing when it wrote the response itself. */
type Handler = (ctx: ApiContext, input: RouteInput) => Promise<{ status?: number; json: unknown } | void> | { status?: number; json: unknown } | void;

export interface Route {
  method: 'GET' | 'POST';
  /** with :name for a path parameter */
  path: string;
  summary: string;
  query: z.ZodType;
  body?: z.ZodType;
  /** what a successful response holds, for the OpenAPI document */
  returns: string;
  /** the content types of a successful response, when not JSON */
  produces?: string[];
  handle: Handler;
}

const EXPORT_TYPES: Record<ExportFormat, { type: string; extension: string }> = {
  'plover-jsonl': { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  'gdelt-tsv': { type: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  parquet: { type: 'application/vnd.apache.parquet', extension: 'parquet' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
};

interface PackageCountry {
  cca3: string;
  ccn3: string;
  name: { common: string };
}
const PACKAGE_COUNTRIES = new Map((createRequire(import.meta.url)('world-countries/countries.json') as PackageCountry[]).map((c) => [c.cca3, c]));

const metaOf = (body: z.output<typeof ArticleInput>) => ({
  text: body.text, published: body.published ?? null, url: body.url ?? null, title: body.title ?? null, outlet: body.outlet ?? null,
});

/** Runs the pipeline on a client's article: its InputError (blank text, NUL bytes) is the client's mistake, a 400. */
function onClientInput<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof InputError) throw new HttpError(400, `invalid body: text: ${e.message}`, [{ path: 'text', message: e.message }]);
    throw e;
  }
}

export const ROUTES: Route[] = [
  {
    method: 'POST', path: '/api/analyze', summary: 'Analyse an article and return its Analysis; nothing is stored',
    query: EmptyQuery, body: ArticleInput, returns: 'the Analysis (schema demarche.analysis/1)',
    handle: (ctx, { body }) => {
      const { text, ...meta } = metaOf(body as z.output<typeof ArticleInput>);
      return { json: onClientInput(() => analyze(text, meta, { lexicon: ctx.lexicon })) };
    },
  },
  {
    method: 'POST', path: '/api/articles', summary: 'Analyse an article and store it (idempotent: the same article again changes nothing)',
    query: EmptyQuery, body: ArticleInput, returns: '{ id, status: new | recoded | unchanged, events, quotes }; 201 when it was new',
    handle: (ctx, { body }) => {
      const article = metaOf(body as z.output<typeof ArticleInput>);
      const result = onClientInput(() => storeArticle(ctx.store, ctx.lexicon, article, 'api'));
      return { status: result.status === 'new' ? 201 : 200, json: { id: articleId(article.text, article.url), ...result } };
    },
  },
  {
    method: 'GET', path: '/api/articles', summary: 'Stored articles, newest first unless sorted otherwise; full-text search',
    query: ArticlesQuery, returns: '{ total, items: [{ id, url, title, outlet, published, source, chars, events, quotes, coder_version }] }',
    handle: (ctx, { query }) => {
      const q = query as z.output<typeof ArticlesQuery>;
      return { json: ctx.store.listArticles({ search: q.search, from: q.from, to: q.to, outlet: q.outlet }, { limit: q.limit, offset: q.offset }, q.sort) };
    },
  },
  {
    method: 'GET', path: '/api/articles/:id', summary: 'One stored article: its text and its Analysis',
    query: EmptyQuery, returns: '{ id, url, title, outlet, published, source, text, analysis }',
    handle: (ctx, { params }) => {
      const article = ctx.store.getArticle(params.id);
      if (!article) throw new HttpError(404, `no article ${params.id}`);
      return { json: article };
    },
  },
  {
    method: 'GET', path: '/api/events', summary: 'Event mentions matching the filters, a page at a time, by date',
    query: EventsQuery, returns: '{ total, items: [{ article, index, cluster_id, quad, sort_date, sentence, coder, event }] }',
    handle: (ctx, { query }) => {
      const q = query as z.output<typeof EventsQuery>;
      return { json: ctx.store.queryEvents(eventFilters(q), { limit: q.limit, offset: q.offset }, q.sort) };
    },
  },
  {
    method: 'GET', path: '/api/event-clusters', summary: 'Events with their reports merged (GDELT-style counts): clusters with a mention matching the filters',
    query: ClustersQuery, returns: '{ total, items: [{ id, type, quad, negated, cameo, source, target, first_date, last_date, num_mentions, num_articles, num_sources, intensity, root, representative }] }',
    handle: (ctx, { query }) => {
      const q = query as z.output<typeof ClustersQuery>;
      return { json: ctx.store.eventClusters(eventFilters(q), { limit: q.limit, offset: q.offset }, q.sort) };
    },
  },
  {
    method: 'GET', path: '/api/quotes', summary: 'Quotes, searchable by speaker',
    query: QuotesQuery, returns: '{ total, items: [{ article, index, quote }] }',
    handle: (ctx, { query }) => {
      const { limit, offset, sort, ...filters } = query as z.output<typeof QuotesQuery>;
      return { json: ctx.store.quotes(filters, { limit, offset }, sort) };
    },
  },
  {
    method: 'GET', path: '/api/actors', summary: 'Actors with their mention, article, event and quote counts, most mentioned first',
    query: ActorsQuery, returns: '{ total, items: [{ actor, mentions, articles, events_as_source, events_as_target, quotes }] }',
    handle: (ctx, { query }) => {
      const { limit, offset, ...filters } = query as z.output<typeof ActorsQuery>;
      return { json: ctx.store.actors(filters, { limit, offset }) };
    },
  },
  {
    method: 'GET', path: '/api/dyads', summary: 'Events between two sides per ISO week or month, each way, by quad class, with mean intensity',
    query: DyadsQuery,
    returns: '{ a, b, interval, periods: [{ period, a_to_b, b_to_a, by_quad, mean_intensity, a_to_b_by_quad, b_to_a_by_quad, a_to_b_intensity, b_to_a_intensity }] }',
    handle: (ctx, { query }) => {
      const { a, b, interval, ...filters } = query as z.output<typeof DyadsQuery>;
      return { json: { a, b, interval, periods: ctx.store.dyads(a, b, interval, filters) } };
    },
  },
  {
    method: 'GET', path: '/api/agreements', summary: 'Cited agreements with their citation counts, and citations per period of publication',
    query: AgreementsQuery, returns: '{ interval, items: [{ agreement, citations, articles, first_published, last_published, timeline: [{ period, citations, articles }] }] }',
    handle: (ctx, { query }) => {
      const { interval, ...filters } = query as z.output<typeof AgreementsQuery>;
      const timelines = new Map<string, { period: string; citations: number; articles: number }[]>();
      for (const { agreement_id, ...period } of ctx.store.citationsOverTime(interval, filters)) {
        timelines.set(agreement_id, [...(timelines.get(agreement_id) ?? []), period]);
      }
      const items = ctx.store.agreementCitations(filters).map((c) => ({ ...c, timeline: timelines.get(c.agreement.id) ?? [] }));
      return { json: { interval, items } };
    },
  },
  {
    method: 'GET', path: '/api/network', summary: 'Who acts on whom: actor pairs (source to target) with event counts, by quad class, and mean intensity',
    query: NetworkQuery, returns: '{ edges: [{ source, target, events, mean_intensity, by_quad }] }',
    handle: (ctx, { query }) => {
      const q = query as z.output<typeof NetworkQuery>;
      return { json: { edges: ctx.store.network(eventFilters(q), q.limit) } };
    },
  },
  {
    method: 'GET', path: '/api/locations', summary: 'Where the matching events took place: places with event counts and mean intensity',
    query: LocationsQuery, returns: '{ items: [{ place, events, mean_intensity, by_quad }] }',
    handle: (ctx, { query }) => {
      const q = query as z.output<typeof LocationsQuery>;
      return { json: { items: ctx.store.eventLocations(eventFilters(q), q.limit) } };
    },
  },
  {
    method: 'GET', path: '/api/countries', summary: 'Countries of the actors mentioned, most mentioned first, with names and ISO numeric codes',
    query: EmptyQuery, returns: '{ items: [{ country, name, numeric, mentions }] }',
    handle: (ctx) => ({
      json: {
        items: ctx.store.countries().map((c) => ({
          ...c, name: ctx.lexicon.countries.get(c.country)?.name ?? PACKAGE_COUNTRIES.get(c.country)?.name.common ?? c.country,
          numeric: PACKAGE_COUNTRIES.get(c.country)?.ccn3 ?? null,
        })),
      },
    }),
  },
  {
    method: 'GET', path: '/api/outlets', summary: 'Outlets with their article counts',
    query: EmptyQuery, returns: '{ items: [{ outlet, articles }] }',
    handle: (ctx) => ({ json: { items: ctx.store.outlets() } }),
  },
  {
    method: 'GET', path: '/api/stats', summary: 'What the store holds: counts, dates, coders, size',
    query: EmptyQuery, returns: 'articles, analyses, events, clusters, quotes, actors, references, places, framing, outlets, first/last published, coders, bytes',
    handle: (ctx) => ({ json: ctx.store.stats() }),
  },
  {
    method: 'GET', path: '/api/export', summary: 'The events matching the filters in an export format (docs/export.md), streamed as a download',
    query: ExportQuery, returns: 'the export', produces: Object.values(EXPORT_TYPES).map((t) => t.type),
    handle: async (ctx, { query, res }) => {
      const { format, ...filters } = query as z.output<typeof ExportQuery>;
      const { type, extension } = EXPORT_TYPES[format];
      res.writeHead(200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="events.${extension}"`, 'Cache-Control': 'no-store' });
      try {
        await exportEvents(ctx.exportStore, format, eventFilters(filters), res);
        res.end();
      } catch (e) {
        // the status is sent already: a failed export can only be cut short, which the client sees as an incomplete download
        res.destroy();
        if (!(e instanceof OutputClosed)) throw e;
      }
    },
  },
];

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** Finds the route of a request; a known path with another method is a 405 that lists the allowed ones. */
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } {
  const allowed: string[] = [];
  for (const c of COMPILED) {
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    if (c.route.method !== method) {
      allowed.push(c.route.method);
      continue;
    }
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(c.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
    } catch {
      throw new HttpError(400, 'the path is not valid percent-encoding');
    }
    return { route: c.route, params };
  }
  if (allowed.length) throw new HttpError(405, `${method} is not allowed here (${allowed.join(', ')})`, [], { Allow: allowed.join(', ') });
  throw new HttpError(404, `no such endpoint: ${pathname} (the endpoints are listed at /api/openapi.json)`);
}

/** Validates a request against its route and runs the handler. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<{ status?: number; json: unknown } | void> {
  const { route, params } = matchRoute(req.method ?? 'GET', url.pathname);
  const query = parseWith(route.query, queryObject(url.searchParams), 'query') as Record<string, unknown>;
  const body = route.body ? parseWith(route.body, await readJson(req, ctx.maxBodyBytes), 'body') : undefined;
  return route.handle(ctx, { req, res, params, query, body });
}
