#!/usr/bin/env node
// The demarche command line: a thin shell over analyze() and the evaluator.
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { analyze, CODER_VERSION, InputError } from '../pipeline/analyze.js';
import { getLexicon, type Lexicon } from '../lexicon/compile.js';
import { DictionaryError } from '../lexicon/load.js';
import { finish, formatScores, loadGold, newScores, scoreArticle } from '../eval/score.js';
import { PLOVER_TYPES, type Analysis, type MetaInput, type PloverType } from '../model/analysis.js';
import { parseQuadClass } from '../model/quad.js';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../export/export.js';
import { PoliteFetcher } from '../ingest/fetch.js';
import { ingest, recode, type IngestSummary } from '../ingest/ingest.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/sources.js';
import { defaultDbPath, SqliteStore } from '../store/sqlite.js';
import type { EventFilters } from '../store/store.js';
import { formatSummary, serve, start } from './start.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../server/server.js';
import { decodeText, InputProblem } from '../ingest/decode.js';
import { formatReport } from './report.js';

/** A user error: one line on stderr naming the input and the problem, exit code 2. */
class UsageError extends Error {}

function fail(e: unknown): never {
  const message = e instanceof UsageError || e instanceof InputError || e instanceof DictionaryError ? e.message : (e as Error).stack ?? String(e);
  process.stderr.write(`demarche: ${message}\n`);
  process.exit(e instanceof UsageError || e instanceof InputError || e instanceof DictionaryError ? 2 : 3);
}

/** Bytes to text: invalid UTF-8 and binary input are errors naming the input. */
export function decodeInput(bytes: Buffer, name: string): string {
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof InputProblem) throw new UsageError(`${name}: ${e.message}`);
    throw e;
  }
}

function readInput(file: string): Buffer {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`${file}: cannot read (${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code ?? err.message})`);
  }
}

function lexiconFor(dicts: string[]): Lexicon {
  return getLexicon(dicts);
}

function write(a: Analysis, format: string): void {
  process.stdout.write(format === 'pretty' ? formatReport(a) + '\n' : JSON.stringify(a) + '\n');
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

const program = new Command();
program.name('demarche').description('Diplomatic and conflict news into verifiable event data.').version(CODER_VERSION);

program.command('analyze')
  .description('analyse one article (FILE or - for stdin), or many with --jsonl')
  .argument('<file>', 'article text file, or - for standard input')
  .option('--published <date>', 'publication date, YYYY-MM-DD (relative dates resolve against it)')
  .option('--url <url>', 'the article URL')
  .option('--title <title>', 'the article title')
  .option('--dict <file>', 'an extra dictionary file (repeatable)', collect, [])
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'pretty']).default('json'))
  .option('--jsonl', 'input is JSON lines: {"text", "published"?, "url"?, "title"?, "id"?}; one Analysis a line out')
  .action((file: string, opts: { published?: string; url?: string; title?: string; dict: string[]; format: string; jsonl?: boolean }) => {
    try {
      if (opts.jsonl) {
        process.exitCode = analyzeJsonl(file, opts.dict, opts.format);
        return;
      }
      // the input is checked before the dictionaries are compiled, so a bad input fails fast
      const name = file === '-' ? 'stdin' : file;
      const text = decodeInput(readInput(file), name);
      const meta: MetaInput = { published: opts.published, url: opts.url, title: opts.title };
      const lexicon = lexiconFor(opts.dict);
      let a: Analysis;
      try {
        a = analyze(text, meta, { lexicon });
      } catch (e) {
        if (e instanceof InputError) throw new UsageError(`${name}: ${e.message}`);
        throw e;
      }
      write(a, opts.format);
    } catch (e) {
      fail(e);
    }
  });

