// kill -9 in the middle of an ingest, then the same ingest again: the database must be exactly
// the one an uninterrupted run gives.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { dumpTables, tempDir } from './store-fixtures.js';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const ARTICLES = 240;

const COUNTRIES = ['Armenia', 'Azerbaijan', 'Russia', 'Ukraine', 'Turkey', 'Iran', 'Israel', 'France'];
const VERBS = ['accused', 'condemned', 'praised', 'met', 'threatened', 'urged'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function generate(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    const a = COUNTRIES[i % COUNTRIES.length];
    const b = COUNTRIES[(i * 3 + 1) % COUNTRIES.length];
    const text = `${a}’s Foreign Ministry on ${DAYS[i % DAYS.length]} ${VERBS[i % VERBS.length]} ${b} over the border incident. `
      + `“We will respond to any provocation,” the ministry’s spokesperson said in a statement, number ${i}.`;
    const published = `2024-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`;
    writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.json`), JSON.stringify({ text, published, url: `https://news.example/${i}`, title: `Story ${i}` }));
  }
}

function ingest(db: string, inputs: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', inputs, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
}

const finished = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

function storedArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('ingest killed with SIGKILL', () => {
  it('run again, gives exactly the database of an uninterrupted run', async () => {
    const dir = tempDir('kill');
    const inputs = join(dir, 'articles');
    generate(inputs);
    const cleanDb = join(dir, 'clean.db');
    const killedDb = join(dir, 'killed.db');
    const victim = ingest(killedDb, inputs);
    const victimDone = finished(victim);
    let atKill = 0;
    for (const started = Date.now(); Date.now() - started < 60_000; await sleep(25)) {
      atKill = storedArticles(killedDb);
      if (atKill >= 20) break;
    }
    victim.kill('SIGKILL');
    await victimDone;
    const survived = storedArticles(killedDb);
    assert.ok(atKill >= 20 && survived < ARTICLES, `killed after ${atKill} articles, ${survived} stored`);

    // the uninterrupted run to compare with, on the other core while the killed one is run again
    const cleanDone = finished(ingest(cleanDb, inputs));
    const rerun = ingest(killedDb, inputs);
    let out = '';
    rerun.stdout!.on('data', (c: Buffer) => (out += c));
    assert.equal(await finished(rerun), 0);
    assert.match(out, new RegExp(`ingested ${ARTICLES} articles \\(${ARTICLES - survived} new, 0 recoded, ${survived} already stored\\)`));
    assert.equal(await cleanDone, 0);

    const expected = dumpTables(cleanDb);
    assert.equal(expected.articles.length, ARTICLES);
    assert.deepEqual(dumpTables(killedDb), expected);
  });
});
