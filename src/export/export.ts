// Stored events out, in one of the export formats, streamed to any writable (stdout, a file).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { CODER_VERSION } from '../pipeline/analyze.js';
import type { EventFilters, Store } from '../store/store.js';
import { EVENT_COLUMNS, type Cell } from './columns.js';
import { toGdeltRow, tsvLine } from './gdelt.js';
import { toPlover } from './plover.js';

export const EXPORT_FORMATS = ['plover-jsonl', 'gdelt-tsv', 'csv', 'parquet', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes in chunks of about this many characters, waiting for the stream to drain. */
const CHUNK = 1 << 16;
const PARQUET_ROW_GROUP = 10_000;

class ChunkedOutput {
  private buffered: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffered.length) return;
    const chunk = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    await writeBytes(this.out, chunk);
  }
}

/** The output was closed before the export ended (an HTTP client that went away). */
export class OutputClosed extends Error {
  constructor() {
    super('the output was closed before the export ended');
    this.name = 'OutputClosed';
  }
}

async function writeBytes(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed) throw new OutputClosed();
  if (out.write(chunk)) return;
  // a closed output never drains: stop then, so that the store's iterator is released
  const closed = new AbortController();
  const onClose = () => closed.abort();
  out.once('close', onClose);
  try {
    await once(out, 'drain', { signal: closed.signal });
  } catch (e) {
    if (closed.signal.aborted) throw new OutputClosed();
    throw e;
  } finally {
    out.off('close', onClose);
  }
}

export function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Event rows as Parquet, one row group per batch so that memory holds one batch, not the export. */
async function writeParquet(rows: Iterable<Cell[]>, out: Writable): Promise<void> {
  const bytes = new ByteWriter();
  const columnsOf = (batch: Cell[][]): ColumnSource[] =>
    EVENT_COLUMNS.map((c, i) => ({ name: c.name, type: c.type, data: batch.map((r) => r[i]) }));
  const writer = new ParquetWriter({ writer: bytes, schema: schemaFromColumnData({ columnData: columnsOf([]) }), createdBy: `demarche ${CODER_VERSION}` });
  const drain = async () => {
    const chunk = bytes.getBytes().slice();
    bytes.index = 0;
    await writeBytes(out, chunk);
  };
  let batch: Cell[][] = [];
  const writeBatch = async () => {
    await writer.write({ columnData: columnsOf(batch), rowGroupSize: batch.length });
    batch = [];
    await drain();
  };
  await drain();
  for (const row of rows) {
    batch.push(row);
    if (batch.length === PARQUET_ROW_GROUP) await writeBatch();
  }
  if (batch.length) await writeBatch();
  await writer.finish();
  await drain();
}

/**
 * Writes the events matching the filters and returns the number of records written.
 * gdelt-tsv writes one row per cluster (GDELT's rows are de-duplicated events), leaving out
 * negated ones, for which GDELT has no column; every other format writes one record per mention.
 */
export async function exportEvents(store: Store, format: ExportFormat, filters: EventFilters, out: Writable): Promise<number> {
  const output = new ChunkedOutput(out);
  let records = 0;
  if (format === 'gdelt-tsv') {
    for (const cluster of store.iterateClusters({ negated: false, ...filters })) {
      await output.write(tsvLine(toGdeltRow(cluster)));
      records++;
    }
  } else if (format === 'parquet') {
    const rows = function* () {
      for (const e of store.iterateEvents(filters)) {
        records++;
        yield EVENT_COLUMNS.map((c) => c.value(e));
      }
    };
    await writeParquet(rows(), out);
  } else if (format === 'csv') {
    await output.write(EVENT_COLUMNS.map((c) => c.name).join(',') + '\r\n');
    for (const e of store.iterateEvents(filters)) {
      await output.write(EVENT_COLUMNS.map((c) => csvField(c.value(e))).join(',') + '\r\n');
      records++;
    }
  } else if (format === 'plover-jsonl') {
    for (const e of store.iterateEvents(filters)) {
      await output.write(JSON.stringify(toPlover(e)) + '\n');
      records++;
    }
  } else {
    await output.write('[');
    for (const e of store.iterateEvents(filters)) {
      await output.write((records ? ',\n' : '\n') + JSON.stringify(e));
      records++;
    }
    await output.write(records ? '\n]\n' : ']\n');
  }
  await output.flush();
  return records;
}
