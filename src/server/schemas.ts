// What each endpoint accepts. These zod schemas validate every request and are also the source
// of the OpenAPI document's parameters and request bodies, so the two cannot disagree.
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/export.js';
import { PLOVER_TYPES, type PloverType } from '../model/analysis.js';
import { parseQuadClass, type QuadClass } from '../model/quad.js';
import type { EventFilters } from '../store/store.js';

const isDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine(isDate, 'not a calendar date');
const Country = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 country code').transform((v) => v.toUpperCase());
const Text = (max: number) => z.string().min(1).max(max);
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Sort = z.enum(['date-asc', 'date-desc']).default('date-asc').describe('by date; undated rows come last either way');

const pageFields = (maxLimit: number, defaultLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit).describe(`rows per page, at most ${maxLimit}`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('rows to skip'),
});

const Types = z.string().describe(`PLOVER event types, comma-separated: ${PLOVER_TYPES.join(', ')}`).transform((v, ctx): PloverType[] => {
  const types = v.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
  const unknown = types.filter((t) => !PLOVER_TYPES.includes(t as PloverType));
  if (unknown.length || !types.length) {
    ctx.addIssue({ code: 'custom', message: `${unknown.join(', ') || 'nothing'} is not a PLOVER event type (${PLOVER_TYPES.join(' ')})` });
    return z.NEVER;
  }
  return types as PloverType[];
});

const Quad = z.string().describe('quad class: 1-4, or verbal-cooperation, material-cooperation, verbal-conflict, material-conflict').transform((v, ctx): QuadClass => {
  const quad = parseQuadClass(v);
  if (!quad) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a quad class` });
    return z.NEVER;
  }
  return quad;
});

/** The store's event filters (docs/store.md), as query parameters. */
export const eventFilterFields = {
  from: IsoDate.optional().describe('events on or after this date (a month or a year counts from its first day; an undated event takes its publication date)'),
  to: IsoDate.optional().describe('events on or before this date'),
  country: Country.optional().describe('source or target in this country'),
  actor: Text(200).optional().describe('source or target is this actor (its id)'),
  type: Types.optional(),
  quad: Quad.optional(),
  quoted: Flag.optional().describe('true: asserted inside a quote; false: asserted by the text'),
  negated: Flag.optional().describe('true: only negated events ("did not attack"); false: only asserted ones'),
  outlet: Text(200).optional(),
  article: Text(200).optional().describe('article id'),
  cluster: Text(200).optional().describe('event cluster id: the reports of one event'),
};

const FILTER_KEYS = Object.keys(eventFilterFields) as (keyof EventFilters)[];

/** The event filters among a parsed query's fields. */
export function eventFilters(query: Partial<EventFilters>): EventFilters {
  const filters: EventFilters = {};
  for (const key of FILTER_KEYS) if (query[key] !== undefined) (filters as Record<string, unknown>)[key] = query[key];
  return filters;
}

export const EventsQuery = z.strictObject({ ...eventFilterFields, ...pageFields(500, 50), sort: Sort });
export const ClustersQuery = EventsQuery;

export const ArticlesQuery = z.strictObject({
  search: Text(500).optional().describe('words of the title or text, all required'),
  from: IsoDate.optional().describe('published on or after'),
  to: IsoDate.optional().describe('published on or before'),
  outlet: Text(200).optional(),
  ...pageFields(500, 50),
  sort: Sort,
});

export const QuotesQuery = z.strictObject({
  speaker: Text(200).optional().describe("words of the speaker's name, as written or as resolved"),
  speaker_id: Text(200).optional(),
  country: Country.optional().describe("the speaker's country"),
  direct: Flag.optional().describe('true: inside quotation marks; false: reported speech'),
  from: IsoDate.optional().describe('published on or after'),
  to: IsoDate.optional().describe('published on or before'),
  outlet: Text(200).optional(),
  article: Text(200).optional(),
  ...pageFields(500, 50),
  sort: Sort,
});

export const ActorsQuery = z.strictObject({
  country: Country.optional(),
  search: Text(200).optional().describe('words of the name'),
  ...pageFields(1000, 100),
});

const Interval = z.enum(['week', 'month']).default('month');

export const DyadsQuery = z.strictObject({
  a: Text(200).describe('one side: an ISO3 country or an actor id'),
  b: Text(200).describe('the other side'),
  interval: Interval,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  outlet: Text(200).optional(),
  negated: Flag.optional().describe('negated events are left out unless this is true'),
});

export const AgreementsQuery = z.strictObject({
  interval: Interval.describe('the periods of the timeline'),
  from: IsoDate.optional().describe('citing articles published on or after'),
  to: IsoDate.optional(),
  outlet: Text(200).optional(),
});

export const NetworkQuery = z.strictObject({
  ...eventFilterFields,
  limit: z.coerce.number().int().min(1).max(500).default(80).describe('the actor pairs with the most events, at most this many'),
});

export const LocationsQuery = z.strictObject({
  ...eventFilterFields,
  limit: z.coerce.number().int().min(1).max(2000).default(500).describe('the places with the most events, at most this many'),
});

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  ...eventFilterFields,
});

export const EmptyQuery = z.strictObject({});

/** An article sent to be analysed (and, for POST /api/articles, stored). */
export const ArticleInput = z.strictObject({
  text: z.string().min(1, 'the article text is empty').describe('the article text, plain'),
  published: IsoDate.nullish().describe('publication date: relative dates ("on Thursday") resolve against it'),
  url: z.string().max(2000).nullish(),
  title: z.string().max(1000).nullish(),
  outlet: z.string().max(200).nullish(),
});
