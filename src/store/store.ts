// The one interface through which everything reads and writes stored articles and analyses.
// The CLI, the ingester, the exporters (and the HTTP API and dashboard to come) use only this,
// so another backend (Postgres) can be added by implementing it, without touching the pipeline.
import type { Actor, AgreementRef, Analysis, Event, Place, PloverType, Quote } from '../model/analysis.js';
import type { QuadClass } from '../model/quad.js';

/** An article as stored: its text and what is known about it. */
export interface ArticleRecord {
  /** articleId(text, url) unless the caller gave its own */
  id: string;
  text: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  /** where it was read from: a file path (with a line number for JSONL) or a URL */
  source: string | null;
}

/** What lists show of an article. */
export type ArticleRef = Omit<ArticleRecord, 'text'>;

export interface StoredArticle extends ArticleRecord {
  analysis: Analysis | null;
}

export interface ArticleSummary extends ArticleRef {
  chars: number;
  events: number;
  quotes: number;
  coder_version: string | null;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  /** all matches, not just this page */
  total: number;
  items: T[];
}

export type DateSort = 'date-asc' | 'date-desc';

/** Filters shared by events, clusters and exports. Every given filter must hold. */
export interface EventFilters {
  /** YYYY-MM-DD, inclusive, on the event's date (see docs/store.md for undated and month-only events) */
  from?: string;
  to?: string;
  /** ISO3 country of the source or the target */
  country?: string;
  /** actor id of the source or the target */
  actor?: string;
  type?: PloverType[];
  quad?: QuadClass;
  /** asserted inside a quote */
  quoted?: boolean;
  negated?: boolean;
  outlet?: string;
  article?: string;
  cluster?: string;
}

export interface StoredEvent {
  article: ArticleRef;
  /** position of the event in its article's analysis.events */
  index: number;
  cluster_id: string;
  quad: QuadClass;
  /** the date the filters and sorting use: the event's date, a month or year padded to its first day, else the publication date */
  sort_date: string | null;
  sentence: { index: number; start: number; end: number; text: string };
  /** the coder that produced the event */
  coder: { version: string; dictionaries: string };
  event: Event;
}

/** How a cluster names a side: the actor it was keyed on, as the earliest report gives it. */
export interface ClusterSide {
  /** the clustering key: COUNTRY/SECTOR when the actor has a country, else its id */
  key: string;
  actor: Actor;
}

/** Reports of one event across articles (GDELT's one event row with its counts). */
export interface EventCluster {
  id: string;
  type: PloverType;
  quad: QuadClass;
  negated: boolean;
  cameo: string | null;
  source: ClusterSide | null;
  target: ClusterSide | null;
  /** the span of the reported dates; month- or year-only clusters give that value in both */
  first_date: string | null;
  last_date: string | null;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  /** mean intensity of the mentions */
  intensity: number;
  /** some report gives the event in its first sentence */
  root: boolean;
  /** the earliest report: its article and event index */
  representative: { article: ArticleRef; index: number; event: Event };
}

export interface QuoteFilters {
  from?: string;
  to?: string;
  /** ISO3 country of the speaker */
  country?: string;
  /** words of the speaker's name, as written or as resolved */
  speaker?: string;
  speaker_id?: string;
  direct?: boolean;
  outlet?: string;
  article?: string;
}

export interface StoredQuote {
  article: ArticleRef;
  index: number;
  quote: Quote;
}

export interface ActorFilters {
  country?: string;
  /** words of the name */
  search?: string;
}

export interface ActorSummary {
  actor: Actor;
  mentions: number;
  articles: number;
  events_as_source: number;
  events_as_target: number;
  quotes: number;
}

export type Interval = 'week' | 'month';

/** Events between two sides in one period; a side is an actor id or an ISO3 country. */
export interface DyadPeriod {
  /** YYYY-MM, or ISO week YYYY-Www */
  period: string;
  a_to_b: number;
  b_to_a: number;
  /** both directions together */
  by_quad: Record<QuadClass, number>;
  mean_intensity: number;
  a_to_b_by_quad: Record<QuadClass, number>;
  b_to_a_by_quad: Record<QuadClass, number>;
  /** null when there were no events that way in the period */
  a_to_b_intensity: number | null;
  b_to_a_intensity: number | null;
}

