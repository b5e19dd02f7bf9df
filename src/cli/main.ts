#!/usr/bin/env node
// The demarche command line: a thin shell over analyze() and the evaluator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { analyze, CODER_VERSION, InputError } from '../pipeline/analyze.js';
import { getLexicon, type Lexicon } from '../lexicon/compile.js';
import { DictionaryError } from '../lexicon/load.js';
import { finish, formatScores, loadGold, newScores, scoreArticle } from '../eval/score.js';
import type { Analysis, MetaInput } from '../model/analysis.js';
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
  if (bytes.includes(0)) throw new UsageError(`${name}: binary input (contains NUL bytes), expected UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name}: invalid UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new UsageError(`${name}: empty text`);
  return text;
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
