// Events: who did what to whom, when and where. Verb patterns from data/events find the trigger;
// a light clause analysis (no full parser) finds the subject, the object or the pattern's
// prepositional argument, the passive's agent, negation, and whether a quote asserts the event.
import type { Actor, Event, Place, PloverType } from '../model/analysis.js';
import { civiliansActor, refugeesActor, stateActor } from '../model/actors.js';
import { genderOf, type Lexicon } from '../lexicon/compile.js';
import type { CompiledPattern, Element } from '../lexicon/patterns.js';
import type { Doc, DocDate, DocQuote, Mention } from '../pipeline/doc.js';
import { nextToken, type Token } from '../text/tokenize.js';
import { cueSets, pastStems } from './quotes.js';

interface Ctx {
  doc: Doc;
  tokens: Token[];
  /** mentions by their first and last token */
  byFirst: Map<number, Mention>;
  byLast: Map<number, Mention>;
  /** places named in a country ("Kharkiv", "the Gaza Strip"): what an event can be done to, never who did it */
  placeOnly: Set<Mention>;
  /** nationality words standing alone ("Israeli tanks") */
  weak: Set<Mention>;
  /** group words describing a noun ("police officers" no, "a police crackdown" yes), by first token: the agent of an event noun */
  describing: Map<number, Mention>;
  documents: Set<string>;
  /** tokens that triggered an event: an infinitive they govern ("threatened to strike") is no event of its own */
  triggers: Set<number>;
  /** the keys and lemmas of each sentence's tokens (sentenceWords()) */
  sentenceWords: Map<number, Set<string>>;
  /** 1 where a token belongs to a date expression */
  inDate: Uint8Array;
  /** 1 where a token is part of a state's name of several words ("the State of Palestine"): no pattern word there */
  inName: Uint8Array;
  /** date expressions by their first and by their last token */
  dateByFirst: Map<number, DocDate>;
  dateByLast: Map<number, DocDate>;
}

interface Match {
  pattern: CompiledPattern;
  last: number;
  target: Mention | null;
  source: Mention | null;
  /** a passive's subject phrase holding the pattern's noun ("Sanctions were imposed on Iran by the EU") */
  subject?: { first: number; last: number };
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being']);
/** verbs of beginning and going on, whose "-ing" complement is the act ("began investigating", "kept shelling") */
const ASPECTUAL = new Set(['begin', 'start', 'continue', 'resume', 'keep']);
const LINKING = new Set(['stand', 'remain', 'seem', 'appear', 'look', 'stay']);
/** sectors whose arrival somewhere is no visit ("Sudanese refugees arriving in eastern Chad") */
const PRIVATE_VISITORS = new Set(['REF']);
/** lemmas of talking, which to the press is a statement, not a consultation */
const SPEAKING = new Set(['talk', 'speak']);
const PRONOUNS: Record<string, 'person' | 'group' | 'speaker'> = { he: 'person', she: 'person', it: 'group', they: 'group', we: 'speaker', i: 'speaker' };
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they']);
const TEMPORAL_GERUND = new Set(['after', 'before', 'while', 'since', 'upon']);
const OBJECT_PRONOUNS: Record<string, 'person' | 'group'> = { him: 'person', her: 'person', it: 'group', them: 'group' };
/** "attacked our energy system", "threatened us": in a quote, the speaker's side */
const SPEAKER_PRONOUNS = new Set(['us', 'our']);
const POSSESSIVE_DETERMINERS = new Set(['our', 'their', 'its', 'his', 'her', 'my', 'your']);

export function eventsStage(doc: Doc): void {
  const index = doc.lexicon.eventPatterns;
  if (!index.size) return;
  const ctx: Ctx = {
    doc, tokens: doc.tokens, byFirst: new Map(), byLast: new Map(), placeOnly: new Set(), weak: new Set(), describing: new Map(), triggers: new Set(), sentenceWords: new Map(),
    documents: new Set(doc.lexicon.cues.documents), inDate: new Uint8Array(doc.tokens.length), inName: new Uint8Array(doc.tokens.length), dateByFirst: new Map(), dateByLast: new Map(),
  };
  for (const d of doc.dates) {
    ctx.inDate.fill(1, d.first, d.last + 1);
    if (!ctx.dateByFirst.has(d.first)) ctx.dateByFirst.set(d.first, d);
    if (!ctx.dateByLast.has(d.last)) ctx.dateByLast.set(d.last, d);
  }
  const national = new Set(nationalModifiers(doc));
  for (const mention of [...doc.mentions, ...national]) {
    // a country named as a place can still be what an event is done to ("the sovereignty of Azerbaijan"),
    // and so can a place inside one ("shelled Kharkiv")
    const country = mention.place?.kind === 'country' ? mention.place : mention.place?.country ? doc.lexicon.places.get(mention.place.country) ?? null : null;
    const m = mention.actor ? mention : country ? { ...mention, actor: stateOf(country) } : null;
    if (!m) continue;
    // ("KYIV, Aug 24 (Reuters) -": the agency credited in brackets is no party)
    if (m.actor?.sector === 'MED' && doc.tokens[m.first - 1]?.key === '(' && doc.tokens[m.last + 1]?.key === ')') continue;
    // ("the Indian rupee", "the U.S. dollar": a country's currency is no party; nor are its players, "Indian batsmen")
    const after = doc.tokens[m.last + 1];
    if (after?.pos === 'NOUN' && (doc.lexicon.grammar.currencyNouns.has(after.key) || doc.lexicon.grammar.sportNouns.has(after.key))) continue;
    // ("India's batsmen", "the Australian Open": a country's players after its possessive, and a tournament named for it)
    const owned = after && ["'s", "'"].includes(after.key) ? doc.tokens[m.last + 2] : after;
    if (owned && ((owned.pos === 'NOUN' && owned !== after) || (owned.pos === 'PROPN' && owned.cap)) && doc.lexicon.grammar.sportNouns.has(owned.key)) continue;
    if (isDescriptive(doc, m)) {
      ctx.describing.set(m.first, m);
      continue;
    }
    if (!mention.actor && mention.place?.kind !== 'country') ctx.placeOnly.add(m);
    if (national.has(mention)) ctx.weak.add(m);
    const f = ctx.byFirst.get(m.first);
    if (!f || m.last > f.last) ctx.byFirst.set(m.first, m);
    if (m.actor?.kind === 'state' && m.last > m.first) ctx.inName.fill(1, m.first, m.last + 1);
    const l = ctx.byLast.get(m.last);
    if (!l || m.first < l.first) ctx.byLast.set(m.last, m);
  }
  const events: Event[] = [];
  const { tokens } = doc;
  const heads = eventHeads(doc.lexicon);
  // (most words head no pattern: two tests of one set spare the four lookups of patternsFor())
  const isHeaded = (t: Token): boolean => heads.has(t.lemma) || heads.has(t.key) || t.lemma.startsWith('re') || heads.has(undoubledGerund(t.key));
  const mayMakeEvent = (ts: Token[], i: number): boolean => isHeaded(ts[i]) || doc.lexicon.grammar.obligationModals.has(ts[i].key);
  for (const s of doc.sentences) {
    const before = events.length;
    // the verb an event noun is the subject of, and the noun's type: "Israeli strikes on Gaza killed …" is one event
    let nounVerb = -1;
    let nounType = '';
    // triggers none of whose patterns' frames held
    const unframed: { i: number; patterns: CompiledPattern[] }[] = [];
    for (let i = nextToken(tokens, s.first, s.last, mayMakeEvent); i <= s.last; i = nextToken(tokens, i + 1, s.last, mayMakeEvent)) {
      const t = tokens[i];
      const headed = isHeaded(t);
      const nouns = ctx.inDate[i] || !headed ? undefined : patternsFor(doc.lexicon.eventNouns, doc.lexicon.eventNounForms, t);
      const noun = nouns && nounEvent(ctx, i, nouns, s.first, s.last);
      if (noun) {
        events.push(...noun.events);
        nounVerb = noun.verb;
        nounType = noun.events[0].type;
        ctx.triggers.add(i);
        i = Math.max(i, noun.last);
        continue;
      }
      if (doc.lexicon.grammar.obligationModals.has(t.key)) {
        events.push(...demandInQuote(ctx, i));
        continue;
      }
      const patterns = headed ? patternsFor(index, doc.lexicon.eventPatternForms, t) : undefined;
      if (!patterns) continue;
      // ("Thousands of Nigerians converged on Lagos to protest …": a protest as the purpose of what the subject did)
      const trigger = isTrigger(ctx, i);
      const purpose = trigger ? null : protestPurpose(ctx, i, s.first);
      if (!trigger && !purpose) continue;
      const match = bestMatch(ctx, i, patterns, s.last);
      if (!match && trigger) unframed.push({ i, patterns });
      if (!match || (purpose && match.pattern.source.type !== 'PROTEST')) continue;
      if (i === nounVerb && (match.pattern.source.type === nounType || (nounType === 'AID' && match.pattern.source.mode === 'visit'))) continue;
      // ("marched through Nairobi to protest" is one protest, unless the purpose names whom it is against)
      const made = makeEvents(ctx, i, match, s.first, purpose ?? undefined)
        .filter((e) => !purpose || !events.slice(before).some((x) => x.type === 'PROTEST' && x.source?.id === e.source?.id && (!e.target || x.target?.id === e.target.id)));
      // ("wrapped up a visit to New Delhi, agreeing to deepen cooperation": cooperation in a participle after a comma,
      // with no party of its own, is with the party the clause's event was with)
      if (/ing$/.test(t.key) && prevWord(tokens, i)?.key === ',') {
        const prior = events.slice(before).find((x) => x.target && made.some((e) => e.source?.id === x.source?.id));
        for (const e of prior ? made : []) {
          if (!e.target && COOPERATIVE.has(e.type) && e.source?.id === prior!.source?.id) Object.assign(e, { target: prior!.target, target_mention: prior!.target_mention });
        }
      }
      events.push(...made);
      if (made.length) {
        ctx.triggers.add(i);
        i = Math.max(i, match.last);
      }
    }
    if (events.length === before) events.push(...unframedEvents(ctx, unframed, s));
    if (events.length === before) events.push(...jointActs(ctx, s));
    events.push(...visitsDuring(ctx, s, events.slice(before)));
    events.push(...meetingsDuring(ctx, s, events.slice(before)));
    events.splice(before, events.length - before, ...conditions(ctx, s, events.slice(before)));
    rebuttals(ctx, s, events.slice(before));
  }
  const alleged = allegations(ctx, events);
  // (the allegation names whom the verb's own event left without a target)
  const accused = new Set(alleged.map((e) => e.trigger.start));
  events.splice(0, events.length, ...events.filter((e) => !(e.type === 'ACCUSE' && !e.target && accused.has(e.trigger.start))), ...alleged);
  // ("Investors demanded higher yields": a market or professional group's acts other than protest are no political events;
  // an accusation of a named party is one, whoever makes it: "doctors accused the army of shelling the hospital")
  const marketAct = (e: Event): boolean => e.type !== 'PROTEST' && !(e.type === 'ACCUSE' && e.target) && doc.lexicon.grammar.marketGroups.has(e.source_mention?.text.toLowerCase() ?? '');
  events.splice(0, events.length, ...events.filter((e) => !marketAct(e)));
  events.forEach((e, n) => (e.id = `e${n + 1}`));
  doc.events = events;
}

const GENERIC_DETERMINERS = new Set(['every', 'any', 'each', 'such']);
const CONDITIONAL_MODALS = new Set(['would', 'could', 'might']);
/** the prepositions that open a visit or a call ("during a visit to", "in a phone call with") */
const VISIT_PREPOSITIONS = new Set(['during', 'on', 'in', 'after', 'before']);
const isVisitPreposition = (tokens: Token[], k: number): boolean => VISIT_PREPOSITIONS.has(tokens[k].key);
/** the parts of speech of a noun's modifiers ("a two-day", "his first") */
const MODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'PRON']);
/** prepositions that open an adverbial of place, time or circumstance ("on the sidelines of", "during", "amid") */
const ADVERBIAL_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'amid', 'despite']);
/** words before a date that belong to it where it stands between a pattern's words ("on Monday", "last week") */
const DATE_OPENERS = new Set(['on', 'in', 'at', 'last', 'this']);

/**
 * "voiced support for Armenia during a visit to Yerevan", "commended Qatar's mediation in a phone call with the
 * Emir": a visit or a call the sentence's subject makes while doing something else is an event of its own
 * (PLOVER's CONSULT, a visit or a call), by the subject or by the party "by" names ("a visit to Caracas by a U.S. envoy").
 */
function visitsDuring(ctx: Ctx, s: { first: number; last: number }, made: Event[]): Event[] {
  const { tokens } = ctx;
  const out: Event[] = [];
  for (let k = nextToken(tokens, s.first, s.last - 1, isVisitPreposition); k < s.last; k = nextToken(tokens, k + 1, s.last - 1, isVisitPreposition)) {
    let n = k + 1;
    // ("a two-day visit": modifiers, hyphenated ones whole)
    while (n <= s.last && n - k <= 5 && (MODIFIER_POS.has(tokens[n].pos) || tokens[n].key === '-' || tokens[n - 1]?.key === '-')) n++;
    // ("a phone call", "a telephone conversation")
    const byPhone = ctx.doc.lexicon.grammar.callMedia.has(tokens[n]?.key ?? '');
    if (byPhone) n++;
    const visit = ctx.doc.lexicon.grammar.visitNouns.has(tokens[n]?.lemma ?? '') && tokens[n + 1]?.key === 'to';
    const call = byPhone && ctx.doc.lexicon.grammar.callNouns.has(tokens[n]?.lemma ?? '') && tokens[n + 1]?.key === 'with';
    if (!visit && !call) continue;
    // (mentions include their article: "with the Emir of Qatar")
    const mentionAt = (j: number): Mention | undefined => ctx.byFirst.get(j) ?? (['the', 'a', 'an'].includes(tokens[j]?.key ?? '') ? ctx.byFirst.get(j + 1) : undefined);
    const x = mentionAt(n + 2);
    if (!x?.actor) continue;
    // the visitor: "by S" after the host, else the party the sentence's first event is by, else the sentence's subject
    const by = tokens[x.last + 1]?.key === 'by' ? mentionAt(x.last + 2) : undefined;
    // ("During a two-day visit to Baku, Erdogan signed …": the event may come after the phrase)
    // ("“…,” Foreign Minister Annalena Baerbock said during a visit to Adelaide": whoever speaks there, not a party in the quote)
    const speech = prevWord(tokens, k);
    const speaker = speech && isSpeechVerb(ctx, speech) ? subjectOf(ctx, speech.i, s.first, undefined).find((m) => m.actor)?.actor : undefined;
    const source = by?.actor ?? speaker ?? made.find((e) => e.source && e.trigger.start < tokens[k].start)?.source ?? subjectActor(ctx, s, k) ?? made.find((e) => e.source)?.source;
    const party = (a: Actor): string => a.country ?? a.id;
    if (!source || party(source) === party(x.actor)) continue;
    if (made.some((e) => e.type === 'CONSULT' && e.source?.id === source.id && !!e.target && party(e.target) === party(x.actor!))) continue;
    out.push(consultAt(ctx, n, source, x.actor, { start: x.start, end: x.end, text: x.text }, visit));
  }
  return out;
}

/**
 * "Russia and the United States agreed during talks in Geneva to …", "Armenia and Azerbaijan signed a deal at a summit
 * in Washington": parties that act on each other at a meeting the sentence names also meet each other (CONSULT).
 * (only between two parties each acting on the other: at "a meeting of NATO ministers" a party meets many)
 */
function meetingsDuring(ctx: Ctx, s: { first: number; last: number }, made: Event[]): Event[] {
  const { tokens, doc } = ctx;
  const out: Event[] = [];
  for (let k = s.first; k < s.last; k++) {
    if (!['during', 'at'].includes(tokens[k].key)) continue;
    let n = k + 1;
    // ("at EU-brokered talks": hyphened modifiers whole, whatever their first part)
    while (n <= s.last && n - k <= 5 && (MODIFIER_POS.has(tokens[n].pos) || tokens[n].key === '-' || tokens[n - 1]?.key === '-' || tokens[n + 1]?.key === '-')) n++;
    if (!doc.lexicon.grammar.meetingNouns.has(tokens[n]?.key ?? '') || ['with', 'between', 'of'].includes(tokens[n + 1]?.key ?? '')) continue;
    const mutual = made.filter((e) => e.source && e.target && e.trigger.start < tokens[k].start
      && made.some((r) => r.source?.id === e.target!.id && r.target?.id === e.source!.id));
    for (const e of mutual) {
      if ([...made, ...out].some((c) => c.type === 'CONSULT' && c.source?.id === e.source!.id && c.target?.id === e.target!.id)) continue;
      out.push(consultAt(ctx, n, e.source!, e.target!, e.target_mention, false));
    }
    if (out.length) break;
  }
  return out;
}

/** A meeting (CONSULT) of `source` with `target`, or a visit to it, named by the noun at n. */
function consultAt(ctx: Ctx, n: number, source: Actor, target: Actor, targetMention: Event['target_mention'], visit: boolean): Event {
  const { tokens, doc } = ctx;
  const date = eventDate(doc, n);
  const quote = quoteAt(doc, tokens[n].start);
  const cameo = visit ? '042' : '040';
  return {
    id: '', sentence: tokens[n].sentence, trigger: { start: tokens[n].start, end: tokens[n].end, text: tokens[n].text },
    type: 'CONSULT', mode: visit ? 'visit' : null, cameo,
    source, target, source_mention: null, target_mention: targetMention,
    date: date?.value ?? doc.meta.published, date_basis: date ? 'text' : doc.meta.published ? 'published' : null,
    location: visit ? null : locationOf(ctx, n), negated: false, quoted: !!quote,
    speaker: quote?.speaker?.actor ?? null, intensity: cameoScore(doc, cameo), confidence: 0.6,
  };
}

const CONDITIONS = new Set(['if', 'unless']);
/**
 * How many words open a condition at c: "if", "unless"; "as soon as Ukraine withdrew its troops", "the moment Kyiv
 * announces a withdrawal" (0 where none does).
 */
function conditionOpener(tokens: Token[], c: number): number {
  if (CONDITIONS.has(tokens[c].key)) return 1;
  if (tokens[c].key === 'as' && tokens[c + 1]?.key === 'soon' && tokens[c + 2]?.key === 'as') return 3;
  // ("the moment" opens a condition only before its clause's subject, not as an object: "at the moment")
  if (tokens[c].key === 'the' && tokens[c + 1]?.key === 'moment' && tokens[c - 1]?.pos !== 'ADP' && ['PROPN', 'PRON', 'DET'].includes(tokens[c + 2]?.pos ?? '')) return 2;
  return 0;
}
/**
 * "would not attend unless the RSF first withdrew from civilian homes", "“If Cambodia stops firing, we will stop too”":
 * what an "if" or "unless" clause says is a condition, not an event; after a threat ("threatened to close the Strait of
 * Hormuz if the United States attacked its nuclear facilities") the party it names first is the one threatened.
 */
function conditions(ctx: Ctx, s: { first: number; last: number }, made: Event[]): Event[] {
  const { tokens } = ctx;
  let out = made;
  for (let c = nextToken(tokens, s.first, s.last - 1, conditionOpener); c < s.last; c = nextToken(tokens, c + 1, s.last - 1, conditionOpener)) {
    const opener = conditionOpener(tokens, c);
    const threats = out.filter((e) => e.type === 'THREATEN' && !e.negated && e.trigger.end <= tokens[c].start);
    let end = c + opener;
    while (end <= s.last && ![',', ';', ':'].includes(tokens[end].key)) end++;
    const from = tokens[c].start;
    const to = tokens[end - 1].end;
    out = out.filter((e) => !(e.trigger.start > from && e.trigger.end <= to));
    for (const e of threats.filter((x) => !x.target)) {
      for (let k = c + 1; k < end; k++) {
        const m = ctx.byFirst.get(k);
        if (!m?.actor || ctx.placeOnly.has(m)) continue;
        if (m.actor.id !== e.source?.id && (!m.actor.country || m.actor.country !== e.source?.country)) {
          e.target = m.actor;
          e.target_mention = { start: m.start, end: m.end, text: m.text };
        }
        break;
      }
    }
  }
  return out;
}

/**
 * "Pakistan blamed India for the bombing, a charge New Delhi rejected": a rejection in a phrase set after an
 * accusation, naming it, rejects the accuser.
 */
function rebuttals(ctx: Ctx, s: { first: number; last: number }, made: Event[]): void {
  const { tokens } = ctx;
  for (const e of made.filter((x) => x.type === 'REJECT' && !x.target)) {
    let i = s.first;
    while (i <= s.last && tokens[i].start !== e.trigger.start) i++;
    if (i > s.last) continue;
    let k = i - 1;
    while (k > s.first && i - k <= 8 && !ctx.doc.lexicon.grammar.chargeNouns.has(tokens[k].lemma)) k--;
    if (!ctx.doc.lexicon.grammar.chargeNouns.has(tokens[k]?.lemma ?? '') || tokens[k].pos !== 'NOUN') continue;
    let comma = k - 1;
    while (comma > s.first && ['DET', 'ADJ'].includes(tokens[comma].pos)) comma--;
    if (tokens[comma].key !== ',') continue;
    const accusation = made.find((x) => x.type === 'ACCUSE' && x.source && x.trigger.end <= tokens[comma].start && x.source.id !== e.source?.id
      && (!x.source.country || x.source.country !== e.source?.country));
    if (!accusation) continue;
    e.target = accusation.source;
    e.target_mention = accusation.source_mention;
  }
}

/**
 * "converged on Lagos to protest", "shunned work on Monday to protest": the subject of the verb a protest verb in the
 * infinitive is the purpose of, where no verb governs the infinitive directly.
 */
function protestPurpose(ctx: Ctx, i: number, sentenceFirst: number): Mention | null {
  const { tokens } = ctx;
  if (!ctx.doc.lexicon.grammar.protestPurposes.has(tokens[i].lemma) || prevWord(tokens, i)?.key !== 'to') return null;
  for (let k = i - 2; k >= sentenceFirst; k--) {
    if (tokens[k].pos !== 'VERB' || prevWord(tokens, k)?.key === 'to') continue;
    return subjectOf(ctx, k, sentenceFirst, undefined).find((m) => m.actor && ['CVL', 'OPP', 'REB', 'PTY', 'NGO', 'REF'].includes(m.actor.sector ?? '')) ?? null;
  }
  return null;
}

