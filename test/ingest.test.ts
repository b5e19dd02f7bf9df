import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingest, recode, type ItemOutcome } from '../src/ingest/ingest.js';
import { expandInputs } from '../src/ingest/sources.js';
import { articleId } from '../src/pipeline/analyze.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { lexicon } from './helpers.js';
import { dumpTables, tempDir } from './store-fixtures.js';

const ARTICLE = 'Armenia’s Foreign Ministry on Thursday accused President Ilham Aliyev of Azerbaijan of threatening a new war. '
  + '“We will not accept any ultimatum,” Prime Minister Nikol Pashinyan said in Yerevan.';
const HTML = `<!doctype html><html><head><title>Site | Story</title>
<meta property="og:title" content="Yerevan accuses Baku"><meta property="og:site_name" content="Armenpress">
<meta property="article:published_time" content="2023-03-17T09:30:00+04:00">
<link rel="canonical" href="https://armenpress.example/news/1"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Yerevan accuses Baku</h1><p>${ARTICLE}</p><p>The ministry said the remarks undermined the peace process agreed in November 2020, and it called on international partners to respond to them.</p></article>
<footer>© Armenpress</footer></body></html>`;

function batch(dir: string): void {
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'nested', 'page.html'), HTML);
  writeFileSync(join(dir, 'nested', 'one.json'), JSON.stringify({ text: 'Russia’s Foreign Ministry said on Monday that talks with Ukraine would resume.', published: '2024-05-13', url: 'https://tass.example/1', title: 'Talks' }));
  writeFileSync(join(dir, 'nested', 'deeper', 'many.json'), JSON.stringify([{ text: 'NATO said on Tuesday it would send more troops to Lithuania.', published: '2024-05-14' }, { title: 'no text' }]));
  writeFileSync(join(dir, 'lines.jsonl'), [
    JSON.stringify({ text: 'Iran’s foreign ministry said on Friday that talks would resume.', published: '2024-05-10' }),
    '{"text": "broken',
    '',
    JSON.stringify({ text: 'The Kremlin said on Tuesday it had no plans to attend.', published: 'not a date' }),
    JSON.stringify({ text: 'Turkey’s Foreign Ministry on Monday condemned the attack in Kabul.', published: '2024-02-12T08:00:00Z' }),
  ].join('\n'));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  writeFileSync(join(dir, 'empty-page.html'), '<!doctype html><html><head><title>Nothing</title></head><body><nav></nav></body></html>');
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  writeFileSync(join(dir, '.hidden.txt'), 'never read');
}

describe('ingest', () => {
  const dir = tempDir('ingest');
  const inputs = join(dir, 'in');
  batch(inputs);

  it('walks folders recursively in name order, skipping hidden files', () => {
    const files = expandInputs([inputs]).map((f) => f.slice(inputs.length + 1));
    assert.deepEqual(files, ['a.txt', 'binary.txt', 'empty-page.html', 'huge.txt', 'latin1.txt', 'lines.jsonl', 'nested/deeper/many.json', 'nested/one.json', 'nested/page.html', 'photo.jpg']);
  });

  it('codes the good inputs and reports each bad one in one line naming it', async () => {
    const store = new SqliteStore(join(dir, 'faults.db'));
    const outcomes: ItemOutcome[] = [];
    const summary = await ingest([inputs], { store, lexicon, onItem: (o) => outcomes.push(o) });
    const problems = Object.fromEntries(outcomes.filter((o) => o.status === 'problem').map((o) => [o.input.slice(inputs.length + 1), 'problem' in o ? o.problem : '']));
    assert.deepEqual(Object.keys(problems).sort(), ['binary.txt', 'empty-page.html', 'huge.txt', 'latin1.txt', 'lines.jsonl:2', 'lines.jsonl:4', 'nested/deeper/many.json[1]', 'photo.jpg']);
    assert.match(problems['binary.txt'], /binary input/);
    assert.match(problems['latin1.txt'], /invalid UTF-8/);
    assert.match(problems['empty-page.html'], /no article text/);
    assert.match(problems['huge.txt'], /too large \(50\.0 MB; the limit is 10\.0 MB\)/);
    assert.match(problems['lines.jsonl:2'], /not JSON/);
    assert.match(problems['lines.jsonl:4'], /published date "not a date" is not a date/);
    assert.match(problems['nested/deeper/many.json[1]'], /"text" string/);
    assert.match(problems['photo.jpg'], /not a file type demarche reads/);
    for (const p of Object.values(problems)) assert.doesNotMatch(p, /\n/);
    assert.deepEqual([summary.articles, summary.new, summary.errors], [6, 6, 8]);
    assert.equal(store.stats().articles, 6);
    store.close();
  });

  it('takes title, date, outlet and canonical URL from an HTML page, and paragraphs from its body', () => {
    const store = new SqliteStore(join(dir, 'faults.db'));
    const [page] = store.listArticles({ search: 'Yerevan' , outlet: 'Armenpress' }, { limit: 5, offset: 0 }).items;
    assert.deepEqual([page.title, page.published, page.url], ['Yerevan accuses Baku', '2023-03-17', 'https://armenpress.example/news/1']);
    const text = store.getArticle(page.id)!.text;
    assert.ok(text.startsWith(`${ARTICLE}\n\nThe ministry said`), text);
    assert.doesNotMatch(text, /Home|©/);
    const [json] = store.listArticles({ search: 'Talks' }, { limit: 5, offset: 0 }).items.filter((a) => a.url);
    assert.deepEqual([json.outlet, json.published, json.id], ['tass.example', '2024-05-13', articleId('Russia’s Foreign Ministry said on Monday that talks with Ukraine would resume.', 'https://tass.example/1')]);
    const dated = store.listArticles({ search: 'Kabul' }, { limit: 5, offset: 0 }).items[0];
    assert.equal(dated.published, '2024-02-12');
    store.close();
  });

  it('is idempotent: ingesting the same inputs again changes nothing', async () => {
    const path = join(dir, 'faults.db');
    const before = dumpTables(path);
    const store = new SqliteStore(path);
    const summary = await ingest([inputs, join(inputs, 'a.txt')], { store, lexicon });
    store.close();
    assert.deepEqual([summary.new, summary.unchanged, summary.events, summary.quotes], [0, 7, 0, 0]);
    assert.deepEqual(dumpTables(path), before);
  });

  it('recode analyses again what an older coder version stored, and gives the same database as coding afresh', async () => {
    const path = join(dir, 'faults.db');
    const before = dumpTables(path);
    const store = new SqliteStore(path);
    const stale = store.db.prepare("UPDATE analyses SET coder_version = '0.0.1', json = json_set(json, '$.coder.version', '0.0.1') WHERE rowid % 2 = 0").run().changes;
    assert.ok(stale > 0);
    assert.equal(store.staleAnalyses('0.1.0', lexicon.hash).length, stale);
    const summary = recode({ store, lexicon });
    assert.deepEqual([summary.articles, summary.recoded, summary.errors], [stale, stale, 0]);
    assert.equal(recode({ store, lexicon }).articles, 0);
    store.close();
    assert.deepEqual(dumpTables(path), before);
  });
});
