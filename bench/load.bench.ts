// npm run bench:load: latency of GET /api/events and GET /api/dyads on a store of 100,000 events.
// The store is generated (bench/synthetic.ts) through the Store interface, the server runs in a
// process of its own (as `demarche serve` does), and autocannon sends it a bounded mix of requests
// on 127.0.0.1 only: at one connection (the latency of a request alone) and at several (under load).
// Environment: LOAD_EVENTS (100000), LOAD_SECONDS per run (10), LOAD_CONNECTIONS (1,4,8).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/sqlite.js';
import { fillStore, SYNTHETIC_ACTORS } from './synthetic.js';

const EVENTS = Number(process.env.LOAD_EVENTS ?? 100_000);
const EVENTS_PER_ARTICLE = 20;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = (process.env.LOAD_CONNECTIONS ?? '1,4,8').split(',').map(Number);
const GOAL_P99_MS = 50;

const dir = mkdtempSync(join(tmpdir(), 'demarche-load-'));
const dbPath = join(dir, 'load.db');

// ---- the store -------------------------------------------------------------------------------
let t0 = performance.now();
const store = new SqliteStore(dbPath);
const articles = Math.ceil(EVENTS / EVENTS_PER_ARTICLE);
let written = 0;
// each article is its own transaction in the Store; batching them in an outer one (a savepoint
// each) only saves the commits, which a bulk load does not need
for (let k = 0; k < articles; k += 250) {
  store.db.transaction(() => {
    written += fillStore(store, { articles: Math.min(250, articles - k), eventsPerArticle: EVENTS_PER_ARTICLE, seed: 1, offset: k });
  })();
}
store.db.pragma('wal_checkpoint(TRUNCATE)');
store.close();
console.log(`store: ${written.toLocaleString('en')} events in ${articles.toLocaleString('en')} articles, ${(statSync(dbPath).size / 2 ** 20).toFixed(0)} MB, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- the server, in its own process -------------------------------------------------------------
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const server = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--db', dbPath, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});

// ---- the request mixes --------------------------------------------------------------------------
/** mulberry32, so that every run sends the same requests */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
const countries = SYNTHETIC_ACTORS.filter((a) => a.kind === 'state').map((a) => a.country!);
const month = () => `${2021 + Math.floor(next() * 4)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`;
const range = () => {
  const m = month();
  return `from=${m}-01&to=${m}-28`;
};

/** What the events table asks for: pages of the whole store and of every filter the dashboard has. */
const eventPaths = Array.from({ length: 400 }, () => {
  const sort = `sort=${pick(['date-desc', 'date-asc'])}`;
  const offset = `offset=${pick([0, 0, 0, 50, 100, 500, 2000])}`;
  const filter = pick([
    '', `country=${pick(countries)}`, `type=${pick(['ACCUSE', 'AGREE', 'ASSAULT', 'CONSULT', 'THREATEN'])}`, `quad=${1 + Math.floor(next() * 4)}`,
    range(), `country=${pick(countries)}&${range()}`, `actor=${pick(['nikol-pashinyan', 'ilham-aliyev', 'UNO', 'EU'])}`,
    `outlet=${pick(['tass.example', 'bbc.example'])}`, 'quoted=true', `country=${pick(countries)}&type=ACCUSE,REJECT&quoted=false`,
  ]);
  return `/api/events?${[filter, sort, offset, 'limit=50'].filter(Boolean).join('&')}`;
});

/** What the dyad timeline asks for: two sides (countries mostly, some actors), by week or month, sometimes a year. */
const dyadPaths = Array.from({ length: 400 }, () => {
  const a = pick(countries);
  let b = pick([...countries, 'UNO', 'EU']);
  if (b === a) b = countries[(countries.indexOf(a) + 1) % countries.length];
  const year = next() < 0.3 ? `&from=${2021 + Math.floor(next() * 4)}-01-01&to=${2021 + Math.floor(next() * 4)}-12-31` : '';
  return `/api/dyads?a=${a}&b=${b}&interval=${pick(['week', 'month'])}${year}`;
});

async function measure(name: string, paths: string[], connections: number) {
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }],
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(`${name.padEnd(12)} ${String(connections).padStart(2)} connection${connections === 1 ? ' ' : 's'}: p50 ${String(result.latency.p50).padStart(4)} ms, `
    + `p99 ${String(result.latency.p99).padStart(4)} ms, max ${result.latency.max} ms, ${result.requests.average.toFixed(0)} requests/s, `
    + `${result.requests.total.toLocaleString('en')} requests${bad ? `, ${bad} failed` : ''}`);
  return { p99: result.latency.p99, bad };
}

let failed = false;
try {
  // a first pass through each mix, so that the measurement does not include the page cache filling
  for (const path of [...eventPaths.slice(0, 50), ...dyadPaths.slice(0, 50)]) await (await fetch(new URL(path, baseUrl))).arrayBuffer();
  t0 = performance.now();
  console.log(`autocannon on ${baseUrl}, ${SECONDS} s a run, ${eventPaths.length} distinct requests a mix; goal p99 ≤ ${GOAL_P99_MS} ms`);
  for (const connections of CONNECTIONS) {
    for (const [name, paths] of [['/api/events', eventPaths], ['/api/dyads', dyadPaths]] as const) {
      const { p99, bad } = await measure(name, paths, connections);
      if (bad) failed = true;
      if (p99 > GOAL_P99_MS) console.log(`  ${name} at ${connections}: p99 above the goal`);
    }
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('some requests failed');
  process.exitCode = 1;
}