export interface ArticleQuery {
  /** full-text search over title and text (words, all required) */
  search?: string;
  from?: string;
  to?: string;
  outlet?: string;
}

export interface CitationFilters {
  from?: string;
  to?: string;
  outlet?: string;
}

export interface AgreementCitations {
  agreement: AgreementRef;
  citations: number;
  articles: number;
  first_published: string | null;
  last_published: string | null;
}

/** Events from one actor to another, for the actor network. */
export interface NetworkEdge {
  source: Actor;
  target: Actor;
  events: number;
  mean_intensity: number;
  by_quad: Record<QuadClass, number>;
}

/** Events located at one place, for the map. */
export interface EventLocation {
  place: Place;
  events: number;
  mean_intensity: number;
  by_quad: Record<QuadClass, number>;
}

/** Citations of one agreement in the articles published in one period. */
export interface CitationPeriod {
  agreement_id: string;
  /** YYYY-MM, or ISO week YYYY-Www, of the citing articles' publication */
  period: string;
  citations: number;
  articles: number;
}

export interface OutletSummary {
  outlet: string;
  articles: number;
}

export interface CountrySummary {
  /** ISO 3166-1 alpha-3 */
  country: string;
  /** mentions of actors of that country */
  mentions: number;
}

export interface StoreStats {
  articles: number;
  analyses: number;
  events: number;
  clusters: number;
  quotes: number;
  actors: number;
  references: number;
  places: number;
  framing: number;
  outlets: number;
  first_published: string | null;
  last_published: string | null;
  /** analyses per coder version and dictionary hash */
  coders: { version: string; dictionaries: string; articles: number }[];
  bytes: number;
}

export interface PutResult {
  /** new: the article was not stored; recoded: its analysis changed; unchanged: nothing was written */
  status: 'new' | 'recoded' | 'unchanged';
  events: number;
  quotes: number;
}

export interface Store {
  /** Stores the article (if new) and its analysis, replacing an older analysis; one transaction. */
  putAnalysis(article: ArticleRecord, analysis: Analysis): PutResult;
  /** The article is stored with an analysis by this coder version and dictionary hash. */
  hasAnalysis(id: string, version: string, dictionaries: string): boolean;
  getArticle(id: string): StoredArticle | null;
  listArticles(query: ArticleQuery, page: Page, sort?: DateSort): Paged<ArticleSummary>;
  queryEvents(filters: EventFilters, page: Page, sort?: DateSort): Paged<StoredEvent>;
  /** every matching event, in date order, without holding them all in memory */
  iterateEvents(filters: EventFilters, sort?: DateSort): IterableIterator<StoredEvent>;
  /** clusters with at least one mention matching the filters; counts cover all their mentions */
  eventClusters(filters: EventFilters, page: Page, sort?: DateSort): Paged<EventCluster>;
  iterateClusters(filters: EventFilters, sort?: DateSort): IterableIterator<EventCluster>;
  quotes(filters: QuoteFilters, page: Page, sort?: DateSort): Paged<StoredQuote>;
  actors(filters: ActorFilters, page: Page): Paged<ActorSummary>;
  dyads(a: string, b: string, interval: Interval, filters?: Pick<EventFilters, 'from' | 'to' | 'outlet' | 'negated'>): DyadPeriod[];
  agreementCitations(filters?: CitationFilters): AgreementCitations[];
  /** citations of each agreement per period of publication */
  citationsOverTime(interval: Interval, filters?: CitationFilters): CitationPeriod[];
  /** the actor pairs with the most events between them (source to target), most first; negated events left out unless asked for */
  network(filters: EventFilters, limit: number): NetworkEdge[];
  /** where the matching events took place, by place, most events first; negated events left out unless asked for */
  eventLocations(filters: EventFilters, limit: number): EventLocation[];
  /** outlets with their article counts, most first */
  outlets(): OutletSummary[];
  /** countries of the actors mentioned, most mentioned first */
  countries(): CountrySummary[];
  /** ids of articles whose analysis is by another coder version or dictionary hash, or missing */
  staleAnalyses(version: string, dictionaries: string): string[];
  stats(): StoreStats;
  close(): void;
}
