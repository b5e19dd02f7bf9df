// What `npm start` does: open (or create) the database, fill it from examples/ when it is empty,
// say what it holds, and serve the dashboard over it.
import { fileURLToPath } from 'node:url';
import { getLexicon } from '../lexicon/compile.js';
import { ingest, type IngestSummary } from '../ingest/ingest.js';
import { QUAD_CLASSES } from '../model/quad.js';
import { defaultDbPath, SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { startServer, type RunningServer } from '../server/server.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

export interface StartOptions {
  db?: string;
  examples?: string;
  /** where problems with the examples are reported */
  onProblem?: (input: string, problem: string) => void;
}

export interface Started {
  store: SqliteStore;
  /** what was ingested from the examples, when the database was empty */
  seeded: IngestSummary | null;
}

export async function start(options: StartOptions = {}): Promise<Started> {
  const store = new SqliteStore(defaultDbPath(options.db));
  let seeded: IngestSummary | null = null;
  if (store.stats().articles === 0) {
    seeded = await ingest([options.examples ?? EXAMPLES_DIR], {
      store, lexicon: getLexicon(),
      onItem: (o) => {
        if (o.status === 'problem') options.onProblem?.(o.input, o.problem);
      },
    });
  }
  return { store, seeded };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** A few lines saying what the store holds: counts, dates, coders, the most reported events and the most named actors. */
export function formatSummary(store: Store, path: string): string {
  const s = store.stats();
  const lines = [
    `${path} (${(s.bytes / 1024).toFixed(0)} kB)`,
    `  ${plural(s.articles, 'article')} from ${plural(s.outlets, 'outlet')}${s.first_published ? `, published ${s.first_published} … ${s.last_published}` : ''}`,
    `  ${plural(s.events, 'event mention')} in ${plural(s.clusters, 'event cluster')}, ${plural(s.quotes, 'quote')}, ${plural(s.actors, 'actor')},`
      + ` ${plural(s.references, 'agreement citation')}, ${plural(s.places, 'place mention')}, ${plural(s.framing, 'contested name')}`,
    ...s.coders.map((c) => `  coded by demarche ${c.version}, dictionaries ${c.dictionaries.slice(0, 12)}…: ${plural(c.articles, 'article')}`),
  ];
  const clusters = store.eventClusters({ negated: false }, { limit: 5, offset: 0 }, 'date-desc').items;
  if (clusters.length) {
    lines.push('  latest events:');
    for (const c of clusters) {
      const side = (x: typeof c.source) => x?.actor.name ?? '—';
      lines.push(`    ${c.first_date ?? 'undated'}  ${c.type.padEnd(9)} ${side(c.source)} → ${side(c.target)}  (${QUAD_CLASSES[c.quad].name}; ${plural(c.num_mentions, 'mention')} in ${plural(c.num_articles, 'article')})`);
    }
  }
  const actors = store.actors({}, { limit: 5, offset: 0 }).items;
  if (actors.length) lines.push(`  most named: ${actors.map((a) => `${a.actor.name} (${a.mentions})`).join(', ')}`);
  return lines.join('\n');
}

export interface ServeOptions {
  host?: string;
  port?: number;
  maxBodyBytes?: number;
  /** where failures behind a 500 are reported (their stack traces never reach a client) */
  onError?: (error: unknown) => void;
}

/**
 * Serves the API and the dashboard over the store. Exports get a read-only connection of their
 * own, so that a long download does not hold up an article being stored.
 */
export async function serve(store: SqliteStore, options: ServeOptions = {}): Promise<RunningServer> {
  const exportStore = new SqliteStore(store.path, { readonly: true });
  try {
    const running = await startServer({ store, exportStore, host: options.host, port: options.port, maxBodyBytes: options.maxBodyBytes, onError: options.onError });
    running.server.once('close', () => exportStore.close());
    return running;
  } catch (e) {
    exportStore.close();
    throw e;
  }
}
