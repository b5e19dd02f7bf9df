// Quote metrics beyond the contract's layers: detection by kind, and speaker accuracy on matched quotes.
import type { Analysis } from '../model/analysis.js';
import { family, type LoadedGold } from './score.js';

export interface QuoteMetrics {
  gold: { direct: number; reported: number; partial: number };
  found: { direct: number; reported: number };
  predicted: number;
  /** predicted quotes that overlap a gold not_quote (scare quotes taken for speech) */
  scareQuotesEmitted: number;
  /** among matched gold quotes, the speaker is right (country, sector, family name for people) */
  speakerRight: { direct: number; reported: number };
}

export function newQuoteMetrics(): QuoteMetrics {
  return { gold: { direct: 0, reported: 0, partial: 0 }, found: { direct: 0, reported: 0 }, predicted: 0, scareQuotesEmitted: 0, speakerRight: { direct: 0, reported: 0 } };
}

const overlapLen = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function scoreQuotes(item: LoadedGold, a: Analysis, m: QuoteMetrics): QuoteMetrics {
  m.predicted += a.quotes.length;
  const used = new Set<number>();
  for (const g of item.gold.quotes) {
    const direct = (g as { direct?: boolean }).direct !== false;
    m.gold[direct ? 'direct' : 'reported']++;
    if ((g as { partial?: boolean }).partial) m.gold.partial++;
    const idx = a.quotes.findIndex((p, n) => !used.has(n) && overlapLen(p, g) * 2 >= g.end - g.start);
    if (idx < 0) continue;
    used.add(idx);
    m.found[direct ? 'direct' : 'reported']++;
    const s = a.quotes[idx].speaker?.actor;
    const gs = g.speaker;
    const right = !!gs && !!s && (gs.country ?? null) === s.country && (gs.sector ?? null) === s.sector && (s.kind !== 'person' || family(gs.name) === family(s.name));
    if (right) m.speakerRight[direct ? 'direct' : 'reported']++;
  }
  m.scareQuotesEmitted += a.quotes.filter((p) => item.gold.not_quotes.some((nq) => overlapLen(nq, p) > 0 && overlapLen(nq, p) * 2 >= nq.end - nq.start && p.end - p.start <= (nq.end - nq.start) * 2)).length;
  return m;
}

export function formatQuoteMetrics(m: QuoteMetrics): string {
  const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) + '%' : '—');
  const found = m.found.direct + m.found.reported;
  const gold = m.gold.direct + m.gold.reported;
  const p = m.predicted ? found / m.predicted : 0;
  const r = gold ? found / gold : 0;
  return [
    `quotes: ${gold} gold (${m.gold.direct} direct, ${m.gold.reported} reported, ${m.gold.partial} partial), ${m.predicted} predicted`,
    `detection: precision ${pct(found, m.predicted)}, recall ${pct(found, gold)}, F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)}%`,
    `  direct quotes found ${pct(m.found.direct, m.gold.direct)}, reported speech found ${pct(m.found.reported, m.gold.reported)}`,
    `speaker accuracy on found quotes: direct ${pct(m.speakerRight.direct, m.found.direct)} (${m.speakerRight.direct}/${m.found.direct}), reported ${pct(m.speakerRight.reported, m.found.reported)} (${m.speakerRight.reported}/${m.found.reported})`,
    `scare quotes taken for speech: ${m.scareQuotesEmitted}`,
  ].join('\n');
}
