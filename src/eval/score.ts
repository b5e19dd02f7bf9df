// Scoring analyses against gold files, by the matching rules of the contract (docs/contract.md).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Actor, Analysis } from '../model/analysis.js';

const GoldActor = z.object({ name: z.string().nullish(), country: z.string().nullish(), sector: z.string().nullish() }).passthrough();
const GoldSpan = z.object({ start: z.number(), end: z.number(), text: z.string().optional() }).passthrough();

export const GoldArticle = z.object({
  article: z.object({
    id: z.string().optional(),
    text: z.string().optional(),
    file: z.string().optional(),
    published: z.string().nullish(),
  }).passthrough(),
  quotes: z.array(GoldSpan.extend({ speaker: GoldActor.nullish() })).default([]),
  optional_quotes: z.array(GoldSpan).default([]),
  not_quotes: z.array(GoldSpan).default([]),
  events: z.object({
    required: z.array(z.object({
      type: z.string(), source: GoldActor.nullish(), target: GoldActor.nullish(), trigger: GoldSpan,
    }).passthrough()).default([]),
    acceptable: z.array(z.object({ type: z.string(), source: GoldActor.nullish(), target: GoldActor.nullish() }).passthrough()).default([]),
  }).default({ required: [], acceptable: [] }),
  references: z.array(z.object({
    agreement: z.object({ id: z.string().optional(), date: z.string().nullish() }).passthrough().nullable(),
    mentions: z.array(GoldSpan),
  })).default([]),
  places: z.array(z.object({
    place: z.object({ name: z.string(), aliases_seen: z.array(z.string()).optional() }).passthrough(),
    mentions: z.array(GoldSpan),
  })).default([]),
  dates: z.array(z.object({ mention: GoldSpan, value: z.string().nullable() })).default([]),
}).passthrough();
export type GoldArticle = z.infer<typeof GoldArticle>;

export interface LoadedGold {
  gold: GoldArticle;
  text: string;
  published: string | null;
  label: string;
}

/** A gold file: one JSON object, or JSONL with one a line. */
export function loadGold(path: string): LoadedGold[] {
  const raw = readFileSync(path, 'utf8');
  const trimmed = raw.trim();
  const items: unknown[] = [];
  if (trimmed.startsWith('{') && path.endsWith('.json')) items.push(JSON.parse(trimmed));
  else trimmed.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    try {
      items.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`${path}:${n + 1}: not JSON: ${(e as Error).message}`, { cause: e });
    }
  });
  return items.map((item, n) => {
    const parsed = GoldArticle.safeParse(item);
    if (!parsed.success) throw new Error(`${path}: gold article ${n + 1}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    const gold = parsed.data;
    const text = gold.article.text ?? (gold.article.file ? readFileSync(resolve(dirname(path), gold.article.file), 'utf8') : null);
    if (text === null) throw new Error(`${path}: gold article ${n + 1} has neither article.text nor article.file`);
    return { gold, text, published: gold.article.published ?? null, label: gold.article.id ?? `${path}#${n + 1}` };
  });
}

export interface LayerScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  misses: string[];
  extras: string[];
}

export const LAYERS = ['quote_spans', 'quotes_with_speaker', 'events', 'references', 'places', 'dates'] as const;
export type Layer = (typeof LAYERS)[number];
export type Scores = Record<Layer, LayerScore>;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const overlapLen = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** A family name, with transliteration variants folded ("Zelenskyy", "Zelenskiy", "Zelensky"). */
export function family(name: string | null | undefined): string {
  const last = (name ?? '').trim().split(/\s+/).filter((w) => !/^(jr\.?|sr\.?|i{1,3}|iv)$/i.test(w)).pop() ?? '';
  return last.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/^(al|el)-/, '').replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1').replace(/(iy|yi|ij|ii|i|y)$/, 'y');
}

function speakerAgrees(gold: z.infer<typeof GoldActor> | null | undefined, pred: Actor | null | undefined, personKind: boolean): boolean {
  if (!gold) return !pred;
  if (!pred) return false;
  if ((gold.country ?? null) !== (pred.country ?? null)) return false;
  if ((gold.sector ?? null) !== (pred.sector ?? null)) return false;
  if (personKind && pred.kind === 'person') return family(gold.name) === family(pred.name);
  return true;
}

/** Event actors agree on country, and on sector where both give one; a null gold matches only a null. */
function eventActorAgrees(gold: z.infer<typeof GoldActor> | null | undefined, pred: Actor | null): boolean {
  if (!gold) return !pred;
  if (!pred) return false;
  if ((gold.country ?? null) !== (pred.country ?? null)) return false;
  return !gold.sector || !pred.sector || gold.sector === pred.sector;
}

function empty(): LayerScore {
  return { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, misses: [], extras: [] };
}

