// The SQLite Store: one embedded database file in WAL mode, parameterised SQL only.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Actor, AgreementRef, Analysis, Event, Place, PloverType, Quote } from '../model/analysis.js';
import { QUAD_OF, type QuadClass } from '../model/quad.js';
import { clusterId, clusterKey, dayDate, dayNumber, sideKey, sortDate } from './clusters.js';
import { MIGRATIONS } from './migrations.js';
import type {
  ActorFilters, ActorSummary, AgreementCitations, ArticleQuery, ArticleRecord, ArticleRef, ArticleSummary, CitationFilters, CitationPeriod,
  CountrySummary, DateSort, DyadPeriod, EventCluster, EventFilters, EventLocation, Interval, NetworkEdge, OutletSummary, Page, Paged, PutResult,
  QuoteFilters, Store, StoreStats, StoredArticle, StoredEvent, StoredQuote,
} from './store.js';

type Row = Record<string, unknown>;
type Param = string | number | null;

/** A WHERE clause and its parameters, built from filters. */
class Where {
  readonly parts: string[] = [];
  readonly params: Param[] = [];
  add(sql: string, ...params: Param[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

function eventWhere(f: EventFilters, alias = 'e'): Where {
  const w = new Where();
  const c = (col: string) => `${alias}.${col}`;
  if (f.from) w.add(`${c('sort_date')} >= ?`, f.from);
  if (f.to) w.add(`${c('sort_date')} <= ?`, f.to);
  if (f.country) w.add(`(${c('source_country')} = ? OR ${c('target_country')} = ?)`, f.country, f.country);
  if (f.actor) w.add(`(${c('source_id')} = ? OR ${c('target_id')} = ?)`, f.actor, f.actor);
  if (f.type?.length) w.add(`${c('type')} IN (${f.type.map(() => '?').join(', ')})`, ...f.type);
  if (f.quad) w.add(`${c('quad')} = ?`, f.quad);
  if (f.quoted !== undefined) w.add(`${c('quoted')} = ?`, f.quoted ? 1 : 0);
  if (f.negated !== undefined) w.add(`${c('negated')} = ?`, f.negated ? 1 : 0);
  if (f.outlet) w.add(`${c('outlet')} = ?`, f.outlet);
  if (f.article) w.add(`${c('article_id')} = ?`, f.article);
  if (f.cluster) w.add(`${c('cluster_id')} = ?`, f.cluster);
  return w;
}

/** date-desc is the exact reverse of date-asc (so that an index serves both), except that undated rows come last in both. */
function order(sort: DateSort | undefined, column: string, tieBreak: string[]): string {
  const direction = sort === 'date-desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${column} ${direction} NULLS LAST, ${tieBreak.map((c) => `${c} ${direction}`).join(', ')}`;
}

const EVENT_ORDER_TIE_BREAK = ['e.published', 'e.article_id', 'e.idx'];

/**
 * The events to read for these filters: through events_order, which holds every filter column in
 * date order (migration 2), unless an article or a cluster is named, whose own indexes find its
 * few events directly. Without the hint the planner may pick a one-column index and read every
 * matching row, which is what makes a page slow on a large store.
 */
const eventSource = (f: EventFilters): string => (f.article || f.cluster ? 'events e' : 'events e INDEXED BY events_order');

/** Filters with an index of their own, led by the column and followed by the date. */
const OWN_INDEX_FILTERS = ['type', 'quad', 'outlet', 'quoted'] as const;

/**
 * Where to count the events: a single filter with an index of its own (and a date range, which
 * that index also holds) counts fastest there; any other mix counts fastest in events_order, read
 * without touching a row. Left to itself the planner would pick one filter's index and read every
 * row it finds to test the others, and answers a country or actor filter (an OR over two columns)
 * the same way.
 */
function eventCountSource(f: EventFilters): string {
  const others = [f.country, f.actor, f.negated].filter((v) => v !== undefined).length;
  const own = OWN_INDEX_FILTERS.filter((k) => f[k] !== undefined).length;
  return f.article || f.cluster || (others === 0 && own <= 1) ? 'events e' : eventSource(f);
}

/** Words to an FTS5 query that requires them all; user text never reaches FTS5 syntax. */
function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

const likeWords = (s: string): string[] => (s.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((w) => `%${w.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`);

const articleRef = (r: Row): ArticleRef => ({
  id: r.article_id as string, url: r.url as string | null, title: r.title as string | null,
  outlet: r.a_outlet as string | null, published: r.a_published as string | null, source: r.source as string | null,
});

const ARTICLE_COLUMNS = 'a.url, a.title, a.outlet AS a_outlet, a.published AS a_published, a.source';

function actorOf(r: Row): Actor {
  return {
    id: r.actor_id as string, name: r.name as string, kind: r.kind as Actor['kind'], country: r.country as string | null,
    sector: r.sector as Actor['sector'], cameo: r.cameo as string | null, wikidata: r.wikidata as string | null,
  };
}

/** strftime's format of a period: an ISO week (YYYY-Www) or a month (YYYY-MM) */
const periodFormat = (interval: Interval): string => (interval === 'week' ? '%G-W%V' : '%Y-%m');

const quadCounts = (r: Row): Record<QuadClass, number> => ({ 1: r.q1 as number, 2: r.q2 as number, 3: r.q3 as number, 4: r.q4 as number });

export interface SqliteStoreOptions {
  readonly?: boolean;
}

const MAX_CACHED_STATEMENTS = 500;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.path = path === ':memory:' ? path : resolve(path);
    if (this.path !== ':memory:' && !options.readonly) mkdirSync(dirname(this.path), { recursive: true });
    this.db = new Database(this.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB) keeps the event indexes of a store of some
    // hundred thousand events in memory, so that counting through them does not re-read the file
    this.db.pragma('cache_size = -65536');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL survives the process being killed; only a power loss may lose the last commits
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.migrate();
    }
  }

  /** Applies the migrations this database lacks, each in its own transaction. */
  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => r.version));
    const record = this.db.prepare('INSERT INTO migrations (version, name) VALUES (?, ?)');
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        record.run(m.version, m.name);
      })();
    }
  }

  /**
   * A prepared statement for this SQL, made once: preparing costs more than running most of the
   * store's queries. Statements that iterate are prepared afresh instead, since a statement being
   * iterated cannot run again until its iteration ends.
   */
  private prepare(sql: string, pluck = false): Database.Statement {
    const key = pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      // the filters make a bounded but large set of SQL texts: forget them all now and then rather than track use
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      if (pluck) statement.pluck();
      this.statements.set(key, statement);
    }
    return statement;
  }

  get schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number | null }).v ?? 0;
  }

  close(): void {
    this.db.close();
  }

  // ---- writing -------------------------------------------------------------------------------

  putAnalysis(article: ArticleRecord, analysis: Analysis): PutResult {
    if (analysis.article.id !== article.id) throw new Error(`analysis of ${analysis.article.id} given for article ${article.id}`);
    const json = JSON.stringify(analysis);
    return this.db.transaction((): PutResult => {
      const previous = this.prepare('SELECT json FROM analyses WHERE article_id = ?').get(article.id) as { json: string } | undefined;
      const counts = { events: analysis.events.length, quotes: analysis.quotes.length };
      if (previous?.json === json) return { status: 'unchanged', ...counts };
      this.prepare('INSERT OR IGNORE INTO articles (id, url, title, outlet, published, source, text) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(article.id, article.url, article.title, article.outlet, article.published, article.source, article.text);
      const changed = new Map<string, { min: number | null; max: number | null }>();
      const touch = (key: string, day: number | null) => {
        const span = changed.get(key);
        if (!span) changed.set(key, { min: day, max: day });
        else if (day !== null) {
          span.min = span.min === null ? day : Math.min(span.min, day);
          span.max = span.max === null ? day : Math.max(span.max, day);
        }
      };
      if (previous) {
        for (const r of this.prepare('SELECT cluster_key, day FROM events WHERE article_id = ?').all(article.id) as { cluster_key: string; day: number | null }[]) touch(r.cluster_key, r.day);
        for (const table of ['events', 'quotes', 'actor_mentions', 'agreement_refs', 'place_mentions', 'framing']) {
          this.prepare(`DELETE FROM ${table} WHERE article_id = ?`).run(article.id);
        }
      }
      this.prepare('INSERT OR REPLACE INTO analyses (article_id, coder_version, dictionaries, json) VALUES (?, ?, ?, ?)')
        .run(article.id, analysis.coder.version, analysis.coder.dictionaries, json);
      const stored = this.prepare('SELECT text, published, outlet FROM articles WHERE id = ?').get(article.id) as { text: string; published: string | null; outlet: string | null };
      this.insertLayers(article.id, stored, analysis, touch);
      for (const [key, span] of changed) this.recluster(key, span.min, span.max);
      return { status: previous ? 'recoded' : 'new', ...counts };
    })();
  }

  private insertLayers(id: string, article: { text: string; published: string | null; outlet: string | null }, a: Analysis, touch: (key: string, day: number | null) => void): void {
    const insertEvent = this.prepare(`INSERT INTO events (article_id, idx, sentence, sentence_start, sentence_end, sentence_text,
      trigger_start, trigger_end, type, quad, cameo, source_id, source_country, source_key, target_id, target_country, target_key,
      date, sort_date, day, negated, quoted, speaker_id, intensity, published, outlet, cluster_key, cluster_id, json)
      VALUES (${Array(29).fill('?').join(', ')})`);
    a.events.forEach((e, i) => {
      const s = a.sentences[e.sentence];
      const key = clusterKey(e, id);
      const day = dayNumber(e.date);
      insertEvent.run(id, i, e.sentence, s.start, s.end, article.text.slice(s.start, s.end),
        e.trigger.start, e.trigger.end, e.type, QUAD_OF[e.type], e.cameo,
        e.source?.id ?? null, e.source?.country ?? null, sideKey(e.source), e.target?.id ?? null, e.target?.country ?? null, sideKey(e.target),
        e.date, sortDate(e.date, article.published), day, e.negated ? 1 : 0, e.quoted ? 1 : 0, e.speaker?.id ?? null, e.intensity,
        article.published, article.outlet, key, '', JSON.stringify(e));
      touch(key, day);
    });
    const insertQuote = this.prepare(`INSERT INTO quotes (article_id, idx, start, "end", direct, speaker_text, speaker_id, speaker_name,
      speaker_country, published, outlet, json) VALUES (${Array(12).fill('?').join(', ')})`);
    a.quotes.forEach((q, i) => insertQuote.run(id, i, q.start, q.end, q.direct ? 1 : 0, q.speaker?.text ?? null, q.speaker?.actor?.id ?? null,
      q.speaker?.actor?.name ?? null, q.speaker?.actor?.country ?? null, article.published, article.outlet, JSON.stringify(q)));
    const insertActor = this.prepare(`INSERT INTO actor_mentions (article_id, idx, start, "end", text, actor_id, name, kind, country, sector, cameo, wikidata)
      VALUES (${Array(12).fill('?').join(', ')})`);
    a.actors.forEach((m, i) => insertActor.run(id, i, m.start, m.end, m.text, m.actor.id, m.actor.name, m.actor.kind, m.actor.country, m.actor.sector, m.actor.cameo, m.actor.wikidata));
    const insertRef = this.prepare(`INSERT INTO agreement_refs (article_id, idx, start, "end", text, agreement_id, agreement_json, cited_date, cited_kind)
      VALUES (${Array(9).fill('?').join(', ')})`);
    a.references.forEach((r, i) => insertRef.run(id, i, r.start, r.end, r.text, r.agreement?.id ?? null, r.agreement ? JSON.stringify(r.agreement) : null, r.cited_date, r.cited_kind));
    const insertPlace = this.prepare(`INSERT INTO place_mentions (article_id, idx, start, "end", text, place_id, name, kind, country, lat, lon, contested)
      VALUES (${Array(12).fill('?').join(', ')})`);
    a.places.forEach((p, i) => insertPlace.run(id, i, p.start, p.end, p.text, p.place.id, p.place.name, p.place.kind, p.place.country, p.place.lat, p.place.lon, p.place.contested ? 1 : 0));
    const insertFraming = this.prepare('INSERT INTO framing (article_id, idx, start, "end", text, denotes, used_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
    a.framing.forEach((f, i) => insertFraming.run(id, i, f.start, f.end, f.text, f.denotes, f.used_by));
  }

  /**
   * Re-cuts the clusters of one key after its mentions between days minDay and maxDay changed
   * (see clusters.ts). Windows that end before minDay cannot change; from there the windows are
   * recomputed until one starts, after maxDay, where an old one started: from that day on the
   * old cut and the new one agree.
   */
  private recluster(key: string, minDay: number | null, maxDay: number | null): void {
    if (minDay === null || maxDay === null) {
      this.writeCluster(key, clusterId(key, null), null);
      return;
    }
    const kept = this.prepare('SELECT MAX(first_day) AS d FROM clusters WHERE key = ? AND first_day < ?').get(key, minDay - 1) as { d: number | null };
    const scanFrom = kept.d === null ? Number.MIN_SAFE_INTEGER : kept.d + 2;
    const nextDays = this.prepare('SELECT DISTINCT day FROM events WHERE cluster_key = ? AND day > ? ORDER BY day LIMIT 256', true);
    const oldStart = this.prepare('SELECT 1 FROM clusters WHERE key = ? AND first_day = ?', true);
    const starts: number[] = [];
    let syncedAt: number | null = null;
    let windowEnd = Number.MIN_SAFE_INTEGER;
    scan: for (let after = scanFrom - 1; ;) {
      const days = nextDays.all(key, after) as number[];
      if (!days.length) break;
      for (const day of days) {
        if (day <= windowEnd) continue;
        if (day > maxDay && oldStart.get(key, day)) {
          syncedAt = day;
          break scan;
        }
        starts.push(day);
        windowEnd = day + 1;
      }
      after = days[days.length - 1];
    }
    this.prepare('DELETE FROM clusters WHERE key = ? AND first_day >= ? AND first_day < ?').run(key, scanFrom, syncedAt ?? Number.MAX_SAFE_INTEGER);
    for (const start of starts) this.writeCluster(key, clusterId(key, start), start);
  }

  /** Points the window's mentions (all of the key's when firstDay is null) at the cluster and writes its counts. */
  private writeCluster(key: string, id: string, firstDay: number | null): void {
    if (firstDay === null) this.prepare('UPDATE events SET cluster_id = ? WHERE cluster_key = ? AND cluster_id != ?').run(id, key, id);
    else this.prepare('UPDATE events SET cluster_id = ? WHERE cluster_key = ? AND day BETWEEN ? AND ? AND cluster_id != ?').run(id, key, firstDay, firstDay + 1, id);
    const agg = this.prepare(`SELECT COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles,
      COUNT(DISTINCT COALESCE(outlet, 'article:' || article_id)) AS sources, AVG(intensity) AS intensity, MAX(sentence = 0) AS root,
      MIN(day) AS first_day, MAX(day) AS last_day, MIN(date) AS first_date, MAX(date) AS last_date
      FROM events WHERE cluster_id = ?`).get(id) as Row;
    if (!agg.mentions) {
      this.prepare('DELETE FROM clusters WHERE id = ?').run(id);
      return;
    }
    const rep = this.prepare(`SELECT article_id, idx, type, quad, negated, source_key, target_key FROM events WHERE cluster_id = ?
      ORDER BY published IS NULL, published, day, article_id, idx LIMIT 1`).get(id) as Row;
    const first = agg.first_day as number | null;
    const last = agg.last_day as number | null;
    this.prepare(`INSERT OR REPLACE INTO clusters (id, key, type, quad, negated, source_key, target_key, first_day, last_day, first_date, last_date,
      num_mentions, num_articles, num_sources, intensity, root, rep_article_id, rep_idx) VALUES (${Array(18).fill('?').join(', ')})`)
      .run(id, key, rep.type as string, rep.quad as number, rep.negated as number, rep.source_key as string | null, rep.target_key as string | null,
        first, last, first === null ? (agg.first_date as string | null) : dayDate(first), last === null ? (agg.last_date as string | null) : dayDate(last),
        agg.mentions as number, agg.articles as number, agg.sources as number, agg.intensity as number, agg.root as number,
        rep.article_id as string, rep.idx as number);
  }

  // ---- reading -------------------------------------------------------------------------------

  hasAnalysis(id: string, version: string, dictionaries: string): boolean {
    return this.prepare('SELECT 1 FROM analyses WHERE article_id = ? AND coder_version = ? AND dictionaries = ?').get(id, version, dictionaries) !== undefined;
  }

  getArticle(id: string): StoredArticle | null {
    const r = this.prepare(`SELECT a.id, a.url, a.title, a.outlet, a.published, a.source, a.text, n.json FROM articles a
      LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = ?`).get(id) as Row | undefined;
    if (!r) return null;
    return {
      id: r.id as string, url: r.url as string | null, title: r.title as string | null, outlet: r.outlet as string | null,
      published: r.published as string | null, source: r.source as string | null, text: r.text as string,
      analysis: r.json ? (JSON.parse(r.json as string) as Analysis) : null,
    };
  }

  listArticles(query: ArticleQuery, page: Page, sort: DateSort = 'date-desc'): Paged<ArticleSummary> {
    const w = new Where();
    let from = 'articles a';
    if (query.search !== undefined) {
      const fts = ftsQuery(query.search);
      if (!fts) return { total: 0, items: [] };
      from = 'articles_fts f JOIN articles a ON a.rowid = f.rowid';
      w.add('articles_fts MATCH ?', fts);
    }
    if (query.from) w.add('a.published >= ?', query.from);
    if (query.to) w.add('a.published <= ?', query.to);
    if (query.outlet) w.add('a.outlet = ?', query.outlet);
    const total = (this.prepare(`SELECT COUNT(*) AS n FROM ${from} ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.prepare(`SELECT a.id, a.url, a.title, a.outlet, a.published, a.source, length(a.text) AS chars, n.coder_version,
        (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events, (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
      FROM ${from} LEFT JOIN analyses n ON n.article_id = a.id ${w.sql} ${order(sort, 'a.published', ['a.rowid'])} LIMIT ? OFFSET ?`)
      .all(...w.params, page.limit, page.offset) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string, url: r.url as string | null, title: r.title as string | null, outlet: r.outlet as string | null,
        published: r.published as string | null, source: r.source as string | null, chars: r.chars as number,
        events: r.events as number, quotes: r.quotes as number, coder_version: r.coder_version as string | null,
      })),
    };
  }

  private eventSql(f: EventFilters, sort: DateSort | undefined): { sql: string; params: Param[] } {
    const w = eventWhere(f);
    return {
      sql: `SELECT e.article_id, e.idx, e.cluster_id, e.quad, e.sort_date, e.sentence, e.sentence_start, e.sentence_end, e.sentence_text, e.json,
        n.coder_version, n.dictionaries, ${ARTICLE_COLUMNS}
        FROM events e JOIN articles a ON a.id = e.article_id JOIN analyses n ON n.article_id = e.article_id ${w.sql} ${order(sort, 'e.sort_date', EVENT_ORDER_TIE_BREAK)}`,
      params: w.params,
    };
  }

  private static toEvent(r: Row): StoredEvent {
    return {
      article: articleRef(r), index: r.idx as number, cluster_id: r.cluster_id as string, quad: r.quad as QuadClass, sort_date: r.sort_date as string | null,
      sentence: { index: r.sentence as number, start: r.sentence_start as number, end: r.sentence_end as number, text: r.sentence_text as string },
      coder: { version: r.coder_version as string, dictionaries: r.dictionaries as string },
      event: JSON.parse(r.json as string) as Event,
    };
  }

  /**
   * A country filter is an OR over two columns, which no single index answers. With it, unless an
   * actor is named too, the count is the source side's plus the target side's less the events on
   * both, each a seek on an index led by that side's country that holds the other filters
   * (migration 3). An actor alone is counted the same way on the actor indexes. Any other mix is
   * counted as eventCountSource says.
   */
  private countEvents(filters: EventFilters, w: Where): number {
    const count = (sql: string, ...params: Param[]) => this.prepare(sql, true).get(...params) as number;
    if (filters.country && !filters.actor && !filters.article && !filters.cluster) {
      const rest = eventWhere({ ...filters, country: undefined });
      const and = rest.parts.map((p) => ` AND ${p}`).join('');
      const c = filters.country;
      return count(`SELECT COUNT(*) FROM events e INDEXED BY events_source_side WHERE e.source_country = ?${and}`, c, ...rest.params)
        + count(`SELECT COUNT(*) FROM events e INDEXED BY events_target_side WHERE e.target_country = ?${and}`, c, ...rest.params)
        - count(`SELECT COUNT(*) FROM events e INDEXED BY events_source_side WHERE e.source_country = ? AND e.target_country = ?${and}`, c, c, ...rest.params);
    }
    if (filters.actor && Object.values(filters).filter((v) => v !== undefined).length === 1) {
      const a = filters.actor;
      return count('SELECT COUNT(*) FROM events INDEXED BY events_dyad_actor WHERE source_id = ?', a)
        + count('SELECT COUNT(*) FROM events INDEXED BY events_target_id WHERE target_id = ?', a)
        - count('SELECT COUNT(*) FROM events INDEXED BY events_dyad_actor WHERE source_id = ? AND target_id = ?', a, a);
    }
    return count(`SELECT COUNT(*) FROM ${eventCountSource(filters)} ${w.sql}`, ...w.params);
  }

  /** The page's keys come from the index alone; only the page's own rows are then read whole. */
  queryEvents(filters: EventFilters, page: Page, sort?: DateSort): Paged<StoredEvent> {
    const w = eventWhere(filters);
    const total = this.countEvents(filters, w);
    const ordered = order(sort, 'e.sort_date', EVENT_ORDER_TIE_BREAK);
    const rows = this.prepare(`SELECT e.article_id, e.idx, e.cluster_id, e.quad, e.sort_date, e.sentence, e.sentence_start, e.sentence_end, e.sentence_text, e.json,
        n.coder_version, n.dictionaries, ${ARTICLE_COLUMNS}
      FROM (SELECT e.article_id, e.idx FROM ${eventSource(filters)} ${w.sql} ${ordered} LIMIT ? OFFSET ?) page
      JOIN events e ON e.article_id = page.article_id AND e.idx = page.idx JOIN articles a ON a.id = e.article_id JOIN analyses n ON n.article_id = e.article_id
      ${ordered}`).all(...w.params, page.limit, page.offset) as Row[];
    return { total, items: rows.map(SqliteStore.toEvent) };
  }

  *iterateEvents(filters: EventFilters, sort?: DateSort): IterableIterator<StoredEvent> {
    const { sql, params } = this.eventSql(filters, sort);
    for (const r of this.db.prepare(sql).iterate(...params) as IterableIterator<Row>) yield SqliteStore.toEvent(r);
  }

  private clusterSql(f: EventFilters, sort: DateSort | undefined): { sql: string; params: Param[] } {
    const w = eventWhere(f);
    const filtered = w.parts.length ? `WHERE c.id IN (SELECT e.cluster_id FROM events e ${w.sql})` : '';
    return {
      sql: `SELECT c.*, r.json AS rep_json, r.idx, r.article_id, ${ARTICLE_COLUMNS} FROM clusters c
        JOIN events r ON r.article_id = c.rep_article_id AND r.idx = c.rep_idx JOIN articles a ON a.id = c.rep_article_id
        ${filtered} ${order(sort, 'COALESCE(c.first_date, a.published)', ['c.id'])}`,
      params: w.params,
    };
  }

  private static toCluster(r: Row): EventCluster {
    const event = JSON.parse(r.rep_json as string) as Event;
    return {
      id: r.id as string, type: r.type as PloverType, quad: r.quad as QuadClass, negated: r.negated === 1, cameo: event.cameo,
      source: event.source ? { key: r.source_key as string, actor: event.source } : null,
      target: event.target ? { key: r.target_key as string, actor: event.target } : null,
      first_date: r.first_date as string | null, last_date: r.last_date as string | null,
      num_mentions: r.num_mentions as number, num_articles: r.num_articles as number, num_sources: r.num_sources as number,
      intensity: r.intensity as number, root: r.root === 1,
      representative: { article: articleRef(r), index: r.idx as number, event },
    };
  }

  eventClusters(filters: EventFilters, page: Page, sort?: DateSort): Paged<EventCluster> {
    const w = eventWhere(filters);
    const total = (w.parts.length
      ? this.prepare(`SELECT COUNT(DISTINCT e.cluster_id) AS n FROM events e ${w.sql}`).get(...w.params)
      : this.prepare('SELECT COUNT(*) AS n FROM clusters').get()) as { n: number };
    const { sql, params } = this.clusterSql(filters, sort);
    return { total: total.n, items: (this.prepare(`${sql} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as Row[]).map(SqliteStore.toCluster) };
  }

  *iterateClusters(filters: EventFilters, sort?: DateSort): IterableIterator<EventCluster> {
    const { sql, params } = this.clusterSql(filters, sort);
    for (const r of this.db.prepare(sql).iterate(...params) as IterableIterator<Row>) yield SqliteStore.toCluster(r);
  }

  quotes(filters: QuoteFilters, page: Page, sort?: DateSort): Paged<StoredQuote> {
    const w = new Where();
    if (filters.from) w.add('q.published >= ?', filters.from);
    if (filters.to) w.add('q.published <= ?', filters.to);
    if (filters.country) w.add('q.speaker_country = ?', filters.country);
    if (filters.speaker_id) w.add('q.speaker_id = ?', filters.speaker_id);
    for (const word of likeWords(filters.speaker ?? '')) w.add("(q.speaker_text LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\')", word, word);
    if (filters.direct !== undefined) w.add('q.direct = ?', filters.direct ? 1 : 0);
    if (filters.outlet) w.add('q.outlet = ?', filters.outlet);
    if (filters.article) w.add('q.article_id = ?', filters.article);
    const total = (this.prepare(`SELECT COUNT(*) AS n FROM quotes q ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.prepare(`SELECT q.article_id, q.idx, q.json, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
      ${w.sql} ${order(sort, 'q.published', ['q.article_id', 'q.idx'])} LIMIT ? OFFSET ?`).all(...w.params, page.limit, page.offset) as Row[];
    return { total, items: rows.map((r) => ({ article: articleRef(r), index: r.idx as number, quote: JSON.parse(r.json as string) as Quote })) };
  }

  actors(filters: ActorFilters, page: Page): Paged<ActorSummary> {
    const w = new Where();
    if (filters.country) w.add('m.country = ?', filters.country);
    for (const word of likeWords(filters.search ?? '')) w.add("m.name LIKE ? ESCAPE '\\'", word);
    const total = (this.prepare(`SELECT COUNT(DISTINCT m.actor_id) AS n FROM actor_mentions m ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.prepare(`SELECT m.actor_id, MIN(m.name) AS name, MIN(m.kind) AS kind, MIN(m.country) AS country, MIN(m.sector) AS sector,
        MIN(m.cameo) AS cameo, MIN(m.wikidata) AS wikidata, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,
        (SELECT COUNT(*) FROM events e WHERE e.source_id = m.actor_id) AS as_source,
        (SELECT COUNT(*) FROM events e WHERE e.target_id = m.actor_id) AS as_target,
        (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = m.actor_id) AS quotes
      FROM actor_mentions m ${w.sql} GROUP BY m.actor_id ORDER BY mentions DESC, m.actor_id LIMIT ? OFFSET ?`).all(...w.params, page.limit, page.offset) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        actor: actorOf(r), mentions: r.mentions as number, articles: r.articles as number,
        events_as_source: r.as_source as number, events_as_target: r.as_target as number, quotes: r.quotes as number,
      })),
    };
  }

  /** The side names a country that some event's actor has (ARM), rather than an actor id (UNO, nikol-pashinyan). */
  private isCountry(side: string): boolean {
    return this.prepare('SELECT 1 FROM events INDEXED BY events_dyad_country WHERE source_country = ? LIMIT 1', true).get(side) !== undefined
      || this.prepare('SELECT 1 FROM events INDEXED BY events_target_side WHERE target_country = ? LIMIT 1', true).get(side) !== undefined;
  }

  /**
   * Negated events are left out unless filters.negated says otherwise: "did not attack" is no attack.
   * A side that names a country matches every actor of that country (its state actor, whose id is
   * the country code, among them); any other side matches the actor with that id. So each
   * direction is one seek on an index led by the source's country or id and then the target's.
   */
  dyads(a: string, b: string, interval: Interval, filters: Pick<EventFilters, 'from' | 'to' | 'outlet' | 'negated'> = {}): DyadPeriod[] {
    const w = eventWhere({ negated: false, ...filters }).add('e.sort_date IS NOT NULL');
    const countries = new Map([a, b].map((side) => [side, this.isCountry(side)]));
    const direction = (from: string, to: string, forward: 0 | 1) => {
      const [fromCountry, toCountry] = [countries.get(from)!, countries.get(to)!];
      const index = fromCountry ? 'events_dyad_country' : 'events_dyad_actor';
      const match = `e.${fromCountry ? 'source_country' : 'source_id'} = ? AND e.${toCountry ? 'target_country' : 'target_id'} = ?`;
      return {
        sql: `SELECT e.sort_date, e.quad, e.intensity, ${forward} AS forward FROM events e INDEXED BY ${index} WHERE ${match} AND ${w.parts.join(' AND ')}`,
        params: [from, to, ...w.params],
      };
    };
    const seeks = [direction(a, b, 1), direction(b, a, 0)];
    const quadSums = (prefix: string, condition: string) => [1, 2, 3, 4].map((q) => `SUM(${condition} AND quad = ${q}) AS ${prefix}_q${q}`).join(', ');
    const rows = this.prepare(`SELECT strftime(?, sort_date) AS period, SUM(a_to_b) AS a_to_b, SUM(b_to_a) AS b_to_a,
        ${quadSums('both', '1')}, ${quadSums('a_to_b', 'a_to_b')}, ${quadSums('b_to_a', 'b_to_a')},
        AVG(intensity) AS intensity, AVG(CASE WHEN a_to_b THEN intensity END) AS a_to_b_intensity, AVG(CASE WHEN b_to_a THEN intensity END) AS b_to_a_intensity
      FROM (SELECT sort_date, quad, intensity, forward AS a_to_b, 1 - forward AS b_to_a FROM (${seeks.map((s) => s.sql).join(' UNION ALL ')}))
      GROUP BY period ORDER BY period`).all(periodFormat(interval), ...seeks.flatMap((s) => s.params)) as Row[];
    const byQuad = (r: Row, prefix: string) => ({
      1: r[`${prefix}_q1`] as number, 2: r[`${prefix}_q2`] as number, 3: r[`${prefix}_q3`] as number, 4: r[`${prefix}_q4`] as number,
    });
    return rows.map((r) => ({
      period: r.period as string, a_to_b: r.a_to_b as number, b_to_a: r.b_to_a as number,
      by_quad: byQuad(r, 'both'), mean_intensity: r.intensity as number,
      a_to_b_by_quad: byQuad(r, 'a_to_b'), b_to_a_by_quad: byQuad(r, 'b_to_a'),
      a_to_b_intensity: r.a_to_b_intensity as number | null, b_to_a_intensity: r.b_to_a_intensity as number | null,
    }));
  }

  agreementCitations(filters: CitationFilters = {}): AgreementCitations[] {
    const w = new Where().add('r.agreement_id IS NOT NULL');
    if (filters.from) w.add('a.published >= ?', filters.from);
    if (filters.to) w.add('a.published <= ?', filters.to);
    if (filters.outlet) w.add('a.outlet = ?', filters.outlet);
    const rows = this.prepare(`SELECT r.agreement_id, MIN(r.agreement_json) AS agreement, COUNT(*) AS citations, COUNT(DISTINCT r.article_id) AS articles,
        MIN(a.published) AS first_published, MAX(a.published) AS last_published
      FROM agreement_refs r JOIN articles a ON a.id = r.article_id ${w.sql} GROUP BY r.agreement_id ORDER BY citations DESC, r.agreement_id`).all(...w.params) as Row[];
    return rows.map((r) => ({
      agreement: JSON.parse(r.agreement as string) as AgreementRef, citations: r.citations as number, articles: r.articles as number,
      first_published: r.first_published as string | null, last_published: r.last_published as string | null,
    }));
  }

  citationsOverTime(interval: Interval, filters: CitationFilters = {}): CitationPeriod[] {
    const w = new Where().add('r.agreement_id IS NOT NULL').add('a.published IS NOT NULL');
    if (filters.from) w.add('a.published >= ?', filters.from);
    if (filters.to) w.add('a.published <= ?', filters.to);
    if (filters.outlet) w.add('a.outlet = ?', filters.outlet);
    return this.prepare(`SELECT r.agreement_id, strftime(?, a.published) AS period, COUNT(*) AS citations, COUNT(DISTINCT r.article_id) AS articles
      FROM agreement_refs r JOIN articles a ON a.id = r.article_id ${w.sql} GROUP BY r.agreement_id, period ORDER BY r.agreement_id, period`)
      .all(periodFormat(interval), ...w.params) as CitationPeriod[];
  }

  /** An actor as events give it: the first event that has it as its source, else as its target. */
  private eventActor(id: string): Actor | null {
    const json = (this.prepare("SELECT json_extract(json, '$.source') FROM events WHERE source_id = ? LIMIT 1", true).get(id)
      ?? this.prepare("SELECT json_extract(json, '$.target') FROM events WHERE target_id = ? LIMIT 1", true).get(id)) as string | undefined;
    return json ? (JSON.parse(json) as Actor) : null;
  }

  network(filters: EventFilters, limit: number): NetworkEdge[] {
    const f = { negated: false, ...filters };
    const w = eventWhere(f).add('e.source_id IS NOT NULL').add('e.target_id IS NOT NULL');
    const rows = this.prepare(`SELECT e.source_id, e.target_id, COUNT(*) AS events, AVG(e.intensity) AS intensity,
        SUM(e.quad = 1) AS q1, SUM(e.quad = 2) AS q2, SUM(e.quad = 3) AS q3, SUM(e.quad = 4) AS q4
      FROM ${eventSource(f)} ${w.sql} GROUP BY e.source_id, e.target_id ORDER BY events DESC, e.source_id, e.target_id LIMIT ?`).all(...w.params, limit) as Row[];
    const actors = new Map<string, Actor | null>();
    const actor = (id: string) => {
      if (!actors.has(id)) actors.set(id, this.eventActor(id));
      return actors.get(id)!;
    };
    return rows.flatMap((r) => {
      const source = actor(r.source_id as string);
      const target = actor(r.target_id as string);
      return source && target ? [{ source, target, events: r.events as number, mean_intensity: r.intensity as number, by_quad: quadCounts(r) }] : [];
    });
  }

  eventLocations(filters: EventFilters, limit: number): EventLocation[] {
    const f = { negated: false, ...filters };
    const w = eventWhere(f).add("json_extract(e.json, '$.location.id') IS NOT NULL");
    const rows = this.prepare(`SELECT json_extract(e.json, '$.location.id') AS place_id, MIN(json_extract(e.json, '$.location')) AS place, COUNT(*) AS events,
        AVG(e.intensity) AS intensity, SUM(e.quad = 1) AS q1, SUM(e.quad = 2) AS q2, SUM(e.quad = 3) AS q3, SUM(e.quad = 4) AS q4
      FROM events e ${w.sql} GROUP BY place_id ORDER BY events DESC, place_id LIMIT ?`).all(...w.params, limit) as Row[];
    return rows.map((r) => ({ place: JSON.parse(r.place as string) as Place, events: r.events as number, mean_intensity: r.intensity as number, by_quad: quadCounts(r) }));
  }

  outlets(): OutletSummary[] {
    return this.prepare('SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet').all() as OutletSummary[];
  }

  countries(): CountrySummary[] {
    return this.prepare('SELECT country, COUNT(*) AS mentions FROM actor_mentions WHERE country IS NOT NULL GROUP BY country ORDER BY mentions DESC, country').all() as CountrySummary[];
  }

  staleAnalyses(version: string, dictionaries: string): string[] {
    return this.prepare(`SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
      WHERE n.article_id IS NULL OR n.coder_version != ? OR n.dictionaries != ? ORDER BY a.rowid`, true).all(version, dictionaries) as string[];
  }

  stats(): StoreStats {
    const count = (sql: string) => (this.prepare(sql, true).get() as number | null) ?? 0;
    const dates = this.prepare('SELECT MIN(published) AS first, MAX(published) AS last FROM articles').get() as { first: string | null; last: string | null };
    return {
      articles: count('SELECT COUNT(*) FROM articles'),
      analyses: count('SELECT COUNT(*) FROM analyses'),
      events: count('SELECT COUNT(*) FROM events'),
      clusters: count('SELECT COUNT(*) FROM clusters'),
      quotes: count('SELECT COUNT(*) FROM quotes'),
      actors: count('SELECT COUNT(DISTINCT actor_id) FROM actor_mentions'),
      references: count('SELECT COUNT(*) FROM agreement_refs'),
      places: count('SELECT COUNT(*) FROM place_mentions'),
      framing: count('SELECT COUNT(*) FROM framing'),
      outlets: count('SELECT COUNT(DISTINCT outlet) FROM articles'),
      first_published: dates.first,
      last_published: dates.last,
      coders: this.prepare(`SELECT coder_version AS version, dictionaries, COUNT(*) AS articles FROM analyses
        GROUP BY coder_version, dictionaries ORDER BY articles DESC`).all() as StoreStats['coders'],
      bytes: count('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()'),
    };
  }
}

/** The database path: the option, else $DEMARCHE_DB, else ./demarche.db. */
export function defaultDbPath(option?: string): string {
  return resolve(option ?? process.env.DEMARCHE_DB ?? 'demarche.db');
}

export function openStore(path: string = defaultDbPath()): SqliteStore {
  return new SqliteStore(path);
}
