// Event coding measured on the peer suites in ../shared/peer-suites (read there, never copied):
// (a) PLOVER's example sentences: type accuracy; (b) UniversalPetrarch's AFP sentences:
// precision, recall and F1 over (type, source country, target country).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze, getLexicon, type Lexicon } from '../index.js';
import type { Actor, Event } from '../model/analysis.js';

export const PEER_DIR = fileURLToPath(new URL('../../../shared/peer-suites/', import.meta.url));

export function peerFile(rel: string): string | null {
  const path = PEER_DIR + rel;
  if (existsSync(path)) return path;
  if (process.env.CI) throw new Error(`${path} is missing, and CI is set: the peer suites must be present`);
  return null;
}

// The suites' gold codes include CAMEO's older spellings of three countries, and CAMEO codes for
// transnational groups that name no country (IMG militarized group, ISM Islamic movement)
const GOLD_COUNTRY_ALIASES: Record<string, string> = { ITL: 'ITA', JAP: 'JPN', VTN: 'VNM' };
const NO_COUNTRY = new Set(['IGO', 'NGO', 'MNC', 'REB', 'UIS', 'IMG', 'ISM']);
const goldCountry = (code: string): string => GOLD_COUNTRY_ALIASES[code] ?? code;

const readJsonl = <T>(path: string): T[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

interface PloverExample {
  id: string;
  text: string;
  date?: string;
  event_type_current: string;
  source: { code?: string }[];
}

export interface Confusion {
  [gold: string]: { [predicted: string]: number };
}

export interface PloverResult {
  sentences: number;
  found: number;
  accuracy: number;
  confusion: Confusion;
}

/** A gold type is found when an event of that type is emitted and its source country agrees where the gold gives one. */
export function evalPlover(lexicon: Lexicon = getLexicon()): PloverResult | null {
  const path = peerFile('plover/examples.jsonl');
  if (!path) return null;
  const confusion: Confusion = {};
  let found = 0;
  const items = readJsonl<PloverExample>(path);
  for (const ex of items) {
    const a = analyze(ex.text, { published: ex.date ?? null }, { lexicon });
    const gold = ex.event_type_current;
    const countries = ex.source.map((s) => goldCountry(s.code ?? '')).filter((c) => /^[A-Z]{3}$/.test(c) && !NO_COUNTRY.has(c));
    const asserted = a.events.filter((e) => !e.negated);
    const hit = asserted.find((e) => e.type === gold && (!countries.length || countries.includes(actorCode(e.source) ?? '')));
    if (hit) found++;
    const predicted = hit ? gold : asserted.some((e) => e.type === gold) ? 'actors✗' : asserted[0]?.type ?? 'none';
    confusion[gold] ??= {};
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
  }
  return { sentences: items.length, found, accuracy: found / items.length, confusion };
}

interface PetrarchRecord {
  id: string;
  text: string;
  date?: string;
  expected: { source: string; target: string; code: string }[];
}

export interface TupleResult {
  sentences: number;
  /** records without text, left out */
  empty: number;
  gold: number;
  excluded: number;
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: Confusion;
}

/** CAMEO code → PLOVER type, by cameo2plover.json's codes, else its roots; null for codes PLOVER does not code (01). */
export function cameoMapper(): ((code: string) => string | null) | null {
  const path = peerFile('plover/cameo2plover.json');
  if (!path) return null;
  const table = JSON.parse(readFileSync(path, 'utf8')) as { roots: Record<string, string[]>; codes: Record<string, { event: string }> };
  // CAMEO 02 (appeal) is PLOVER's REQUEST as well; the table lists roots 03-20 only
  const roots: Record<string, string> = { '02': 'REQUEST', ...Object.fromEntries(Object.entries(table.roots).map(([r, t]) => [r, t[0]])) };
  return (code: string) => table.codes[code]?.event ?? table.codes[code.slice(0, 3)]?.event ?? roots[code.slice(0, 2)] ?? null;
}

function actorCode(a: Actor | null): string | null {
  if (!a) return null;
  if (a.country) return a.country;
  return a.sector === 'IGO' ? 'IGO' : null;
}

/** The country element of a CAMEO actor code; "---" (and an empty code) means no country is known. */
function countryOf(code: string | undefined): string | null {
  const country = goldCountry(code?.slice(0, 3) ?? '');
  return country && country !== '---' && country !== 'IMG' && country !== 'ISM' ? country : null;
}

export function evalPetrarch(lexicon: Lexicon = getLexicon()): TupleResult | null {
  const path = peerFile('universalpetrarch/validation.jsonl');
  const toPlover = cameoMapper();
  if (!path || !toPlover) return null;
  const confusion: Confusion = {};
  let gold = 0;
  let excluded = 0;
  let predicted = 0;
  let tp = 0;
  const items = readJsonl<PetrarchRecord>(path);
  let empty = 0;
  for (const r of items) {
    // one record of the suite has no text; it cannot be coded by anyone
    if (!r.text.trim()) {
      empty++;
      continue;
    }
    const a = analyze(r.text, { published: r.date ?? null }, { lexicon });
    const key = (type: string, s: string | null, t: string | null): string => `${type}|${s ?? '-'}|${t ?? '-'}`;
    const goldKeys = new Set<string>();
    for (const e of r.expected) {
      const type = toPlover(e.code);
      if (!type) {
        excluded++;
        continue;
      }
      goldKeys.add(key(type, countryOf(e.source), countryOf(e.target)));
    }
    const predKeys = new Set(a.events.filter((e: Event) => !e.negated).map((e) => key(e.type, actorCode(e.source), actorCode(e.target))));
    gold += goldKeys.size;
    predicted += predKeys.size;
    for (const k of goldKeys) {
      const [type] = k.split('|');
      const hit = predKeys.has(k);
      if (hit) tp++;
      // the right type with the wrong actors is its own column, so "right" means right
      const sameType = [...predKeys].some((p) => p.split('|')[0] === type);
      const got = hit ? type : sameType ? 'actors✗' : [...predKeys][0]?.split('|')[0] ?? 'none';
      confusion[type] ??= {};
      confusion[type][got] = (confusion[type][got] ?? 0) + 1;
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { sentences: items.length, empty, gold, excluded, predicted, tp, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, confusion };
}

export function formatConfusion(c: Confusion): string {
  const golds = Object.keys(c).sort();
  const last = (s: string): number => (s === 'none' ? 2 : s === 'actors✗' ? 1 : 0);
  const preds = [...new Set(Object.values(c).flatMap((r) => Object.keys(r)))].sort((a, b) => last(a) - last(b) || a.localeCompare(b));
  const abbrev = (s: string): string => s.slice(0, 5);
  const lines = [`${'gold \\ coded'.padEnd(11)} ${preds.map((p) => abbrev(p).padStart(5)).join(' ')}   total  right`];
  for (const g of golds) {
    const row = c[g];
    const total = Object.values(row).reduce((x, y) => x + y, 0);
    lines.push(`${g.padEnd(11)} ${preds.map((p) => String(row[p] ?? '').padStart(5)).join(' ')}   ${String(total).padStart(5)}  ${((100 * (row[g] ?? 0)) / total).toFixed(0).padStart(4)}%`);
  }
  return lines.join('\n');
}
