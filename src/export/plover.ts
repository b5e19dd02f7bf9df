// One stored event mention to one PLOVER JSON record, with the field names of the PLOVER
// manual's data-fields chapter (id, date, actor, recipient, event, mode, context, event_loc,
// event_text, quad_code, event_scale, link, text, text_info, cite_info, coder). What PLOVER has no
// field for is kept under "demarche". See docs/export.md.
import type { Actor, Event } from '../model/analysis.js';
import type { StoredEvent } from '../store/store.js';

/** PLOVER's codes for international actors without a country. */
const NON_STATE: Record<string, string> = { UNO: 'UNO', EU: 'EUR' };
const SECTOR_ENTITY: Record<string, string> = { IGO: 'IGO', NGO: 'NGO', BUS: 'MNC' };

export function ploverEntityCode(actor: Actor): string | null {
  return actor.country ?? NON_STATE[actor.id] ?? (actor.sector ? SECTOR_ENTITY[actor.sector] : undefined) ?? null;
}

function entity(actor: Actor | null, mention: Event['source_mention']): Record<string, unknown>[] {
  if (!actor) return [];
  return [{
    code: ploverEntityCode(actor),
    sector: actor.sector,
    entity_text: mention?.text ?? null,
    identifier_id: actor.wikidata ?? actor.id,
    identifier_text: actor.name,
  }];
}

export function toPlover(s: StoredEvent): Record<string, unknown> {
  const e = s.event;
  return {
    id: `${s.article.id}/${e.id}`,
    date: s.sort_date,
    actor: entity(e.source, e.source_mention),
    recipient: entity(e.target, e.target_mention),
    event: [e.type],
    mode: e.mode ? [e.mode] : [],
    context: [],
    event_loc: e.location
      ? { resolved_place: e.location.name, lat: e.location.lat, lon: e.location.lon, country_code: e.location.country }
      : null,
    event_text: [e.trigger.text],
    quad_code: s.quad,
    event_scale: e.intensity,
    // PLOVER's link ties related records together: here, the reports of one event across articles
    link: s.cluster_id,
    text: s.sentence.text,
    text_info: { sequence: s.sentence.index, start: s.sentence.start, end: s.sentence.end },
    cite_info: { url: s.article.url, title: s.article.title, language: 'en', publication: s.article.outlet, coder: `demarche ${s.coder.version}` },
    coder: `demarche ${s.coder.version}`,
    demarche: {
      article_id: s.article.id,
      event_id: e.id,
      published: s.article.published,
      date: e.date,
      date_basis: e.date_basis,
      cameo: e.cameo,
      negated: e.negated,
      quoted: e.quoted,
      speaker: e.speaker,
      confidence: e.confidence,
      trigger: { start: e.trigger.start, end: e.trigger.end },
      source_mention: e.source_mention,
      target_mention: e.target_mention,
      dictionaries: s.coder.dictionaries,
    },
  };
}