export function scoreArticle(item: LoadedGold, a: Analysis, scores: Scores = newScores()): Scores {
  const { gold, label } = item;
  const show = (s: { start: number; end: number; text?: string }): string => `${label} [${s.start}-${s.end}] ${JSON.stringify((s.text ?? item.text.slice(s.start, s.end)).slice(0, 80))}`;

  // quotes: a prediction matches when it overlaps at least half of the gold span
  const qs = scores.quote_spans;
  const qsp = scores.quotes_with_speaker;
  const usedQ = new Set<number>();
  for (const g of gold.quotes) {
    const idx = a.quotes.findIndex((p, n) => !usedQ.has(n) && overlapLen(p, g) * 2 >= g.end - g.start);
    if (idx < 0) {
      qs.fn++;
      qs.misses.push(show(g));
      qsp.fn++;
      qsp.misses.push(show(g));
      continue;
    }
    usedQ.add(idx);
    qs.tp++;
    const p = a.quotes[idx];
    if (speakerAgrees(g.speaker, p.speaker?.actor, true)) qsp.tp++;
    else {
      qsp.fn++;
      qsp.fp++;
      qsp.misses.push(`${show(g)} speaker ${JSON.stringify(g.speaker)} got ${JSON.stringify(p.speaker?.actor ? { name: p.speaker.actor.name, country: p.speaker.actor.country, sector: p.speaker.actor.sector } : null)}`);
    }
  }
  a.quotes.forEach((p, n) => {
    if (usedQ.has(n)) return;
    if (gold.optional_quotes.some((o) => overlapLen(p, o) * 2 >= o.end - o.start)) return;
    qs.fp++;
    qsp.fp++;
    const scare = gold.not_quotes.some((nq) => overlaps(nq, p)) ? ' (a not_quote)' : '';
    qs.extras.push(show(p) + scare);
  });

  // events: same type, actors agree, the event's sentence contains the gold trigger
  const ev = scores.events;
  const usedE = new Set<number>();
  for (const g of gold.events.required) {
    const idx = a.events.findIndex((p, n) => {
      if (usedE.has(n) || p.negated || p.type !== g.type) return false;
      const s = a.sentences[p.sentence];
      return !!s && s.start <= g.trigger.start && g.trigger.end <= s.end && eventActorAgrees(g.source, p.source) && eventActorAgrees(g.target, p.target);
    });
    if (idx < 0) {
      ev.fn++;
      ev.misses.push(`${show(g.trigger)} ${g.type} ${g.source?.country ?? '-'}→${g.target?.country ?? '-'}`);
    } else {
      usedE.add(idx);
      ev.tp++;
    }
  }
  a.events.forEach((p, n) => {
    // an event said not to have happened ("did not withdraw") is not a record of the data set
    if (usedE.has(n) || p.negated) return;
    if (gold.events.acceptable.some((g) => g.type === p.type && eventActorAgrees(g.source, p.source) && eventActorAgrees(g.target, p.target))) return;
    ev.fp++;
    ev.extras.push(`${show(p.trigger)} ${p.type} ${p.source?.country ?? '-'}→${p.target?.country ?? '-'}`);
  });

  // references: spans overlap and the agreement dates agree
  const goldRefs = gold.references.flatMap((r) => r.mentions.map((m) => ({ ...m, date: r.agreement?.date ?? null })));
  matchSpans(scores.references, goldRefs, a.references, (g, p) => (p.agreement?.date ?? p.cited_date ?? null) === g.date, show);
  // places: spans overlap and names agree, or by alias
  const goldPlaces = gold.places.flatMap((r) => r.mentions.map((m) => ({ ...m, name: r.place.name })));
  matchSpans(scores.places, goldPlaces, a.places, (g, p) => [p.place.name, ...p.place.aliases].some((n) => n.toLowerCase() === g.name.toLowerCase()), show);
  // dates: spans overlap and values agree
  const goldDates = gold.dates.map((d) => ({ ...d.mention, value: d.value }));
  matchSpans(scores.dates, goldDates, a.dates, (g, p) => p.value === g.value, show);
  return scores;
}

function matchSpans<G extends { start: number; end: number }, P extends { start: number; end: number; text: string }>(
  score: LayerScore, gold: G[], pred: P[], agree: (g: G, p: P) => boolean, show: (s: { start: number; end: number; text?: string }) => string,
): void {
  // a gold mention is found when some prediction overlaps it and agrees; gold files may list
  // nested spans of one mention ("Karabakh" inside "Nagorno-Karabakh"), which one prediction finds
  const used = new Set<number>();
  for (const g of gold) {
    const idx = pred.findIndex((p) => overlaps(g, p) && agree(g, p));
    if (idx < 0) {
      score.fn++;
      score.misses.push(show(g));
    } else {
      used.add(idx);
      score.tp++;
    }
  }
  pred.forEach((p, n) => {
    if (used.has(n)) return;
    score.fp++;
    score.extras.push(show(p));
  });
}

export function newScores(): Scores {
  return Object.fromEntries(LAYERS.map((l) => [l, empty()])) as Scores;
}

export function finish(scores: Scores): Scores {
  for (const s of Object.values(scores)) {
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : s.tp + s.fn ? 0 : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  }
  return scores;
}

/** The scores table, then (with `withMisses`) up to `limit` misses and extras per layer. */
export function formatScores(scores: Scores, withMisses = true, limit = 50): string {
  const lines = ['layer                 gold   pred     tp  precision  recall      f1'];
  for (const l of LAYERS) {
    const s = scores[l];
    lines.push(`${l.padEnd(20)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(6)} ${String(s.tp).padStart(6)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(7)}`);
  }
  if (withMisses) {
    for (const l of LAYERS) {
      const s = scores[l];
      if (s.misses.length) lines.push('', `${l}: missed`, ...s.misses.slice(0, limit).map((m) => `  - ${m}`));
      if (s.extras.length && l !== 'places') lines.push('', `${l}: not in gold`, ...s.extras.slice(0, limit).map((m) => `  + ${m}`));
    }
  }
  return lines.join('\n');
}
