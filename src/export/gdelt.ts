// One event cluster to one row of the 61 GDELT 2.0 event columns. A GDELT event row is already
// de-duplicated (NumMentions, NumSources and NumArticles count its reports), so the rows are
// clusters, not mentions. The mapping, and what is left empty, is in docs/export.md.
import type { Actor, Place } from '../model/analysis.js';
import { sortDate } from '../store/clusters.js';
import type { EventCluster } from '../store/store.js';

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...['Actor1', 'Actor2'].flatMap((a) => ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => a + c)),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) => ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${g}_${c}`)),
  'DATEADDED', 'SOURCEURL',
] as const;

type Value = string | number;

function actorColumns(actor: Actor | null): Value[] {
  if (!actor) return Array(10).fill('');
  const code = actor.cameo ?? `${actor.country ?? ''}${actor.sector ?? ''}`;
  // CAMEO's known-group code is the last element of an organisation's code (IGOWSTNAT → NAT)
  const knownGroup = (actor.sector === 'IGO' || actor.sector === 'NGO') && actor.cameo && actor.cameo.length >= 6 ? actor.cameo.slice(-3) : '';
  return [code, actor.name.toUpperCase(), actor.country ?? '', knownGroup, '', '', '', actor.sector ?? '', '', ''];
}

/** GDELT's geographic resolution: 1 country, 4 world city, 5 world state (first-order division). */
const GEO_TYPE: Record<Place['kind'], number> = { country: 1, region: 5, city: 4, feature: 4 };

function geoColumns(place: Place | null): Value[] {
  if (!place) return Array(8).fill('');
  return [GEO_TYPE[place.kind], place.name, place.country ?? '', '', '', place.lat ?? '', place.lon ?? '', place.id];
}

/** A 60-bit decimal id from the cluster id's hex digits, as GDELT readers expect an integer. */
export function globalEventId(clusterId: string): string {
  return BigInt('0x' + clusterId.slice(1, 16)).toString();
}

function fractionDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (y + dayOfYear / 365).toFixed(4);
}

export function toGdeltRow(c: EventCluster): Value[] {
  const rep = c.representative;
  const date = sortDate(c.first_date, rep.article.published);
  const compact = date?.replaceAll('-', '') ?? '';
  const cameo = c.cameo ?? '';
  return [
    globalEventId(c.id), compact, compact.slice(0, 6), compact.slice(0, 4), date ? fractionDate(date) : '',
    ...actorColumns(c.source?.actor ?? null), ...actorColumns(c.target?.actor ?? null),
    c.root ? 1 : 0, cameo, cameo.slice(0, 3), cameo.slice(0, 2), c.quad, Math.round(c.intensity * 10) / 10,
    c.num_mentions, c.num_sources, c.num_articles, '',
    ...geoColumns(null), ...geoColumns(null), ...geoColumns(rep.event.location),
    rep.article.published ? `${rep.article.published.replaceAll('-', '')}000000` : '', rep.article.url ?? rep.article.source ?? '',
  ];
}

export const tsvLine = (values: Value[]): string => values.map((v) => String(v).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n';
