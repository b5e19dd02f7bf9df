// The flat event row shared by the CSV and Parquet exports: one row per event mention, each
// column with its Parquet type. Adding a column here adds it to both.
import type { Actor } from '../model/analysis.js';
import type { StoredEvent } from '../store/store.js';

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
export type Cell = string | number | boolean | null;

export interface Column {
  name: string;
  type: ColumnType;
  value: (e: StoredEvent) => Cell;
}

const side = (role: 'source' | 'target', pick: (e: StoredEvent) => Actor | null): Column[] => [
  { name: `${role}_id`, type: 'STRING', value: (e) => pick(e)?.id ?? null },
  { name: `${role}_name`, type: 'STRING', value: (e) => pick(e)?.name ?? null },
  { name: `${role}_country`, type: 'STRING', value: (e) => pick(e)?.country ?? null },
  { name: `${role}_sector`, type: 'STRING', value: (e) => pick(e)?.sector ?? null },
  { name: `${role}_cameo`, type: 'STRING', value: (e) => pick(e)?.cameo ?? null },
  { name: `${role}_text`, type: 'STRING', value: (e) => e.event[`${role}_mention`]?.text ?? null },
];

export const EVENT_COLUMNS: readonly Column[] = [
  { name: 'article_id', type: 'STRING', value: (e) => e.article.id },
  { name: 'event_index', type: 'INT32', value: (e) => e.index },
  { name: 'cluster_id', type: 'STRING', value: (e) => e.cluster_id },
  { name: 'date', type: 'STRING', value: (e) => e.event.date },
  { name: 'date_basis', type: 'STRING', value: (e) => e.event.date_basis },
  { name: 'sort_date', type: 'STRING', value: (e) => e.sort_date },
  { name: 'type', type: 'STRING', value: (e) => e.event.type },
  { name: 'quad_class', type: 'INT32', value: (e) => e.quad },
  { name: 'mode', type: 'STRING', value: (e) => e.event.mode },
  { name: 'cameo', type: 'STRING', value: (e) => e.event.cameo },
  ...side('source', (e) => e.event.source),
  ...side('target', (e) => e.event.target),
  { name: 'location_id', type: 'STRING', value: (e) => e.event.location?.id ?? null },
  { name: 'location_name', type: 'STRING', value: (e) => e.event.location?.name ?? null },
  { name: 'location_country', type: 'STRING', value: (e) => e.event.location?.country ?? null },
  { name: 'location_lat', type: 'DOUBLE', value: (e) => e.event.location?.lat ?? null },
  { name: 'location_lon', type: 'DOUBLE', value: (e) => e.event.location?.lon ?? null },
  { name: 'negated', type: 'BOOLEAN', value: (e) => e.event.negated },
  { name: 'quoted', type: 'BOOLEAN', value: (e) => e.event.quoted },
  { name: 'speaker_id', type: 'STRING', value: (e) => e.event.speaker?.id ?? null },
  { name: 'speaker_name', type: 'STRING', value: (e) => e.event.speaker?.name ?? null },
  { name: 'intensity', type: 'DOUBLE', value: (e) => e.event.intensity },
  { name: 'confidence', type: 'DOUBLE', value: (e) => e.event.confidence },
  { name: 'trigger', type: 'STRING', value: (e) => e.event.trigger.text },
  { name: 'trigger_start', type: 'INT32', value: (e) => e.event.trigger.start },
  { name: 'trigger_end', type: 'INT32', value: (e) => e.event.trigger.end },
  { name: 'sentence_index', type: 'INT32', value: (e) => e.sentence.index },
  { name: 'sentence_start', type: 'INT32', value: (e) => e.sentence.start },
  { name: 'sentence_end', type: 'INT32', value: (e) => e.sentence.end },
  { name: 'sentence', type: 'STRING', value: (e) => e.sentence.text },
  { name: 'url', type: 'STRING', value: (e) => e.article.url },
  { name: 'title', type: 'STRING', value: (e) => e.article.title },
  { name: 'outlet', type: 'STRING', value: (e) => e.article.outlet },
  { name: 'published', type: 'STRING', value: (e) => e.article.published },
  { name: 'coder_version', type: 'STRING', value: (e) => e.coder.version },
];
