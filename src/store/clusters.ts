// How event mentions are grouped into clusters (reports of the same event across articles).
//
// Two mentions can be one event when they have the same type, the same negation, the same source
// and the same target. A side is keyed by COUNTRY/SECTOR when the actor has a country (so "Armenia's
// Foreign Ministry" and "Yerevan" both key as ARM/GOV, as GDELT's ARMGOV would), else by the
// actor's id (international organisations, groups without a country).
//
// Day-dated mentions of one key are then cut into windows of at most two days: sorted by day, a
// window starts at the earliest day not yet covered and takes that day and the next. Every pair of
// mentions in a window is within a day of each other, and the windows depend only on the set of
// days, never on the order of ingestion, so recoding or re-ingesting in another order gives the
// same clusters. Month- or year-dated mentions cluster by that value; undated ones only within
// their own article.
import { createHash } from 'node:crypto';
import type { Actor, Event } from '../model/analysis.js';

const DAY_MS = 86_400_000;

export function sideKey(actor: Actor | null): string | null {
  if (!actor) return null;
  return actor.country ? `${actor.country}/${actor.sector ?? '-'}` : `id:${actor.id}`;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date; null for a month, a year or no date. */
export function dayNumber(date: string | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date filters and sorting use: the event's own date (a month or year padded to its first day), else the publication date. */
export function sortDate(eventDate: string | null, published: string | null): string | null {
  if (!eventDate) return published;
  if (eventDate.length === 4) return `${eventDate}-01-01`;
  if (eventDate.length === 7) return `${eventDate}-01`;
  return eventDate;
}

export function clusterKey(event: Event, articleId: string): string {
  const base = [event.type, event.negated ? 'negated' : 'asserted', sideKey(event.source) ?? '-', sideKey(event.target) ?? '-'].join('|');
  if (dayNumber(event.date) !== null) return base;
  return event.date ? `${base}|date:${event.date}` : `${base}|article:${articleId}`;
}

/** A cluster's id names its key and first day, so it is the same whichever order the reports came in. */
export function clusterId(key: string, firstDay: number | null): string {
  return 'c' + createHash('sha256').update(key).update('\0').update(String(firstDay ?? '')).digest('hex').slice(0, 16);
}
