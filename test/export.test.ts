import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { asyncBufferFromFile, parquetReadObjects, parquetMetadataAsync } from 'hyparquet';
import { EVENT_COLUMNS } from '../src/export/columns.js';
import { csvField, exportEvents, type ExportFormat } from '../src/export/export.js';
import { GDELT_COLUMNS, globalEventId } from '../src/export/gdelt.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { EventFilters } from '../src/store/store.js';
import { ARM, AZE, PASHINYAN, RUS, UN, makeArticle, tempDir } from './store-fixtures.js';

const dir = tempDir('export');
const dbPath = join(dir, 'export.db');
const store = new SqliteStore(dbPath);
const corpus = [
  makeArticle({ outlet: 'armenpress.am', url: 'https://armenpress.am/1', published: '2023-03-16', title: 'Yerevan, "Baku"', events: [{ type: 'ACCUSE', source: PASHINYAN, target: AZE, date: '2023-03-16', intensity: -4 }], speaker: PASHINYAN }),
  makeArticle({ outlet: 'apa.az', url: 'https://apa.az/2', published: '2023-03-17', events: [{ type: 'ACCUSE', source: ARM, target: AZE, date: '2023-03-16', intensity: -2 }, { type: 'REJECT', source: AZE, target: ARM, date: '2023-03-17', negated: true }] }),
  makeArticle({ outlet: 'tass.ru', published: '2023-04-02', events: [{ type: 'CONSULT', source: RUS, target: UN, date: '2023-04' }] }),
];
for (const a of corpus) store.putAnalysis(a.article, a.analysis);

async function run(format: ExportFormat, filters: EventFilters = {}): Promise<{ text: string; records: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const records = await exportEvents(store, format, filters, out);
  return { text: Buffer.concat(chunks).toString('utf8'), records };
}

/** RFC 4180 rows, enough to read back what csvField writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('export', () => {
  it('PLOVER JSONL: one record per mention with the manual’s field names', async () => {
    const { text, records } = await run('plover-jsonl');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(records, 4);
    assert.equal(lines.length, 4);
    const [first] = lines;
    for (const field of ['id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'event_loc', 'event_text', 'quad_code', 'event_scale', 'link', 'text', 'text_info', 'cite_info', 'coder']) assert.ok(field in first, field);
    assert.equal(first.date, '2023-03-16');
    assert.deepEqual(first.event, ['ACCUSE']);
    assert.equal(first.quad_code, 3);
    assert.deepEqual(first.actor, [{ code: 'ARM', sector: 'GOV', entity_text: 'Nikol', identifier_id: 'Q7062', identifier_text: 'Nikol Pashinyan' }]);
    assert.equal((first.recipient as { code: string }[])[0].code, 'AZE');
    assert.equal((first.cite_info as { url: string }).url, 'https://armenpress.am/1');
    const consult = lines.find((l) => (l.event as string[])[0] === 'CONSULT')!;
    assert.equal((consult.recipient as { code: string }[])[0].code, 'UNO');
    assert.equal(consult.date, '2023-04-01');
    assert.equal((consult.demarche as { date: string }).date, '2023-04');
    // the two reports of the accusation share PLOVER's link
    const accusations = lines.filter((l) => (l.event as string[])[0] === 'ACCUSE');
    assert.equal(accusations[0].link, accusations[1].link);
  });

  it('GDELT TSV: 61 columns, one row per cluster with its counts, negated events left out', async () => {
    assert.equal(GDELT_COLUMNS.length, 61);
    const { text, records } = await run('gdelt-tsv');
    const rows = text.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(records, 2);
    for (const r of rows) assert.equal(r.length, 61);
    const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, rows[0][i]]));
    const cluster = store.eventClusters({ type: ['ACCUSE'] }, { limit: 1, offset: 0 }).items[0];
    assert.equal(row.GLOBALEVENTID, globalEventId(cluster.id));
    assert.deepEqual([row.SQLDATE, row.MonthYear, row.Year, row.FractionDate], ['20230316', '202303', '2023', '2023.2055']);
    assert.deepEqual([row.Actor1Code, row.Actor1Name, row.Actor1CountryCode, row.Actor1Type1Code, row.Actor2Code], ['ARMGOV', 'NIKOL PASHINYAN', 'ARM', 'GOV', 'AZE']);
    assert.deepEqual([row.EventCode, row.EventBaseCode, row.EventRootCode, row.QuadClass, row.GoldsteinScale], ['112', '112', '11', '3', '-3']);
    assert.deepEqual([row.NumMentions, row.NumSources, row.NumArticles, row.IsRootEvent], ['2', '2', '2', '1']);
    assert.deepEqual([row.DATEADDED, row.SOURCEURL], ['20230316000000', 'https://armenpress.am/1']);
    const consult = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, rows[1][i]]));
    assert.deepEqual([consult.SQLDATE, consult.Actor2Code, consult.Actor2KnownGroupCode], ['20230401', 'IGOUNO', 'UNO']);
  });

  it('CSV: a header, then one quoted row per mention; filters apply', async () => {
    const { text } = await run('csv', { country: 'AZE' });
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], EVENT_COLUMNS.map((c) => c.name));
    assert.equal(rows.length, 4);
    const title = rows[0].indexOf('title');
    assert.equal(rows[1][title], 'Yerevan, "Baku"');
    assert.equal(csvField('a "b", c'), '"a ""b"", c"');
    assert.equal((await run('csv', { country: 'AZE', outlet: 'apa.az', negated: false })).text.trim().split('\r\n').length, 2);
    assert.equal((await run('csv', { from: '2023-04-01' })).records, 1);
  });

  it('JSON: an array of stored events', async () => {
    const { text } = await run('json', { type: ['CONSULT'] });
    const parsed = JSON.parse(text) as { event: { type: string }; cluster_id: string }[];
    assert.deepEqual(parsed.map((e) => e.event.type), ['CONSULT']);
    assert.deepEqual(JSON.parse((await run('json', { actor: 'nobody' })).text), []);
  });

  it('Parquet: reads back with its columns, types and rows, in batches and empty', async () => {
    const path = join(dir, 'events.parquet');
    const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('../src/cli/main.ts', import.meta.url).pathname, 'export', '--db', dbPath, '--format', 'parquet', '--out', path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 records written/);
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    assert.deepEqual(metadata.schema.slice(1).map((s) => s.name), EVENT_COLUMNS.map((c) => c.name));
    const rows = await parquetReadObjects({ file, metadata });
    assert.equal(rows.length, 4);
    assert.deepEqual([rows[0].type, rows[0].source_country, rows[0].quad_class, rows[0].negated, rows[0].intensity], ['ACCUSE', 'ARM', 3, false, -4]);
    assert.equal(rows[3].location_lat, null);
    assert.equal(readFileSync(path).subarray(0, 4).toString(), 'PAR1');
    const empty = new PassThrough();
    const chunks: Buffer[] = [];
    empty.on('data', (c: Buffer) => chunks.push(c));
    assert.equal(await exportEvents(store, 'parquet', { actor: 'nobody' }, empty), 0);
    const bytes = Buffer.concat(chunks);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    assert.deepEqual(await parquetReadObjects({ file: buffer }), []);
  });
});
