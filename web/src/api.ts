// The dashboard's calls to the HTTP API, typed with the server's own types.
import type { Analysis } from '../../src/model/analysis.js';
import type {
  ActorSummary, AgreementCitations, ArticleSummary, CountrySummary, DyadPeriod, EventLocation, NetworkEdge, OutletSummary, Paged,
  StoreStats, StoredArticle, StoredEvent, StoredQuote,
} from '../../src/store/store.js';

export type { DyadPeriod, EventLocation, NetworkEdge, StoredEvent };

type Params = Record<string, string | number | undefined>;

interface Country extends CountrySummary {
  name: string;
  numeric: string | null;
}

export interface AgreementTimeline extends AgreementCitations {
  timeline: { period: string; citations: number; articles: number }[];
}

export class ApiError extends Error {}

export function queryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiError(body.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

const get = <T>(path: string, params: Params = {}) => call<T>(path + queryString(params));

export const api = {
  stats: () => get<StoreStats>('/api/stats'),
  articles: (params: Params) => get<Paged<ArticleSummary>>('/api/articles', params),
  article: (id: string) => get<StoredArticle>(`/api/articles/${encodeURIComponent(id)}`),
  analyze: (body: { text: string; published?: string | null; title?: string | null }) =>
    call<Analysis>('/api/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  events: (params: Params) => get<Paged<StoredEvent>>('/api/events', params),
  quotes: (params: Params) => get<Paged<StoredQuote>>('/api/quotes', params),
  actors: (params: Params) => get<Paged<ActorSummary>>('/api/actors', params),
  countries: () => get<{ items: Country[] }>('/api/countries'),
  outlets: () => get<{ items: OutletSummary[] }>('/api/outlets'),
  dyads: (params: Params) => get<{ periods: DyadPeriod[] }>('/api/dyads', params),
  network: (params: Params) => get<{ edges: NetworkEdge[] }>('/api/network', params),
  locations: (params: Params) => get<{ items: EventLocation[] }>('/api/locations', params),
  agreements: (params: Params) => get<{ items: AgreementTimeline[] }>('/api/agreements', params),
};
