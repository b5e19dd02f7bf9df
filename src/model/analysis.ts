// The analysis contract (schema `demarche.analysis/1`, see docs/contract.md).
// The zod schemas are the single source of truth: the types are inferred from them,
// and tests validate every Analysis against them.
import { z } from 'zod';

export const SCHEMA_ID = 'demarche.analysis/1';

export const SECTORS = [
  'GOV', 'MIL', 'LEG', 'JUD', 'COP', 'REB', 'OPP', 'PTY', 'IGO', 'NGO', 'MED', 'BUS', 'CVL', 'REF', 'SPY',
] as const;
export const Sector = z.enum(SECTORS);
export type Sector = z.infer<typeof Sector>;

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const PloverType = z.enum(PLOVER_TYPES);
export type PloverType = z.infer<typeof PloverType>;

const Iso3 = z.string().regex(/^[A-Z]{3}$/);
const DateValue = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });
export type Span = z.infer<typeof Span>;

export const Actor = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'organization', 'state', 'group']),
  country: Iso3.nullable(),
  sector: Sector.nullable(),
  cameo: z.string().nullable(),
  wikidata: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;

export const Place = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['country', 'region', 'city', 'feature']),
  country: Iso3.nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  contested: z.boolean(),
  aliases: z.array(z.string()),
});
export type Place = z.infer<typeof Place>;

export const Quote = Span.extend({
  direct: z.boolean(),
  partial: z.boolean(),
  cue: Span.nullable(),
  speaker: Span.extend({ actor: Actor.nullable() }).nullable(),
});
export type Quote = z.infer<typeof Quote>;

export const Event = z.object({
  id: z.string(),
  sentence: z.number().int().nonnegative(),
  trigger: Span,
  type: PloverType,
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  source: Actor.nullable(),
  target: Actor.nullable(),
  source_mention: Span.nullable(),
  target_mention: Span.nullable(),
  date: DateValue.nullable(),
  date_basis: z.enum(['text', 'published']).nullable(),
  location: Place.nullable(),
  negated: z.boolean(),
  quoted: z.boolean(),
  speaker: Actor.nullable(),
  intensity: z.number().min(-10).max(10),
  confidence: z.number().min(0).max(1),
});
export type Event = z.infer<typeof Event>;

export const AgreementRef = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  date: DateValue.nullable(),
  parties: z.array(z.string()),
});
export type AgreementRef = z.infer<typeof AgreementRef>;

export const Reference = Span.extend({
  agreement: AgreementRef.nullable(),
  // what the citation itself says, kept for citations the knowledge base cannot resolve
  cited_date: DateValue.nullable(),
  cited_kind: z.string().nullable(),
});
export type Reference = z.infer<typeof Reference>;

export const PlaceMention = Span.extend({ place: Place });
export type PlaceMention = z.infer<typeof PlaceMention>;

export const Framing = Span.extend({ denotes: z.string(), used_by: z.string() });
export type Framing = z.infer<typeof Framing>;

export const DateMention = Span.extend({ value: DateValue.nullable() });
export type DateMention = z.infer<typeof DateMention>;

export const ArticleMeta = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  language: z.literal('en'),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const Analysis = z.object({
  schema: z.literal(SCHEMA_ID),
  coder: z.object({ version: z.string(), dictionaries: z.string() }),
  article: ArticleMeta,
  sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  actors: z.array(Span.extend({ actor: Actor })),
  quotes: z.array(Quote),
  events: z.array(Event),
  references: z.array(Reference),
  places: z.array(PlaceMention),
  framing: z.array(Framing),
  dates: z.array(DateMention),
});
export type Analysis = z.infer<typeof Analysis>;

/** What a caller may say about an article. */
export const MetaInput = z.object({
  published: z.string().nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  id: z.string().nullish(),
});
export type MetaInput = z.infer<typeof MetaInput>;
