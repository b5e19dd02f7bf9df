// The SQLite schema as numbered migrations. A database records the ones applied in `migrations`;
// opening it applies the missing ones in order, each in its own transaction. Never edit a
// migration that has shipped: add the next number.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, analyses, layers, clusters, full-text index',
    sql: `
CREATE TABLE articles (
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  title TEXT,
  outlet TEXT,
  published TEXT,
  source TEXT,
  text TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet, published);
CREATE INDEX articles_url ON articles (url);

-- the article text, searchable; kept in step with articles by the triggers below
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'rowid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE analyses (
  article_id TEXT PRIMARY KEY REFERENCES articles (id),
  coder_version TEXT NOT NULL,
  dictionaries TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX analyses_coder ON analyses (coder_version, dictionaries);

-- one row per event mention; the filter columns are copied out of the Event, which is kept whole in json
CREATE TABLE events (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  sentence_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  type TEXT NOT NULL,
  quad INTEGER NOT NULL,
  cameo TEXT,
  source_id TEXT,
  source_country TEXT,
  source_key TEXT,
  target_id TEXT,
  target_country TEXT,
  target_key TEXT,
  date TEXT,
  sort_date TEXT,
  day INTEGER,
  negated INTEGER NOT NULL,
  quoted INTEGER NOT NULL,
  speaker_id TEXT,
  intensity REAL NOT NULL,
  published TEXT,
  outlet TEXT,
  cluster_key TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX events_date ON events (sort_date);
CREATE INDEX events_type ON events (type, sort_date);
CREATE INDEX events_quad ON events (quad, sort_date);
CREATE INDEX events_source_country ON events (source_country, sort_date);
CREATE INDEX events_target_country ON events (target_country, sort_date);
CREATE INDEX events_source_id ON events (source_id, sort_date);
CREATE INDEX events_target_id ON events (target_id, sort_date);
CREATE INDEX events_outlet ON events (outlet, sort_date);
CREATE INDEX events_quoted ON events (quoted, sort_date);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_cluster_key ON events (cluster_key, day);

-- reports of one event across articles (see src/store/clusters.ts)
CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  quad INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  source_key TEXT,
  target_key TEXT,
  first_day INTEGER,
  last_day INTEGER,
  first_date TEXT,
  last_date TEXT,
  num_mentions INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  intensity REAL NOT NULL,
  root INTEGER NOT NULL,
  rep_article_id TEXT NOT NULL,
  rep_idx INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX clusters_key ON clusters (key, first_day);
CREATE INDEX clusters_date ON clusters (first_date);

CREATE TABLE quotes (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  direct INTEGER NOT NULL,
  speaker_text TEXT,
  speaker_id TEXT,
  speaker_name TEXT,
  speaker_country TEXT,
  published TEXT,
  outlet TEXT,
  json TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker_id, published);
CREATE INDEX quotes_country ON quotes (speaker_country, published);
CREATE INDEX quotes_published ON quotes (published);

CREATE TABLE actor_mentions (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  cameo TEXT,
  wikidata TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);
CREATE INDEX actor_mentions_country ON actor_mentions (country);

CREATE TABLE agreement_refs (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  agreement_id TEXT,
  agreement_json TEXT,
  cited_date TEXT,
  cited_kind TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX agreement_refs_agreement ON agreement_refs (agreement_id);

CREATE TABLE place_mentions (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  place_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  lat REAL,
  lon REAL,
  contested INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX place_mentions_place ON place_mentions (place_id);

CREATE TABLE framing (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  denotes TEXT NOT NULL,
  used_by TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX framing_denotes ON framing (denotes, used_by);
`,
  },
  {
    version: 2,
    name: 'covering indexes for event pages and dyads',
    // Event rows are wide (the Event JSON, the sentence), so a query that must read them for every
    // candidate is slow on a large store. events_order holds every filter column in sort order: a
    // page walks it and stops after the page, and a count reads it without touching a row. The two
    // dyad indexes find a source's events towards a target by country or by actor id (they extend,
    // and so replace, the one-column source indexes).
    sql: `
CREATE INDEX events_order ON events (sort_date, published, type, quad, source_country, target_country, source_id, target_id, quoted, negated, outlet, intensity);
DROP INDEX events_source_country;
DROP INDEX events_source_id;
CREATE INDEX events_dyad_country ON events (source_country, target_country, target_id, sort_date, negated, quad, intensity, outlet);
CREATE INDEX events_dyad_actor ON events (source_id, target_id, source_country, target_country, sort_date, negated, quad, intensity, outlet);
`,
  },
  {
    version: 3,
    name: 'side indexes that count a country with other filters',
    // A country filter is an OR over the source and the target. Led by the country and holding
    // every other filter column but the actor ids, these count it as the source's events plus the
    // target's less those on both sides, each a seek, instead of reading all of events_order; the
    // target one replaces the one-column index it extends.
    sql: `
CREATE INDEX events_source_side ON events (source_country, type, quoted, quad, negated, outlet, sort_date, target_country);
CREATE INDEX events_target_side ON events (target_country, type, quoted, quad, negated, outlet, sort_date, source_country);
DROP INDEX events_target_country;
`,
  },
];
