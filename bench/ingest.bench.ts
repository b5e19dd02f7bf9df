// npm run bench:ingest: the whole ingest path (JSONL reading, analyze(), the SQLite store with its
// clusters) over at least 10,000 articles built from the peer-suite sentences, into a fresh database.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLexicon } from '../src/index.js';
import { ingest } from '../src/ingest/ingest.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { peerSentences } from './corpus.js';

const ARTICLES = Math.max(10_000, Number(process.env.BENCH_ARTICLES ?? 0));
const OUTLETS = ['apnews.example', 'reuters.example', 'tass.example', 'armenpress.example', 'apa.example', 'aljazeera.example', 'bbc.example', 'xinhua.example'];

const sentences = peerSentences();
const dir = mkdtempSync(join(tmpdir(), 'demarche-bench-'));
const corpus = join(dir, 'articles.jsonl');
const lines: string[] = [];
for (let k = 0; k < ARTICLES; k++) {
  // four to nine sentences, picked with a stride so that articles differ while sharing reports of the same events
  const size = 4 + (k % 6);
  const group = Array.from({ length: size }, (_, j) => sentences[(k * 7 + j * 131) % sentences.length]);
  const published = new Date(Date.UTC(2024, 0, 1) + (k % 366) * 86_400_000).toISOString().slice(0, 10);
  const outlet = OUTLETS[k % OUTLETS.length];
  lines.push(JSON.stringify({ text: group.join(' '), published, url: `https://${outlet}/${k}`, outlet }));
}
writeFileSync(corpus, lines.join('\n') + '\n');

const t0 = performance.now();
const lexicon = getLexicon();
const compileMs = performance.now() - t0;
const dbPath = join(dir, 'bench.db');
const store = new SqliteStore(dbPath);
const t1 = performance.now();
const summary = await ingest([corpus], { store, lexicon });
const seconds = (performance.now() - t1) / 1000;
store.db.pragma('wal_checkpoint(TRUNCATE)');
const stats = store.stats();
store.close();
const bytes = statSync(dbPath).size;

const per = (n: number) => Math.round(n / seconds).toLocaleString('en');
console.log(`corpus: ${ARTICLES.toLocaleString('en')} articles (${sentences.length} unique peer-suite sentences, 4-9 per article), one core`);
console.log(`lexicon compile: ${compileMs.toFixed(0)} ms (once per process, not counted below)`);
console.log(`ingest: ${seconds.toFixed(1)} s, ${per(summary.articles)} articles/s, ${per(summary.events)} events/s (${summary.events.toLocaleString('en')} events, ${summary.quotes.toLocaleString('en')} quotes, ${summary.errors} errors)`);
console.log(`clusters: ${stats.clusters.toLocaleString('en')} from ${stats.events.toLocaleString('en')} event mentions`);
console.log(`database: ${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(bytes / ARTICLES).toLocaleString('en')} bytes per article)`);
console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