function analyzeJsonl(file: string, dicts: string[], format: string): number {
  const name = file === '-' ? 'stdin' : file;
  const bytes = readInput(file);
  const lexicon = lexiconFor(dicts);
  const lines: Buffer[] = [];
  for (let from = 0; from < bytes.length;) {
    const nl = bytes.indexOf(10, from);
    const end = nl < 0 ? bytes.length : nl;
    lines.push(bytes.subarray(from, end));
    from = end + 1;
  }
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'analyse [{bar}] {value}/{total} articles, {errors} errors' }, cliProgress.Presets.shades_classic) : null;
  let errors = 0;
  bar?.start(lines.length, 0, { errors });
  for (let n = 0; n < lines.length; n++) {
    const where = `${name}:${n + 1}`;
    try {
      const line = decodeInput(lines[n], 'line');
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch (e) {
        throw new UsageError(`not JSON (${(e as Error).message})`);
      }
      if (!item || typeof item !== 'object' || typeof (item as { text?: unknown }).text !== 'string') throw new UsageError('expected an object with a "text" string');
      const { text, published, url, title, id } = item as Record<string, unknown>;
      for (const [k, v] of Object.entries({ published, url, title, id })) if (v !== undefined && v !== null && typeof v !== 'string') throw new UsageError(`"${k}" must be a string`);
      write(analyze(text as string, { published: published as string | undefined, url: url as string | undefined, title: title as string | undefined, id: id as string | undefined }, { lexicon }), format);
    } catch (e) {
      if (!(e instanceof UsageError || e instanceof InputError)) throw e;
      errors++;
      bar?.stop();
      process.stderr.write(`demarche: ${where}: ${e.message.replace(/^line: /, '')} — skipped\n`);
      bar?.start(lines.length, n + 1, { errors });
    }
    bar?.update(n + 1, { errors });
  }
  bar?.stop();
  if (errors) process.stderr.write(`demarche: ${errors} of ${lines.length} articles skipped, ${lines.length - errors} analysed\n`);
  return errors ? 1 : 0;
}

program.command('eval')
  .description('score the analysis against gold files (the format of the contract)')
  .argument('<gold...>', 'gold files (.json, or .jsonl with one article a line)')
  .option('--json', 'machine-readable scores')
  .option('--dict <file>', 'an extra dictionary file (repeatable)', collect, [])
  .action((files: string[], opts: { json?: boolean; dict: string[] }) => {
    try {
      const lexicon = lexiconFor(opts.dict);
      const scores = newScores();
      let articles = 0;
      for (const f of files) {
        let items;
        try {
          items = loadGold(f);
        } catch (e) {
          throw new UsageError((e as Error).message.startsWith(f) ? (e as Error).message : `${f}: ${(e as Error).message}`);
        }
        for (const item of items) {
          scoreArticle(item, analyze(item.text, { published: item.published }, { lexicon }), scores);
          articles++;
        }
      }
      finish(scores);
      if (opts.json) process.stdout.write(JSON.stringify({ articles, scores }, null, 1) + '\n');
      else process.stdout.write(`${articles} gold article(s)\n${formatScores(scores)}\n`);
    } catch (e) {
      fail(e);
    }
  });

const dbOption = () => new Option('--db <path>', 'the database file (default $DEMARCHE_DB, else ./demarche.db)');

/** Progress on stderr when it is a terminal; problem lines are written between redraws. */
class Progress {
  private readonly bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: '{task} [{bar}] {value}/{total} | {articles} articles, {events} events, {errors} errors', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  private started = false;
  constructor(private readonly task: string) {}

  update(done: number, total: number, s: IngestSummary): void {
    const payload = { task: this.task, articles: s.articles, events: s.events, errors: s.errors };
    if (!this.bar) return;
    if (!this.started) {
      this.bar.start(total, done, payload);
      this.started = true;
    } else {
      this.bar.setTotal(total);
      this.bar.update(done, payload);
    }
  }

  problem(input: string, problem: string): void {
    if (this.started) this.bar?.stop();
    process.stderr.write(`demarche: ${input}: ${problem}\n`);
    if (this.started) this.bar?.start(this.bar.getTotal(), this.bar.getProgress() * this.bar.getTotal());
  }

  stop(): void {
    if (this.started) this.bar?.stop();
  }
}

const formatSummaryLine = (verb: string, s: IngestSummary): string =>
  `${verb} ${s.articles} articles (${s.new} new, ${s.recoded} recoded, ${s.unchanged} already stored): ${s.events} events, ${s.quotes} quotes, ${s.errors} errors`;