/** The sentence's subject before token `k`: an actor that opens the sentence or stands before its verb. */
function subjectActor(ctx: Ctx, s: { first: number; last: number }, k: number): Actor | null {
  const { tokens } = ctx;
  const subject = (j: number): Actor | null => {
    const m = ctx.byFirst.get(j);
    return m?.actor && !ctx.placeOnly.has(m) && ['VERB', 'AUX'].includes(tokens[nextWordIndex(tokens, m.last)]?.pos ?? '') ? m.actor : null;
  };
  for (let j = s.first; j < k; j++) {
    const a = subject(j);
    if (a) return a;
  }
  // ("In a telephone conversation with Obama, Putin told …": after a phrase that opens the sentence, the subject follows its comma)
  const comma = tokens.slice(k, Math.min(s.last, k + 16)).find((t) => t.key === ',');
  return comma && opensSentence(tokens, k, s.first) ? subject(nextWordIndex(tokens, comma.i)) : null;
}

const ALLEGED = new Set(['ASSAULT', 'COERCE']);

/**
 * "The report alleged that the French military helped carry out killings": force or coercion that a speaker alleges
 * another party used is also the speaker's accusation of that party (CAMEO 112; 1123 for aggression), asserted by the reporter.
 */
function allegations(ctx: Ctx, events: Event[]): Event[] {
  const { doc } = ctx;
  const alleging = new Set(doc.lexicon.cues.alleging);
  const out: Event[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (!ALLEGED.has(e.type) || e.negated || !e.source) continue;
    // (the allegation may follow what it alleges: "Saudi border guards killed …, Human Rights Watch alleged")
    const quote = doc.quotes.find((q) => !q.direct && q.start <= e.trigger.start && e.trigger.start < q.end);
    if (!quote?.speaker?.actor) continue;
    const cue = quote.cue && doc.tokens.find((t) => t.start === quote.cue!.start);
    // (a past form the tagger read as an adjective: "Human Rights Watch alleged that …")
    if (!cue || ![cue.lemma, ...pastStems(cue)].some((w) => alleging.has(w))) continue;
    const speaker = quote.speaker.actor;
    if (speaker.id === e.source.id || (speaker.country && speaker.country === e.source.country)) continue;
    const key = `${e.sentence}|${speaker.id}|${e.source.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cameo = e.type === 'ASSAULT' ? '1123' : '112';
    out.push({
      ...e, id: '', trigger: { start: cue.start, end: cue.end, text: cue.text }, type: 'ACCUSE', mode: null, cameo,
      source: speaker, target: e.source,
      source_mention: quote.speaker ? { start: quote.speaker.start, end: quote.speaker.end, text: quote.speaker.text } : null,
      target_mention: e.source_mention, quoted: false, speaker: null,
      intensity: doc.lexicon.cameo.get(cameo)?.goldstein ?? -2, confidence: Math.min(e.confidence, 0.6),
    });
  }
  return out;
}

/**
 * Nationality words the mentions stage leaves alone because no agent follows them ("Israeli tanks",
 * "a Russian oil refinery", "Thousands of Armenians"): the country they name is a party to the event.
 */
function nationalModifiers(doc: Doc): Mention[] {
  const { tokens } = doc;
  const covered = new Uint8Array(tokens.length);
  for (const m of doc.mentions) covered.fill(1, m.first, m.last + 1);
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !tokens[i].cap) continue;
    for (const match of doc.lexicon.mentions.matchesAt(tokens, i).reverse()) {
      const entry = match.payloads.map((p) => p.entry).find((e) => e.t === 'country' && (e.form === 'adjective' || e.form === 'people'));
      const place = entry?.t === 'country' ? doc.lexicon.places.get(entry.iso3) : undefined;
      if (!entry || entry.t !== 'country' || !place || covered.subarray(match.first, match.last + 1).some((c) => c)) continue;
      const next = tokens[match.last + 1];
      // "Israeli tanks", "Russian shelling"; "Greek and Turkish ministers", "Indian, Russian warships": one noun for two adjectives
      if (entry.form === 'adjective' && !(next && !next.space && (['NOUN', 'ADJ', 'PROPN'].includes(next.pos) || (next.pos === 'VERB' && /ing$/.test(next.key)) || hyphenedParty(doc, match.last) || ['and', ','].includes(next.key)))) continue;
      const t0 = tokens[match.first], t1 = tokens[match.last];
      const actor: Actor = { ...stateOf(place), kind: 'group', sector: null };
      out.push({ first: match.first, last: match.last, start: t0.start, end: t1.end, text: doc.text.slice(t0.start, t1.end), sentence: t0.sentence, actor, place: null });
      i = match.last;
      break;
    }
  }
  return out;
}

/**
 * "military action", "heavy artillery fire": a group word describing a thing is no party to the event
 * ("opposition members", "police officers", "the rebel group" are parties: the next word names people or a body).
 */
function isDescriptive(doc: Doc, m: Mention): boolean {
  const t = doc.tokens[m.first];
  const next = doc.tokens[m.last + 1];
  if (m.first !== m.last || t.cap || !['ADJ', 'NOUN'].includes(t.pos) || !next || next.pos !== 'NOUN' || next.cap) return false;
  // (a plural names the party, not a kind of thing: "gunmen shot dead …", which the tagger reads as a noun)
  if (t.pos === 'NOUN' && t.lemma !== t.key) return false;
  if (doc.lexicon.grammar.representatives.has(next.key) || doc.lexicon.grammar.bodyWords.has(next.key)) return false;
  return !doc.lexicon.mentions.matchesAt(doc.tokens, next.i).some((x) => x.payloads.some((p) => p.entry.t === 'agent'));
}

/**
 * "Saudi-led", "Iran-backed", "Greek-owned": the party ending at `last` is joined by a hyphen to a participle that makes
 * it a party to what the noun after does or suffers.
 */
function hyphenedParty(doc: Doc, last: number): boolean {
  return doc.tokens[last + 1]?.key === '-' && doc.lexicon.grammar.partyParticiples.has(doc.tokens[last + 2]?.key ?? '');
}

const eventHeadSets = new WeakMap<Lexicon, Set<string>>();

/** Every word patternsFor() finds patterns by, other than a lemma in "re-": the heads and forms of the event patterns and nouns. */
function eventHeads(lexicon: Lexicon): Set<string> {
  let heads = eventHeadSets.get(lexicon);
  if (!heads) {
    heads = new Set([lexicon.eventPatterns, lexicon.eventPatternForms, lexicon.eventNouns, lexicon.eventNounForms].flatMap((m) => [...m.keys()]));
    eventHeadSets.set(lexicon, heads);
  }
  return heads;
}

/** The patterns headed by a token's lemma; the tagger's lemma is sometimes wrong ("staged" → "stag"). */
/** "expelling" → "expel", "patrolling" → "patrol": a gerund the tagger took for a noun keeps its doubled consonant in its lemma. */
function undoubledGerund(key: string): string {
  const m = /^([a-z]+([bdglmnprt]))\2ing$/.exec(key);
  return m ? m[1] : '';
}

function patternsFor(index: Map<string, CompiledPattern[]>, forms: Map<string, CompiledPattern[]>, t: Token): CompiledPattern[] | undefined {
  const found = index.get(t.lemma) ?? forms.get(t.key) ?? index.get(undoubledGerund(t.key));
  if (found || !t.lemma.startsWith('re')) return found;
  // "reimposed", "redeployed", "reopened": the act again is the same act
  return /^re[a-z]{4,}$/.test(t.lemma) ? index.get(t.lemma.slice(2)) : undefined;
}

/**
 * A finite verb: not a gerund; an infinitive only where it takes the subject
 * of the verb it depends on. The tagger takes some verbs right after their subject for nouns or
 * adjectives ("Russia attacks Ukraine", "Israel blockaded Gaza", "Iraqi forces retook"): there, the
 * position decides.
 */
function isTrigger(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i];
  // a nationality word is no subject there ("the Russian attack"); "had talks", "has a meeting": "have" as a main verb
  const mainHave = t.pos === 'AUX' && t.lemma === 'have' && ['DET', 'NOUN', 'ADJ', 'NUM'].includes(tokens[nextWordIndex(tokens, i)]?.pos ?? '');
  // ("was in Kyiv for talks", "is due in Pyongyang": "be" as a main verb of place)
  const mainBe = t.lemma === 'be' && ['in', 'due'].includes(tokens[nextWordIndex(tokens, i)]?.key ?? '');
  const prev = prevWord(tokens, i);
  // after a modal or "to" only a verb can stand ("it will free the prisoners", "vowed to free"), whatever the tagger says
  // (and a past participle after "have": "police had tortured …"; and a participle after "and" that joins one: "killing
  // two and arresting 15", which the tagger reads as a noun)
  const verbSlot = !!prev && (ctx.doc.lexicon.grammar.intentModals.has(prev.key) || prev.key === 'to' || (/ed$/.test(t.key) && ['has', 'have', 'had'].includes(prev.key))
    || (/ing$/.test(t.key) && coordinatedParticiple(ctx, i)) || passiveParticle(tokens, i)
    // ("began expelling", "kept deporting": the tagger may read the gerund after a verb of beginning or going on as a noun)
    || (/ing$/.test(t.key) && prev.pos === 'VERB' && ASPECTUAL.has(prev.lemma)));
  if (t.pos !== 'VERB' && !mainHave && !mainBe && !((t.pos === 'NOUN' || t.pos === 'ADJ') && (verbSlot || afterSubject(ctx, i) || insertedParticiple(ctx, i)))) return false;
  if (isObliged(ctx, i) || isMandated(ctx, i)) return false;
  if (inOpenQuestion(tokens, i) || inAllegation(ctx, i)) return false;
  // ("the army-backed government", "a Saudi-led coalition": a standing relation the compound describes, no act)
  if (tokens[i - 1]?.key === '-' && ctx.doc.lexicon.grammar.partyParticiples.has(t.key)) return false;
  // ("the son of ousted President Mohamed Bazoum", "the detained journalist": a participle that opens a party's name describes it)
  if (/ed$/.test(t.key) && prev && (['DET', 'ADP'].includes(prev.pos) || POSSESSIVE_DETERMINERS.has(prev.key)) && prev.key !== 'to' && ctx.byFirst.has(nextWordIndex(tokens, i))) return false;
  // ("clashes between police and youths opposed to the reform": a stance that describes the noun; "are opposed to" takes one)
  if (t.key === 'opposed' && tokens[nextWordIndex(tokens, i)]?.key === 'to' && !(prev && BE.has(prev.key))) return false;
  if (prev && prev.key === 'to') {
    const governor = governingVerb(ctx, i);
    return (!!governor && !ctx.triggers.has(governor.i)) || causedParty(ctx, prev.i) !== null;
  }
  // "…, accusing Paris of …": a participle after a comma shares the subject of the clause's verb
  // ("demonstrators protesting election results": a participle right after the party it describes is that party's act)
  if (/ing$/.test(t.key)) {
    if (openingParticipleSubject(ctx, i) || insertedParticiple(ctx, i) || trailingAllegation(ctx, i) || (!!prev && TEMPORAL_GERUND.has(prev.key) && clauseVerb(ctx, i) !== null)) return true;
    const described = prev && ctx.byLast.get(prev.i);
    return !!prev && (BE.has(prev.key) || ASPECTUAL.has(prev.lemma) || (prev.key === ',' && !!clauseVerb(ctx, i)) || coordinatedParticiple(ctx, i)
      || (!!described?.actor && !ctx.placeOnly.has(described) && !ctx.weak.has(described)));
  }
  return true;
}

/** "He declined to say whether Iran would leave the treaty": an act in a question or a "whether" clause is asked about, not asserted. */
function inOpenQuestion(tokens: Token[], i: number): boolean {
  // ("“Where do they want us to go?”": a question asks, it asserts no act)
  for (let k = i + 1; k < tokens.length && tokens[k].sentence === tokens[i].sentence; k++) {
    if (tokens[k].key === '?') return true;
    if (tokens[k].key === '.' || tokens[k].key === '!') break;
  }
  for (let k = i - 1; k >= 0 && tokens[k].sentence === tokens[i].sentence; k--) {
    const t = tokens[k];
    if (t.key === 'whether') return true;
    if ([',', ';', ':', '“', '"'].includes(t.key) || t.pos === 'CCONJ' || t.pos === 'VERB') return false;
  }
  return false;
}

/**
 * "Russia decided to impose …", "police used tear gas to disperse …": the verb an infinitive depends on,
 * whose subject is the infinitive's too.
 */
function governingVerb(ctx: Ctx, i: number): Token | null {
  const { tokens } = ctx;
  const to = prevWord(tokens, i);
  if (!to || to.key !== 'to') return null;
  // "Ankara plans to", "Vietnam is ready to": a word of intent governs whatever the tagger made of it
  const before = prevWord(tokens, to.i);
  if (before && ctx.doc.lexicon.grammar.intentGovernors.has(before.key)) return before;
  // the verb right before "to", or the verb of a short object before it ("used tear gas to")
  for (let k = to.i - 1, words = 0; k >= 0 && words <= 4; k--) {
    const t = tokens[k];
    // "voted on Friday to open …": a date (and its preposition) between the verb and "to"
    if (t.space || ctx.inDate[k] || (['on', 'in', 'at'].includes(t.key) && ctx.inDate[nextWordIndex(tokens, k)])) continue;
    // "used tear gas to": the tagger takes some nouns for verbs; the first of two verbs heads the phrase
    if (t.pos === 'VERB') return prevWord(tokens, k)?.pos === 'VERB' ? prevWord(tokens, k)! : t;
    if (!(inNounPhrase(t) || t.pos === 'ADV') || ctx.byLast.has(k)) return null;
    words++;
  }
  return null;
}

/**
 * "prompting Washington to rush warplanes to the Gulf", "forced the army to withdraw": the party a causative verb
 * makes act, named right before the "to" at `to`; the act is done (an appeal, "urged Iran to", is not).
 */
function causedParty(ctx: Ctx, to: number): Mention | null {
  const { tokens } = ctx;
  const m = ctx.byLast.get(to - 1);
  if (!m?.actor) return null;
  const verb = prevWord(tokens, m.first);
  return verb?.pos === 'VERB' && ctx.doc.lexicon.grammar.causativeVerbs.has(verb.lemma) ? m : null;
}

function afterSubject(ctx: Ctx, i: number): boolean {
  // ("a Venezuelan navy patrol boat had entered …": a noun before a noun and then a verb is part of the subject)
  const next = ctx.tokens[nextWordIndex(ctx.tokens, i)];
  if (next?.pos === 'NOUN' && !next.cap && ['AUX', 'VERB'].includes(ctx.tokens[nextWordIndex(ctx.tokens, next.i)]?.pos ?? '')) return false;
  let j = i - 1;
  while (j >= 0 && (ctx.tokens[j].pos === 'ADV' || ctx.tokens[j].space)) j--;
  const m = ctx.byLast.get(j);
  // ("Russian missiles strike Kyiv children's hospital": a headline's present tense after a party's plural noun)
  const plural = !m && j > 0 && ctx.tokens[j].pos === 'NOUN' && ctx.tokens[j].lemma !== ctx.tokens[j].key && /s$/.test(ctx.tokens[j].key) ? ctx.byLast.get(j - 1) : undefined;
  if (plural?.actor && !ctx.placeOnly.has(plural) && !/s$/.test(ctx.tokens[i].key) && ctx.byFirst.has(nextWordIndex(ctx.tokens, i))) return ctx.tokens[j].sentence === ctx.tokens[i].sentence;
  // ("Police in Harare rounded up …": a party placed by "in" or "at" before its verb)
  const placed = m && ctx.placeOnly.has(m) && ['in', 'at'].includes(ctx.tokens[m.first - 1]?.key ?? '') ? ctx.byLast.get(m.first - 2) : undefined;
  if (placed && !ctx.placeOnly.has(placed) && !ctx.weak.has(placed)) return ctx.tokens[placed.first].sentence === ctx.tokens[i].sentence;
  return !!m && !ctx.weak.has(m) && !ctx.placeOnly.has(m) && ctx.tokens[j].sentence === ctx.tokens[i].sentence;
}

function nextWordIndex(tokens: Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && tokens[j].space) j++;
  return j;
}

function prevWord(tokens: Token[], i: number): Token | undefined {
  let j = i - 1;
  while (j >= 0 && (tokens[j].space || tokens[j].pos === 'ADV')) j--;
  return tokens[j];
}

/**
 * "a member of Hamas jailed over a year ago": a verb that takes its object right after it, with none there, after a
 * noun and without "be", is a participle describing the noun, not a verb whose subject the noun is
 * (a party named right before, or a date, is the subject: "Israel struck on Monday", "Albania on Friday denounced as …";
 * a generic one need not be: "officials accused of corruption").
 */
function describingParticiple(ctx: Ctx, i: number, end: number, passive: boolean): boolean {
  const { tokens } = ctx;
  const after = wordAfterVerb(tokens, i, end);
  const before = prevWord(tokens, i);
  const dated = (k: number): boolean => ctx.inDate[k] === 1 || (tokens[k].pos === 'ADP' && ctx.inDate[nextWordIndex(tokens, k)] === 1);
  const named = before && ctx.byLast.get(before.i);
  return !passive && /ed$/.test(tokens[i].key) && !!before && ['NOUN', 'PROPN'].includes(before.pos) && !ctx.inDate[before.i] && !(named && !named.agent)
    // ("killed at least 40 people": "at least" counts the object)
    && (!after || ['PUNCT', 'SCONJ'].includes(after.pos) || dated(after.i) || (after.pos === 'ADP' && after.key !== 'over' && !(after.key === 'at' && ['least', 'most'].includes(tokens[after.i + 1]?.key ?? ''))));
}

/** The word after a verb, past a phrase set off by commas ("attacked, for the second time this week, a ship"). */
function wordAfterVerb(tokens: Token[], i: number, end: number): Token | undefined {
  const inserted = insertedPhraseEnd(tokens, nextWordIndex(tokens, i), end);
  return tokens[inserted > 0 ? nextWordIndex(tokens, inserted) : nextWordIndex(tokens, i)];
}

/** "is trying to lay …", "plans to visit …": the verb governs another verb. */
function governsVerb(tokens: Token[], i: number): boolean {
  return tokens[i + 1]?.key === 'to' && tokens[i + 2]?.pos === 'VERB';
}

function bestMatch(ctx: Ctx, i: number, patterns: CompiledPattern[], end: number): Match | null {
  const { tokens } = ctx;
  const passive = isPassive(ctx, i) || isReducedPassive(ctx, i);
  // "is trying to lay …", "plans to visit …": the verb governs another verb; only a pattern that says so ("threaten to") holds
  const catenative = governsVerb(tokens, i);
  const subject = passive ? passiveSubject(ctx, i) : null;
  const noObject = describingParticiple(ctx, i, end, passive);
  const words = sentenceWords(ctx, tokens[i].sentence);
  for (const p of patterns) {
    // (a pattern whose literal words the sentence lacks cannot match)
    if (!hasRequiredWords(p, words)) continue;
    if (catenative && !(p.elements[0]?.k === 'word' && p.elements[0].words.has('to'))) continue;
    // ("officials accused of embezzlement": "of" right after the verb leaves no room for its object either)
    if (noObject && ((p.elements[0]?.k === 'slot' && p.elements[0].slot === 'X') || (!p.elements.length && wordAfterVerb(tokens, i, end)?.key === 'of'))) continue;
    const found = matchElements(ctx, p.elements, 0, i + 1, end, { target: null, source: null }, passive);
    // (a pattern whose target must be a party: named after the verb, or as the passive's subject)
    // ("Russian missiles hit a hospital in Kharkiv": force used in a place is used against it)
    const targetIsParty = !p.source.party || (passive ? !!subject && !!partyIn(ctx, subject)
      : !!found && (found.target ? !!found.target.actor || tokens[found.target.first].pos === 'PRON' : p.source.type === 'ASSAULT' && !!laterInClause(ctx, found.last + 1, [], p.source.type)));
    if (found && targetIsParty) return { pattern: p, ...found };
    const inSubject = subject && subjectNounMatch(ctx, p, i, subject, end);
    if (inSubject) return inSubject;
  }
  return null;
}

/** quotation marks that open a quotation (the straight ones open and close alike) */
const OPENING_QUOTES = new Set(['“', '"', '«', '„', '‘']);
/** The frame of a verb and its object, whatever the object is: what a trigger's event is done to when no pattern's frame holds. */
const OBJECT_FRAME: Element[] = [{ k: 'slot', slot: 'X' }];

/**
 * "appealed to the United States and Europe for help on Saturday in halting …", "brushed aside calls for a ceasefire":
 * a sentence with no event, whose triggers' patterns all failed on their frames, still reports the act of a verb whose
 * patterns with every literal word later in the clause give one type: the event of the most general of them, done to
 * the party in the verb's object, if any. Not where a frame fails on purpose: a pattern of the bare verb, a target
 * that must be a party ("inflation hit 75 percent"), a verb governing another ("plans to"), "tell X to", a participle
 * describing a noun.
 */
function unframedEvents(ctx: Ctx, triggers: { i: number; patterns: CompiledPattern[] }[], s: { first: number; last: number }): Event[] {
  const { tokens } = ctx;
  // (each with the patterns its frames failed on)
  for (const { i, patterns } of triggers) {
    const passive = isPassive(ctx, i) || isReducedPassive(ctx, i);
    if (governsVerb(tokens, i)) continue;
    // ("officials accused of embezzlement": a participle describing a noun takes no object)
    const noObject = describingParticiple(ctx, i, s.last, passive);
    // (the clause ends at a quotation: "called the deal “a beacon of hope” for countries facing hunger" names, it asks for nothing)
    const after = new Set<string>();
    for (let k = i + 1; k <= s.last && !CLAUSE_BREAKS.has(tokens[k].key) && !['that', 'which', 'who'].includes(tokens[k].key) && !OPENING_QUOTES.has(tokens[k].key); k++) after.add(tokens[k].key).add(tokens[k].lemma);
    const candidates = patterns.filter((p) => p.required.length && !infinitiveFrame(p) && !(noObject && p.elements[0]?.k === 'slot')
      && p.required.every((words) => words.some((w) => after.has(w))));
    if (!candidates.length || new Set(candidates.map((p) => p.source.type)).size > 1) continue;
    const general = candidates.reduce((a, b) => (b.specificity < a.specificity ? b : a));
    const frame = passive || noObject ? null : matchElements(ctx, OBJECT_FRAME, 0, i + 1, s.last, { target: null, source: null }, false);
    // (a verb of several types, "pull", "bar", "fight": only between parties, one named as its subject and one in its object)
    const ambiguous = new Set(patterns.map((p) => p.source.type)).size > 1;
    if ((general.source.party || ambiguous) && !frame?.target?.actor) continue;
    // (nor after a clause that ends with a comma, "the language used against …, which is …, demonstrates …": whose subject is too far to tell)
    if (ambiguous ? !namedSubject(ctx, i) : prevWord(tokens, i)?.key === ',') continue;
    const made = makeEvents(ctx, i, { pattern: general, last: frame?.last ?? i, target: frame?.target ?? null, source: null }, s.first);
    if (made.length) {
      ctx.triggers.add(i);
      return made;
    }
  }
  return [];
}

/**
 * Whether a political party named right before the verb is its subject: not a country's modifier ("Colombian coffee
 * growers"), nor a place ("Rescuers in Chile"), nor business ("foreign investors pulled money out of …").
 */
function namedSubject(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  let j = i - 1;
  while (j >= 0 && (tokens[j].space || tokens[j].pos === 'ADV')) j--;
  const m = ctx.byLast.get(j);
  return !!m?.actor && m.actor.sector !== 'BUS' && !ctx.weak.has(m) && !ctx.placeOnly.has(m) && tokens[m.first - 1]?.pos !== 'ADP' && tokens[j].sentence === tokens[i].sentence;
}

/**
 * "Egyptian and Libyan security forces jointly dismantled a people-smuggling network", "Police in Nigeria and Benin
 * dismantled a ring in a joint operation": parties of two countries acting jointly, in a sentence with no event (their
 * act heads no pattern), cooperate with each other.
 */
function jointActs(ctx: Ctx, s: { first: number; last: number }): Event[] {
  const { tokens, doc } = ctx;
  const cooperate = doc.lexicon.eventPatterns.get('cooperate')?.find((p) => !p.elements.length);
  if (!cooperate) return [];
  for (let i = s.first; i <= s.last; i++) {
    if (tokens[i].pos !== 'VERB' || /ing$/.test(tokens[i].key)) continue;
    let k = Math.max(s.first, i - 2);
    while (k <= s.last && k - i <= 12 && !(k > i && [',', ';'].includes(tokens[k].key)) && !doc.lexicon.grammar.jointWords.has(tokens[k].key)) k++;
    if (k > s.last || k - i > 12 || !doc.lexicon.grammar.jointWords.has(tokens[k].key)) continue;
    const countries = new Set(subjectOf(ctx, i, s.first, quoteAt(doc, tokens[i].start)).map((m) => m.actor?.country).filter(Boolean));
    if (countries.size < 2) continue;
    const made = makeEvents(ctx, i, { pattern: cooperate, last: i, target: null, source: null }, s.first);
    if (made.length) return made;
  }
  return [];
}

/** The party that opens a "that" clause right after the verb's words ending at `last` (past a date), as its subject. */
function thatClauseSubject(ctx: Ctx, last: number): Mention | null {
  const { tokens } = ctx;
  let k = tokens[last].key === 'that' ? last : nextWordIndex(tokens, last);
  while (k < tokens.length && (ctx.inDate[k] || (DATE_OPENERS.has(tokens[k].key) && ctx.inDate[nextWordIndex(tokens, k)]) || tokens[k].pos === 'ADV')) k = nextWordIndex(tokens, k);
  if (tokens[k]?.key !== 'that') return null;
  const m = partyAt(ctx, nextWordIndex(tokens, k));
  return m?.actor && !ctx.placeOnly.has(m) && ['AUX', 'VERB'].includes(tokens[nextWordIndex(tokens, m.last)]?.pos ?? '') ? m : null;
}

/** "tell X to", "urge X to": a frame whose party is asked to do what an infinitive names. */
function infinitiveFrame(p: CompiledPattern): boolean {
  return p.elements.some((el, n) => el.k === 'word' && el.words.has('to') && p.elements[n - 1]?.k === 'slot');
}

/** Whether `words` hold one of the words of each of the pattern's literal elements (plain loops: tried for every pattern of every trigger). */
function hasRequiredWords(p: CompiledPattern, words: Set<string>): boolean {
  for (const alternatives of p.required) {
    let found = false;
    for (const w of alternatives) {
      if (words.has(w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The keys and lemmas of a sentence's tokens, built once per sentence. */
function sentenceWords(ctx: Ctx, sentence: number): Set<string> {
  let words = ctx.sentenceWords.get(sentence);
  if (!words) {
    const s = ctx.doc.sentences[sentence];
    words = new Set();
    for (let k = s.first; k <= s.last; k++) {
      const t = ctx.tokens[k];
      words.add(t.key);
      if (t.lemma !== t.key) words.add(t.lemma);
      // ("sit-in": the hyphened word the text splits in three)
      if (t.key === '-' && k > s.first && k < s.last) words.add(`${ctx.tokens[k - 1].key}-${ctx.tokens[k + 1].key}`);
    }
    ctx.sentenceWords.set(sentence, words);
  }
  return words;
}

/** The noun phrase a passive verb's subject ends with, past its auxiliaries: "New sanctions on Russia" in "… were announced". */
function passiveSubject(ctx: Ctx, i: number): { first: number; last: number } | null {
  const { tokens } = ctx;
  let last = i - 1;
  while (last >= 0 && (tokens[last].space || ['ADV', 'AUX', 'PART'].includes(tokens[last].pos) || BE.has(tokens[last].key) || ['has', 'have', 'had', 'will', 'would'].includes(tokens[last].key))) last--;
  if (last < 0 || tokens[last].sentence !== tokens[i].sentence || !inNounPhrase(tokens[last])) return null;
  let first = last;
  // ("The ceasefire between Israel and Hezbollah was welcomed": the parties a "between" joins)
  const joined = (k: number): boolean => tokens[k].key === 'between' || (tokens[k].key === 'and' && tokens.slice(Math.max(0, k - 5), k).some((t) => t.key === 'between'));
  while (first - 1 >= 0 && tokens[first - 1].sentence === tokens[i].sentence && last - first < 12 && (tokens[first - 1].space || inNounPhrase(tokens[first - 1]) || ['on', 'against', 'to', 'for'].includes(tokens[first - 1].key) || joined(first - 1))) first--;
  return { first, last };
}

/** The party after a preposition close after the verb ("extradited from Ecuador to Italy"), within its clause. */
function partyAfter(ctx: Ctx, j: number, end: number, preposition: string): Mention | null {
  const { tokens } = ctx;
  for (let k = j; k <= end && k - j <= 8; k++) {
    if (['VERB', 'PUNCT', 'SCONJ'].includes(tokens[k].pos)) return null;
    if (tokens[k].key !== preposition) continue;
    const m = partyAt(ctx, k + 1);
    return m && !isPossessiveModifier(ctx, m) ? m : null;
  }
  return null;
}

/** The first party named inside a phrase. */
function partyIn(ctx: Ctx, phrase: { first: number; last: number }): Mention | null {
  for (let k = phrase.first; k <= phrase.last; k++) {
    const m = ctx.byFirst.get(k);
    if (m && m.last <= phrase.last) return m;
  }
  return null;
}

/**
 * "Sanctions were imposed on Iran by the EU", "New sanctions on Russia were announced by Britain": the
 * pattern's first noun stands in the passive's subject; the words after it follow in the subject or after the verb.
 */
function subjectNounMatch(ctx: Ctx, p: CompiledPattern, i: number, subject: { first: number; last: number }, end: number): Match | null {
  const { tokens } = ctx;
  // ("The bodies … were handed over", "migrants were rounded up": the verb's particles follow it, its object is the subject)
  let verbEnd = i;
  let lead = 0;
  for (let el = p.elements[0]; el?.k === 'word' && !el.optional && el.words.has(tokens[verbEnd + 1]?.key ?? '') && PARTICLES.has(tokens[verbEnd + 1].key); el = p.elements[++lead]) verbEnd++;
  const e0 = p.elements.findIndex((el, n) => n >= lead && el.k === 'word' && !el.optional);
  const head = p.elements[e0];
  if (!head || head.k !== 'word' || [...head.words].every((w) => PREPOSITIONS.has(w)) || p.elements.slice(lead, e0).some((el) => el.k === 'slot')) return null;
  const rest = p.elements.slice(e0 + 1);
  for (let w = subject.first; w <= subject.last; w++) {
    if (!head.words.has(tokens[w].key) && !head.words.has(tokens[w].lemma)) continue;
    const within = matchElements(ctx, rest, 0, w + 1, subject.last, { target: null, source: null }, false);
    if (within) return { pattern: p, ...within, last: verbEnd, subject };
    const after = matchElements(ctx, rest, 0, verbEnd + 1, end, { target: null, source: null }, false);
    if (after) return { pattern: p, ...after, subject };
  }
  return null;
}

/** Match elements from token j on; adverbs may stand anywhere between them. */
function matchElements(ctx: Ctx, els: Element[], e: number, j: number, end: number, got: { target: Mention | null; source: Mention | null }, passive: boolean):
  { last: number; target: Mention | null; source: Mention | null } | null {
  const { tokens } = ctx;
  const startJ = j;
  for (;;) {
    if (j > end) break;
    // a date, with the preposition that introduces it ("granted asylum on Monday to …")
    const date = ctx.dateByFirst.get(j) ?? (DATE_OPENERS.has(tokens[j].key) ? ctx.dateByFirst.get(nextWordIndex(tokens, j)) : undefined);
    if (date) j = date.last + 1;
    // ("called, in a statement on Sunday, on both sides to …": a phrase set off by commas may stand between a verb and its frame)
    else if (e < els.length && insertedPhraseEnd(tokens, j, end) > 0) j = insertedPhraseEnd(tokens, j, end) + 1;
    // adverbs may stand between a pattern's words, unless the pattern names the adverb ("step aside")
    else if (tokens[j].space || (tokens[j].pos === 'ADV' && !ctx.doc.lexicon.grammar.negation.has(tokens[j].key) && !namesWord(els[e], tokens[j].key))) j++;
    else break;
  }
  if (e === els.length) return { last: (j > startJ ? startJ : j) - 1, ...got };
  const el = els[e];
  if (el.k === 'word') {
    // "held indirect talks", "held their first security dialogue": modifiers before the pattern's noun
    for (let k = j; k <= end && k - j <= 3 && MODIFIER_POS.has(tokens[k].pos) && !el.words.has(tokens[k].key); k++) {
      if ((el.words.has(tokens[k + 1]?.key) || el.words.has(tokens[k + 1]?.lemma)) && !ctx.inName[k + 1]) {
        // "expelled the French ambassador": the nationality of the noun is whom the event is done to
        const inModifiers = got.target ? null : gapActor(ctx, j, k);
        const r = matchElements(ctx, els, e + 1, k + 2, end, inModifiers ? { ...got, target: inModifiers } : got, passive);
        if (r) return r;
      }
    }
    // (by its lemma only a form that is no gerund: "stopped work" is a strike, "will not stop working" is not)
    if (j <= end && (el.words.has(tokens[j].key) || (el.words.has(tokens[j].lemma) && !/ing$/.test(tokens[j].key))) && !ctx.inName[j]) {
      // ("exports to and from Israel": a preposition coordinated with another before their shared object)
      const paired = ['and', 'or'].includes(tokens[j + 1]?.key ?? '') && PREPOSITIONS.has(tokens[j].key) && PREPOSITIONS.has(tokens[j + 2]?.key ?? '');
      const r = (paired ? matchElements(ctx, els, e + 1, j + 3, end, got, passive) : null) ?? matchElements(ctx, els, e + 1, j + 1, end, got, passive);
      if (r) return r;
    }
    // ("sit-in", "walk-out": a hyphened word the text splits in three)
    const hyphen = tokens[j + 1];
    if (j + 2 <= end && hyphen?.key === '-' && hyphen.start === tokens[j].end && tokens[j + 2].start === hyphen.end && el.words.has(`${tokens[j].key}-${tokens[j + 2].key}`)) {
      const r = matchElements(ctx, els, e + 1, j + 3, end, got, passive);
      if (r) return r;
    }
    // "fired tear gas and rubber bullets at": the noun the pattern names may be the first of a coordinated pair
    if (e > 0 && ['and', 'or'].includes(tokens[j]?.key ?? '') && tokens[j - 1]?.pos === 'NOUN') {
      for (let k = j + 1; k <= end && k - j <= 4 && inNounPhrase(tokens[k]) && !ctx.byFirst.has(k); k++) {
        if (el.words.has(tokens[k + 1]?.key ?? '')) return matchElements(ctx, els, e, k + 1, end, got, passive);
      }
    }
    // "sent a new package of weapons worth $400 million to Ukraine": a preposition with its actor may
    // come after the rest of the object phrase
    if (e > 0 && els[e + 1]?.k === 'slot' && [...el.words].every((w) => PREPOSITIONS.has(w))) {
      for (let k = j - 1; k <= end && k - j <= 8 && (k < j || inNounPhrase(tokens[k]) || tokens[k].space || ['SYM', 'ADV'].includes(tokens[k].pos) || inObjectPhrase(tokens, k)); k++) {
        // ("dispatched reinforcements, including tanks and commandos, to its border": past a list the object phrase inserts)
        const inserted = insertedList(tokens, k + 1, end);
        const past = inserted > 0 && el.words.has(tokens[inserted + 1]?.key) ? matchElements(ctx, els, e + 1, inserted + 2, end, got, passive) : null;
        if (past) return past;
        // only where a party follows the preposition ("pulled a boy from the rubble" is no retreat)
        const party = partyAt(ctx, k + 2);
        if (el.words.has(tokens[k + 1]?.key) && party) return matchElements(ctx, els, e + 1, k + 2, end, got, passive);
      }
    }
    return el.optional ? matchElements(ctx, els, e + 1, j, end, got, passive) : null;
  }
  if (el.k === 'gap') {
    // up to four words, counted loosely: "the first IRIS-T air defence" is six tokens
    for (let skip = 0; skip <= 8 && j + skip <= end + 1; skip++) {
      const last = tokens[j + skip - 1];
      // (a participle before a noun, or the end of a hyphenated modifier, "an open-ended strike", is no verb)
      // (nor are the quotation marks of a name: "a contested “foreign agents” bill")
      // (nor is the possessive mark of a plural: "accepted the students' demand")
      const possessive = last && last.key === "'" && last.start === tokens[last.i - 1]?.end && /s$/.test(tokens[last.i - 1].key);
      if (skip && ((last.pos === 'PUNCT' && last.key !== '-' && !possessive && !isListComma(tokens, last.i) && !/^[“”"]$/.test(last.text)) || (last.pos === 'VERB' && !isModifyingParticiple(ctx, last.i, j) && tokens[last.i - 1]?.key !== '-' && tokens[last.i + 1]?.key !== '-' && !inNameTail(ctx, last.i))
        // ("withdrawn from eastern Congo despite a peace deal": a gap does not cross into another phrase of the clause)
        || CLAUSE_BREAKS.has(last.key) || ['despite', 'amid', 'during'].includes(last.key))) break;
      // an actor inside the skipped words is what the event is done to ("released three Israeli hostages",
      // "rejected Israel’s latest proposal"), unless the pattern names its target elsewhere
      const inGap = got.target ? null : gapActor(ctx, j, j + skip - 1);
      const r = matchElements(ctx, els, e + 1, j + skip, end, inGap ? { ...got, target: inGap } : got, passive);
      if (r) return r;
    }
    return null;
  }
  // a slot: an actor named within a few words ("the", adjectives, numbers may come first)
  if (passive && el.slot === 'X') {
    // ("was received by Trump at the White House": the agent may stand where the object would)
    const agent = tokens[j]?.key === 'by' && e < els.length - 1 ? partyAt(ctx, j + 1) : undefined;
    return (agent && matchElements(ctx, els, e + 1, agent.last + 1, end, got, passive)) || matchElements(ctx, els, e + 1, j, end, got, passive);
  }
  // ("our Chinese friends": a party named in the phrase outranks the possessive)
  const namedAfter = POSSESSIVE_DETERMINERS.has(tokens[j]?.key ?? '') && [1, 2, 3].some((d) => ctx.byFirst.has(nextWordIndex(tokens, j + d - 1)));
  if (j <= end && (OBJECT_PRONOUNS[tokens[j].key] || SPEAKER_PRONOUNS.has(tokens[j].key)) && tokens[j].pos === 'PRON' && !namedAfter) {
    return matchElements(ctx, els, e + 1, j + 1, end, el.slot === 'X' ? { ...got, target: tokenMention(tokens[j]) } : got, passive);
  }
  for (let k = j; k <= end && k - j <= 5; k++) {
    const first = ctx.byFirst.get(k);
    // "called on Angola’s UNITA rebels to": the party a possessor owns fills the slot
    // (of the possessor's country where it names none: "Angola’s UNITA rebels")
    const ownedBy = first && ["'s", "'"].includes(tokens[first.last + 1]?.key ?? '') ? ctx.byFirst.get(first.last + 2) : undefined;
    const owned = ownedBy?.actor && !ownedBy.actor.country && first?.actor?.kind === 'state'
      ? { ...ownedBy, actor: { ...ownedBy.actor, country: first.actor.country, cameo: ownedBy.actor.cameo ?? null } } : ownedBy;
    // ("surrendered to the U.S.-backed Syrian Democratic Forces": the party is the one the compound describes)
    const described = first && hyphenedParty(ctx.doc, first.last) ? ctx.byFirst.get(first.last + 3) : undefined;
    const m = described?.actor ? described : owned ?? first;
    if (m && !isPossessiveModifier(ctx, m)) {
      // "called on Israel and Hamas … to": the pattern goes on after the whole list, unless the
      // pattern itself joins two parties ("talks between S and X")
      const next = els[e + 1];
      const list = next?.k === 'word' && (next.words.has('and') || next.words.has(',')) ? [m] : withCoordinated(ctx, m);
      // "asked our Chinese friends to …", "UNITA rebels": the nouns the party's name modifies belong to the slot
      let after = list[list.length - 1].last + 1;
      // (not the noun the pattern names next, past a gap of no words: "offered Pakistan aid")
      const named = (key: string) => namesWord(next, key) || (next?.k === 'gap' && namesWord(els[e + 2], key));
      while (after <= end && after - m.last <= 3 && (tokens[after].space || (tokens[after].pos === 'NOUN' && !named(tokens[after].key)))) after++;
      // ("called on Israel not to expel Arafat": asked to refrain, the party is still asked)
      if (tokens[after]?.key === 'not' && tokens[after + 1]?.key === 'to' && namesWord(next, 'to')) after++;
      // ("released the son of ousted President Mohamed Bazoum from detention": a party the slot's person is "of")
      const of = tokens[after]?.key === 'of' && !namesWord(next, 'of') ? [1, 2].map((d) => ctx.byFirst.get(after + d)).find((x) => x?.actor) : undefined;
      if (of && of.last < end) {
        const r = matchElements(ctx, els, e + 1, of.last + 1, end, el.slot === 'X' ? { ...got, target: m } : { ...got, source: m }, passive);
        if (r) return r;
      }
      return matchElements(ctx, els, e + 1, after, end, el.slot === 'X' ? { ...got, target: m } : { ...got, source: m }, passive);
    }
    // ("our Chinese friends", "their Russian counterparts": a possessive determiner opens the phrase)
    // ("sent doctors to quake-stricken Haiti": a hyphened modifier, whatever the tagger made of its parts)
    if (m || !(inNounPhrase(tokens[k]) || (k === j && POSSESSIVE_DETERMINERS.has(tokens[k].key)) || isModifyingParticiple(ctx, k, j) || inHyphenedWord(tokens, k)) || tokens[k].pos === 'PROPN') break;
  }
  // a target slot filled by no actor: the pattern still holds, with the actor the object is "of"
  // ("recognized the territorial integrity of Azerbaijan"), or none ("called on Armenia's allies")
  // (never a negation: "who asked not to be named" asks no one)
  // (a participle may open it: "bombed suspected Kurdish rebel positions", "pounded suspected militant hideouts")
  if (el.slot === 'X' && j <= end && (!['PUNCT', 'VERB'].includes(tokens[j].pos) || isModifyingParticiple(ctx, j, j)) && !ctx.doc.lexicon.grammar.negation.has(tokens[j].key)) {
    // (or the party named in a gap before it: "passed Washington detailed information on …")
    // (a preposition where the object would be opens an adverbial, no object: "met on the sidelines of the APEC summit")
    const target = (ADVERBIAL_PREPOSITIONS.has(tokens[j].key) ? null : objectOf(ctx, j, end)) ?? got.target;
    if (e === els.length - 1) return { last: j - 1, ...got, target };
    // the words after the slot must still follow, within the clause ("called on Armenia's allies … to")
    // an infinitive may come after a long object ("called on Armenia’s allies and other stakeholders that … to assess");
    // any other word must follow closely ("hold X hostage")
    const next = els[e + 1];
    const infinitive = next?.k === 'word' && next.words.has('to');
    for (let k = j + 1; k <= end && k - j <= (infinitive ? 30 : 6); k++) {
      if (!infinitive && tokens[k].pos === 'VERB' && !(next?.k === 'word' && next.words.has(tokens[k].lemma))) break;
      // far from its verb, only an infinitive's "to" continues the pattern ("told a news conference, referring to …" does not),
      // and not one a word right before it governs ("would push up fares, … that parliament is due to vote on")
      // (tried at the "to" itself, not at a word before it that the match would pass over)
      if (infinitive && (tokens[k].key !== 'to' || !startsInfinitive(tokens, k) || ['VERB', 'AUX', 'ADJ'].includes(prevWord(tokens, k)?.pos ?? ''))) continue;
      const r = matchElements(ctx, els, e + 1, k, end, { ...got, target }, passive);
      if (r) return r;
    }
  }
  return null;
}

/**
 * The closing comma of a phrase opened by a comma at `k` with a preposition or an adverb ("called, in a statement on
 * Sunday, on …", "attacked, for the second time this week, a ship"), or -1: a short phrase of no clause of its own.
 */
function insertedPhraseEnd(tokens: Token[], k: number, end: number): number {
  if (tokens[k]?.key !== ',' || !['ADP', 'ADV'].includes(tokens[k + 1]?.pos ?? '')) return -1;
  for (let c = k + 2; c <= end && c - k <= 12; c++) {
    if (tokens[c].key === ',') return c;
    if (tokens[c].pos === 'PUNCT' && tokens[c].key !== '-' && tokens[c].key !== '.') return -1;
    if (CLAUSE_BREAKS.has(tokens[c].key) || tokens[c].pos === 'CCONJ' || tokens[c].pos === 'AUX') return -1;
  }
  return -1;
}

/** "the Red Cross", tagged "Red/PROPN Cross/VERB": a word inside a name, no verb of the clause. */
function inNameTail(ctx: Ctx, k: number): boolean {
  const m = ctx.byLast.get(k);
  return !!m && m.first < k;
}

/** "worth $400 million", "of up to 35 percent", "a flotilla including a nuclear-powered submarine": words that go on an object phrase. */
function inObjectPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.key === 'worth' || t.key === 'including' || tokens[k - 1]?.key === '-' || (t.key === 'up' && tokens[k + 1]?.key === 'to') || (t.key === 'to' && tokens[k - 1]?.key === 'up' && tokens[k + 1]?.pos === 'NUM');
}

/** ", including tanks and commandos," from the comma at `k`: the closing comma of a list inserted in a noun phrase, or -1. */
function insertedList(tokens: Token[], k: number, end: number): number {
  if (tokens[k]?.key !== ',' || !INSERTING.has(tokens[k + 1]?.key ?? '')) return -1;
  for (let c = k + 2; c <= end && c - k <= 12; c++) {
    if (tokens[c].key === ',') return c > k + 2 ? c : -1;
    if (!(inNounPhrase(tokens[c]) || tokens[c].space || ['CCONJ', 'NUM'].includes(tokens[c].pos) || tokens[c].key === 'as')) return -1;
  }
  return -1;
}
const INSERTING = new Set(['including', 'such', 'among', 'mostly', 'mainly', 'chiefly']);

/** "to release", "to immediately halt": a "to" that a verb follows, perhaps after an adverb. */
function startsInfinitive(tokens: Token[], to: number): boolean {
  let k = nextWordIndex(tokens, to);
  if (tokens[k]?.pos === 'ADV') k = nextWordIndex(tokens, k);
  return tokens[k]?.pos === 'VERB' || tokens[k]?.pos === 'AUX';
}

/** "artillery, mortar, and rocket fire": a comma between nouns of one list. */
function isListComma(tokens: Token[], k: number): boolean {
  if (tokens[k].key !== ',' || tokens[k - 1]?.pos !== 'NOUN') return false;
  const next = tokens[nextWordIndex(tokens, k)];
  const after = next?.key === 'and' ? tokens[nextWordIndex(tokens, next.i)] : next;
  return after?.pos === 'NOUN';
}

/** "extradited suspected militant X", "freed the detained reporters": a participle before a noun modifies it. */
function isModifyingParticiple(ctx: Ctx, k: number, phraseStart: number): boolean {
  const { tokens } = ctx;
  const next = tokens[nextWordIndex(tokens, k)];
  const before = tokens[k - 1];
  // ("war crimes committed by Russian forces", "abuses carried out by": the deed's doer, after its noun)
  if (ctx.doc.lexicon.grammar.perpetrationVerbs.has(tokens[k].lemma) && before?.pos === 'NOUN' && (next?.key === 'by' || (next?.key === 'out' && tokens[nextWordIndex(tokens, next.i)]?.key === 'by'))) return true;
  // ("its remaining troops", "the advancing forces": an -ing form between a determiner and its noun)
  if (/ing$/.test(tokens[k].key) && (before?.pos === 'DET' || POSSESSIVE_DETERMINERS.has(before?.key ?? '')) && next?.pos === 'NOUN') return true;
  // ("visited ailing former Cuban leader Fidel Castro": an -ing form that opens the phrase, before an adjective or a name)
  if (/ing$/.test(tokens[k].key) && k === phraseStart && ['ADJ', 'PROPN'].includes(next?.pos ?? '')) return true;
  return /ed$/.test(tokens[k].key) && (k === phraseStart || ['DET', 'ADJ', 'NUM'].includes(before?.pos ?? '') || POSSESSIVE_DETERMINERS.has(before?.key ?? '')) && !!next && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos);
}

/** "quake-stricken", "war-torn": a part of a word joined by hyphens without spaces. */
function inHyphenedWord(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const [before, after] = [tokens[k - 1], tokens[k + 1]];
  return (after?.key === '-' && after.start === t.end && tokens[k + 2]?.start === after.end) || (before?.key === '-' && before.end === t.start && tokens[k - 2]?.end === before.start);
}

/** A mention of one token: an object pronoun ("accused it of …", resolved once the source is known), or a party the token stands for. */
function tokenMention(t: Token, actor: Actor | null = null): Mention {
  return { first: t.i, last: t.i, start: t.start, end: t.end, text: t.text, sentence: t.sentence, actor, place: null };
}

/** The party named from token `k` on, past a leading "the" ("from the Council of Europe", "by the army"). */
function partyAt(ctx: Ctx, k: number): Mention | undefined {
  return ctx.byFirst.get(k) ?? (ctx.tokens[k]?.key === 'the' ? ctx.byFirst.get(k + 1) : undefined);
}

function namesWord(el: Element | undefined, key: string): boolean {
  return el?.k === 'word' && el.words.has(key);
}

function gapActor(ctx: Ctx, from: number, to: number): Mention | null {
  for (let k = from; k <= to; k++) {
    const m = ctx.byFirst.get(k);
    // (the mention may run over the pattern's noun: "expelled a Belgian aid official")
    if (m && m.last <= to + 3 && !isPossessiveModifier(ctx, m)) return m;
  }
  return null;
}

/** "the territorial integrity and sovereignty of Azerbaijan": the actor the object belongs to. */
function objectOf(ctx: Ctx, j: number, end: number): Mention | null {
  const { tokens } = ctx;
  for (let k = j; k <= end && k - j <= 8; k++) {
    const t = tokens[k];
    // ("sent troops to its border with Guyana": a possessive determiner opens the object)
    if ((t.pos === 'VERB' && !isModifyingParticiple(ctx, k, j)) || (t.pos === 'PUNCT' && t.key !== ',') || t.pos === 'SCONJ' || (t.pos === 'PRON' && !(k === j && POSSESSIVE_DETERMINERS.has(t.key)))) return null;
    // "… of Azerbaijan", "military action against Syria", "alleged violations by Russian forces"
    // ("withdrew from the area around Kyiv", "left several towns in Tigray": a place within a place)
    const next = partyAt(ctx, k + 1);
    const within = AREA_PREPOSITIONS.has(t.key) && ctx.doc.lexicon.grammar.areaNouns.has(tokens[k - 1]?.lemma ?? '');
    if ((t.key === 'of' || t.key === 'by' || t.key === 'between' || OBJECT_PREPOSITIONS.has(t.key) || within) && next && !isPossessiveModifier(ctx, next)) return next;
  }
  return null;
}

/**
 * "Armenia’s allies": the possessor is not the one acted on when the noun names other people
 * (allies, partners, neighbours); in "India’s bid", "Armenia’s territorial integrity" it is.
 */
function isPossessiveModifier(ctx: Ctx, m: Mention): boolean {
  const { tokens } = ctx;
  const next = tokens[m.last + 1];
  if (!next || (next.key !== "'s" && next.key !== "'") || ctx.byFirst.has(m.last + 2)) return false;
  for (let k = m.last + 2; k <= m.last + 4 && tokens[k]; k++) {
    if (ctx.doc.lexicon.grammar.relationalGroups.has(tokens[k].key)) return true;
    if (tokens[k].pos !== 'ADJ') break;
  }
  return false;
}

function isPassive(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  // ("is not ruled out", "was never charged": past the negation)
  const before = prevWord(tokens, i);
  const prev = before && ctx.doc.lexicon.grammar.negation.has(before.key) ? prevWord(tokens, before.i) : before;
  // "was hit", "were struck": after a form of "be", a verb that is no gerund is a participle
  // ("is opposed to": a stance, not a passive)
  // ("were engaged in ethnic cleansing", "is involved in the attacks": a state the subject is in, not a passive)
  if ((tokens[i].key === 'opposed' && tokens[nextWordIndex(tokens, i)]?.key === 'to')
    || (['engaged', 'involved'].includes(tokens[i].key) && tokens[nextWordIndex(tokens, i)]?.key === 'in')) return false;
  return (!!prev && BE.has(prev.key) && tokens[i].pos === 'VERB' && !/ing$/.test(tokens[i].key)) || passiveConjunct(tokens, i) !== null || passiveParticle(tokens, i);
}

/** "were rounded up", "was locked down": a participle after "be" with its particle, whatever the tagger made of it. */
function passiveParticle(tokens: Token[], i: number): boolean {
  const prev = prevWord(tokens, i);
  return !!prev && BE.has(prev.key) && /ed$/.test(tokens[i].key) && ['ADJ', 'NOUN'].includes(tokens[i].pos) && PARTICLES.has(tokens[nextWordIndex(tokens, i)]?.key ?? '');
}

/**
 * "38 opposition activists detained during protests", "soldiers killed in the raid": a verb that must take an object,
 * with none after it, right after a plural noun for people, describes them as acted on.
 */
function isReducedPassive(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.pos !== 'VERB' || !/ed$/.test(t.key) || !ctx.doc.lexicon.grammar.objectVerbs.has(t.lemma)) return false;
  const before = prevWord(tokens, i);
  const after = tokens[nextWordIndex(tokens, i)];
  if (!before || before.pos !== 'NOUN' || !/s$/.test(before.key) || ctx.inDate[before.i]) return false;
  return !!after && after.pos === 'ADP' && !['at', 'over', 'to'].includes(after.key);
}

/** "was detained by police … and accused of spying", "was drafted in Brussels but rejected by the Kremlin": the passive verb a participle after "and" or "but" is coordinated with. */
function passiveConjunct(tokens: Token[], i: number): number | null {
  const prev = prevWord(tokens, i);
  if (!prev || !['and', 'but'].includes(prev.key) || tokens[i].pos !== 'VERB' || !/ed$/.test(tokens[i].key)) return null;
  for (let k = prev.i - 1; k >= 0 && prev.i - k <= 12 && tokens[k].sentence === tokens[i].sentence; k--) {
    const t = tokens[k];
    const before = prevWord(tokens, k);
    if (t.pos === 'VERB' && before && BE.has(before.key) && !/ing$/.test(t.key)) return k;
    // ("was beaten, robbed and killed": a list of participles after the passive; any other verb or clause ends the search)
    if (t.pos === 'VERB' && before?.key === ',' && /ed$/.test(t.key)) continue;
    if (['VERB', 'AUX', 'SCONJ'].includes(t.pos) || CLAUSE_BREAKS.has(t.key) || t.key === ';' || t.key === 'after') return null;
  }
  return null;
}

/** Prepositions of time that may open a sentence with an event noun ("After talks with …, Blinken said"). */
const LEADING_ADJUNCTS = new Set(['after', 'following', 'during']);

const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '–', 'but', 'and', 'as', 'after', 'when', 'while', 'before', 'because', 'although', 'though', 'until', 'once', 'where', 'that', 'since', 'if', '"', '“', "'", '‘']);

/** Prepositions an event noun's phrase may go on with before its verb ("strikes across the Gaza Strip overnight killed …"). */
const COMPLEMENT_PREPOSITIONS = new Set(['in', 'on', 'at', 'near', 'across', 'along', 'over', 'into', 'from', 'by', 'between', 'against', 'of', 'with', 'for', 'during', 'around', 'outside', 'inside', 'and', 'to', 'toward', 'towards', 'off', 'amid']);

/**
 * An event named by a noun that heads the subject of its clause: "Israeli strikes on Gaza killed 30 people",
 * "Talks between Serbia and Kosovo collapsed", "Protests erupted in Dhaka". The source is the pattern's S, the
 * agent ("by S") or the party named before the noun; protests named without one are by the people of the place.
 * Where the clause's verb is itself an event of another type ("The EU's demand … was rejected by Israel"), the
 * noun is background to it and is left to the verb; not where the verb is a reaction of others to the deed, which
 * stands ("Iran's attack on Israel drew condemnation from Western capitals").
 */
function nounEvent(ctx: Ctx, i: number, nouns: CompiledPattern[], sentenceFirst: number, sentenceLast: number): { events: Event[]; verb: number; last: number } | null {
  const { tokens, doc } = ctx;
  if (['DET', 'ADP', 'PRON', 'AUX', 'PART', 'PUNCT', 'NUM'].includes(tokens[i].pos)) return null;
  // ("Chile struck a deal to end the war": a verb's past form with its object's determiner after it names no event as a
  // noun; a plural or a gerund the tagger takes for a verb may: "Israeli strikes killed …", "Russian shelling of Kherson left …")
  if (tokens[i].pos === 'VERB' && tokens[i].key !== tokens[i].lemma && !/(s|ing)$/.test(tokens[i].key) && tokens[nextWordIndex(tokens, i)]?.pos === 'DET') return null;
  // the phrase the noun ends: modifiers, a possessor, a nationality
  let k = i - 1;
  while (k >= sentenceFirst) {
    const m = ctx.byLast.get(k);
    if (m && m.first < k) k = m.first - 1;
    // "Saudi-led airstrikes", "US-backed forces"
    else if (tokens[k].space || inNounPhrase(tokens[k]) || m || (['led', 'backed'].includes(tokens[k].key) && tokens[k - 1]?.key === '-')) k--;
    else break;
  }
  const npFirst = k + 1;
  // ("Women across Mexico stayed away from work in a day-long protest against …": a protest the clause's subject makes)
  const adjunct = tokens[k]?.key === 'in' && k > sentenceFirst && nouns.some((p) => p.source.type === 'PROTEST');
  // ("After a phone call with his Turkish counterpart, Greece's foreign minister said …": a meeting that opens the
  // sentence is the main clause's subject's)
  const opening = k === sentenceFirst && LEADING_ADJUNCTS.has(tokens[k].key) && nouns.some((p) => p.source.type === 'CONSULT');
  if (k >= sentenceFirst && !adjunct && !opening && !CLAUSE_OPENERS.has(tokens[k].key) && !/^[“”"«»„‘’]$/.test(tokens[k].text)) return null;
  // "the attack helicopters", "a protest movement": the noun is a modifier
  const next = tokens[nextWordIndex(tokens, i)];
  if (!next || next.pos === 'PROPN' && !ctx.byFirst.has(next.i) || (next.pos === 'NOUN' && !nouns.some((p) => namesWord(p.elements[0], next.key)))) return null;
  const before = new Set<string>();
  for (let n = npFirst; n < i; n++) before.add(tokens[n].key);
  // ("Every such attack is Russia's answer", "Any deliberate attack on peacekeepers is a grave violation": a kind, no event)
  if (GENERIC_DETERMINERS.has(tokens[npFirst]?.key ?? '')) return null;
  // ("Fighting broke out between the army and the RSF": the noun's own phrase may follow the verb of its happening)
  const happened = ctx.doc.lexicon.grammar.happeningVerbs.has(next.lemma) && next.pos === 'VERB' ? next.i : -1;
  const phraseAfter = happened < 0 ? -1 : PARTICLES.has(tokens[happened + 1]?.key ?? '') ? happened + 2 : happened + 1;
  let match: Match | null = null;
  for (const p of nouns) {
    if (p.modifiers.size && ![...p.modifiers].some((w) => before.has(w))) continue;
    const found = matchElements(ctx, p.elements, 0, i + 1, sentenceLast, { target: null, source: null }, false)
      ?? (phraseAfter > 0 && p.elements.some((el) => el.k === 'slot') ? matchElements(ctx, p.elements, 0, phraseAfter, sentenceLast, { target: null, source: null }, false) : null);
    if (found) { match = { pattern: p, ...found }; break; }
  }
  if (!match) return null;
  if (opening && match.pattern.source.type === 'CONSULT' && !match.source) {
    // (past where and when: "in Riyadh on Monday,")
    let c = match.last + 1;
    while (c <= sentenceLast && c - match.last <= 8 && !['VERB', 'AUX', 'PUNCT'].includes(tokens[c].pos)) c++;
    const verb = tokens[c]?.key === ',' ? tokens.slice(c + 1, Math.min(sentenceLast, c + 14) + 1).find((t) => t.pos === 'VERB') : undefined;
    const subject = verb && subjectOf(ctx, verb.i, c + 1, undefined).find((m) => m.actor && m.first > c);
    const events = subject ? makeEvents(ctx, i, match, sentenceFirst, subject) : [];
    if (events.length) return { events, verb: -1, last: match.last };
  }
  if (adjunct) {
    // (where the clause's verb is an event already, "boycotted classes in protest", the protest is that event)
    const verb = clauseVerb(ctx, i);
    // (nor one who reports it: "Police spokeswoman X said 41 officers had been injured in the protests")
    if (match.pattern.source.type !== 'PROTEST' || verb === null || ctx.triggers.has(verb) || isSpeechVerb(ctx, tokens[verb])) return null;
    const subject = peopleObject(ctx, sentenceFirst) || isPeopleSubject(ctx, verb, sentenceFirst) ? peopleOfPlace(ctx, i) ?? undefined
      : subjectOf(ctx, verb, sentenceFirst, undefined).find((m) => m.actor);
    const events = subject ? makeEvents(ctx, i, match, sentenceFirst, subject) : [];
    return events.length ? { events, verb: -1, last: match.last } : null;
  }
  // the verb the phrase is the subject of, after its prepositional phrases and dates
  let verb = match.last > happened && happened > 0 ? happened : -1;
  for (let n = match.last + 1; verb < 0 && n <= sentenceLast && n - match.last <= 16; n++) {
    const t = tokens[n];
    // "was rejected", "have killed": the main verb after its auxiliaries
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      // ("an armed attack on Philippine vessels would invoke U.S. commitments": a supposed act, no event)
      if (CONDITIONAL_MODALS.has(t.key) && ['a', 'an'].includes(tokens[npFirst]?.key ?? '')) return null;
      verb = n;
      for (let a = n + 1; a <= sentenceLast && a - n <= 3 && (tokens[a].space || ['AUX', 'ADV', 'PART', 'VERB'].includes(tokens[a].pos)); a++) if (tokens[a].pos === 'VERB') verb = a;
      break;
    }
    // the tagger takes some verbs after a noun for adjectives ("A general strike paralysed Buenos Aires")
    if (/ed$/.test(t.key) && ['ADJ', 'NOUN'].includes(t.pos) && ['NOUN', 'PROPN'].includes(prevWord(tokens, n)?.pos ?? '')) { verb = n; break; }
    // ("The suspension of U.S. military aid to Ukraine, announced on Monday, stunned …": an inserted participle phrase)
    if (t.key === ',' && tokens[n + 1]?.pos === 'VERB' && /ed$/.test(tokens[n + 1].key)) {
      let c = n + 2;
      while (c <= sentenceLast && c - n <= 10 && tokens[c].key !== ',' && tokens[c].pos !== 'VERB') c++;
      if (tokens[c]?.key === ',') { n = c; continue; }
    }
    // ("A visit to Beijing by Australia's foreign minister, the first in four years, ended …": a noun phrase in apposition)
    if (t.key === ',' && tokens[n + 1]?.pos === 'DET') {
      const close = tokens.slice(n + 2, Math.min(sentenceLast, n + 10) + 1).find((x) => x.key === ',' || ['VERB', 'AUX', 'PRON', 'SCONJ', 'PUNCT'].includes(x.pos));
      if (close?.key === ',') { n = close.i; continue; }
    }
    if (!(t.space || t.pos === 'ADV' || inNounPhrase(t) || POSSESSIVE_DETERMINERS.has(t.key) || COMPLEMENT_PREPOSITIONS.has(t.key) || ctx.byFirst.has(n) || ctx.inDate[n])) return null;
  }
  if (verb < 0) return null;
  const type = match.pattern.source.type;
  const verbPatterns = patternsFor(doc.lexicon.eventPatterns, doc.lexicon.eventPatternForms, tokens[verb]);
  const verbMatch = verbPatterns && isTrigger(ctx, verb) ? bestMatch(ctx, verb, verbPatterns, sentenceLast) : null;
  // ("Relief supplies from the European Union arrived in Beira": aid that arrives is aid, where it arrives its recipient)
  const delivered = type === 'AID' && (verbMatch ? verbMatch.pattern.source.mode === 'visit' : ctx.doc.lexicon.grammar.arrivalVerbs.has(tokens[verb].lemma));
  // (an event noun is no armed force: "Russian shelling of Kherson left the city without power")
  if (verbMatch && verbMatch.pattern.source.type !== type && !verbMatch.pattern.source.forces && !verbMatch.pattern.source.reverse && !delivered) return null;
  // (aid that is not said to arrive is no event: "Aid from the EU has been cut by half")
  if (type === 'AID' && !verbMatch && !delivered) return null;
  // "New sanctions on Russia were announced by Britain": the passive verb's agent
  let source = match.source ?? byAgent(ctx, match.last + 1, verb - 1) ?? (isPassive(ctx, verb) ? byAgent(ctx, verb + 1, sentenceLast) : null);
  for (let n = npFirst; !source && n < i; n++) {
    const m = ctx.byFirst.get(n) ?? ctx.describing.get(n);
    if (m && m.last < i && !ctx.placeOnly.has(m)) source = m;
  }
  if (!source && type === 'PROTEST') {
    // where it happened, else the place it reached ("spread to Basra", "paralysed Buenos Aires")
    const named = doc.mentions.find((m) => m.sentence === tokens[i].sentence && (m.place || m.actor?.kind === 'state'));
    const place = locationOf(ctx, i) ?? named?.place ?? (named?.actor?.country ? doc.lexicon.places.get(named.actor.country) : null) ?? null;
    const country = place && (place.kind === 'country' ? place : place.country ? doc.lexicon.places.get(place.country) : undefined);
    if (country) source = tokenMention(tokens[i], civiliansActor(country.id, country.name));
  }
  if (!source) {
    // "A roadside bombing killed one U.S. soldier": force against a named party, by an unnamed one
    if (!UNATTRIBUTED.has(type)) return null;
    const target = match.target ?? directObject(ctx, nextWordIndex(tokens, verb)) ?? laterInClause(ctx, match.last + 1, [], type);
    const events = target ? unattributedEvents(ctx, i, match, [target], quoteAt(doc, tokens[i].start)) : [];
    return events.length ? { events, verb, last: match.last } : null;
  }
  const arrival = delivered && !match.target ? verbMatch?.target ?? directObject(ctx, verb + 1) ?? laterInClause(ctx, verb + 1, [source], type) : null;
  const events = makeEvents(ctx, i, arrival ? { ...match, target: arrival } : match, sentenceFirst, source);
  return events.length ? { events, verb, last: match.last } : null;
}

/** `noun`: the source of an event noun, found in its phrase. */
function makeEvents(ctx: Ctx, i: number, match: Match, sentenceFirst: number, noun?: Mention): Event[] {
  const { tokens, doc } = ctx;
  const p = match.pattern;
  const passive = !noun && (isPassive(ctx, i) || isReducedPassive(ctx, i));
  let sources: Mention[];
  let targets: (Mention | null)[] = [match.target];
  const quote = quoteAt(doc, tokens[i].start);

  if (noun) {
    sources = [noun];
  } else if (passive) {
    // "X was accused by Y": Y did it to X
    const sentenceLast = ctx.doc.sentences[tokens[i].sentence].last;
    // ("was detained by police and accused of spying": the agent of the passive it is coordinated with)
    const conjunct = passiveConjunct(tokens, i);
    const by = byAgent(ctx, match.last + 1, sentenceLast) ?? (UNATTRIBUTED.has(p.source.type) ? forceNounAgent(ctx, match.last + 1, sentenceLast) : null)
      ?? (conjunct !== null ? byAgent(ctx, conjunct + 1, i - 1) : null)
      // ("was received by Trump at the White House": the agent inside the matched words)
      ?? byAgent(ctx, i + 1, match.last)
      // ("The agreement was welcomed by France": the pattern's last word is the agent's "by")
      ?? (tokens[match.last].key === 'by' ? partyAt(ctx, match.last + 1) ?? null : null)
      ?? (['SANCTION', 'COERCE'].includes(p.source.type) ? expellingBody(ctx, i, sentenceLast) : null);
    // "Thousands of extra police were deployed across English towns": forces deployed are the ones mobilised
    if (!by && p.source.type === 'MOBILIZE') {
      const deployed = subjectOf(ctx, i, sentenceFirst, quote, false).filter((m) => m.actor && ['MIL', 'COP'].includes(m.actor.sector ?? ''));
      if (!deployed.length) return [];
      return makeEvents(ctx, i, match, sentenceFirst, deployed[0]);
    }
    // ("Japan's ambassador in Seoul was summoned": an envoy is summoned by the state where they serve)
    const preVerb = { first: sentenceFirst, last: i - 1 };
    const envoyNamed = !by && p.source.type === 'ACCUSE' && tokens.slice(preVerb.first, i).some((t) => doc.lexicon.grammar.envoys.has(t.key));
    const host = envoyNamed ? locationOf(ctx, i)?.country : null;
    const hostState = host ? doc.lexicon.places.get(host) : undefined;
    if (hostState) {
      const envoy = partyIn(ctx, preVerb);
      return envoy?.actor && envoy.actor.country !== host ? makeEvents(ctx, i, match, sentenceFirst, tokenMention(tokens[i], stateOf(hostState))).map((e) => ({ ...e, target: envoy.actor, target_mention: { start: envoy.start, end: envoy.end, text: envoy.text } })) : [];
    }
    // "Three Indian soldiers were killed in Kashmir": force against a named party, by an unnamed one
    // ("Two French citizens held in Iran were freed": a release by no one named still frees them)
    // ("was extradited from Ecuador to Italy": with no agent, the party it went from gave it to the one it went to)
    const from = !by && ['COOPERATE', 'AID'].includes(p.source.type) ? partyAfter(ctx, i + 1, sentenceLast, 'from') : null;
    const to = from && (match.target ?? partyAfter(ctx, i + 1, sentenceLast, 'to'));
    if (from?.actor && to?.actor && from.actor.country !== to.actor.country) return makeEvents(ctx, i, { ...match, target: to }, sentenceFirst, from);
    // ("Sanctions were imposed on three Chinese firms": a sanction by no one named still falls on its target)
    if (!by && !UNATTRIBUTED.has(p.source.type) && p.source.mode !== 'release' && !(p.source.type === 'SANCTION' && match.subject)) return [];
    // "Beijing's accusations were dismissed by Manila": whose the noun is, when the pattern names no target
    targets = match.subject ? [match.target ?? partyIn(ctx, match.subject)] : subjectOf(ctx, i, sentenceFirst, quote, false);
    // ("Two aid workers were killed by a roadside bomb in Kandahar": victims no dictionary names, the people of the place)
    const victims = PEOPLE_AFFECTED.has(p.source.type) && !targets.some((t) => t?.actor) ? passiveSubject(ctx, i) : null;
    if (victims && peopleObject(ctx, victims.first)) targets = [peopleOfPlace(ctx, i)];
    // ("Two French citizens held in Iran for more than three years were freed": the sentence's subject, past what describes it)
    if (!by && !targets.length) {
      // (not one who reports it: "Police spokeswoman Ruth Achieng said 41 officers had been injured")
      // (nor one whose own verb, a report or a "that" clause, stands between: "The U.S. Embassy in Guatemala warned that migrants … would be deported")
      const reportedIn = (m: Mention): boolean => tokens.slice(m.last + 1, i).some((t) => t.key === 'that' || isSpeechVerb(ctx, t));
      // (nor a dateline where the sentence places the event in another country: "BANGKOK, Oct 30 (AFP) — … were killed … in the central Sagaing region")
      const elsewhere = (m: Mention): boolean => { const c = locationOf(ctx, i); return isDateline(doc, m) && !!c && (c.country ?? c.id) !== m.actor?.country; };
      const opening = [0, 1, 2].map((d) => ctx.byFirst.get(sentenceFirst + d)).find((m) => m?.actor && m.last < i && !ctx.placeOnly.has(m) && !isAttribution(ctx, m.first) && !reportedIn(m) && !elsewhere(m));
      if (opening) targets = [opening];
    }
    if (!by) return unattributedEvents(ctx, i, match, targets, quote);
    // "Four children were killed in Israeli shelling in Gaza": victims no dictionary names are the people of the place
    if (!targets.length && UNATTRIBUTED.has(p.source.type)) targets = [peopleOfPlace(ctx, i)];
    sources = [by];
    if (!targets.length) targets = [null];
    // "Tonnes of food were airlifted to Sarajevo by French planes": what was sent is no party; where it went is
    if (!targets[0]?.actor && PLACE_AFFECTED.has(p.source.type)) targets = [laterInClause(ctx, match.last + 1, sources, p.source.type)];
  } else {
    // ("established ties with China after breaking off ties with Taiwan": a gerund after a conjunction of time is the subject's too)
    const before = prevWord(tokens, i)?.key ?? '';
    const participleOf = /ing$/.test(tokens[i].key) && (before === ',' || TEMPORAL_GERUND.has(before) || coordinatedParticiple(ctx, i) || trailingAllegation(ctx, i) || afterPrepositionalObject(ctx, i))
      ? (before === ',' && !isStatementVerb(ctx, tokens[i]) ? nearestActVerb(ctx, i) : null) ?? clauseVerb(ctx, i) : null;
    const opening = openingParticipleSubject(ctx, i);
    sources = opening ? withCoordinated(ctx, opening) : subjectOf(ctx, insertedParticiple(ctx, i) ? prevWord(tokens, i)!.i : participleOf ?? i, sentenceFirst, quote);
    // ("imposed sanctions on Iranian companies it accused of …": in a relative clause with no "that", the party before
    // the pronoun is the object, and the pronoun stands for someone else)
    const pronoun = prevWord(tokens, i);
    const object = pronoun && SUBJECT_PRONOUNS.has(pronoun.key) ? ctx.byLast.get(pronoun.i - 1) : undefined;
    if (object?.actor && !targets[0] && tokens[pronoun!.i].pos === 'PRON') {
      const not = new Set([object.actor.id, object.actor.country ?? '']);
      const [actor] = pronounAntecedents(ctx, pronoun!.i, PRONOUNS[pronoun!.key] === 'person' ? 'person' : 'group', pronoun!.key === 'they', not);
      if (actor) {
        sources = [tokenMention(pronoun!, actor)];
        targets = [object];
      }
    }
    // ("Thousands of people protested in Tbilisi": people of no named party who protest are the people of the place)
    if (!sources.some((s) => s.actor) && p.source.type === 'PROTEST' && isPeopleSubject(ctx, participleOf ?? i, sentenceFirst)) {
      const people = peopleOfPlace(ctx, i);
      if (people) sources = [people];
    }
    // ("Floods in Pakistan have killed 1,600 people": nature, not the place it struck, did it)
    if (UNATTRIBUTED.has(p.source.type) && ctx.doc.lexicon.grammar.hazardNouns.has(subjectNoun(ctx, participleOf ?? i, sentenceFirst)?.lemma ?? '')) return [];
    // "A car bomb killed a judge in western Baghdad": force by a weapon, with no one named who used it
    if (!sources.some((s) => s.actor) && UNATTRIBUTED.has(p.source.type) && isWeaponSubject(ctx, participleOf ?? i, sentenceFirst)) {
      const victims = match.target ?? directObject(ctx, match.last + 1);
      // ("killed six people": people no dictionary names are the people of the place)
      return unattributedEvents(ctx, i, match, [victims?.actor || !peopleObject(ctx, match.last + 1) ? victims : peopleOfPlace(ctx, i)], quote);
    }
  }
  // a party named later in the clause, not as the object: only a guess at the target
  let guessed = false;
  // ("Pakistan alleged on Thursday that India was behind …": whom an accusation's "that" clause is about, its subject)
  if (!passive && !noun && !targets[0] && p.source.type === 'ACCUSE') targets = [thatClauseSubject(ctx, match.last)];
  // (not the object of a verb of talk, which is its topic: "discussed the North Korean standoff")
  if (!p.hasTarget && !passive && !noun && !targets[0] && !doc.lexicon.grammar.topicVerbs.has(tokens[i].lemma)) targets = [directObject(ctx, match.last + 1) ?? infinitiveObject(ctx, match.last)];
  // ("Japan scrambled jets after a Russian patrol plane violated its airspace": the land or air a possessive names is its owner's)
  if (!passive && !noun && !targets[0]) targets = [territoryOwner(ctx, i, match.last, sources)];
  // ("China deployed dozens of warplanes and warships around Taiwan": whom they are sent at, where the clause names one)
  if (targets[0] && isMobilised(targets[0], p.source.type, sources)) targets = [laterInClause(ctx, targets[0].last + 1, sources, p.source.type) ?? targets[0]];
  // "killed more than 100 people in a village in El Gezira", "rescued 137 schoolchildren in Kaduna": people no
  // dictionary names, acted on where they are, are the people of that place
  if (!passive && !noun && !targets[0]?.actor && PEOPLE_AFFECTED.has(p.source.type) && peopleObject(ctx, match.last + 1)) targets = [peopleOfPlace(ctx, i)];
  // "struck targets in Pakistan": force used in a place is used against it
  if (!passive && !targets[0] && (!p.hasTarget || PLACE_AFFECTED.has(p.source.type))) {
    targets = [laterInClause(ctx, match.last + 1, sources, p.source.type)];
    guessed = !!targets[0];
  }
  sources = sources.filter((s) => s.actor && (!p.source.forces || ARMED.has(s.actor.sector ?? '')));
  if (!sources.length) return [];
  // "Tunisian police detained a prominent opposition figure", "Kenyan authorities shut down the internet": whom a
  // state's own police, courts or government arrest, restrict or charge, where no party of another country is named,
  // are of that state
  // (where the text names the place, its people are the place's, as above)
  // (not territory blockaded or taken, CAMEO 191 and 192: "its troops had captured the village of Zoryane" is no act on
  // Russians, "Beijing can blockade the island" none on the Chinese)
  const own = sources.length === 1 && !passive && !noun && !TERRITORIAL.has(p.source.cameo) && DOMESTIC_BY[p.source.mode === 'release' ? 'release' : p.source.type]?.has(sources[0].actor!.sector ?? '') ? sources[0].actor!.country : null;
  const home = own ? doc.lexicon.places.get(own) : undefined;
  // (or, for an arrest, names a place in the state's own country: "rounded up dozens of suspected Brotherhood members across the Nile Delta")
  const at = home ? locationOf(ctx, i) : null;
  if (home && (!at || (p.source.mode === 'arrest' && (at.kind === 'country' ? at.id : at.country) === own))) {
    const [t] = targets;
    if (!t?.actor) targets = [tokenMention(tokens[i], civiliansActor(home.id, home.name))];
    else if (!t.actor.country && DOMESTIC_PARTIES.has(t.actor.sector ?? '')) targets = [{ ...t, actor: { ...t.actor, country: own } }];
  }
  // "after Ankara accused it of …": the pronoun stands for the last party named other than the source
  if (targets[0] && !targets[0].actor && SPEAKER_PRONOUNS.has(tokens[targets[0].first].key)) {
    const speaker = quote?.direct ? quote.speaker?.actor : null;
    const side = speaker?.country ? doc.lexicon.places.get(speaker.country) : undefined;
    // (a private person's "us" is people like them: "“The Belarusian soldiers told us to go,” said a 24-year-old from Somalia")
    const people = side && speaker?.sector === 'CVL' ? civiliansActor(side.id, side.name)
      : side && speaker?.sector === 'REF' ? refugeesActor(side.id, side.name) : null;
    targets = [side ? { ...targets[0], actor: people ?? stateOf(side) } : null];
  } else if (targets[0] && !targets[0].actor && OBJECT_PRONOUNS[tokens[targets[0].first].key]) {
    // (an opposition's or a rebel group's "it" may be its own country's government: "broke off talks with the government, accusing it of …")
    const not = new Set(sources.flatMap((s) => [s.actor!.id, NON_STATE.has(s.actor!.sector ?? '') ? '' : s.actor!.country ?? '']));
    // ("expelled a Belgian aid official, accusing him of …": after a comma, a participle's object pronoun is the clause's object)
    const main = /ing$/.test(tokens[i].key) && prevWord(tokens, i)?.key === ',' ? clauseVerb(ctx, i) : null;
    const object = main !== null ? directObject(ctx, nextWordIndex(tokens, main)) : null;
    // ("expelled 45 Russian diplomats, accusing them of spying": "them" stands for people too)
    const [actor] = object?.actor && !not.has(object.actor.id) && !not.has(object.actor.country ?? '') ? [object.actor]
      : thingReferred(ctx, targets[0].first) ? []
      : pronounAntecedents(ctx, targets[0].first, OBJECT_PRONOUNS[tokens[targets[0].first].key], tokens[targets[0].first].key === 'them', not);
    targets = [actor ? { ...targets[0], actor } : null];
  }
  // coordinated objects: "accused Armenia and France of …"
  if (targets[0] && !passive) targets = withCoordinated(ctx, targets[0]);
  // "Armenia and Azerbaijan agreed": each party's counterpart is the other (each of the others, of three or more)
  // "Ethiopia and Eritrea exchanged prisoners under Red Cross supervision": each other, not a party named in passing
  // (force, aid and protest by two parties are often aimed at a third: "US and British jets bombed Iraqi sites")
  // (but a place in one of their own countries is where they met: "clashed in the Galwan Valley")
  const inOwnCountry = (t: Mention | null) => !!t && sources.some((s) => s.actor?.country && s.actor.country === t.actor?.country);
  // (… and cooperation by two parties with one of their own is with each other: "Ugandan and Congolese troops launched joint
  // operations against ADF rebels", "Fijian and New Zealand forces conducted joint patrols of Fiji's waters")
  if (sources.length > 1 && (!targets[0] || (guessed && (!PLACE_AFFECTED.has(p.source.type) || inOwnCountry(targets[0])))
    || (p.source.type === 'COOPERATE' && inOwnCountry(targets[0]))
    // (and where two parties meet is no party to it: "Envoys from Serbia and Kosovo sat down in Brussels … for talks")
    || (p.source.type === 'CONSULT' && !!targets[0] && ctx.placeOnly.has(targets[0])))) targets = [null];

  if (p.source.reverse) [sources, targets] = [targets.filter((t): t is Mention => !!t), sources];
  if (!sources.length) return [];
  // an intended act is coded as PLOVER says (see intended()); a stated refusal to cooperate is a REJECT
  // ("we will never recognise …"), not a negated act
  // ("declined to resign", "failed to reach agreement": cooperation declined or not achieved is a REJECT as well)
  const intent = isIntent(ctx, i);
  const failed = isFailed(ctx, i);
  const denied = isNegated(ctx, i, sentenceFirst) || failed;
  const refusal = (intent || failed) && denied && COOPERATIVE.has(p.source.type);
  const negated = denied && !refusal;
  const promised = intent && !refusal ? intended(p.source.type, p.source.mode ?? null, intent === 'commitment') : null;
  // "French and Egyptian warships launched war games": exercises two parties hold together are military cooperation
  const joint = !refusal && !promised && p.source.type === 'MOBILIZE' && sources.length > 1 && !targets[0]
    && p.elements.some((el) => el.k === 'word' && (el.words.has('exercises') || el.words.has('drills')));
  const type = refusal ? 'REJECT' : joint ? 'COOPERATE' : promised?.type ?? p.source.type;
  const mode = promised ? promised.mode : type === p.source.type ? p.source.mode ?? null : null;
  const date = eventDate(doc, i);
  const location = locationOf(ctx, i);
  const cameo = refusal ? refusalCameo(p.source.type, p.source.mode ?? null) : joint ? '062' : promised?.cameo ?? p.source.cameo;
  const score = refusal || promised || joint ? doc.lexicon.cameo.get(cameo)?.goldstein ?? goldstein(doc, p) : goldstein(doc, p);
  // ("Ugandan and Congolese troops launched a joint offensive against ADF rebels": parties acting jointly act on a third)
  // ("seized 4.5 tonnes of cocaine in a joint operation": or later in the clause, before a comma)
  const clause = tokens.slice(triggerEnd(ctx, i, match) + 4, triggerEnd(ctx, i, match) + 16);
  const stop = clause.findIndex((t) => t.sentence !== tokens[i].sentence || [',', ';'].includes(t.key));
  const together = !joint && sources.length > 1 && ['ASSAULT', 'COERCE'].includes(type) && [...tokens.slice(Math.max(0, i - 2), triggerEnd(ctx, i, match) + 4), ...clause.slice(0, stop < 0 ? clause.length : stop)].some((t) => ctx.doc.lexicon.grammar.jointWords.has(t.key));
  // ("US and British warplanes attacked civilian targets": force two parties use on a thing no dictionary names is not used on each other)
  const first = p.elements[0];
  const onThing = ['ASSAULT', 'COERCE'].includes(type) && first?.k === 'slot' && first.slot === 'X' && !passive && inNounPhrase(tokens[nextWordIndex(tokens, match.last)] ?? tokens[i]);
  // "Egypt and Qatar called for a ceasefire": parties acting side by side act on no one, unless what they do is done
  // with each other: meeting, agreeing, cooperating, or a reciprocal verb ("signed a treaty", "exchanged fire",
  // "accused each other", "each freed 95 prisoners")
  // ("… each freed 115 prisoners in an exchange mediated by the UAE": or later in the clause)
  const reciprocal = ctx.doc.lexicon.grammar.reciprocalWords;
  const mutual = MUTUAL.has(p.source.type) || joint
    || [...tokens.slice(i, triggerEnd(ctx, i, match) + 4), ...clause.slice(0, stop < 0 ? clause.length : stop)].some((t) => t.sentence === tokens[i].sentence
      && (reciprocal.has(t.key) || reciprocal.has(t.lemma) || reciprocal.has(`${prevWord(tokens, t.i)?.key} ${t.key}`)));
  const out: Event[] = [];
  for (const src of sources) {
    for (const candidate of sources.length > 1 && !targets[0] && !together && !onThing ? mutual ? sources.filter((x) => x !== src) : [null] : targets) {
      // a place in the source's own country is where it acted ("agreed to resume patrols in the West Bank"),
      // unless force or protest is aimed at it
      const ownPlace = candidate && ctx.placeOnly.has(candidate) && candidate.actor?.country === src.actor?.country && !PLACE_AFFECTED.has(type);
      const tgtMention = ownPlace ? null : candidate;
      const tgt = tgtMention?.actor ?? null;
      // "Poland said it would lift its ban": in reported speech, what speakers say of themselves is their own act
      const quoted = !!quote && (quote.direct || !sameParty(src.actor, quote.speaker?.actor ?? null, sources));
      // "Ukraine recaptured Kherson": no one else is acted on; the event stands without a target
      // (a protest or a crackdown in one's own country is aimed at its government or people: kept)
      const self = !!tgt && !!src.actor && (tgt.id === src.actor.id
        // (… nor is an attack by insurgents on a place in their own country: "M23 rebels shelled the outskirts of Goma")
        || (ctx.placeOnly.has(tgtMention!) && tgt.country === src.actor.country && !['PROTEST', 'COERCE'].includes(type)
          && !(type === 'ASSAULT' && NON_STATE.has(src.actor.sector ?? ''))));
      if (self && sources.length > 1) continue;
      // ("was not authorised to talk to the press"): speaking to the press is a statement, not a consultation
      if (type === 'CONSULT' && tgt?.sector === 'MED' && SPEAKING.has(tokens[i].lemma)) continue;
      // ("Sudanese refugees arriving in eastern Chad"): refugees who come pay no visit (the UniversalPetrarch suite codes
      // other private people's visits, so they stay)
      if (type === 'CONSULT' && mode === 'visit' && PRIVATE_VISITORS.has(src.actor?.sector ?? '')) continue;
      const confidence = Math.max(0.3, 0.9 - (p.hasTarget && !tgt ? 0.2 : 0) - (quote ? 0.1 : 0) - (passive ? 0.05 : 0) - (src.text.length <= 3 ? 0.1 : 0));
      // (by the pattern's own lemma: the tagger's is sometimes the bare form, "looted")
      const actedAs = bySector(ctx, type, p.head, src.actor?.sector ?? null);
      out.push({
        id: '', sentence: tokens[i].sentence,
        trigger: { start: tokens[i].start, end: tokens[noun ? i : triggerEnd(ctx, i, match)].end, text: '' },
        type: actedAs?.type ?? type, mode: actedAs ? actedAs.mode : mode, cameo: actedAs?.cameo ?? cameo,
        source: src.actor, target: self ? null : tgt,
        source_mention: { start: src.start, end: src.end, text: src.text },
        target_mention: tgtMention && !self ? { start: tgtMention.start, end: tgtMention.end, text: tgtMention.text } : null,
        date: date?.value ?? doc.meta.published, date_basis: date ? 'text' : doc.meta.published ? 'published' : null,
        location, negated, quoted, speaker: quoted ? quote?.speaker?.actor ?? null : null,
        intensity: negated ? 0 : score, confidence: Math.round(confidence * 100) / 100,
      });
    }
  }
  // … and acting jointly, they cooperate militarily with each other (CAMEO 062)
  if (together && !negated) {
    const partners = out.filter((e, n) => out.findIndex((x) => x.source?.id === e.source?.id) === n);
    for (const e of partners) {
      for (const other of partners) {
        if (other === e || !e.source || !other.source || e.source.country === other.source.country) continue;
        out.push({ ...e, type: 'COOPERATE', mode: null, cameo: '062', target: other.source, target_mention: other.source_mention, intensity: cameoScore(doc, '062') });
      }
    }
  }
  for (const e of out) e.trigger.text = doc.text.slice(e.trigger.start, e.trigger.end);
  return out;
}

/** Events whose source the text does not name: only where their target is a party. */
function unattributedEvents(ctx: Ctx, i: number, match: Match, targets: (Mention | null)[], quote: DocQuote | undefined): Event[] {
  const { doc, tokens } = ctx;
  // ("In an all-out war, Hezbollah will be destroyed": an act foretold, by no one named, is no event)
  let before = prevWord(tokens, i);
  while (before && (['be', 'been', 'being'].includes(before.key) || doc.lexicon.grammar.negation.has(before.key))) before = prevWord(tokens, before.i);
  if (before && doc.lexicon.grammar.intentModals.has(before.key)) return [];
  const p = match.pattern;
  const date = eventDate(doc, i);
  const location = locationOf(ctx, i);
  // an attack by no one named ("a roadside bomb killed two soldiers near Samarra") is coded, as event data sets code
  // it, to unidentified attackers of the country where it happened
  // … and an arrest by no one named ("two British nationals were arrested in Iran") to the authorities of that country
  const unidentified: Actor | null = !location?.country ? null
    : UNATTRIBUTED_FORCE.has(p.source.type) ? { id: `${location.country}:unidentified`, name: 'Unidentified attackers', kind: 'group', country: location.country, sector: null, cameo: location.country, wikidata: null }
    : p.source.mode === 'arrest' ? { id: `${location.country}:authorities`, name: 'Authorities', kind: 'organization', country: location.country, sector: 'GOV', cameo: `${location.country}GOV`, wikidata: null }
    : null;
  // (a party of no known country counts where the text says what it is: "two aid workers")
  return targets.filter((t): t is Mention & { actor: Actor } => !!t?.actor && (!!t.actor.country || t.actor.kind === 'organization' || !!t.actor.sector)).map((t) => ({
    id: '', sentence: tokens[i].sentence,
    trigger: { start: tokens[i].start, end: tokens[i].end, text: tokens[i].text },
    type: p.source.type, mode: p.source.mode ?? null, cameo: p.source.cameo,
    source: unidentified, target: t.actor,
    source_mention: null, target_mention: { start: t.start, end: t.end, text: t.text },
    date: date?.value ?? doc.meta.published, date_basis: date ? 'text' : doc.meta.published ? 'published' : null,
    location, negated: isNegated(ctx, i, doc.sentences[tokens[i].sentence].first), quoted: !!quote,
    speaker: quote?.speaker?.actor ?? null, intensity: goldstein(doc, p), confidence: quote ? 0.5 : 0.6,
  }));
}
const UNATTRIBUTED_FORCE = new Set(['ASSAULT']);
const NON_STATE = new Set(['REB', 'OPP', 'CVL']);
const NON_STATE_BODIES = new Set(['REB', 'OPP', 'PTY']);
/** plural nouns for people by what they do or where they are from: depositors, shopkeepers, tourists, Kenyans */
const PEOPLE_SUFFIX = /(ers|ors|ists|ians|ants|ents)$/;
const ARMED = new Set(['MIL', 'REB', 'COP']);
const OFFICIAL = new Set(['GOV', 'IGO', 'NGO', 'JUD', 'MIL']);
const CIVIC = new Set(['CVL', 'OPP', 'PTY', 'LEG', 'REF', 'BUS']);

/**
 * Acts CAMEO and PLOVER code by who does them: a government, an international body or an organisation that
 * "protests" complains officially (CAMEO 114, an accusation: "Vietnam's foreign ministry protested against …"); people,
 * parties and businesses that boycott protest (CAMEO 143: "Shoppers in Jordan boycotted French goods"), where a state's
 * boycott is a sanction; demonstrators who occupy or besiege a building protest, and people who clash with police riot;
 * armed men who loot, and police who storm a building, seize.
 */
function bySector(ctx: Ctx, type: PloverType, lemma: string, sector: string | null): { type: PloverType; mode: string | null; cameo: string } | null {
  if (type === 'PROTEST' && lemma === 'protest' && OFFICIAL.has(sector ?? '')) return { type: 'ACCUSE', mode: 'allege', cameo: '114' };
  if (type === 'SANCTION' && lemma === 'boycott' && CIVIC.has(sector ?? '')) return { type: 'PROTEST', mode: 'boycott', cameo: '143' };
  // demonstrators who surround, storm or occupy a building obstruct (CAMEO 144): "The Israeli embassy in Amman was
  // surrounded by thousands of Jordanian protesters"
  if (type === 'COERCE' && sector === 'CVL' && ctx.doc.lexicon.grammar.obstructingVerbs.has(lemma)) return { type: 'PROTEST', mode: 'obstruct', cameo: '144' };
  // people who mass in a place demonstrate (CAMEO 141): "Tens of thousands of Israelis massed outside the Knesset"
  if (type === 'MOBILIZE' && sector === 'CVL' && lemma === 'mass') return { type: 'PROTEST', mode: 'demo', cameo: '141' };
  // people who clash with police or troops riot (CAMEO 145): "Protesters clashed with police in Nairobi"
  if (type === 'ASSAULT' && sector === 'CVL' && lemma === 'clash') return { type: 'PROTEST', mode: 'riot', cameo: '145' };
  // troops, police or militias who loot seize property (CAMEO 171), no riot: "Russian troops looted homes in Bucha"
  if (type === 'PROTEST' && lemma === 'loot' && ARMED.has(sector ?? '')) return { type: 'COERCE', mode: 'seize', cameo: '171' };
  // police who storm a building raid it (PLOVER's COERCE 'seize'): "Security forces stormed the newspaper's offices"
  if (type === 'ASSAULT' && sector === 'COP' && lemma === 'storm') return { type: 'COERCE', mode: 'seize', cameo: '171' };
  return null;
}

/**
 * "“Armenia should also ensure the rights …,” Aliyev added": what a speaker says another party must or should do is
 * the speaker's demand of it (CAMEO 10) or appeal to it (CAMEO 02); the party stands right before the modal.
 */
function demandInQuote(ctx: Ctx, i: number): Event[] {
  const { doc, tokens } = ctx;
  const quote = doc.quotes.find((q) => q.start <= tokens[i].start && tokens[i].end <= q.end && q.speaker?.actor);
  if (!quote?.speaker?.actor) return [];
  const speaker = quote.speaker.actor;
  // ("the Sudanese government and the rebels in Darfur must …": every party of the subject; "Kagame must", said by
  // rebels of his own country, is a demand too, but "Armenia should", said by Armenia's officials, is no demand of it)
  const parties = subjectOf(ctx, i, doc.sentences[tokens[i].sentence].first, undefined)
    .filter((m) => m.actor && !ctx.placeOnly.has(m) && m.actor.id !== speaker.id && !(m.actor.country && m.actor.country === speaker.country && m.actor.sector === speaker.sector));
  const cameo = tokens[i].key === 'must' ? '100' : '020';
  const date = eventDate(doc, i);
  const mention = quote.speaker;
  return parties.map((party) => ({
    id: '', sentence: tokens[i].sentence,
    trigger: { start: tokens[i].start, end: tokens[i].end, text: tokens[i].text },
    type: 'REQUEST', mode: null, cameo,
    source: speaker, target: party.actor,
    source_mention: mention ? { start: mention.start, end: mention.end, text: mention.text } : null,
    target_mention: { start: party.start, end: party.end, text: party.text },
    date: date?.value ?? doc.meta.published, date_basis: date ? 'text' : doc.meta.published ? 'published' : null,
    location: locationOf(ctx, i), negated: false, quoted: true, speaker,
    intensity: doc.lexicon.cameo.get(cameo)?.goldstein ?? 0, confidence: 0.6,
  }));
}

/** The trigger's words: the verb and the pattern's particles right after it ("called on"). */
function triggerEnd(ctx: Ctx, i: number, match: Match): number {
  let end = i;
  const first = match.pattern.elements[0];
  if (first?.k === 'word' && ctx.tokens[i + 1] && first.words.has(ctx.tokens[i + 1].key) && ctx.tokens[i + 1].pos !== 'DET') end = i + 1;
  return end;
}

/** A date in the event's sentence, nearest the trigger; one inside a citation ("the November 9, 2020 agreement") dates the document, not the event. */
function eventDate(doc: Doc, i: number) {
  // ("would serve until 2026", "has been fighting the army since April 2023": the end or start of a span, not the act's date)
  // (the dates stage may take the word into the date: "until 2026")
  const span = (d: DocDate): boolean => [d.first, d.first - 1, d.first - 2].some((k) => SPAN_BOUNDS.has(doc.tokens[k]?.key ?? '') && doc.tokens.slice(k + 1, d.first).every((t) => t.space));
  return nearest(doc.dates.filter((d) => d.sentence === doc.tokens[i].sentence && d.value && !span(d) && !doc.references.some((r) => r.start <= d.start && d.end <= r.end) && !inLaterClause(doc.tokens, i, d.first)), i);
}
const SPAN_BOUNDS = new Set(['until', 'till', 'since']);

/**
 * "have quit the bloc, in the biggest blow to it since it was founded in 1975": a date after the trigger past a
 * clause break and another finite verb dates that verb, not the trigger.
 */
function inLaterClause(tokens: Token[], i: number, at: number): boolean {
  let broken = false;
  for (let k = i + 1; k < at; k++) {
    const t = tokens[k];
    if (t.key === ',' || t.pos === 'SCONJ' || ['which', 'who', 'since', 'when'].includes(t.key)) broken = true;
    else if (broken && t.pos === 'VERB' && !/ing$/.test(t.key)) return true;
  }
  return false;
}

function goldstein(doc: Doc, p: CompiledPattern): number {
  return p.source.goldstein ?? cameoScore(doc, p.source.cameo);
}

/** The Goldstein-style score of a CAMEO code, or of its root. */
function cameoScore(doc: Doc, cameo: string): number {
  return doc.lexicon.cameo.get(cameo)?.goldstein ?? doc.lexicon.cameo.get(cameo.slice(0, 2))?.goldstein ?? 0;
}

/**
 * The quote that asserts the event. Reported speech counts when the speaker frames the sentence
 * ("Aliyev said that Armenia had …"); a trailing attribution ("Iran detained a French citizen, the
 * ministry said") is the reporter asserting the event and citing a source.
 */
function quoteAt(doc: Doc, offset: number): DocQuote | undefined {
  return doc.quotes.find((q) => q.start <= offset && offset < q.end && (q.direct || !q.cue || q.cue.start < q.start));
}

function nearest<T extends { first: number }>(list: T[], i: number): T | undefined {
  return list.sort((a, b) => Math.abs(a.first - i) - Math.abs(b.first - i))[0];
}

/** Skip back over adverbs, auxiliaries, negation, dates and parenthetical phrases to the subject. */
function subjectOf(ctx: Ctx, i: number, sentenceFirst: number, quote: DocQuote | undefined, asSource = true): Mention[] {
  const { tokens, doc } = ctx;
  let j = i - 1;
  let head: number;
  while (j >= sentenceFirst) {
    const t = tokens[j];
    const d = ctx.dateByLast.get(j);
    const governor = t.key === 'to' ? governingVerb(ctx, nextWordIndex(tokens, j)) : null;
    if (d) j = d.first - 1;
    else if (governor) {
      j = governor.i - 1;
      // "announced plans to invest", "unveiled a plan to": the subject is that of the verb the intent noun is the object of
      let k = j;
      while (k >= sentenceFirst && ['DET', 'ADJ'].includes(tokens[k].pos)) k--;
      if (governor.pos === 'NOUN' && tokens[k]?.pos === 'VERB' && k >= sentenceFirst) j = k - 1;
    } else if (['NOUN', 'PROPN'].includes(t.pos) && (head = nounOfInfinitive(ctx, j, sentenceFirst)) >= 0) j = head;
    else if (t.space || t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART' || ctx.doc.lexicon.grammar.negation.has(t.key) || ['has', 'have', 'had', 'will', 'would', 'also', 'then', 'later', 'jointly', 'each', 'both'].includes(t.key)
      // "began investigating": the subject is the aspectual verb's
      || (t.pos === 'VERB' && ASPECTUAL.has(t.lemma) && j === i - 1 && /ing$/.test(tokens[i].key))
      // "Kenya stands ready to send", "Tehran remains willing to talk": a linking verb before a word of intent
      || (t.pos === 'VERB' && LINKING.has(t.lemma) && doc.lexicon.grammar.intentGovernors.has(tokens[nextWordIndex(tokens, j)]?.key ?? ''))) j--;
    else if (t.key === ',') {
      // "Aliyev, speaking in Ankara, accused …": skip the inserted phrase
      let k = j - 1;
      while (k >= sentenceFirst && k > j - 16 && tokens[k].key !== ',') k--;
      // the subject before the comma may be a titled name the dictionaries do not know ("Zambian President Frederick Chiluba")
      if (k >= sentenceFirst && tokens[k].key === ',' && (ctx.byLast.has(k - 1) || actorInPhraseBefore(ctx, k - 1, sentenceFirst, true))) j = k - 1;
      else return [];
    } else break;
  }
  if (j < sentenceFirst) return [];
  // "Washington along with its allies demanded", "France together with Germany condemned": the party before the
  // phrase is the subject, with the party the phrase names
  const joined = comitative(ctx, j, sentenceFirst);
  if (joined) {
    const lead = subjectOf(ctx, joined, sentenceFirst, quote, asSource);
    const partner = ctx.byLast.get(j);
    return lead.length && partner?.actor && !ctx.placeOnly.has(partner) ? [...lead, partner] : lead;
  }
  // "…, which accused Manila": the relative pronoun stands for the actor before the comma
  if ((tokens[j].key === 'which' || tokens[j].key === 'who') && tokens[j - 1]?.key === ',' && ctx.byLast.has(j - 2)) return [ctx.byLast.get(j - 2)!];
  // ("The U.N. envoy for Syria, Geir Pedersen, urged …": the person the country's preposition attaches to)
  const m = envoyOf(ctx, j) ?? ctx.byLast.get(j);
  // ("“Our units attacked …,” the M23 spokesman said": "our" makes a force the speaker's side's, whoever the context gives it to)
  // (a state's own forces keep the sector their word gives them: "“Our troops will hold,” Zelensky said")
  const own = m && tokens[m.first - 1]?.key === 'our' && NON_STATE_BODIES.has(quote?.speaker?.actor?.sector ?? '') ? ourPhrase(ctx, j, sentenceFirst, quote) : null;
  if (own) return [own];
  // ("… held in Israeli jails launched": a nationality word with its noun)
  const nationalNoun = !m && tokens[j].pos === 'NOUN' ? ctx.byLast.get(j - 1) : undefined;
  const phrase = m ?? (nationalNoun && ctx.weak.has(nationalNoun) ? nationalNoun : undefined);
  const placed = phrase ? partyBeforePlace(ctx, phrase, sentenceFirst) : null;
  if (placed) return withCoordinatedBefore(ctx, placed, sentenceFirst);
  if (m && !(asSource && ctx.placeOnly.has(m))) {
    const list = withCoordinatedBefore(ctx, m, sentenceFirst);
    return ownedByPlace(ctx, list[0].first, sentenceFirst) ? [] : list;
  }
  const t = tokens[j];
  // ("Lebanese depositors stormed two bank branches": a nationality before a plural noun for people no dictionary
  // knows names that country's people, not its state)
  // (not "the Thai and Malaysian governments", nor "Polish and Czech firefighters" that states send together)
  const { grammar } = ctx.doc.lexicon;
  const country = nationalNoun && ctx.weak.has(nationalNoun) && PEOPLE_SUFFIX.test(t.key) && ![grammar.craftNouns, grammar.bodyWords, grammar.representatives].some((w) => w.has(t.key) || w.has(t.lemma))
    && tokens[nationalNoun.first - 1]?.pos !== 'CCONJ' && tokens[prevWord(tokens, nationalNoun.first)?.i ?? -1]?.pos !== 'CCONJ' ? nationalNoun.actor?.country : null;
  const people = country ? ctx.doc.lexicon.places.get(country) : undefined;
  if (people) return [{ ...nationalNoun!, last: j, end: t.end, text: doc.text.slice(nationalNoun!.start, t.end), actor: civiliansActor(people.id, people.name) }];
  // "Thousands of Armenians demonstrated", "Israeli tanks shelled", "A U.N. base in southern Lebanon was shelled":
  // the first party named inside the subject phrase
  const inPhrase = actorInPhraseBefore(ctx, j, sentenceFirst, asSource);
  if (inPhrase) return withCoordinated(ctx, inPhrase);
  // "“Our troops carried out …,” the spokesman said": in a quote, the speaker's side
  const ours = ourPhrase(ctx, j, sentenceFirst, quote);
  if (ours) return [ours];
  const pronoun = PRONOUNS[t.key];
  // ("Even if it is called a satellite, it … violates UN resolutions": "it" stands for the thing)
  if (pronoun && thingReferred(ctx, j)) return [];
  if (pronoun) {
    const actors = pronoun === 'speaker' ? [quote?.speaker?.actor ?? null] : pronounAntecedents(ctx, j, pronoun, t.key === 'they');
    // (in a direct quote "they" is never the speaker's own side, which would be "we": "“They burned the market,” she said")
    const own = quote?.direct && t.key === 'they' ? quote.speaker?.actor : null;
    return actors.filter((a): a is Actor => !!a && !(own && a.country === own.country && a.sector === own.sector)).map((actor) => tokenMention(t, actor));
  }
  // "The statement called on …": a document acts for whoever issued it
  if (ctx.documents.has(t.key)) {
    const q = doc.quotes.find((x) => x.sentence === t.sentence && x.speaker?.actor) ?? [...doc.quotes].reverse().find((x) => x.start < t.start && x.speaker?.actor);
    let first = j;
    while (first > sentenceFirst && ['DET', 'ADJ'].includes(tokens[first - 1].pos)) first--;
    if (q?.speaker?.actor) return [{ first, last: j, start: tokens[first].start, end: t.end, text: doc.text.slice(tokens[first].start, t.end), sentence: t.sentence, actor: q.speaker.actor, place: null }];
  }
  // "X thanked Berlin and urged …": the subject of the first verb in a coordinated predicate
  if (t.pos === 'CCONJ') {
    // (not across a relative pronoun: in "… governed by those who block roads and occupy faculties" the one who occupies is "those")
    // (nor "mining that has poisoned rivers and destroyed farms")
    // (a relative clause closed by a comma before the conjunction is over: "condemned the shelling, which killed two marines, and urged …")
    const relative = (from: number): boolean => tokens.slice(from, j).some((x) => (['who', 'which', 'whom'].includes(x.key) || (x.key === 'that' && x.pos === 'PRON'))
      && !tokens.slice(x.i + 1, j).some((y) => y.key === ','));
    // ("officers had fired only after protesters broke through barricades and set fire to vehicles": an act joined to the
    // clause right before it is done by that clause's subject; a statement, "Aliyev said Armenia must withdraw and
    // warned …", by the sentence's first speaker, below)
    if (!isStatementVerb(ctx, tokens[i])) {
      let k = j - 1;
      while (k > sentenceFirst && tokens[k].pos !== 'VERB' && ![',', ';', ':'].includes(tokens[k].key)) k--;
      const near = tokens[k].pos === 'VERB' && !relative(k) ? subjectOf(ctx, k, sentenceFirst, quote, asSource) : [];
      if (near.length) return near;
    }
    const first = doc.mentions.find((x) => x.actor && x.first >= sentenceFirst && x.last < j && ['VERB', 'AUX'].includes(tokens[x.last + 1]?.pos ?? ''));
    if (first) return relative(first.last + 1) ? [] : [first];
    // ("Authorities in Dhaka imposed a curfew and deployed soldiers": else the subject of the verb of the clause's first event)
    const verb = tokens.slice(sentenceFirst, j).find((x) => x.pos === 'VERB' && ctx.triggers.has(x.i));
    if (verb && !relative(verb.i)) return subjectOf(ctx, verb.i, sentenceFirst, quote, asSource);
    // ("Police in Dakar fired tear gas and arrested dozens": else the subject of the clause's first finite verb)
    const finite = tokens.slice(sentenceFirst, j).find((x) => x.pos === 'VERB' && /ed$/.test(x.key) && !isSpeechVerb(ctx, x) && !['to', ','].includes(prevWord(tokens, x.i)?.key ?? ''));
    if (finite && !relative(finite.i) && !isPassive(ctx, finite.i)) return subjectOf(ctx, finite.i, sentenceFirst, quote, asSource).filter((m) => m.last < finite.i);
  }
  return [];
}

/**
 * "where the borders of Thailand, Cambodia and Laos meet": parties named after "of" a noun for land or a place
 * within it belong to that place, and the place is the subject.
 */
function ownedByPlace(ctx: Ctx, first: number, sentenceFirst: number): boolean {
  const { tokens } = ctx;
  let k = first - 1;
  if (tokens[k]?.key === 'the') k--;
  if (k - 1 < sentenceFirst || tokens[k].key !== 'of') return false;
  const head = tokens[k - 1];
  const { grammar } = ctx.doc.lexicon;
  return head.pos === 'NOUN' && !ctx.byLast.has(head.i) && [head.key, head.lemma].some((w) => grammar.territoryNouns.has(w) || grammar.areaNouns.has(w) || grammar.featureWords.has(w));
}

/**
 * "the U.N. envoy for Syria", "the ambassador to Libya", "Russia's envoy for the Middle East": the person named before
 * "for" or "to" the party or region whose name ends at j, if any.
 */
function envoyOf(ctx: Ctx, j: number): Mention | null {
  // (a region is no party and has no mention here: its capitalised words)
  let k = (ctx.byLast.get(j)?.first ?? (ctx.tokens[j]?.pos === 'PROPN' ? j : j + 1)) - 1;
  while (k > 0 && j - k < 4 && ctx.tokens[k].pos === 'PROPN' && !ctx.byLast.has(k)) k--;
  if (ctx.tokens[k]?.key === 'the') k--;
  if (!['for', 'to'].includes(ctx.tokens[k]?.key ?? '')) return null;
  const head = ctx.byLast.get(k - 1);
  return head?.actor?.kind === 'person' ? head : null;
}

/** "along with its allies", "together with Germany", "as well as Britain" ending at j: the index of its first word. */
function comitative(ctx: Ctx, j: number, sentenceFirst: number): number | null {
  const { tokens } = ctx;
  for (let k = j; k > sentenceFirst + 1 && j - k <= 6; k--) {
    const t = tokens[k];
    if (t.key === 'with' && ['along', 'together'].includes(tokens[k - 1].key)) return k - 1;
    if (t.key === 'as' && tokens[k - 1].key === 'well' && tokens[k - 2]?.key === 'as') return k - 2;
    if (t.space || k === j) continue;
    if (!(inNounPhrase(t) || ctx.byLast.has(k) || ctx.byFirst.has(k) || POSSESSIVE_DETERMINERS.has(t.key))) return null;
  }
  return null;
}

/** "The Red Cross in Iraq said", "UN troops stationed in Lebanon said": the party a place phrase describes. */
function partyBeforePlace(ctx: Ctx, place: Mention, sentenceFirst: number): Mention | null {
  const { tokens } = ctx;
  let k = place.first - 1;
  while (k >= sentenceFirst && (tokens[k].space || tokens[k].key === 'the')) k--;
  if (k < sentenceFirst || !['in', 'at', 'inside', 'near', 'from', 'to'].includes(tokens[k].key)) return null;
  const to = tokens[k].key === 'to';
  k--;
  while (k >= sentenceFirst && tokens[k].space) k--;
  // a participle between them ("operating in", "based in", "stationed in"; "rescue teams flown to Libya")
  const participle = k >= sentenceFirst && tokens[k].pos === 'VERB' && !ctx.byLast.has(k) && (!to || /(ed|wn|nt)$/.test(tokens[k].key));
  if (to && !participle) return null;
  // ("Palestinian prisoners held in Israeli jails launched …": after a participle, any party's phrase)
  if (!participle && !place.place && place.actor?.kind !== 'state') return null;
  if (participle) k--;
  while (k >= sentenceFirst && tokens[k].space) k--;
  // ("Turkish rescue teams flown to Libya": the party named in the phrase the participle describes)
  const party = ctx.byLast.get(k) ?? (to && k >= sentenceFirst && tokens[k].pos === 'NOUN' ? actorInPhraseBefore(ctx, k, sentenceFirst, true) : undefined);
  return party && !ctx.placeOnly.has(party) && !party.place ? party : null;
}

/**
 * "wrote to the United Nations Security Council requesting an urgent meeting": a participle right after the object of a
 * preposition is the clause subject's act, not that object's.
 */
function afterPrepositionalObject(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const prev = prevWord(tokens, i);
  const m = prev && ctx.byLast.get(prev.i);
  if (!m) return false;
  let k = m.first - 1;
  while (k >= 0 && (tokens[k].space || tokens[k].key === 'the')) k--;
  return ['to', 'with', 'at'].includes(tokens[k]?.key ?? '') && prevWord(tokens, k)?.pos === 'VERB';
}

/** "Our security services", "our troops" ending at j, in a direct quote whose speaker's country is known: that country. */
function ourPhrase(ctx: Ctx, j: number, sentenceFirst: number, quote: DocQuote | undefined): Mention | null {
  const { tokens } = ctx;
  const speaker = quote?.direct ? quote.speaker?.actor : null;
  const country = speaker?.country;
  if (!quote || !speaker || !country || !inNounPhrase(tokens[j])) return null;
  for (let k = j - 1; k >= sentenceFirst && j - k <= 4; k--) {
    if (tokens[k].space) continue;
    if (tokens[k].key === 'our') {
      const place = ctx.doc.lexicon.places.get(country);
      if (!place) return null;
      // ("“Our forces do not target civilians,” said an RSF adviser": a rebel's or a party's "our" is the body they speak
      // for, named before, not the state)
      // (an army spokesman's "our forces" are that army, where the text names it)
      const named = ctx.doc.mentions.filter((m) => m.actor && m.actor.kind !== 'person' && m.start < quote.start && m.actor.country === country && m.actor.sector === speaker.sector).at(-1)?.actor;
      const body = named ?? (NON_STATE_BODIES.has(speaker.sector ?? '') ? undefined : stateOf(place));
      if (!body) return null;
      const t0 = tokens[k], t1 = tokens[j];
      return { first: k, last: j, start: t0.start, end: t1.end, text: ctx.doc.text.slice(t0.start, t1.end), sentence: t0.sentence, actor: body, place: null };
    }
    if (!inNounPhrase(tokens[k])) return null;
  }
  return null;
}

/**
 * Words a noun phrase is made of: "thousands of Armenians", "the Gaza Strip's southern city", "more than a dozen Chinese companies"
 * (not "that", which the tagger may read as a determiner where it opens a clause: "told The Associated Press that staff had …").
 */
function inNounPhrase(t: Token): boolean {
  return (['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(t.pos) && t.key !== 'that') || ['of', "'s", "'", '-', 'than', '(', ')'].includes(t.key);
}

/**
 * "Kenya's offer to lead the Haiti mission drew praise": where the noun phrase ending at j is the object of an
 * infinitive that completes a noun whose own phrase names a party, that noun (the subject's head; the infinitive's
 * object is no subject); else -1.
 */
function nounOfInfinitive(ctx: Ctx, j: number, sentenceFirst: number): number {
  const { tokens } = ctx;
  let k = j;
  while (k - 1 > sentenceFirst && j - k < 6 && (inNounPhrase(tokens[k - 1]) || tokens[k - 1].space)) k--;
  const verb = prevWord(tokens, k);
  const to = verb?.pos === 'VERB' ? prevWord(tokens, verb.i) : undefined;
  const noun = to?.key === 'to' ? prevWord(tokens, to.i) : undefined;
  return noun && noun.i >= sentenceFirst && noun.pos === 'NOUN' && !ctx.byLast.has(noun.i) && actorInPhraseBefore(ctx, noun.i, sentenceFirst, true) ? noun.i : -1;
}

/** The first party named in the noun phrase that ends at token j. */
function actorInPhraseBefore(ctx: Ctx, j: number, sentenceFirst: number, asSource: boolean): Mention | null {
  const { tokens } = ctx;
  if (!inNounPhrase(tokens[j])) return null;
  let k = j;
  // ("Venezuela’s disputed election", "an EU-drafted statute": participles modify the noun; "Russian aircraft
  // including helicopter gunships", "British aircraft using guided missiles": the party is named first)
  while (k - 1 >= sentenceFirst && j - k < 10 && (tokens[k - 1].space || inNounPhrase(tokens[k - 1]) || isModifyingParticiple(ctx, k - 1, k - 1) || (tokens[k - 2]?.key === '-' && tokens[k - 1].pos === 'VERB') || ctx.doc.lexicon.grammar.equippingWords.has(tokens[k - 1].key)
    || (['in', 'and', 'on'].includes(tokens[k - 1].key) && k - 2 >= sentenceFirst))) k--;
  for (let n = k; n <= j; n++) {
    // ("army helicopters had bombed three villages": a group word before the craft it fights with names the force)
    const m = ctx.byFirst.get(n) ?? (ctx.doc.lexicon.grammar.craftNouns.has(tokens[n + 1]?.key ?? '') ? ctx.describing.get(n) : undefined);
    // ("the Iran-backed group": the backer describes the group and is not it)
    if (m && hyphenedParty(ctx.doc, m.last)) continue;
    if (m && m.last <= j && !(asSource && ctx.placeOnly.has(m))) return m;
  }
  return null;
}

/**
 * "Zourabichvili, who opposes the bill, said she would veto it": "it" after a thing named with a determiner, later than
 * any party, stands for the thing.
 */
function thingReferred(ctx: Ctx, j: number): boolean {
  const { tokens } = ctx;
  if (tokens[j].key !== 'it') return false;
  // (not one that opens what a party says: "proclaimed a truce and said it would halt attacks")
  if (speechOpened(ctx, j)) return false;
  const party = ctx.doc.mentions.filter((m) => m.actor && m.last < j).at(-1);
  const from = Math.max(party ? party.last + 1 : 0, j - 40);
  for (let k = j - 1; k >= from; k--) {
    const t = tokens[k];
    if (t.pos !== 'NOUN' || t.key !== t.lemma || ctx.inDate[k] || ctx.doc.mentions.some((m) => m.first <= k && k <= m.last)) continue;
    let d = k - 1;
    while (d >= from && ['ADJ', 'NOUN'].includes(tokens[d].pos)) d--;
    if (['the', 'this', 'that', 'a', 'an'].includes(tokens[d]?.key ?? '')) return true;
  }
  return false;
}

/** The verb of speech right before j, past a "that" ("said it would", "said that he had"): j opens what was said. */
function speechOpened(ctx: Ctx, j: number): Token | undefined {
  let before = prevWord(ctx.tokens, j);
  if (before?.key === 'that') before = prevWord(ctx.tokens, before.i);
  return before && isSpeechVerb(ctx, before) ? before : undefined;
}

/** The actor a pronoun stands for: the last one named before it ("they" after "A and B": both), other than `not`. */
function pronounAntecedents(ctx: Ctx, j: number, kind: 'person' | 'group', plural: boolean, not: Set<string> = new Set()): Actor[] {
  // ("Palestinian leaders said they would …": "they" stands for people too, named by a plural noun)
  const pluralPeople = (m: Mention): boolean => plural && ctx.tokens[m.last].pos === 'NOUN' && /s$/.test(ctx.tokens[m.last].key);
  // ("…, of the movement founded by Rafael Correa, said she would": "she" is no man)
  const gender = { he: 'm', him: 'm', she: 'f', her: 'f' }[ctx.tokens[j].key];
  // (nor whom someone spoke to: "told The Associated Press … “… while they were shooting at the gate”")
  // (nor a name in brackets: the agency of a dateline, "BANDA ACEH, Indonesia, Dec 8 (AP) — …", or an acronym after its name)
  const addressee = (m: Mention): boolean => { const k = m.first - 1; return ctx.tokens[k]?.lemma === 'tell' || (ctx.tokens[k]?.key === 'the' && ctx.tokens[k - 1]?.lemma === 'tell') || (ctx.tokens[k]?.key === '(' && ctx.tokens[m.last + 1]?.key === ')'); };
  // ("Han Dong-hoon, the leader of Yoon's People Power Party, said he would not resign": a pronoun that opens what someone
  // says is that speaker, if of its kind)
  const speech = speechOpened(ctx, j);
  // (an actor of the pronoun's kind and gender, other than `not`)
  const fits = (m: Mention): boolean => !!m.actor && (kind === 'person' ? m.actor.kind === 'person' : m.actor.kind !== 'person' || pluralPeople(m))
    && !not.has(m.actor.id) && !(gender && m.actor.kind === 'person' && (genderOf(ctx.doc.lexicon, m.actor) ?? gender) !== gender);
  if (speech) {
    const speakers = subjectOf(ctx, speech.i, ctx.doc.sentences[speech.sentence].first, undefined).filter((m) => m.actor);
    if (speakers.length && speakers.every(fits) && (plural || speakers.length === 1)) return speakers.map((m) => m.actor!);
  }
  // (nor a backer named in a compound: "the Iran-backed group said it …")
  const prior = ctx.doc.mentions.filter((m) => fits(m) && m.last < j && !addressee(m) && !hyphenedParty(ctx.doc, m.last) && !not.has(m.actor!.country ?? ''));
  const named = prior.at(-1);
  if (!named) return [];
  // ("Rebels in the Central African Republic’s northwest said they had killed …": the party a place phrase describes)
  const described = named.place || named.actor?.kind === 'state' ? partyBeforePlace(ctx, named, ctx.doc.sentences[named.sentence].first) : null;
  const last = described?.actor && described.actor.kind !== 'person' && kind === 'group' && !not.has(described.actor.id) ? described : named;
  const group = plural ? withCoordinatedBefore(ctx, ctx.byLast.get(last.last) ?? last, ctx.doc.sentences[last.sentence].first) : [last];
  return group.map((m) => m.actor).filter((a): a is Actor => !!a);
}

/** "Armenia and Azerbaijan agreed": every actor in a coordinated subject. */
function withCoordinatedBefore(ctx: Ctx, m: Mention, sentenceFirst: number): Mention[] {
  const out = [m];
  let cur = m;
  // "A, B and C": a comma joins actors only in a list that ends with "and"
  for (;;) {
    // "Iran and the United States"; "Egypt's president and his Turkish counterpart"
    const before = ['the', 'his', 'her', 'its', 'their'].includes(ctx.tokens[cur.first - 1]?.key ?? '') ? cur.first - 1 : cur.first;
    // a comma joins the actors of a list that ends with "and", or of a headline's subject ("Russia, China agree")
    const comma = ctx.tokens[before - 1]?.key === ',' && (out.length > 1 || ctx.byLast.get(before - 2)?.first === sentenceFirst);
    // ("The US, Russia, and Switzerland": the serial comma before "and")
    const serial = ctx.tokens[before - 1]?.key === 'and' && ctx.tokens[before - 2]?.key === ',';
    if (before - 2 < sentenceFirst || !(ctx.tokens[before - 1].key === 'and' || comma)) break;
    const prev = ctx.byLast.get(serial ? before - 3 : before - 2);
    if (!prev || ctx.placeOnly.has(prev)) break;
    out.unshift(prev);
    cur = prev;
  }
  return out;
}

function withCoordinated(ctx: Ctx, m: Mention): Mention[] {
  const out = [m];
  let cur = m;
  while (['and', ','].includes(ctx.tokens[cur.last + 1]?.key ?? '')) {
    const next = partyAt(ctx, cur.last + 2);
    if (!next) break;
    // "…, Defence Minister Pierre Joxe said": a name after a comma that a verb follows begins a clause
    const after = ctx.tokens[nextWordIndex(ctx.tokens, next.last)];
    if (ctx.tokens[cur.last + 1].key === ',' && after && ['VERB', 'AUX'].includes(after.pos)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** "violated its airspace", "entered their waters": the party before the trigger, other than the sources, whose territory the matched words name. */
function territoryOwner(ctx: Ctx, i: number, last: number, sources: Mention[]): Mention | null {
  const { tokens } = ctx;
  const { territoryNouns } = ctx.doc.lexicon.grammar;
  for (let k = i + 1; k <= last; k++) {
    if (!['its', 'their'].includes(tokens[k].key)) continue;
    if (!tokens.slice(k + 1, Math.min(k + 5, last + 1)).some((t) => territoryNouns.has(t.key) || t.key === 'zone')) return null;
    const not = new Set(sources.flatMap((m) => (m.actor ? [m.actor.id, m.actor.country ?? ''] : [])));
    const [owner] = pronounAntecedents(ctx, k, 'group', tokens[k].key === 'their', not);
    const named = owner && ctx.doc.mentions.find((m) => m.actor === owner);
    return owner && named?.sentence === tokens[i].sentence ? tokenMention(tokens[k], owner) : null;
  }
  return null;
}

/** The actor right after the verb phrase, if it is the object (no preposition in between). */
function directObject(ctx: Ctx, j: number): Mention | null {
  const { tokens } = ctx;
  if ((OBJECT_PRONOUNS[tokens[j]?.key] || SPEAKER_PRONOUNS.has(tokens[j]?.key)) && tokens[j].pos === 'PRON') return tokenMention(tokens[j]);
  for (let k = j; k < tokens.length && k - j <= 8; k++) {
    const m = ctx.byFirst.get(k);
    if (m) return isPossessiveModifier(ctx, m) ? null : m;
    if (!(inNounPhrase(tokens[k]) || tokens[k].pos === 'ADV' || tokens[k].space)) return null;
  }
  return null;
}

/** "offered to provide Sudan with …", "agreed to help Lebanon": the object of the infinitive a pattern ends in. */
function infinitiveObject(ctx: Ctx, last: number): Mention | null {
  const { tokens } = ctx;
  if (tokens[last]?.key !== 'to') return null;
  const verb = nextWordIndex(tokens, last);
  return tokens[verb]?.pos === 'VERB' ? directObject(ctx, nextWordIndex(tokens, verb)) : null;
}

/** "sent 40 trucks of food to Syria", "agreed to a pause in fighting with Hamas": the first actor later in the clause. */
function laterInClause(ctx: Ctx, from: number, sources: Mention[], type: string): Mention | null {
  const { tokens } = ctx;
  const end = ctx.doc.sentences[tokens[from - 1].sentence].last;
  for (let k = from; k <= end && k - from <= 15; k++) {
    const t = tokens[k];
    if ((t.pos === 'PUNCT' && t.key !== ',' && t.key !== '-') || t.pos === 'SCONJ' || CLAUSE_BREAKS.has(t.key) || /^[“”"«»„]$/.test(t.text)) return null;
    if (t.key === ',' && ['which', 'who', 'after', 'while', 'as', 'but', 'and'].includes(tokens[k + 1]?.key ?? '')) return null;
    // ("hit a record in March as farmers shipped a bumper crop": a clause of time or reason is another clause)
    if (t.key === 'as' && k > from && tokens[k - 1].key !== 'such' && !['part', 'well', 'far', 'much', 'many', 'a', 'an'].includes(tokens[k + 1]?.key ?? '')) return null;
    // "…, military officials said": the attribution, not the object
    if (t.key === ',' && isAttribution(ctx, k + 1)) return null;
    const m = ctx.byFirst.get(k);
    // "held talks in Muscat": a place after a preposition of location is where, not whom; but force
    // or aid there is done to the place, and a protest there is aimed at it ("bombed a market in Kabul", "protested in Beijing")
    // forces mobilised in another country's territory are aimed at it ("exercises in Alaska", "troops deployed in Syria")
    const foreign = type === 'MOBILIZE' && !!m?.actor?.country && sources.every((s) => s.actor?.country && s.actor.country !== m.actor!.country);
    const where = m && ctx.placeOnly.has(m) && SITUATING.has((tokens[k - 1]?.key === 'the' ? prevWord(tokens, k - 1) : prevWord(tokens, k))?.key ?? '') && !PLACE_AFFECTED.has(type) && !foreign;
    if (m && !where && !sources.some((s) => s.actor?.id === m.actor?.id) && !isPossessiveModifier(ctx, m)) return m;
    if (m) k = m.last;
  }
  return null;
}

/** "China deployed dozens of warplanes and warships around Taiwan": the forces a party mobilises are not whom it is aimed at. */
function isMobilised(m: Mention, type: string, sources: Mention[]): boolean {
  return type === 'MOBILIZE' && ARMED.has(m.actor?.sector ?? '') && sources.some((s) => !!s.actor?.country && s.actor.country === m.actor?.country);
}

/** "military officials said", "the ministry said": a speaker and a speech verb after the reported clause. */
function isAttribution(ctx: Ctx, k: number): boolean {
  const { tokens } = ctx;
  const m = partyAt(ctx, k);
  // (a party may name only the head's modifier: "…, the state statistics agency said")
  const from = m ? m.last + 1 : k;
  let after = from;
  while (after < tokens.length && after - from <= 3 && ['NOUN', 'ADJ', 'DET', 'PROPN'].includes(tokens[after].pos)) after++;
  const verb = tokens[nextWordIndex(tokens, after - 1)];
  return isSpeechVerb(ctx, verb) && (!!m || after > k);
}

/** "said", "told", "warned": a verb the cue lists name as introducing speech. */
function isSpeechVerb(ctx: Ctx, t: Token | undefined): boolean {
  return t?.pos === 'VERB' && cueSets(ctx.doc.lexicon.cues).verbs.has(t.lemma);
}

/** A verb of speech or of judgement ("condemned", "welcomed"): a statement rather than an act. */
function isStatementVerb(ctx: Ctx, t: Token): boolean {
  const cues = cueSets(ctx.doc.lexicon.cues);
  return cues.verbs.has(t.lemma) || cues.characterizing.has(t.lemma);
}

/** Prepositions that place an event rather than name what it is done to. */
const SITUATING = new Set(['in', 'near', 'inside', 'outside', 'around', 'across', 'from', 'through', 'within', 'off', 'along', 'during']);

/** Prepositions after an object noun that name whom it is aimed at ("action against", "sanctions on"). */
const OBJECT_PREPOSITIONS = new Set(['against', 'on', 'to', 'toward', 'towards', 'at', 'with', 'upon']);
/** the prepositions after a word for an area that name the place it lies in or by */
const AREA_PREPOSITIONS = new Set(['around', 'near', 'in', 'outside']);

/** the particles of phrasal verbs, right after the verb ("handed over", "rounded up", "called off") */
const PARTICLES = new Set(['up', 'down', 'over', 'off', 'out', 'back', 'in', 'away']);

const PREPOSITIONS = new Set(['to', 'on', 'against', 'with', 'at', 'into', 'from', 'for', 'toward', 'towards', 'upon', 'over']);

const COOPERATIVE = new Set(['SUPPORT', 'AGREE', 'COOPERATE', 'CONSULT', 'AID', 'RETREAT', 'CONCEDE']);

/** Types whose coordinated parties act with each other when no one else is named ("Armenia and Azerbaijan agreed"):
 * meeting, agreeing and cooperating, and yielding, which two parties do towards each other ("pulled back their troops"). */
const MUTUAL = new Set(['AGREE', 'COOPERATE', 'CONSULT', 'RETREAT', 'CONCEDE']);

/** Types coded without a named source ("were killed", "were arrested"): what was done matters even when the doer is unnamed. */
const UNATTRIBUTED = new Set(['ASSAULT', 'COERCE']);

const PLACE_AFFECTED = new Set(['ASSAULT', 'COERCE', 'AID', 'PROTEST']);

const CLAUSE_BREAKS = new Set(['after', 'before', 'while', 'when', 'because', 'since', 'although', 'though', 'whereas', 'said', 'says', ';']);

function byAgent(ctx: Ctx, from: number, end: number): Mention | null {
  for (let k = from; k <= end && k - from <= 8; k++) {
    if (ctx.tokens[k].key === 'by') {
      for (let m = k + 1; m <= end && m - k <= 3; m++) {
        const found = ctx.byFirst.get(m);
        if (found) return found;
      }
      return null;
    }
  }
  return null;
}

/**
 * "Russia was expelled from the Council of Europe", "Niger was suspended from ECOWAS": the body a party is put out of
 * puts it out; "Thousands of Afghans were deported from Pakistan": so does the state people are sent out of.
 */
function expellingBody(ctx: Ctx, i: number, end: number): Mention | null {
  const { tokens } = ctx;
  for (let k = i + 1; k <= end && k - i <= 3; k++) {
    if (tokens[k].key !== 'from') continue;
    const m = partyAt(ctx, k + 1);
    return m?.actor?.sector === 'IGO' || (m?.actor?.kind === 'state' && EXPELLING.has(tokens[i].lemma)) ? m : null;
  }
  return null;
}
const EXPELLING = new Set(['expel', 'deport']);

/** "were killed in Israeli tank shelling", "died in a Hamas rocket attack": the party named before the force noun after "in". */
function forceNounAgent(ctx: Ctx, from: number, end: number): Mention | null {
  const { tokens } = ctx;
  for (let k = from; k <= end && k - from <= 6; k++) {
    if (tokens[k].key !== 'in') continue;
    for (let n = k + 1; n <= end && n - k <= 3; n++) {
      const m = ctx.byFirst.get(n);
      if (!m || ctx.placeOnly.has(m)) continue;
      for (let w = m.last + 1; w <= end && w - m.last <= 3; w++) {
        if (patternsFor(ctx.doc.lexicon.eventNouns, ctx.doc.lexicon.eventNounForms, tokens[w])?.some((p) => p.source.type === 'ASSAULT')) return m;
        // "tank shelling", "Saudi-led airstrikes"
        if (!(inNounPhrase(tokens[w]) || ['led', 'backed'].includes(tokens[w].key))) break;
      }
    }
    return null;
  }
  return null;
}

/** The people of the place an event happened in, as its target. */
function peopleOfPlace(ctx: Ctx, i: number): Mention | null {
  const { tokens, doc } = ctx;
  const place = locationOf(ctx, i);
  const country = place && (place.kind === 'country' ? place : place.country ? doc.lexicon.places.get(place.country) : undefined);
  if (!country) return null;
  return tokenMention(tokens[i], civiliansActor(country.id, country.name));
}

/** "Accusing Rwanda of backing the M23, Congolese President Felix Tshisekedi told …": a participle that opens the sentence has the subject after its phrase. */
function openingParticipleSubject(ctx: Ctx, i: number): Mention | null {
  const { tokens } = ctx;
  const first = ctx.doc.sentences[tokens[i].sentence].first;
  if (i !== first || !/ing$/.test(tokens[i].key)) return null;
  for (let k = i + 1; k < tokens.length && k - i <= 20 && tokens[k].sentence === tokens[i].sentence; k++) {
    if (tokens[k].key !== ',') continue;
    const m = partyAt(ctx, k + 1);
    return m?.actor && !ctx.placeOnly.has(m) ? m : null;
  }
  return null;
}

/**
 * "Putin and Bush, meeting in Bratislava, agreed …": a participle phrase set off by commas between a party and its
 * verb is that party's act (the tagger may read the participle as a noun).
 */
function insertedParticiple(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const prev = prevWord(tokens, i);
  if (!/ing$/.test(tokens[i].key) || prev?.key !== ',') return false;
  const subject = ctx.byLast.get(prev.i - 1);
  if (!subject?.actor || ctx.placeOnly.has(subject) || ctx.weak.has(subject)) return false;
  for (let k = i + 1; k < tokens.length && k - i <= 12 && tokens[k].sentence === tokens[i].sentence; k++) {
    if (tokens[k].key !== ',') continue;
    const verb = tokens[nextWordIndex(tokens, k)];
    return !!verb && ['VERB', 'AUX'].includes(verb.pos) && !/ing$/.test(verb.key);
  }
  return false;
}

/** "South Africa filed a case at the ICJ accusing Israel of genocide": an accusing participle after the clause's object is the subject's. */
function trailingAllegation(ctx: Ctx, i: number): boolean {
  const prev = prevWord(ctx.tokens, i);
  return /ing$/.test(ctx.tokens[i].key) && ctx.doc.lexicon.cues.alleging.includes(ctx.tokens[i].lemma) && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN' || !!ctx.inDate[prev?.i ?? -1])
    && !!prev && !ctx.byLast.has(prev.i) && clauseVerb(ctx, i) !== null;
}

/**
 * "accused neighbouring Benin of allowing foreign troops to train jihadists": what an accusation says was done is
 * alleged, not asserted (the accusation is coded from its own verb).
 */
function inAllegation(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const first = ctx.doc.sentences[tokens[i].sentence].first;
  for (let k = i - 1; k > first && i - k <= 14; k--) {
    const t = tokens[k];
    if ([',', ';', ':'].includes(t.key) || (t.pos === 'VERB' && !/ing$/.test(t.key) && prevWord(tokens, k)?.key !== 'to' && !ACCUSING.has(t.lemma))) return false;
    if (t.key !== 'of' || k === i - 1) continue;
    // (past what describes the accused: "accused neighbouring Benin of")
    const accused = ctx.byLast.get(prevWord(tokens, k)?.i ?? -1);
    let verb = accused && prevWord(tokens, accused.first);
    while (verb && ['DET', 'ADJ'].includes(verb.pos)) verb = prevWord(tokens, verb.i);
    return !!verb && ACCUSING.has(verb.lemma);
  }
  return false;
}
const ACCUSING = new Set(['accuse', 'suspect', 'charge', 'convict']);

/** "…, killing one person and arresting 12": a participle after "and" that joins one after a comma shares its subject. */
function coordinatedParticiple(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const and = prevWord(tokens, i);
  if (and?.key !== 'and') return false;
  for (let k = and.i - 1; k >= 0 && and.i - k <= 6 && tokens[k].sentence === tokens[i].sentence; k--) {
    if (tokens[k].key === ',') return false;
    if (/ing$/.test(tokens[k].key) && ['VERB', 'NOUN'].includes(tokens[k].pos)) return prevWord(tokens, k)?.key === ',';
  }
  return false;
}

/** The finite verb of the clause a participle after a comma belongs to ("Burkina Faso suspended RFI, accusing it of …"). */
function clauseVerb(ctx: Ctx, i: number): number | null {
  const { tokens } = ctx;
  const first = ctx.doc.sentences[tokens[i].sentence].first;
  // (not in a sentence that opens with a quotation mark: its first verb is inside the quotation)
  if (/^[“”"«»„]$/.test(tokens[first].text)) return null;
  for (let k = first; k < i; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' && !/ing$/.test(t.key) && prevWord(tokens, k)?.key !== 'to') return k;
  }
  return null;
}

/**
 * "Police said gunmen attacked a bus, killing five", "since a canopy collapsed in November, killing 15 people": the
 * finite verb nearest before an act's participle, other than one of speech, whose subject did it.
 */
function nearestActVerb(ctx: Ctx, i: number): number | null {
  const { tokens } = ctx;
  const first = ctx.doc.sentences[tokens[i].sentence].first;
  for (let k = i - 1; k >= first; k--) {
    const t = tokens[k];
    if (/^[“”"«»„]$/.test(t.text)) return null;
    if (t.pos === 'VERB' && !/ing$/.test(t.key) && prevWord(tokens, k)?.key !== 'to') return isStatementVerb(ctx, t) ? null : k;
  }
  return null;
}

/**
 * "demanded that Israel ease restrictions", "its call that Serbia align": a verb in its base form in a clause that a
 * demand or an appeal governs is what was asked for, not an act done (the request is coded from the governing word).
 */
function isMandated(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.key !== t.lemma) return false;
  for (let k = i - 1, words = 0; k >= 0 && words <= 8; k--) {
    const w = tokens[k];
    if (w.space) continue;
    if (w.key === 'that') {
      let before = prevWord(tokens, k);
      while (before && (ctx.inDate[before.i] || before.pos === 'ADV')) before = prevWord(tokens, before.i);
      return !!before && ctx.doc.lexicon.grammar.mandativeWords.has(before.lemma);
    }
    if (w.pos === 'PUNCT' || w.pos === 'VERB' || w.pos === 'AUX') return false;
    words++;
  }
  return false;
}

/** "Russia must withdraw", "Iran should not enrich": an act demanded of someone, not done. */
function isObliged(ctx: Ctx, i: number): boolean {
  const { negation, obligationModals } = ctx.doc.lexicon.grammar;
  let prev = prevWord(ctx.tokens, i);
  while (prev && negation.has(prev.key)) prev = prevWord(ctx.tokens, prev.i);
  return !!prev && obligationModals.has(prev.key);
}

/** "will send", "would not recognise", "plans to impose": an act intended, not done; "offered to send", "is ready to host": promised. */
function isIntent(ctx: Ctx, i: number): 'intent' | 'commitment' | null {
  const { tokens } = ctx;
  const { negation, intentModals, intentGovernors, commitmentGovernors } = ctx.doc.lexicon.grammar;
  let prev = prevWord(tokens, i);
  while (prev && negation.has(prev.key)) prev = prevWord(tokens, prev.i);
  if (!prev) return null;
  if (intentModals.has(prev.key)) return 'intent';
  if (prev.key !== 'to') return null;
  let governor = prevWord(tokens, prev.i);
  // ("announced plans on Monday to build": a date between)
  while (governor && (ctx.inDate[governor.i] || (['on', 'in', 'at'].includes(governor.key) && ctx.inDate[nextWordIndex(tokens, governor.i)]))) governor = prevWord(tokens, governor.i);
  if (!governor || !intentGovernors.has(governor.key)) return null;
  return commitmentGovernors.has(governor.key) ? 'commitment' : 'intent';
}

/** "failed to reach", "declined to resign": the infinitive's act was not done, by the subject's failure or choice. */
function isFailed(ctx: Ctx, i: number): boolean {
  const to = prevWord(ctx.tokens, i);
  const governor = to?.key === 'to' ? prevWord(ctx.tokens, to.i) : undefined;
  return !!governor && ctx.doc.lexicon.grammar.failureGovernors.has(governor.key);
}

/** CAMEO's "refuse to" or "reject" code (12) for the cooperation refused. */
function refusalCameo(type: PloverType, mode: string | null): string {
  switch (type) {
    case 'RETREAT': return ({ release: '1243', access: '1245', resign: '1231', withdraw: '1246', ceasefire: '1246', disarm: '1246', ease: '1244' } as Record<string, string>)[mode ?? ''] ?? '124';
    case 'CONCEDE': return '124';
    case 'CONSULT': return '125';
    case 'COOPERATE': return '121';
    case 'AID': return '122';
    default: return '120';
  }
}

/** CAMEO's "express intent to" code for each RETREAT mode. */
const RETREAT_INTENT_CAMEO: Record<string, string> = { release: '0353', access: '0355', resign: '0341', withdraw: '0356', ceasefire: '0356', disarm: '0356', ease: '0354' };
/** The retreats the manual lists among CONCEDE's promises: declared ceasefires, withdrawals, eased restrictions. */
const ANNOUNCED_CONCESSIONS = new Set(['withdraw', 'ceasefire', 'disarm', 'ease']);

/**
 * PLOVER on intended acts: cooperation promised (CONSULT, SUPPORT, COOPERATE, AID in the future) is AGREE; force
 * or coercion promised is THREATEN, its mode the threat's content. A ceasefire, withdrawal or easing merely
 * announced ("will withdraw") is CONCEDE, as the manual lists them; one offered or promised ("ready to withdraw",
 * "pledged to lift") is AGREE, its definition's "offer, promise, or otherwise indicate willingness", and so is a
 * release, return or access announced ("will free 150 prisoners"), as cameo2plover and PLOVER's own example
 * sentences code them. CAMEO codes from its 03 (intent to cooperate) and 13 (threaten) families.
 */
function intended(type: PloverType, mode: string | null, committed: boolean): { type: PloverType; mode: string | null; cameo: string } | null {
  switch (type) {
    case 'CONSULT': return { type: 'AGREE', mode: null, cameo: '036' };
    case 'SUPPORT': return { type: 'AGREE', mode: null, cameo: '032' };
    case 'COOPERATE': return { type: 'AGREE', mode: null, cameo: '031' };
    case 'AID': return { type: 'AGREE', mode: null, cameo: '033' };
    case 'RETREAT': {
      const cameo = RETREAT_INTENT_CAMEO[mode ?? ''] ?? '035';
      return { type: committed || !ANNOUNCED_CONCESSIONS.has(mode ?? '') ? 'AGREE' : 'CONCEDE', mode: null, cameo };
    }
    case 'CONCEDE': return committed ? { type: 'AGREE', mode: null, cameo: '035' } : null;
    case 'ASSAULT': return { type: 'THREATEN', mode: 'violence', cameo: '138' };
    // boycotts and strikes are among the restrictions the manual lists as THREATEN's content
    case 'PROTEST': return { type: 'THREATEN', mode: 'restrict', cameo: '133' };
    case 'COERCE': return mode === 'arrest' ? { type: 'THREATEN', mode: 'arrest', cameo: '137' } : { type: 'THREATEN', mode: 'restrict', cameo: '132' };
    case 'SANCTION':
      return mode === 'expel' ? { type: 'THREATEN', mode: 'expel', cameo: '136' }
        : mode === 'withdraw' ? { type: 'THREATEN', mode: 'relations', cameo: '1313' }
        : { type: 'THREATEN', mode: 'restrict', cameo: '1312' };
    default: return null;
  }
}

function isNegated(ctx: Ctx, i: number, sentenceFirst: number): boolean {
  // ("were not allowed to hold a rally", "did not want to attack": an infinitive under a negated verb is not done)
  const to = prevWord(ctx.tokens, i);
  const governor = to?.key === 'to' ? governingVerb(ctx, i) : null;
  if (governor && governor.i === prevWord(ctx.tokens, to!.i)?.i && !ctx.triggers.has(governor.i) && isNegated(ctx, governor.i, sentenceFirst)) return true;
  for (let k = i - 1; k >= sentenceFirst && k >= i - 4; k--) {
    const t = ctx.tokens[k];
    // ("Gunmen of no known group killed …": "no" before a noun negates the noun, not the verb)
    const determiner = t.key === 'no' && ['ADJ', 'NOUN'].includes(ctx.tokens[k + 1]?.pos ?? '') && k + 1 < i;
    if ((ctx.doc.lexicon.grammar.negation.has(t.key) && !determiner) || (t.key === 'longer' && ctx.tokens[k - 1]?.key === 'no')) return true;
    if (t.pos === 'VERB' || t.pos === 'PUNCT' || ctx.byLast.has(k)) break;
  }
  return negativeSubject(ctx, i, sentenceFirst);
}

/** "no European or NATO country would send soldiers to fight in Ukraine", "neither side has attacked": a subject that names no one. */
function negativeSubject(ctx: Ctx, i: number, sentenceFirst: number): boolean {
  const { tokens } = ctx;
  const governor = prevWord(tokens, i)?.key === 'to' ? governingVerb(ctx, i) : null;
  let k = (governor ? governor.i : i) - 1;
  while (k >= sentenceFirst && (tokens[k].space || ['AUX', 'ADV', 'PART'].includes(tokens[k].pos))) k--;
  for (let steps = 0; k >= sentenceFirst && steps < 8; k--, steps++) {
    const t = tokens[k];
    // (opening the phrase: in "Gunmen of no known group killed" it negates the group, not the act)
    if (NEGATIVE_DETERMINERS.has(t.key)) return !inNounPhrase(prevWord(tokens, k) ?? t) || k === sentenceFirst;
    if (!(t.space || inNounPhrase(t) || ['or', 'and', 'nor'].includes(t.key))) return false;
  }
  return false;
}
const NEGATIVE_DETERMINERS = new Set(['no', 'neither', 'none']);

/** "in Ankara" in the trigger's sentence, nearest to it; else the dateline. */
function locationOf(ctx: Ctx, i: number): Place | null {
  const { tokens, doc } = ctx;
  const sentence = tokens[i].sentence;
  const inSentence = doc.mentions.filter((m) => m.place && m.sentence === sentence && LOCATING.has(tokens[locativeBefore(ctx, m.first)]?.key ?? ''));
  const best = nearest(inSentence, i);
  if (best) return best.place;
  return doc.mentions.find((m) => m.place && isDateline(doc, m))?.place ?? null;
}

/** "YEREVAN, March 16 —", "BANGKOK, Oct 30 (AFP) —": the place in capitals that opens the article. */
function isDateline(doc: Doc, m: Mention): boolean {
  return m.first <= 1 && doc.tokens[m.last + 1]?.key === ',' && /^[\p{Lu}\s.'-]+$/u.test(m.text);
}

const PEOPLE_AFFECTED = new Set(['ASSAULT', 'COERCE', 'AID']);
/** CAMEO codes of territory blockaded or taken, which is no act on the taker's own people */
const TERRITORIAL = new Set(['191', '192']);
/** the acts a state's own bodies do to its own people, by the sectors of the bodies (a release, by its mode: "freed more than 9,000 prisoners") */
const DOMESTIC_BY: Partial<Record<string, Set<string>>> = { COERCE: new Set(['GOV', 'COP', 'JUD', 'MIL']), ACCUSE: new Set(['JUD', 'COP']), release: new Set(['GOV', 'COP', 'JUD', 'MIL']) };
/** parties named with no country that a state's bodies act on at home are its own ("an opposition party", "the Muslim Brotherhood") */
const DOMESTIC_PARTIES = new Set(['OPP', 'PTY', 'CVL', 'REB', 'MED']);

/** The object from `j` is people of no named party: "more than 100 people", "137 schoolchildren", "hundreds of villagers". */
function peopleObject(ctx: Ctx, j: number): boolean {
  const { tokens } = ctx;
  for (let k = j; k < tokens.length && k - j <= 6; k++) {
    const t = tokens[k];
    if (ctx.byFirst.has(k)) return false;
    if (ctx.doc.lexicon.grammar.peopleNouns.has(t.key) || (t.pos === 'NOUN' && ctx.doc.lexicon.grammar.peopleNouns.has(t.lemma))) return true;
    // ("two aid workers", "dozens of market traders": a noun may modify the people noun)
    if (!(['NUM', 'ADJ', 'DET', 'ADV', 'NOUN'].includes(t.pos) || t.key === 'of' || t.key === 'than' || (t.key === 'at' && ['least', 'most'].includes(tokens[k + 1]?.key ?? '')))) return false;
  }
  return false;
}

/** The subject of the verb at `i` is people of no named party ("Thousands of people protested"). */
function isPeopleSubject(ctx: Ctx, i: number, sentenceFirst: number): boolean {
  const { tokens } = ctx;
  let k = i - 1;
  while (k > sentenceFirst && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV' || tokens[k].space || ctx.inDate[k])) k--;
  return tokens[k]?.pos === 'NOUN' && (ctx.doc.lexicon.grammar.peopleNouns.has(tokens[k].key) || ctx.doc.lexicon.grammar.peopleNouns.has(tokens[k].lemma));
}

/** The subject of the verb at `i` is a weapon or a blast ("A car bomb killed", "the explosion wounded"). */
function isWeaponSubject(ctx: Ctx, i: number, sentenceFirst: number): boolean {
  return ctx.doc.lexicon.grammar.weaponNouns.has(subjectNoun(ctx, i, sentenceFirst)?.lemma ?? '');
}

/** The common noun right before the verb at `i`, past where it happened ("A minefield explosion near the town of Samarra killed", "Floods in Pakistan have killed"). */
function subjectNoun(ctx: Ctx, i: number, sentenceFirst: number): Token | undefined {
  const { tokens } = ctx;
  let k = i - 1;
  while (k > sentenceFirst && (tokens[k].pos === 'AUX' || tokens[k].pos === 'ADV' || tokens[k].space)) k--;
  const place = ctx.byLast.get(k);
  if (place && (ctx.placeOnly.has(place) || place.actor?.kind === 'state') && LOCATING.has(tokens[locativeBefore(ctx, place.first)]?.key ?? '')) k = locativeBefore(ctx, place.first) - 1;
  // (a capitalised first word may be tagged a name: "Floods in Pakistan …")
  return tokens[k]?.pos === 'NOUN' || (opensSentence(tokens, k, sentenceFirst) && tokens[k]?.pos === 'PROPN') ? tokens[k] : undefined;
}

/** Whether token `k` is the first word of its sentence, or the first after a dateline ("ISLAMABAD, Aug 5 (AFP) - Floods …"). */
function opensSentence(tokens: Token[], k: number, sentenceFirst: number): boolean {
  return k === sentenceFirst || ['-', '—', '–'].includes(prevWord(tokens, k)?.key ?? '');
}

const LOCATING = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'through', 'across']);
/** The word before a place and its modifiers: "in" in "in eastern Beirut", "outside (of) the Iraqi city of Basra". */
function locativeBefore(ctx: Ctx, first: number): number {
  const { tokens } = ctx;
  // ("in Sudan’s El Gezira state": a possessor before the place)
  const beforeModifiers = (k: number): number => {
    const from = k;
    while (k > 0 && k >= from - 5 && (['DET', 'ADJ'].includes(tokens[k].pos) || (tokens[k].cap && tokens[k].pos === 'PROPN') || ["'s", "'"].includes(tokens[k].key))) k--;
    return k;
  };
  let k = beforeModifiers(first - 1);
  if (tokens[k]?.key === 'of' && ctx.doc.lexicon.grammar.areaNouns.has(tokens[k - 1]?.lemma ?? '')) {
    // ("in Tunisia's port city of Sfax": nouns before the word for the area)
    let a = k - 2;
    while (a >= k - 4 && tokens[a]?.pos === 'NOUN') a--;
    k = beforeModifiers(a);
  }
  // ("in the Somali capital Mogadishu": the word for the place in apposition before its name)
  else if (tokens[k]?.pos === 'NOUN' && ctx.doc.lexicon.grammar.areaNouns.has(tokens[k].lemma)) k = beforeModifiers(k - 1);
  if (tokens[k]?.key === 'of' && LOCATING.has(tokens[k - 1]?.key ?? '')) k--;
  return k;
}

function sameParty(a: Actor | null, speaker: Actor | null, group: Mention[]): boolean {
  if (!a || !speaker) return false;
  const of = (x: Actor) => x.country ?? x.id;
  return of(a) === of(speaker) || group.some((m) => m.actor && of(m.actor) === of(speaker));
}

/** The state of a country place (its id is the country's code). */
function stateOf(place: Place): Actor {
  return stateActor(place.id, place.name);
}
