// Our own event sentences (test/cases/events.yaml): what each must give, and why one fails.
import type { Analysis, Event } from '../model/analysis.js';

export interface ExpectedEvent {
  type: string;
  source?: string | null;
  target?: string | null;
  /** the source's and the target's CAMEO sectors, where the case is about which party of a country acted or was acted on */
  source_sector?: string;
  target_sector?: string;
  negated?: boolean;
  quoted?: boolean;
  speaker?: string | null;
}

export interface EventCase {
  text: string;
  published?: unknown;
  expect?: ExpectedEvent[];
  /** no event may be emitted */
  none?: boolean;
  /** events that must not be emitted ("condemned Russia's invasion" is no ASSAULT); a source or target given narrows it */
  not?: { type: string; source?: string | null; target?: string | null }[];
}

/** An actor as the cases name it: its country, or IGO. */
export const actorCode = (a: Event['source']): string | null => (a ? a.country ?? (a.sector === 'IGO' ? 'IGO' : null) : null);

const show = (e: Event): string => `${e.type} ${actorCode(e.source)}→${actorCode(e.target)}${e.negated ? ' neg' : ''}${e.quoted ? ' q' : ''} "${e.trigger.text}"`;

/** Why the analysis fails the case, or null when it holds. */
export function eventCaseFailure(c: EventCase, a: Analysis): string | null {
  if (c.none) {
    const asserted = a.events.filter((e) => !e.negated);
    return asserted.length ? `no event expected, got ${asserted.map(show).join(', ')}` : null;
  }
  for (const x of c.expect ?? []) {
    const hit = a.events.find((e) => e.type === x.type
      && ('source' in x ? actorCode(e.source) === (x.source ?? null) : true)
      && ('target' in x ? actorCode(e.target) === (x.target ?? null) : true)
      && (x.source_sector ? e.source?.sector === x.source_sector : true)
      && (x.target_sector ? e.target?.sector === x.target_sector : true)
      && e.negated === (x.negated ?? false)
      && e.quoted === (x.quoted ?? false)
      && ('speaker' in x ? actorCode(e.speaker) === (x.speaker ?? null) : true));
    if (!hit) return `missing ${x.type} ${x.source ?? '-'}${x.source_sector ? `:${x.source_sector}` : ''}→${x.target ?? '-'}${x.target_sector ? `:${x.target_sector}` : ''}${x.negated ? ' negated' : ''}${x.quoted ? ' quoted' : ''}; got ${a.events.map(show).join(', ') || 'none'}`;
  }
  const unwanted = a.events.filter((e) => c.not?.some((x) => x.type === e.type
    && ('source' in x ? actorCode(e.source) === (x.source ?? null) : true) && ('target' in x ? actorCode(e.target) === (x.target ?? null) : true)));
  return unwanted.length ? `not expected: ${unwanted.map(show).join(', ')}` : null;
}