function positiveNumber(name: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number ≥ 0.`);
    return n;
  };
}

program.command('ingest')
  .description('analyse and store articles: files (.txt .html .json .jsonl, RSS/Atom .xml .rss .atom), folders (recursively) and http(s) URLs of pages or feeds')
  .argument('<inputs...>', 'files, folders or URLs')
  .addOption(dbOption())
  .option('--dict <file>', 'an extra dictionary file (repeatable)', collect, [])
  .option('--delay <ms>', 'least time between two requests to one host', positiveNumber('--delay'), 1000)
  .option('--timeout <s>', 'time limit for one page', positiveNumber('--timeout'), 20)
  .option('--max-bytes <n>', 'size limit of a file, a JSONL line or a fetched page', positiveNumber('--max-bytes'), DEFAULT_MAX_FILE_BYTES)
  .action(async (inputs: string[], opts: { db?: string; dict: string[]; delay: number; timeout: number; maxBytes: number }) => {
    try {
      const store = new SqliteStore(defaultDbPath(opts.db));
      const lexicon = lexiconFor(opts.dict);
      const progress = new Progress('ingest');
      let inputsDone = 0;
      let inputsTotal = 0;
      const summary = await ingest(inputs, {
        store, lexicon, maxFileBytes: opts.maxBytes,
        fetcher: new PoliteFetcher({ delayMs: opts.delay, timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes }),
        onItem: (o, s) => {
          if (o.status === 'problem') progress.problem(o.input, o.problem);
          progress.update(inputsDone, inputsTotal, s);
        },
        onInput: (done, total) => {
          inputsDone = done;
          inputsTotal = total;
        },
      });
      progress.stop();
      store.close();
      process.stdout.write(formatSummaryLine('ingested', summary) + '\n');
      process.exitCode = summary.errors ? 1 : 0;
    } catch (e) {
      fail(e);
    }
  });

program.command('recode')
  .description('analyse again the stored articles coded by another coder version or with other dictionaries')
  .addOption(dbOption())
  .option('--dict <file>', 'an extra dictionary file (repeatable)', collect, [])
  .action((opts: { db?: string; dict: string[] }) => {
    try {
      const store = new SqliteStore(defaultDbPath(opts.db));
      const progress = new Progress('recode');
      const summary = recode({
        store, lexicon: lexiconFor(opts.dict),
        onItem: (o, s, done, total) => {
          if (o.status === 'problem') progress.problem(o.input, o.problem);
          progress.update(done, total, s);
        },
      });
      progress.stop();
      store.close();
      process.stdout.write(formatSummaryLine('recoded', summary) + '\n');
      process.exitCode = summary.errors ? 1 : 0;
    } catch (e) {
      fail(e);
    }
  });

function isoDateOption(name: string): (v: string) => string {
  return (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError(`${name} must be a date YYYY-MM-DD.`);
    return v;
  };
}

program.command('export')
  .description('write the stored events: PLOVER JSONL, GDELT 2.0 event TSV (one row per event cluster), CSV, Parquet or JSON')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('plover-jsonl'))
  .option('--from <date>', 'events on or after this date', isoDateOption('--from'))
  .option('--to <date>', 'events on or before this date', isoDateOption('--to'))
  .option('--country <iso3>', 'source or target in this country (ISO 3166-1 alpha-3)')
  .option('--actor <id>', 'source or target is this actor')
  .option('--type <types>', 'PLOVER event types, comma-separated')
  .option('--quad <class>', 'quad class: 1-4 or verbal-cooperation, material-cooperation, verbal-conflict, material-conflict')
  .option('--outlet <outlet>', 'reported by this outlet')
  .option('--out <file>', 'write here instead of standard output')
  .action(async (opts: { db?: string; format: ExportFormat; from?: string; to?: string; country?: string; actor?: string; type?: string; quad?: string; outlet?: string; out?: string }) => {
    try {
      const filters: EventFilters = { from: opts.from, to: opts.to, country: opts.country?.toUpperCase(), actor: opts.actor, outlet: opts.outlet };
      if (opts.type) {
        filters.type = opts.type.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean).map((t) => {
          if (!PLOVER_TYPES.includes(t as PloverType)) throw new UsageError(`--type: ${t} is not a PLOVER event type (${PLOVER_TYPES.join(' ')})`);
          return t as PloverType;
        });
      }
      if (opts.quad) {
        const quad = parseQuadClass(opts.quad);
        if (!quad) throw new UsageError(`--quad: "${opts.quad}" is not a quad class`);
        filters.quad = quad;
      }
      if (opts.format === 'parquet' && !opts.out && process.stdout.isTTY) throw new UsageError('Parquet is binary: give --out FILE or redirect standard output');
      const path = defaultDbPath(opts.db);
      if (!existsSync(path)) throw new UsageError(`${path}: no such database (ingest some articles first)`);
      const store = new SqliteStore(path, { readonly: true });
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      const records = await exportEvents(store, opts.format, filters, out);
      store.close();
      if (opts.out) {
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        process.stderr.write(`demarche: ${records} records written to ${opts.out}\n`);
      }
    } catch (e) {
      fail(e);
    }
  });

const hostOption = () => new Option('--host <host>', 'the address to listen on (127.0.0.1: this machine only)').default(DEFAULT_HOST);
const portOption = () => new Option('--port <port>', 'the port to listen on (0: any free one)').argParser(portNumber).default(DEFAULT_PORT);

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535.');
  return n;
}

/** Serves until SIGINT or SIGTERM, then closes the server and the store. */
async function serveUntilStopped(store: SqliteStore, opts: { host: string; port: number }): Promise<void> {
  let running;
  try {
    running = await serve(store, { host: opts.host, port: opts.port, onError: (e) => process.stderr.write(`demarche: ${(e as Error).stack ?? String(e)}\n`) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`${opts.host}:${opts.port} is in use: give another --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`--host ${opts.host}: not an address of this machine`);
    throw e;
  }
  process.stdout.write(`dashboard and API at ${running.url} (the API is described at ${running.url}api/openapi.json); Ctrl-C stops\n`);
  const stop = () => {
    void running.close().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

program.command('serve')
  .description('serve the HTTP API and the dashboard over the database')
  .addOption(dbOption())
  .addOption(hostOption())
  .addOption(portOption())
  .action(async (opts: { db?: string; host: string; port: number }) => {
    try {
      await serveUntilStopped(new SqliteStore(defaultDbPath(opts.db)), opts);
    } catch (e) {
      fail(e);
    }
  });

program.command('start')
  .description('open (or create) the database, ingest examples/ when it is empty, summarise what it holds and serve the dashboard (npm start)')
  .addOption(dbOption())
  .addOption(hostOption())
  .addOption(portOption())
  .action(async (opts: { db?: string; host: string; port: number }) => {
    try {
      const { store, seeded } = await start({ db: opts.db, onProblem: (input, problem) => process.stderr.write(`demarche: ${input}: ${problem}\n`) });
      if (seeded) process.stdout.write(formatSummaryLine('the database was empty: ingested examples/,', seeded) + '\n');
      process.stdout.write(formatSummary(store, store.path) + '\n');
      await serveUntilStopped(store, opts);
    } catch (e) {
      fail(e);
    }
  });

program.command('demo')
  .description('analyse the example articles in examples/ and print the readable report')
  .option('--dir <dir>', 'folder of example articles (.json: {text, published, title, url})', new URL('../../examples/', import.meta.url).pathname)
  .action((opts: { dir: string }) => {
    try {
      const lexicon = lexiconFor([]);
      const files = readdirSync(opts.dir).filter((f) => f.endsWith('.json')).sort();
      for (const f of files) {
        const item = JSON.parse(readFileSync(join(opts.dir, f), 'utf8')) as MetaInput & { text: string };
        process.stdout.write(`\n=== ${f}: ${item.title ?? ''}\n`);
        process.stdout.write(formatReport(analyze(item.text, item, { lexicon })) + '\n');
      }
    } catch (e) {
      fail(e);
    }
  });

// keep stdin-based readers from hanging on a closed pipe
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

await program.parseAsync(process.argv);
