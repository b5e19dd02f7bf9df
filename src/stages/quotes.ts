// Quotes: who said what. Direct quotes in any quotation marks (also across paragraphs), partial
// quotes embedded in the reporter's sentence, and reported speech ("X said that …"), each with its
// cue and speaker. Scare quotes, names and titles in quotation marks are not speech.
import { genderOf } from '../lexicon/compile.js';
import type { Cues } from '../lexicon/schema.js';
import type { Actor } from '../model/analysis.js';
import type { Doc, DocQuote, Mention } from '../pipeline/doc.js';
import { nextToken, type Token } from '../text/tokenize.js';

interface Marked {
  /** offsets of the content, without the marks */
  start: number;
  end: number;
  open: number;
  /** offset of the closing mark, or -1 where the paragraph ended first */
  close: number;
  /** the quote goes on in the next paragraph, or came from the previous one */
  continues: boolean;
  continued: boolean;
}

const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’', "'": "'" };
const SINGLE = new Set(['‘', "'"]);
/** any key of OPEN_TO_CLOSE */
const OPENING_MARK = /[“«„"‘']/g;

/** The last scan: mentions and quotes both read the same article's marks (callers only read them). */
let lastScan: { text: string; marks: Marked[] } | undefined;

/** Top-level quotations (nested single quotes stay inside their double quote). */
export function findQuotationMarks(text: string): Marked[] {
  if (lastScan?.text === text) return lastScan.marks;
  const out: Marked[] = [];
  const paragraphs = splitParagraphs(text);
  let carry = false; // a double quote left open at the end of the previous paragraph
  for (const [pStart, pEnd] of paragraphs) {
    let i = pStart;
    let continued = false;
    if (carry) {
      // the convention for multi-paragraph quotes: the next paragraph opens again
      const first = text.slice(pStart, pEnd).search(/\S/);
      continued = first >= 0 && '“"«„'.includes(text[pStart + first]);
    }
    carry = false;
    while (i < pEnd) {
      // (jump to the next quotation mark: most characters are none)
      OPENING_MARK.lastIndex = i;
      const found = OPENING_MARK.exec(text);
      if (!found || found.index >= pEnd) break;
      i = found.index;
      const ch = text[i];
      if (!isOpening(text, i, pStart)) {
        i++;
        continue;
      }
      const closeCh = OPEN_TO_CLOSE[ch];
      const close = findClose(text, i + 1, pEnd, ch, closeCh);
      if (close < 0) {
        if (SINGLE.has(ch)) {
          i++;
          continue;
        }
        // unclosed: the quote ends with its paragraph; it goes on if the next paragraph reopens
        const end = trimEnd(text, i + 1, pEnd);
        out.push({ start: i + 1, end, open: i, close: -1, continues: true, continued });
        carry = true;
        break;
      }
      out.push({ start: i + 1, end: close, open: i, close, continues: false, continued });
      continued = false;
      i = close + 1;
    }
  }
  // an unclosed quote that the next paragraph did not reopen simply ended there
  for (let n = 0; n < out.length; n++) if (out[n].continues && !out[n + 1]?.continued) out[n].continues = false;
  lastScan = { text, marks: out };
  return out;
}

function splitParagraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n\s*\n/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to;
}

const isLetter = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

function isOpening(text: string, i: number, pStart: number): boolean {
  const ch = text[i];
  const before = i > pStart ? text[i - 1] : ' ';
  const after = text[i + 1];
  if (ch === "'" || ch === '’') return !isLetter(before) && isLetter(after);
  if (ch === '"') return !isLetter(before) && !!after && !/\s/.test(after);
  if (ch === '‘') return !isLetter(before);
  return true;
}

/** The matching closing mark, skipping apostrophes ("Armenia’s") and nested quotes. */
function findClose(text: string, from: number, to: number, open: string, close: string): number {
  for (let j = from; j < to; j++) {
    const c = text[j];
    if (c === close && !(close === '’' && isLetter(text[j - 1]) && isLetter(text[j + 1])) && !(close === "'" && isLetter(text[j - 1]) && isLetter(text[j + 1]))) {
      if ((close === '"' || close === "'") && j === from) continue;
      return j;
    }
    // a nested double quote of another style: skip over it
    if (!SINGLE.has(open) && (c === '‘' || (c === "'" && !isLetter(text[j - 1])))) {
      const nested = findClose(text, j + 1, to, c, OPEN_TO_CLOSE[c]);
      if (nested > 0) j = nested;
    }
  }
  return -1;
}

interface Cue {
  first: number;
  last: number;
}

interface Ctx extends CueSets {
  doc: Doc;
  tokens: Token[];
  pronouns: Record<string, string>;
  marks: Marked[];
  /** the article's mentions by first and by last token, in document order (lookups at a position stay cheap in long articles) */
  byFirst: Map<number, Mention[]>;
  byLast: Map<number, Mention[]>;
}

function byPosition(mentions: Mention[], key: (m: Mention) => number): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = out.get(key(m));
    if (list) list.push(m);
    else out.set(key(m), [m]);
  }
  return out;
}

/** The first mention starting (or ending) at token `i` that satisfies `test`, in document order. */
const startingAt = (ctx: Ctx, i: number, test: (m: Mention) => boolean = () => true): Mention | undefined => ctx.byFirst.get(i)?.find(test);
const endingAt = (ctx: Ctx, i: number, test: (m: Mention) => boolean = () => true): Mention | undefined => ctx.byLast.get(i)?.find(test);
const hasActor = (m: Mention): boolean => !!m.actor;

/** The first mention with an actor that starts inside `m` and runs on past it. */
function overlapping(ctx: Ctx, m: Mention): Mention | undefined {
  for (let k = m.first + 1; k <= m.last; k++) {
    const x = startingAt(ctx, k, (y) => !!y.actor && y.last > m.last);
    if (x) return x;
  }
  return undefined;
}

/** The first mention with an actor that covers token `i` (mentions are at most a few dozen tokens long). */
function covering(ctx: Ctx, i: number): Mention | undefined {
  for (let k = Math.max(0, i - 40); k <= i; k++) {
    const x = startingAt(ctx, k, (y) => !!y.actor && y.last >= i);
    if (x) return x;
  }
  return undefined;
}

interface CueSets {
  verbs: Set<string>;
  phrases: string[][];
  documents: Set<string>;
  collectiveDocuments: Set<string>;
  reporting: Set<string>;
  characterizing: Set<string>;
  contentNouns: Set<string>;
}

const cueSetsByLexicon = new WeakMap<Cues, CueSets>();

/** The stems a past form may come from ("alleged" → "allege", "claimed" → "claim"), for one the tagger did not read as a verb. */
export function pastStems(t: Token): string[] {
  return [t.key.slice(0, -1), t.key.slice(0, -2)];
}

/** The cue lists as sets, built once per lexicon. */
export function cueSets(cues: Cues): CueSets {
  let sets = cueSetsByLexicon.get(cues);
  if (!sets) {
    sets = {
      verbs: new Set(cues.verbs), phrases: cues.phrases.map((p) => p.split(/\s+/)), documents: new Set(cues.documents),
      collectiveDocuments: new Set(cues.collective_documents), reporting: new Set(cues.reporting), characterizing: new Set(cues.characterizing),
      contentNouns: new Set(cues.content_nouns),
    };
    cueSetsByLexicon.set(cues, sets);
  }
  return sets;
}

export function quotesStage(doc: Doc): void {
  const cues = doc.lexicon.cues;
  const ctx: Ctx = {
    doc, tokens: doc.tokens, ...cueSets(cues), pronouns: cues.pronouns, marks: findQuotationMarks(doc.text),
    byFirst: byPosition(doc.mentions, (m) => m.first), byLast: byPosition(doc.mentions, (m) => m.last),
  };
  // quotes are added as they are found: a pronoun's antecedent may be the previous speaker
  doc.quotes = [];
  let previous: DocQuote | null = null;
  const { marks } = ctx;
  for (let n = 0; n < marks.length; n++) {
    const q = directQuote(ctx, marks[n], marks, n, previous);
    if (q) {
      doc.quotes.push(q);
      previous = q;
    }
  }
  // a quote that runs on into the next paragraph is attributed where it ends
  for (let n = doc.quotes.length - 2; n >= 0; n--) {
    const q = doc.quotes[n];
    const next = doc.quotes[n + 1];
    const mark = marks.find((m) => m.start === q.start);
    if (!q.speaker && mark?.continues && next.speaker) doc.quotes[n] = { ...q, speaker: next.speaker, cue: next.cue };
  }
  doc.quotes.push(...reportedSpeech(ctx, marks));
  doc.quotes.sort((a, b) => a.start - b.start);
  // (after the reported speech: the interviewee may only have been reported before the questions begin)
  doc.quotes.push(...interviewAnswers(ctx));
  doc.quotes.sort((a, b) => a.start - b.start);
}

/**
 * An interview printed as questions and answers: a paragraph opening with "A:" after one opening with "Q:" (or after
 * another answer) is the interviewee's, who is the last speaker quoted before the questions began.
 */
function interviewAnswers(ctx: Ctx): DocQuote[] {
  const { doc } = ctx;
  const out: DocQuote[] = [];
  let interviewee: DocQuote['speaker'] = null;
  let previous = '';
  for (const [pStart, pEnd] of splitParagraphs(doc.text)) {
    const label = /^\s*([QA]):\s*/.exec(doc.text.slice(pStart, pEnd))?.[1] ?? '';
    if (label === 'Q' && previous !== 'Q' && previous !== 'A') interviewee = doc.quotes.findLast((q) => q.start < pStart && q.speaker?.actor)?.speaker ?? null;
    if (label === 'A' && (previous === 'Q' || previous === 'A') && interviewee) {
      const colon = doc.text.indexOf(':', pStart);
      let start = colon + 1;
      while (/\s/.test(doc.text[start])) start++;
      const end = trimEnd(doc.text, start, pEnd);
      const first = tokenAt(ctx, start);
      const sentence = ctx.tokens[first].sentence;
      out.push({ start, end, text: doc.text.slice(start, end), direct: true, partial: false, cue: { start: colon - 1, end: colon + 1, text: doc.text.slice(colon - 1, colon + 1) },
        speaker: interviewee, sentence, sentences: [sentence, ctx.tokens[tokenAt(ctx, end - 1)].sentence] });
    }
    previous = label;
  }
  return out;
}

function tokenAt(ctx: Ctx, offset: number): number {
  const { tokens } = ctx;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
// ("Fitna al-Khawarij": a lower-case particle joined to a capitalised name)
const titleCaseWords = (s: string): boolean => s.trim().split(/\s+/).every((w) => /^[\p{Lu}\d‘'"(]/u.test(w) || /^(of|the|and|for|in|on|a|to|de|al)$/.test(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w));

function directQuote(ctx: Ctx, m: Marked, all: Marked[], n: number, previous: DocQuote | null): DocQuote | null {
  const { doc, tokens } = ctx;
  const content = doc.text.slice(m.start, m.end);
  const openTok = tokenAt(ctx, m.open);
  const closeTok = m.close >= 0 ? tokenAt(ctx, m.close) : tokenAt(ctx, m.end - 1);
  const sentence = tokens[openTok].sentence;

  const after = m.close >= 0 ? cueAfter(ctx, closeTok) : null;
  const before = cueBefore(ctx, openTok);
  // "dismissed the accusations as “unfounded”": a few words that are the subject's own
  // ("welcomed the deal as “an example of how neighbours should settle their disputes”": after "as", a longer phrase)
  const afterAs = tokens[openTok - 1]?.key === 'as';
  const characterized = !after && !before?.direct && words(content) <= (afterAs ? 12 : 6) && !titleCaseWords(content) && /^\p{Ll}/u.test(content.trim()) ? characterization(ctx, openTok) : null;
  const attribution = after ?? characterized ?? before ?? colonSubject(ctx, openTok);
  const startsSentence = isSentenceStart(ctx, openTok);
  const fullSentence = /^[\p{Lu}\d]/u.test(content.trim()) && words(content) >= 5;
  const continuing = m.continued && previous !== null;

  // a name, title or term in quotation marks is not speech
  const titleCase = titleCaseWords(content);
  const run = !attribution && !continuing && previous !== null && isPreviousRun(ctx, previous, m, all, n);
  if (!attribution && !continuing && !fullSentence && !run) return null;
  // a name in marks: "the “Zangezur corridor”", "the “Galaxy Leader”", or a dictionary name
  const nameLike = words(content) <= 4 && /^\p{Lu}/u.test(content.trim()) && ['the', 'a', 'an'].includes(tokens[openTok - 1]?.key ?? '');
  const isMention = ctx.doc.mentions.some((x) => x.start <= m.start + 1 && x.end >= trimEnd(doc.text, m.start, m.end) - 1 && x.end - x.start >= (m.end - m.start) * 0.6);
  if (!run && words(content) <= 4 && (nameLike || isMention)) return null;
  // a word or two in marks is speech only when a cue introduces it directly, or when a speaker's
  // sentence embeds it and nothing names it as a term ("the so-called …", "dubbed …", "as …")
  const naming = ctx.doc.lexicon.grammar.naming.has(tokens[openTok - 1]?.key ?? '');
  // a name of any length inside a sentence, after an article or a naming word, is a name whatever the cue
  // ("what Trump called a “Riviera of the Middle East”", "dubbed the “Trump Route for International Peace and Prosperity”")
  if (!run && titleCase && !startsSentence && (naming || ['the', 'a', 'an'].includes(tokens[openTok - 1]?.key ?? ''))) return null;
  if (words(content) <= 3 && !characterized && !(attribution && (after || before?.direct || (words(content) >= 2 && !naming && !titleCaseWords(content))))) return null;
  if (titleCase && words(content) <= 6 && !attribution) return null;

  const partial = !startsSentence && !/^[\p{Lu}]/u.test(content.trim());
  let speaker: DocQuote['speaker'] = null;
  let cue: DocQuote['cue'] = null;
  if (attribution) {
    cue = span(ctx, attribution.cue.first, attribution.cue.last);
    speaker = attribution.speaker;
  }
  if (!speaker && continuing) speaker = previous!.speaker;
  if (!speaker && !attribution) {
    // "…,” he added. — the cue in the next sentence
    const next = cueInNextSentence(ctx, closeTok, previous);
    if (next) {
      cue = span(ctx, next.cue.first, next.cue.last);
      speaker = next.speaker;
    }
  }
  if (!speaker && run) speaker = previous!.speaker;
  // "He added that the aircraft had filmed it. “We will release the footage.”": the speaker of the sentence before
  if (!speaker && !attribution && !continuing && startsSentence) speaker = reportingSentenceBefore(ctx, openTok);
  if (!speaker && !attribution && !continuing && !fullSentence) return null;
  const endTrim = trimEnd(doc.text, m.start, m.end);
  return {
    start: m.start, end: endTrim, text: doc.text.slice(m.start, endTrim), direct: true, partial, cue, speaker,
    sentence, sentences: [sentence, tokens[closeTok].sentence],
  };
}

/**
 * The subject of a verb of speech in the sentence before `openTok`, in its paragraph; a sentence that quotes someone
 * before its verb of speech gives none (whose words the quote continues is then unclear).
 */
function reportingSentenceBefore(ctx: Ctx, openTok: number): DocQuote['speaker'] {
  const { tokens, doc } = ctx;
  const s = doc.sentences[tokens[openTok].sentence - 1];
  if (!s || tokens[s.first].paragraph !== tokens[openTok].paragraph) return null;
  for (let k = s.first; k <= s.last; k++) {
    if (withinMarks(ctx, tokens[k])) return null;
    if (tokens[k].pos !== 'VERB' || !ctx.verbs.has(tokens[k].lemma)) continue;
    const subject = subjectBefore(ctx, k, s.first);
    if (subject?.actor) return subject;
  }
  return null;
}

/**
 * A quote with no cue of its own continues the previous speaker's run: in the same paragraph
 * ("“…,” X said. “…”"), or alone in the next paragraph right after the previous quote.
 */
function isPreviousRun(ctx: Ctx, previous: DocQuote, m: Marked, _all: Marked[], _n: number): boolean {
  const { tokens } = ctx;
  const p = tokens[tokenAt(ctx, m.open)].paragraph;
  const prevP = tokens[tokenAt(ctx, previous.start)].paragraph;
  if (p === prevP && isSentenceStart(ctx, tokenAt(ctx, m.open))) return true;
  if (p !== prevP + 1) return false;
  // nothing between but the end of the previous quote's own sentence ("…,” she told the BBC.)
  const lastSentence = tokens[tokenAt(ctx, previous.end - 1)].sentence;
  for (let k = tokenAt(ctx, previous.end); k < tokenAt(ctx, m.open); k++) {
    if (!tokens[k].space && tokens[k].sentence !== lastSentence && !/^[”"»’'.,]$/.test(tokens[k].text)) return false;
  }
  return true;
}

function isSentenceStart(ctx: Ctx, tok: number): boolean {
  const s = ctx.doc.sentences[ctx.tokens[tok].sentence];
  return s.first === tok || (s.first === tok - 1 && ctx.tokens[tok - 1].space);
}

function span(ctx: Ctx, first: number, last: number): { start: number; end: number; text: string } {
  const start = ctx.tokens[first].start;
  const end = ctx.tokens[last].end;
  return { start, end, text: ctx.doc.text.slice(start, end) };
}

interface Attribution {
  cue: Cue;
  speaker: DocQuote['speaker'];
  /** the cue introduces the quote directly ("said:", "said that") */
  direct?: boolean;
}

/** Is token i the start of a cue? Returns its last token. */
function cueAt(ctx: Ctx, i: number): number {
  const { tokens } = ctx;
  const t = tokens[i];
  if (!t || t.space) return -1;
  for (const p of ctx.phrases) {
    if (p.every((w, k) => tokens[i + k]?.key === w)) return i + p.length - 1;
  }
  // (the tagger takes some cue verbs for nouns; a noun before "about", "on", "from" … is one: "social media posts about X")
  let next = i + 1;
  while (tokens[next]?.space) next++;
  const nounBeforePreposition = t.pos === 'NOUN' && ['about', 'on', 'from', 'by', 'in', 'at', 'for', 'with'].includes(tokens[next]?.key ?? '');
  if ((t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN') && ctx.verbs.has(t.lemma) && !/ing$/.test(t.key) && !nounBeforePreposition) {
    // "told reporters", "said in a statement": the cue is the verb
    return i;
  }
  return -1;
}

/** “…,” X said | ,” said X | ,” X told reporters | ,” according to X */
function cueAfter(ctx: Ctx, closeTok: number): Attribution | null {
  const { tokens } = ctx;
  let i = closeTok + 1;
  while (tokens[i] && (tokens[i].key === ',' || tokens[i].space)) i++;
  if (!tokens[i] || tokens[i].sentence !== tokens[closeTok].sentence && tokens[closeTok + 1]?.key !== ',') {
    // the closing mark ended the sentence: only a lower-case cue clause may follow on the same line
    if (!tokens[i] || tokens[i].cap) return null;
  }
  // "“…” — Iryna Melnyk, 67, a pensioner": a name after a dash signs the quote
  if (/^[—–]$/.test(tokens[i]?.text ?? '')) {
    let k = i + 1;
    while (tokens[k]?.space) k++;
    const signed = startingAt(ctx, k, (x) => x.actor?.kind === 'person');
    if (signed) return { cue: { first: i, last: i }, speaker: speakerOf(signed) };
  }
  // "it quoted district official X as saying", "the agency quoted X as saying": the one quoted is the speaker
  const quotedAs = quotedAsSaying(ctx, i);
  if (quotedAs) return quotedAs;
  // said X
  const c1 = cueAt(ctx, i);
  if (c1 >= 0) {
    const speaker = speakerAt(ctx, c1 + 1, closeTok);
    if (speaker) return { cue: { first: i, last: c1 }, speaker };
  }
  // ("…,” a senior official in Kyiv said": the indefinite article is no part of the mention)
  if (['a', 'an'].includes(tokens[i]?.key ?? '') && startingAt(ctx, i + 1, hasActor)) i++;
  // X said ("the ministry’s statement said", "the summit communiqué said" too); "council deputy head X
  // told", "Justice Minister X said", "National Maritime Council spokesman X said": words the
  // dictionaries do not know before the mention of the speaker
  if (!startingAt(ctx, i, hasActor)) {
    // ("Lands and Natural Resources Minister X told", "the board’s chief executive, X, told")
    // ("Maj. Gen. X": the full stop of an abbreviated title)
    const abbreviation = (k: number): boolean => tokens[k].key === '.' && tokens[k - 1].cap && tokens[k - 1].text.length <= 4 && tokens[k - 1].end === tokens[k].start;
    const unknown = (k: number): boolean => ['NOUN', 'PROPN', 'ADJ'].includes(tokens[k].pos) || tokens[k].key === 'and' || POSSESSIVES.has(tokens[k].key) || tokens[k].key === '’s' || (k === i && tokens[k].key === 'the') || abbreviation(k);
    for (let k = i; k <= i + 5 && tokens[k] && unknown(k) && cueAt(ctx, k) < 0; k++) {
      if (startingAt(ctx, k + 1, (x) => x.actor?.kind === 'person')) {
        i = k + 1;
        break;
      }
    }
  }
  const doc = documentAt(ctx, i, closeTok);
  // ("…,” the committee said": a body named before)
  const body = bodyNamedBefore(ctx, i);
  // ("…,” the 45-year-old said")
  const aged = sameAge(ctx, i + 4);
  const m = mentionStartingAt(ctx, i) ?? pronounAt(ctx, i, closeTok) ?? (doc ? { last: tokenAt(ctx, doc.end - 1), speaker: doc } : null)
    ?? (body ? { last: i + 1, speaker: body } : null) ?? (aged ? { last: i + 4, speaker: aged } : null);
  // ("…,” his office said")
  const office = m ? null : ownedOffice(ctx, i + 1);
  if (m) {
    let j = m.last + 1;
    // "Antonio Tajani, who hosted the meeting, told …", "the Russian embassy in Tallinn claimed"
    if (tokens[j]?.key === ',') {
      let k = j + 1;
      while (tokens[k] && k - j <= 16 && tokens[k].key !== ',' && tokens[k].sentence === tokens[j].sentence) k++;
      if (tokens[k]?.key === ',' && cueAt(ctx, k + 1) >= 0) j = k;
    } else {
      // "Britain’s ambassador to the IAEA, Corinne Kitsell, told …", "a spokesman for the army said":
      // a phrase without a verb of its own, then maybe the name in apposition, then the cue
      let k = j;
      // ("Qatari Prime Minister and Foreign Minister Sheikh X told": a second title of the same person)
      // (a capitalised name the tagger reads as a verb is still a name: "Aegean Horizon Shipping")
      while (tokens[k] && k - j <= 12 && tokens[k].sentence === tokens[j].sentence && (['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'PART', 'NUM'].includes(tokens[k].pos) || tokens[k].key === 'and' || (tokens[k].cap && tokens[k].pos !== 'PUNCT')) && cueAt(ctx, k) < 0) k++;
      if (k > j && tokens[k]?.key === ',') {
        let e = k + 1;
        while (tokens[e] && e - k <= 8 && tokens[e].key !== ',' && tokens[e].pos !== 'VERB') e++;
        if (tokens[e]?.key === ',' && cueAt(ctx, e + 1) >= 0) k = e;
      }
      if (k > j && cueAt(ctx, k + (tokens[k]?.key === ',' ? 1 : 0)) >= 0) j = k;
    }
    while (tokens[j] && (tokens[j].pos === 'ADV' || tokens[j].key === ',')) j++;
    const c2 = cueAt(ctx, j);
    if (c2 >= 0) return { cue: { first: j, last: c2 }, speaker: m.speaker };
  }
  const c3 = office ? cueAt(ctx, i + 2) : -1;
  if (office && c3 >= 0) return { cue: { first: i + 2, last: c3 }, speaker: office };
  return null;
}

/** "… quoted [title words] X as saying" from i: the cue runs from "quoted" to "saying", and X speaks. */
function quotedAsSaying(ctx: Ctx, i: number): Attribution | null {
  const { tokens } = ctx;
  let q = i;
  while (tokens[q] && q - i <= 8 && tokens[q].key !== 'quoted' && tokens[q].pos !== 'PUNCT') q++;
  if (tokens[q]?.key !== 'quoted') return null;
  for (let k = q + 1; tokens[k] && k - q <= 8 && !['PUNCT', 'VERB'].includes(tokens[k].pos); k++) {
    const m = startingAt(ctx, k, hasActor);
    if (m && tokens[m.last + 1]?.key === 'as' && tokens[m.last + 2]?.key === 'saying') return { cue: { first: q, last: m.last + 2 }, speaker: speakerOf(m) };
  }
  return null;
}

/** X said: “…” | X said that “…” | The statement called on … “to …” */
function cueBefore(ctx: Ctx, openTok: number): Attribution | null {
  const { tokens } = ctx;
  let s = ctx.doc.sentences[tokens[openTok].sentence];
  let j = openTok - 1;
  while (j >= s.first && tokens[j].space) j--;
  // "… the Azerbaijani president said:" closing the previous paragraph
  if (j < s.first) {
    let k = s.first - 1;
    while (k >= 0 && tokens[k].space) k--;
    if (k < 0 || tokens[k].key !== ':') return null;
    s = ctx.doc.sentences[tokens[k].sentence];
    j = k;
  }
  let direct = false;
  if (j >= s.first && (tokens[j].key === ':' || tokens[j].key === ',' || tokens[j].key === 'that')) {
    direct = true;
    j--;
  }
  // the nearest cue before the mark, within the sentence, whose subject we can name
  for (let c = j; c >= s.first && openTok - c <= 40; c--) {
    const last = cueAt(ctx, c);
    if (last < 0 || last > j + 1) continue;
    // a quote mark between the cue and this quote belongs to another quote
    if (ctx.doc.text.slice(tokens[last].end, tokens[openTok].start).match(/[“”«»„]/)) continue;
    const subject = subjectBefore(ctx, c, s.first);
    if (subject && namesHabitually(ctx, c, openTok)) return null;
    if (subject) return { cue: { first: c, last }, speaker: subject, direct: direct || last === j };
  }
  return null;
}

/**
 * A quote after a colon that closes a clause with no verb of speech ("Valianos was blunt: “…”", "Aydın had a different
 * view: “…”", "X’s reply came within the hour: “…”", "His verdict: “…”"): the words are those of the clause's subject.
 */
function colonSubject(ctx: Ctx, openTok: number): Attribution | null {
  const { tokens, doc } = ctx;
  let colon = openTok - 1;
  while (colon >= 0 && tokens[colon].space) colon--;
  if (tokens[colon]?.key !== ':') return null;
  const s = doc.sentences[tokens[colon].sentence];
  const first = clauseStart(ctx, s);
  const cue = { first: colon, last: colon };
  // ("His verdict:", "Her answer was short:")
  const owner = OWNER_KINDS[tokens[first]?.key ?? ''];
  if (owner && tokens[first + 1]?.pos === 'NOUN') {
    const actor = antecedent(ctx, first, owner);
    return actor ? { cue, speaker: { ...span(ctx, first, first), actor }, direct: true } : null;
  }
  // the first party named outside a phrase ("In Ankara, …"), followed by its verb or its possessive, maybe after an apposition
  const subject = doc.mentions.find((m) => {
    if (!m.actor || m.first < first || m.last >= colon || ['ADP', 'VERB'].includes(tokens[m.first - 1]?.pos ?? '') || withinMarks(ctx, m)) return false;
    const next = tokens[afterApposition(ctx, m)];
    return ['VERB', 'AUX'].includes(next?.pos ?? '') || ["'s", '’s'].includes(next?.key ?? '');
  });
  if (!subject) return null;
  return { cue, speaker: speakerOf(subject), direct: true };
}

/**
 * "what it calls a “special military operation”", "Moscow calls the war a “…”", "describes the rebels as “terrorists”", "a
 * scheme officials call the “…”": in the present tense, a term the subject habitually uses, with the article or "as" outside
 * the marks, not words said ("what it calls “blackmail”", "what he called a “mistake”" are its words).
 */
function namesHabitually(ctx: Ctx, verb: number, openTok: number): boolean {
  const { tokens } = ctx;
  let before = openTok - 1;
  while (tokens[before]?.space) before--;
  const v = tokens[verb];
  let w = verb - 1;
  while (tokens[w]?.space) w--;
  // (the plain form is the present only after its subject: not "to call", "would describe")
  const present = v.key !== v.lemma ? v.key.endsWith('s') : !['PART', 'AUX'].includes(tokens[w]?.pos ?? '') && tokens[w]?.key !== 'to';
  return ctx.characterizing.has(v.lemma) && present && ['a', 'an', 'the', 'as'].includes(tokens[before]?.key ?? '');
}

/**
 * The token after mention `m`, past an apposition or a relative clause closed by a comma and past adverbs ("X, 58, had
 * seen", "X, who arrived on Tuesday, welcomed", "Its spokeswoman, X, put"); -1 where no such aside closes.
 */
function afterApposition(ctx: Ctx, m: Mention): number {
  const { tokens } = ctx;
  let k = m.last + 1;
  if (tokens[k]?.key === ',' && !['VERB', 'AUX'].includes(tokens[k + 1]?.pos ?? '')) {
    const relative = ['who', 'which'].includes(tokens[k + 1]?.key ?? '');
    let close = k + 1;
    while (tokens[close] && close - k <= 16 && tokens[close].key !== ',' && tokens[close].sentence === tokens[k].sentence) close++;
    if (tokens[close]?.key !== ',' || (!relative && (close - k > 8 || tokens.slice(k + 1, close).some((t) => t.pos === 'VERB')))) return -1;
    k = close;
  }
  if (tokens[k]?.key === ',') k++;
  while (tokens[k]?.space || tokens[k]?.pos === 'ADV') k++;
  return k;
}

/** The first finite verb of the sentence before a participle ("X requested a meeting, describing …"). */
function clauseVerb(ctx: Ctx, i: number): number | null {
  const { tokens } = ctx;
  for (let k = ctx.doc.sentences[tokens[i].sentence].first; k < i; k++) {
    if (tokens[k].pos === 'VERB' && !/ing$/.test(tokens[k].key) && tokens[k - 1]?.key !== 'to') return k;
  }
  return null;
}

/** The subject of a verb of characterization just before the mark ("Meloni called the incident “…”"). */
function characterization(ctx: Ctx, openTok: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[tokens[openTok].sentence];
  // ("condemned a wave of Israeli airstrikes on military sites south of Damascus as a “…”": the object may be long before "as")
  const reach = tokens[openTok - 1]?.key === 'as' || tokens[openTok - 2]?.key === 'as' ? 14 : 8;
  for (let k = openTok - 1; k >= s.first && openTok - k <= reach; k--) {
    const t = tokens[k];
    if (t.pos === 'PUNCT' && !t.space && !/^[“”"„«»]$/.test(t.text)) return null;
    if (t.pos !== 'VERB' || !ctx.characterizing.has(t.lemma)) continue;
    // "…, describing Thailand’s attacks as “…”": a participle after a comma has its clause's subject
    const participle = /ing$/.test(t.key) && tokens[k - 1]?.key === ',' ? clauseVerb(ctx, k) : null;
    const speaker = subjectBefore(ctx, participle ?? k, s.first);
    return speaker?.actor && !namesHabitually(ctx, k, openTok) ? { cue: { first: k, last: k }, speaker } : null;
  }
  return null;
}

function mentionStartingAt(ctx: Ctx, i: number): { last: number; speaker: NonNullable<DocQuote['speaker']> } | null {
  let m = startingAt(ctx, i, hasActor);
  // a phrase read as two overlapping mentions ("Japanese Chief" + "Chief Cabinet Secretary Yoshimasa Hayashi"): the longer run names the speaker
  for (let next = m; next; next = overlapping(ctx, m!)) m = next;
  return m ? { last: m.last, speaker: speakerOf(m) } : null;
}

function speakerOf(m: Mention): NonNullable<DocQuote['speaker']> {
  return { start: m.start, end: m.end, text: m.text, actor: m.actor };
}

/** The speaker named after a cue: an actor mention, or a pronoun. */
function speakerAt(ctx: Ctx, i: number, before: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens } = ctx;
  while (tokens[i] && (tokens[i].key === ',' || tokens[i].space)) i++;
  // "said a resident of the town": the article is not part of the mention
  if (['a', 'an'].includes(tokens[i]?.key) && !startingAt(ctx, i)) i++;
  const m = covering(ctx, i);
  if (m) return speakerOf(m);
  const body = bodyNamedBefore(ctx, i);
  if (body) return body;
  const named = pronounAt(ctx, i, before)?.speaker ?? documentAt(ctx, i, before);
  if (named) return named;
  // "said Kaduna state’s commissioner for internal security, Ibrahim Danjuma": a role phrase the
  // dictionaries do not know as a whole, then the person
  for (let k = i; k < tokens.length && k - i <= 10; k++) {
    const t = tokens[k];
    // ("said a secondary school teacher in Bamenda": one private person, known by trade)
    const person = startingAt(ctx, k, (x) => x.actor?.kind === 'person') ?? (k > i ? startingAt(ctx, k, (x) => !!x.actor && onePrivate(ctx, x)) : undefined);
    // ("the group's spokesman, Emmanuel Rugira": the name in apposition, whose role says more)
    const inApposition = person && tokens[person.last + 1]?.key === ',' ? startingAt(ctx, person.last + 2, (x) => x.actor?.kind === 'person') : undefined;
    if (person) return speakerOf(inApposition ?? person);
    // ("Lands and Natural Resources Minister X")
    if (!(t.space || ['NOUN', 'PROPN', 'ADJ', 'DET', 'PART'].includes(t.pos) || ['of', 'for', "'s", '’s', 'and'].includes(t.key))) break;
  }
  return null;
}

function pronounAt(ctx: Ctx, i: number, before: number): { last: number; speaker: NonNullable<DocQuote['speaker']> } | null {
  const t = ctx.tokens[i];
  if (!t) return null;
  const kind = ctx.pronouns[t.key];
  if (!kind) return null;
  const actor = antecedent(ctx, before, kind);
  return { last: i, speaker: { start: t.start, end: t.end, text: t.text, actor } };
}

/** The subject of a cue: the actor mention that ends right before it (past adverbs and dates). */
function subjectBefore(ctx: Ctx, cue: number, sentenceFirst: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens, doc } = ctx;
  let j = cue - 1;
  const dateEnds = new Set(doc.dates.map((d) => d.last));
  while (j >= sentenceFirst) {
    const t = tokens[j];
    if (t.space || t.pos === 'ADV' || t.pos === 'AUX' || t.key === 'also') j--;
    else if (dateEnds.has(j)) j = doc.dates.find((d) => d.last === j)!.first - 1;
    // "Médecins Sans Frontières (MSF) said": the acronym in brackets after the name
    else if (t.key === ')' && tokens[j - 2]?.key === '(' && j - 3 >= sentenceFirst) j -= 3;
    else break;
  }
  if (j < sentenceFirst) return null;
  const named = tokens[j].key === ',' ? endingAt(ctx, j - 1, (x) => x.actor?.kind === 'person') : undefined;
  // ("The U.N. agency for Palestinian refugees, known as UNRWA, warned": the name the apposition gives the subject)
  const alias = tokens[j].key === ',' ? endingAt(ctx, j - 1, (x) => !!x.actor && tokens[x.first - 1]?.key === 'as' && tokens[x.first - 2]?.key === 'known' && tokens[x.first - 3]?.key === ',') : undefined;
  if (alias) return speakerOf(alias);
  const head = tokens[j].key === ',' ? apposed(ctx, j, sentenceFirst) : undefined;
  // ("Another driver, a Ugandan named Moses Okello, said": one private person, named in the apposition)
  let m = endingAt(ctx, j, hasActor) ?? (head && named && named.first > head.last && onePrivate(ctx, head) ? named : head ?? named);
  // "Taiwan’s Ministry of National Defense said": the capitalised rest of a body's name the mention stopped short of
  if (!m) {
    let k = j;
    while (k > sentenceFirst && tokens[k].cap && tokens[k].pos !== 'PUNCT') k--;
    if (k < j && ['of', 'for'].includes(tokens[k].key)) m = endingAt(ctx, k - 1, (x) => !!x.actor && doc.lexicon.grammar.bodyWords.has(tokens[x.last].key));
  }
  // "Analyst X of the Islamabad-based Centre for Regional Studies said": the person before the name of a body no dictionary knows
  if (!m && tokens[j].cap) {
    let k = j;
    while (k > sentenceFirst && j - k <= 10 && tokens[k].key !== 'of' && (tokens[k].cap || ['the', '-', 'for', 'and'].includes(tokens[k].key) || tokens[k - 1]?.key === '-')) k--;
    if (tokens[k]?.key === 'of') m = endingAt(ctx, k - 1, (x) => x.actor?.kind === 'person' && x.actor.id.startsWith('person:') && x.actor.sector === 'NGO');
  }
  // "Police in Lagos said", "a senior official in Kyiv said": the party a place phrase follows
  m ??= beforePlacePhrase(ctx, j) ?? beforeModifierPhrase(ctx, j, sentenceFirst);
  // "M23 rebels backed by Rwanda said": the agent of a participle is not the subject
  if (m && tokens[m.first - 1]?.key === 'by' && tokens[m.first - 2]?.pos === 'VERB') m = endingAt(ctx, m.first - 3, hasActor) ?? m;
  const body = m ? null : bodyNamedBefore(ctx, j - 1);
  if (body) return body;
  if (m) return speakerOf(m);
  const aged = sameAge(ctx, j);
  if (aged) return aged;
  const p = pronounAt(ctx, j, j);
  if (p) return p.speaker;
  const owned = ownedOffice(ctx, j);
  if (owned) return owned;
  const described = describedGroup(ctx, j);
  if (described) return described;
  // "The statement called on …": a document speaks for whoever issued it
  if (ctx.documents.has(tokens[j].key)) {
    // "The statement", "the summit communiqué", "a joint declaration"
    let first = j;
    while (first > sentenceFirst && j - first < 3 && ['ADJ', 'NOUN', 'PROPN'].includes(tokens[first - 1].pos) && !tokens[first - 1].space) first--;
    if (first > sentenceFirst && DETERMINERS.has(tokens[first - 1].key)) first--;
    const named = doc.mentions.find((x) => x.actor && x.first >= first && x.last < j);
    return { ...span(ctx, first, j), actor: named?.actor ?? documentAuthor(ctx, first) };
  }
  // "X thanked Berlin but insisted that …": the subject of the first verb
  if (tokens[j].pos === 'CCONJ') {
    // ("X, who arrived on Tuesday, welcomed the progress but said …": past an aside, only a subject opening the sentence)
    const opening = clauseStart(ctx, doc.sentences[tokens[j].sentence]);
    const verbAfter = (x: Mention): boolean => ['VERB', 'AUX'].includes(tokens[x.last + 1]?.pos) || (modifiersOnly(tokens, opening, x.first) && ['VERB', 'AUX'].includes(tokens[afterApposition(ctx, x)]?.pos ?? ''));
    const subject = doc.mentions.find((x) => x.actor && x.first >= sentenceFirst && x.last < j && verbAfter(x) && (x.first === sentenceFirst || !['VERB', 'ADP'].includes(tokens[x.first - 1].pos)));
    if (subject) return speakerOf(subject);
    // ("He described the talks as “serious” but said …": a pronoun opening the sentence)
    let first = sentenceFirst;
    while (tokens[first]?.space) first++;
    let verb = first + 1;
    while (tokens[verb]?.space || tokens[verb]?.pos === 'ADV') verb++;
    const p = ['VERB', 'AUX'].includes(tokens[verb]?.pos ?? '') ? pronounAt(ctx, first, first) : null;
    if (p?.speaker.actor) return p.speaker;
  }
  return null;
}

/**
 * "Diplomats said", "Diplomats in Istanbul said" (a place phrase ending at `j`): envoys quoted as a group that no
 * dictionary places, government people of no one country.
 */
function describedGroup(ctx: Ctx, j: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens } = ctx;
  const place = endingAt(ctx, j, (x) => !!x.place && !x.actor);
  const w = place && LOCATIVE.has(tokens[place.first - 1]?.key ?? '') ? place.first - 2 : j;
  const key = tokens[w]?.key ?? '';
  if (!ctx.doc.lexicon.grammar.diplomatWords.has(key)) return null;
  return { ...span(ctx, w, w), actor: { id: `${key}:GOV`, name: key, kind: 'group', country: null, sector: 'GOV', cameo: 'GOV', wikidata: null } };
}

/**
 * "The 45-year-old said" ending at `j`: the person given that age before ("Esther Kavira, a 45-year-old mother of five",
 * "Esther Kavira, 45,"), the latest such.
 */
function sameAge(ctx: Ctx, j: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens, doc } = ctx;
  const age = j - 4;
  if (tokens[j]?.key !== 'old' || tokens[age]?.pos !== 'NUM' || tokens[age + 2]?.key !== 'year' || tokens[age - 1]?.key !== 'the') return null;
  const given = (m: Mention): boolean => {
    if (m.actor?.kind !== 'person' || tokens[m.last + 1]?.key !== ',') return false;
    for (let k = m.last + 2; k <= m.last + 6 && tokens[k]; k++) if (tokens[k].key === tokens[age].key) return tokens[k + 1]?.key === ',' || tokens[k + 2]?.key === 'year';
    return false;
  };
  const person = doc.mentions.findLast((m) => m.last < age - 1 && given(m));
  return person ? { ...span(ctx, age - 1, j), actor: person.actor } : null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that']);
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'outside', 'inside']);

/**
 * The subject before an apposition or a relative clause that ends with the comma at `comma`:
 * "Helena Sandgren, the UN coordinator for Sudan, said", "The RSF, which has fought the army since April, said".
 */
function apposed(ctx: Ctx, comma: number, sentenceFirst: number): Mention | undefined {
  const { tokens } = ctx;
  // (after a dateline: "NAIROBI (Reuters) - The Law Society of Kenya, which brought the case, said")
  const opening = Math.max(sentenceFirst, clauseStart(ctx, ctx.doc.sentences[tokens[comma].sentence]));
  // (appositions may follow each other: "X, the head of Y, a Yerevan-based think tank, said")
  for (let k = comma - 1; k > sentenceFirst && comma - k <= 30; k--) {
    if (tokens[k].key !== ',') continue;
    // ("The Rapid Support Forces (RSF), at war with the army since 2023, said": the acronym in brackets after the name)
    // ("A Western diplomat in Pristina, speaking on condition of anonymity, said": the party before its place)
    const m = endingAt(ctx, k - 1, hasActor) ?? (tokens[k - 1]?.key === ')' && tokens[k - 3]?.key === '(' ? endingAt(ctx, k - 4, hasActor) : undefined) ?? beforePlacePhrase(ctx, k - 1)
      ?? relativeHead(ctx, k, sentenceFirst);
    // the subject opens the sentence (after its modifiers: "Three-wheeler driver X, 44, told"), or follows an
    // opening phrase ("In Kigali, …")
    if (m && (tokens[m.first - 1]?.key === ',' || modifiersOnly(tokens, opening, m.first))) return m;
  }
  return undefined;
}

/** "A Haitian police officer who took part in the operation, …": the party a relative clause ending before `comma` follows. */
function relativeHead(ctx: Ctx, comma: number, sentenceFirst: number): Mention | undefined {
  const { tokens } = ctx;
  for (let w = comma - 1; w > sentenceFirst && comma - w <= 15; w--) {
    if (tokens[w].key === ',') return undefined;
    if (['who', 'which'].includes(tokens[w].key)) return endingAt(ctx, w - 1, hasActor) ?? beforePlacePhrase(ctx, w - 1);
  }
  return undefined;
}

/**
 * "the committee said" after "a meeting of the National Security Committee": "the" at `the` and a noun that ends the
 * name of a body named before refer to that body.
 */
function bodyNamedBefore(ctx: Ctx, the: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens, doc } = ctx;
  const noun = the + 1;
  // (capitalised too: "the Commission said" after "The European Commission")
  if (tokens[the]?.key !== 'the' || !['NOUN', 'PROPN'].includes(tokens[noun]?.pos ?? '')) return null;
  const body = doc.mentions.findLast((m) => m.last < the && m.actor?.kind === 'organization' && m.last > m.first && tokens[m.last].key === tokens[noun].key);
  return body ? { ...span(ctx, the, noun), actor: body.actor } : null;
}

/** "…, his office said", "her spokesman said", "Netanyahu's office said": the office of whoever the pronoun refers to or the name says. */
function ownedOffice(ctx: Ctx, j: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens } = ctx;
  const kind = OWNED_OFFICES[tokens[j]?.key ?? ''];
  const owner = tokens[j - 1];
  if (!kind || !owner) return null;
  const named = POSSESSIVES.has(owner.key) || owner.key === '’s' ? endingAt(ctx, j - 2, (x) => x.actor?.kind === 'person') : undefined;
  if (!named && !OWNER_KINDS[owner.key]) return null;
  const a = named?.actor ?? antecedent(ctx, j - 1, OWNER_KINDS[owner.key]);
  if (!a) return null;
  const actor: Actor = kind === 'person' ? { ...a, id: `${a.id}:spokesperson`, name: `${a.name} ${tokens[j].key}`, kind: 'person' }
    : { ...a, id: `${a.id}:office`, name: `Office of ${a.name}`, kind: 'organization' };
  return { ...span(ctx, named?.first ?? j - 1, j), actor };
}
/** Who a possessive pronoun may refer to, as cues.yaml says of "he", "she", "it" and "they". */
const OWNER_KINDS: Record<string, string> = { his: 'person-m', her: 'person-f', its: 'organization', their: 'any' };
/** Nouns a possessive pronoun makes someone's staff: a spokesperson (a person), or an office, aides, a campaign (a body). */
const OWNED_OFFICES: Record<string, 'person' | 'organization'> = { office: 'organization', spokesman: 'person', spokeswoman: 'person', spokesperson: 'person', aides: 'organization', staff: 'organization', campaign: 'organization' };

/**
 * The party a participle or place phrase ending at `j` follows: "Sudanese refugees arriving in eastern Chad (said)",
 * "Venezuelan refugees crossing into Colombia at the Simón Bolívar bridge", "Syrian refugees in southern Turkey".
 */
function beforeModifierPhrase(ctx: Ctx, j: number, sentenceFirst: number): Mention | undefined {
  const { tokens } = ctx;
  for (let k = j; k > sentenceFirst && j - k <= 12; k--) {
    const t = tokens[k];
    if (t.space) continue;
    const participle = t.pos === 'VERB' && /ing$/.test(t.key);
    if ((participle || LOCATIVE.has(t.key) || PHRASE_PREPOSITIONS.has(t.key)) && k < j) {
      const m = endingAt(ctx, k - 1, hasActor);
      if (m) return m;
    }
    if (!(participle || ['ADJ', 'NOUN', 'PROPN', 'DET', 'NUM', 'ADP', 'PART'].includes(t.pos) || t.key === '-')) return undefined;
  }
  return undefined;
}
const PHRASE_PREPOSITIONS = new Set(['into', 'across', 'along', 'on']);

/** The party a place phrase ending at `j` follows: "Police in Lagos", "a senior official in Kyiv". */
function beforePlacePhrase(ctx: Ctx, j: number): Mention | undefined {
  const { tokens } = ctx;
  const place = endingAt(ctx, j, (x) => !!x.place && !x.actor);
  // (or a place no gazetteer names: "A Chadian army officer at the border post")
  let first = j;
  while (!place && first > j - 3 && ['NOUN', 'ADJ'].includes(tokens[first]?.pos ?? '') && !tokens[first].cap && !startingAt(ctx, first, hasActor)) first--;
  const start = place?.first ?? (first < j ? first + 1 : -1);
  if (start < 0) return undefined;
  const prep = start - (['the', 'a'].includes(tokens[start - 1]?.key ?? '') ? 2 : 1);
  // ("Residents of Hodeidah said": people of a named place too)
  return LOCATIVE.has(tokens[prep]?.key ?? '') || (place && tokens[prep]?.key === 'of') ? endingAt(ctx, prep - 1, hasActor) : undefined;
}

/**
 * Only lower-case modifiers of a noun from `from` up to `to` ("Three-wheeler driver", "a 42-year-old"); a
 * capitalised word there is part of a name the mention missed ("The Ethiopian Human Rights Council").
 */
function modifiersOnly(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // ("Volunteer rescuer X": the sentence's first word is capitalised anyway; one a lower-case word follows is no name)
    const opening = k === from && t.pos === 'PROPN' && !!tokens[k + 1] && !tokens[k + 1].cap;
    if (!(t.space || ['ADJ', 'NOUN', 'NUM', 'DET'].includes(t.pos) || t.key === '-' || opening) || (t.cap && k > from)) return false;
  }
  return to - from <= 6;
}

function documentAt(ctx: Ctx, i: number, _before: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens } = ctx;
  let k = i;
  if (DETERMINERS.has(tokens[k]?.key)) k++;
  // "the summit communiqué", "the ministry’s statement", "the bloc's statement"
  while (tokens[k + 1] && k - i < 4 && (['ADJ', 'NOUN', 'PROPN'].includes(tokens[k].pos) || POSSESSIVES.has(tokens[k].key)) && !ctx.documents.has(tokens[k].key)) k++;
  if (tokens[k] && ctx.documents.has(tokens[k].key)) {
    // "a statement from the Iraqi foreign ministry": the document's author is named after it
    const from = ['from', 'by', 'of'].includes(tokens[k + 1]?.key) ? startingAt(ctx, k + 2, hasActor) ?? (tokens[k + 2]?.key === 'the' ? startingAt(ctx, k + 3, hasActor) : undefined) : undefined;
    if (from) return { ...span(ctx, i, from.last), actor: from.actor };
    const named = ctx.doc.mentions.find((x) => x.actor && x.first >= i && x.last < k);
    return { ...span(ctx, i, k), actor: named?.actor ?? documentAuthor(ctx, i) };
  }
  return null;
}

/**
 * The author of "the statement": whoever an earlier mention of the same document belonged to ("a
 * resolution of the European Parliament"), else the latest speaker, else the subject of the sentence
 * before, else the latest organisation or state.
 */
function documentAuthor(ctx: Ctx, at: number): Actor | null {
  const { tokens, doc } = ctx;
  let noun = at;
  while (noun < tokens.length && !ctx.documents.has(tokens[noun].key)) noun++;
  // earlier mentions of the same kind of document, outside quotations (those are other documents)
  const quoted = (k: number): boolean => doc.quotes.some((q) => q.start <= tokens[k].start && tokens[k].end <= q.end);
  for (let k = at - 1; k >= 0 && noun < tokens.length; k--) {
    if (tokens[k].lemma !== tokens[noun].lemma || quoted(k)) continue;
    const of = tokens[k + 1]?.key === 'of' ? startingAt(ctx, k + 2, hasActor) ?? startingAt(ctx, k + 3, hasActor) : undefined;
    const owner = of ?? (POSSESSIVES.has(tokens[k - 1]?.key) ? endingAt(ctx, k - 2, hasActor) : undefined);
    if (owner) return owner.actor;
    // (or the speaker after it: "In a statement read on state television, the foreign minister said …")
    const subject = doc.mentions.find((m) => m.actor && m.sentence === tokens[k].sentence && m.first < k)
      ?? sentenceSpeaker(ctx, k + 1, doc.sentences[tokens[k].sentence].last + 1);
    if (subject?.actor) return subject.actor;
  }
  const offset = tokens[at].start;
  const q = [...doc.quotes].reverse().find((x) => x.start < offset && x.speaker?.actor);
  // a summit's communiqué or a council's resolution is the international body's, not that of the minister quoted last
  const collective = noun < tokens.length && ctx.collectiveDocuments.has(tokens[noun].key);
  const body = collective && (!q || q.speaker!.actor!.kind === 'person')
    ? [...doc.mentions].reverse().find((m) => m.last < at && m.actor?.kind === 'organization' && m.actor.sector === 'IGO') : undefined;
  if (body) return body.actor;
  if (q) return q.speaker!.actor;
  const before = doc.sentences[tokens[at].sentence - 1];
  const dated = (k: number): boolean => doc.dates.some((d) => d.first === k);
  const subject = before && doc.mentions.find((m) => m.actor && m.first >= before.first && m.last <= before.last && (['VERB', 'AUX'].includes(tokens[m.last + 1]?.pos ?? '') || dated(m.last + 1)));
  if (subject) return subject.actor;
  return antecedent(ctx, at, 'organization');
}

const POSSESSIVES = new Set(["'s", "'"]);

/** The actor a pronoun refers to: the last speaker if the pronoun fits, else the nearest earlier mention that fits. */
function antecedent(ctx: Ctx, before: number, kind: string): Actor | null {
  const people = kind.startsWith('person');
  const gender = kind === 'person-m' ? 'm' : kind === 'person-f' ? 'f' : null;
  const fits = (a: Actor | null | undefined): a is Actor => {
    if (!a) return false;
    // "it" is a body or a state, never people ("residents", "troops" are "they")
    if (people ? a.kind !== 'person' : kind === 'organization' && (a.kind === 'person' || a.kind === 'group')) return false;
    if (!gender || a.kind !== 'person') return true;
    const g = genderOf(ctx.doc.lexicon, a);
    return !g || g === gender;
  };
  const offset = ctx.tokens[before].start;
  // the last quote before the pronoun whose speaker is known
  const lastQuote = ctx.doc.quotes.findLast((q) => q.start < offset && q.speaker?.actor);
  if (people) {
    // the latest person the pronoun's paragraph has as a subject, not as an object ("after talks with
    // X", "met X"), nor inside a quotation: "Y, a minister, called it a lie. “…,” he said" is Y
    const { tokens } = ctx;
    const paragraph = tokens[before].paragraph;
    // not a person named in what someone said ("X said they had discussed a meeting between presidents A and B")
    // (a participle opening the sentence is no verb of speech over its subject, only over the phrase it opens: "Asked about
    // X's remarks, Y said …" is Y's)
    const reported = (m: Mention) => {
      const first = clauseStart(ctx, ctx.doc.sentences[tokens[m.first].sentence]);
      let k = first;
      if (tokens[first].pos === 'VERB' && /(ed|ing)$/.test(tokens[first].key)) {
        while (k < m.first && tokens[k].key !== ',') k++;
        if (k === m.first) return true;
      }
      for (; k < m.first; k++) {
        if (tokens[k].pos === 'VERB' && ctx.verbs.has(tokens[k].lemma) && !withinMarks(ctx, tokens[k])) return true;
      }
      return false;
    };
    // (or someone unnamed opening a sentence: "A Chadian army officer at the border post, who …, said …")
    const opensSentence = (m: Mention): boolean => {
      let k = m.first - 1;
      while (tokens[k] && (tokens[k].space || ['a', 'an', 'another', 'one'].includes(tokens[k].key)) && tokens[k].sentence === tokens[m.first].sentence) k--;
      return !tokens[k] || tokens[k].sentence !== tokens[m.first].sentence;
    };
    // ("In Minsk, the mother of a jailed student, who asked not to be named …, said …": the subject of the sentence's verb of speech)
    const speaksAfterAside = (m: Mention): boolean => {
      const s = ctx.doc.sentences[tokens[m.first].sentence];
      // (not a trade in apposition to a name: "Olena Kovalenko, a 54-year-old teacher, said")
      if (ctx.doc.mentions.some((x) => x.actor?.kind === 'person' && x.first >= s.first && x.last < m.first)) return false;
      for (let k = m.last + 1; k <= s.last && k - m.last <= 30; k++) {
        if (tokens[k].pos !== 'VERB' || tokens[k - 1].key !== ',' || withinMarks(ctx, tokens[k])) continue;
        return ctx.verbs.has(tokens[k].lemma) && !ctx.doc.mentions.some((x) => x !== m && !!x.actor && x.first > m.last && x.last < k && x.actor.kind === 'person');
      }
      return false;
    };
    const subjectIn = (p: number) => ctx.doc.mentions.filter((m) => m.last < before && tokens[m.first].paragraph === p
      && ((fits(m.actor) && (!!m.person || !!m.family || m.actor!.id.startsWith('person:') || (!!m.agent && !m.agent.generic && opensSentence(m))))
        // ("Another survivor, a Syrian woman from Idlib, said …" then "she said": one private person, known by trade or kin)
        || (!!m.actor && onePrivate(ctx, m) && (opensSentence(m) || speaksAfterAside(m))))
      && !['ADP', 'VERB'].includes(tokens[m.first - 1]?.pos ?? '') && !withinMarks(ctx, m) && !reported(m)).at(-1);
    const subject = subjectIn(paragraph);
    if (subject) return subject.actor!;
    // a paragraph that opens with the quote: the person the paragraph before was about ("farmer X, 61, said …" /
    // "“…,” he said"), unless someone was quoted since
    const previous = subjectIn(paragraph - 1);
    if (previous && (!lastQuote || lastQuote.start < previous.start)) return previous.actor!;
  }
  const lastSpeaker = lastQuote?.speaker?.actor;
  if (people && fits(lastSpeaker)) return lastSpeaker;
  // "U.S. officials said a destroyer had shot down two drones. “…,” they said": who spoke last in the paragraph, not what was named last
  if (!people) {
    const speaking = speakerInParagraph(ctx, before, fits);
    if (speaking) return speaking;
  }
  const nearest = ctx.doc.mentions.filter((m) => m.last < before && fits(m.actor)).at(-1);
  return nearest?.actor ?? (fits(lastSpeaker) ? lastSpeaker : null);
}

/** The subject of the latest verb of speech before token `before` in its paragraph that `fits`, outside quotations. */
function speakerInParagraph(ctx: Ctx, before: number, fits: (a: Actor | null | undefined) => a is Actor): Actor | null {
  const { tokens, doc } = ctx;
  for (let k = before - 1; k >= 0 && tokens[k].paragraph === tokens[before].paragraph; k--) {
    if (tokens[k].pos !== 'VERB' || !ctx.verbs.has(tokens[k].lemma) || withinMarks(ctx, tokens[k])) continue;
    const subject = subjectBefore(ctx, k, doc.sentences[tokens[k].sentence].first)?.actor;
    if (fits(subject)) return subject;
  }
  return null;
}

/** One private person or refugee named by a word for many ("a teacher", "another survivor"): a singular civilian or refugee group word. */
function onePrivate(ctx: Ctx, m: Mention): boolean {
  const head = ctx.tokens[m.last];
  return m.agent?.kind === 'group' && ['CVL', 'REF'].includes(m.agent.sector ?? '') && head.key === head.lemma && !head.key.endsWith('s') && head.key !== 'people';
}

/** Is the span inside a quotation? */
function withinMarks(ctx: Ctx, x: { start: number; end: number }): boolean {
  return ctx.marks.some((q) => q.start <= x.start && x.end <= q.end);
}

/** “…” followed by the next sentence "He added." / "she said, …" */
function cueInNextSentence(ctx: Ctx, closeTok: number, _previous: DocQuote | null): Attribution | null {
  const { tokens, doc } = ctx;
  const s = doc.sentences[tokens[closeTok].sentence + 1];
  if (!s || s.paragraph !== tokens[closeTok].paragraph) return null;
  const p = pronounAt(ctx, s.first, closeTok) ?? mentionStartingAt(ctx, s.first);
  if (!p) return null;
  const c = cueAt(ctx, p.last + 1);
  if (c < 0) return null;
  return { cue: { first: p.last + 1, last: c }, speaker: p.speaker };
}

/**
 * "Armenia and Azerbaijan have agreed on …, the Armenian government said (on Friday)." The clause
 * before the comma, when the speaker follows it and nothing but adverbials follows the verb.
 */
function invertedClause(ctx: Ctx, s: { first: number; last: number }, verb: number, subject: NonNullable<DocQuote['speaker']>, inMarks: (offset: number) => boolean): { first: number; last: number } | null {
  const { tokens } = ctx;
  const first = clauseStart(ctx, s);
  const subjectFirst = tokenAt(ctx, subject.start);
  let comma = subjectFirst - 1;
  // (", the ruling military said", ", the state news agency KCNA reported", ", its defence ministry said": modifiers the subject's mention left out)
  while (comma > first && subjectFirst - comma <= 5 && tokens[comma].key !== ','
    && (['DET', 'ADJ', 'NOUN'].includes(tokens[comma].pos) || !!OWNER_KINDS[tokens[comma].key] || (tokens[comma].pos === 'VERB' && /ing$/.test(tokens[comma].key)))) comma--;
  if (tokens[comma]?.key !== ',' || comma - first < 4) return null;
  // not an opening participle or subordinate phrase ("Speaking in Baku, the president said: …")
  if (['VERB', 'SCONJ', 'ADP'].includes(tokens[first].pos)) return null;
  // after the verb: "in a statement", "on Monday", "told reporters", up to the end or a comma
  for (let k = verb + 1; k <= s.last && tokens[k].key !== ','; k++) {
    // (a participle after a document is no verb of a clause: "in a statement posted on Facebook")
    const describesDocument = tokens[k].pos === 'VERB' && /ed$/.test(tokens[k].key) && ctx.documents.has(tokens[k - 1].key);
    if ((['VERB', 'AUX', 'SCONJ'].includes(tokens[k].pos) && !describesDocument) || tokens[k].key === 'that' || tokens[k].key === ':') return null;
  }
  let last = comma - 1;
  while (last > first && (tokens[last].pos === 'PUNCT' || tokens[last].space)) last--;
  const clause = tokens.slice(first, last + 1);
  if (!clause.some((x) => x.pos === 'VERB' || x.pos === 'AUX') || clause.some((x) => inMarks(x.start)) || /[“”«»„"]/.test(ctx.doc.text.slice(tokens[first].start, tokens[last].end))) return null;
  return { first, last };
}

/** "Aliyev said that Armenia had …" and "X said Y …" without quotation marks. */
/**
 * Who speaks in a sentence before token `i`: the speaker of a quote attributed there, or the subject
 * of "said" or "told". After another verb the participle is the reporter's gloss ("Aliyev accused
 * Yerevan …, saying that …"), not speech.
 */
function sentenceSpeaker(ctx: Ctx, first: number, i: number): NonNullable<DocQuote['speaker']> | null {
  const { tokens, doc } = ctx;
  const quoted = doc.quotes.find((q) => q.cue && q.speaker?.actor && tokens[first].start <= q.cue.start && q.cue.end <= tokens[i].start);
  if (quoted) return quoted.speaker;
  for (let k = first; k < i; k++) {
    if (tokens[k].pos !== 'VERB' || !['say', 'tell'].includes(tokens[k].lemma)) continue;
    const subject = subjectBefore(ctx, k, first);
    if (subject?.actor) return subject;
  }
  return null;
}

function accordingTo(ctx: Ctx, s: { first: number; last: number }, inMarks: (offset: number) => boolean): DocQuote | null {
  const { tokens } = ctx;
  let i = s.first;
  while (tokens[i]?.space) i++;
  if (tokens[i]?.key !== 'according' || tokens[i + 1]?.key !== 'to') return null;
  const m = startingAt(ctx, i + 2, hasActor) ?? (DETERMINERS.has(tokens[i + 2]?.key) ? startingAt(ctx, i + 3, hasActor) : undefined);
  if (!m) return null;
  // ("According to a United Nations official in Goma, …": a place phrase after the source)
  const place = LOCATIVE.has(tokens[m.last + 1]?.key) ? startingAt(ctx, m.last + 2) : undefined;
  const sourceLast = place?.last ?? m.last;
  if (tokens[sourceLast + 1]?.key !== ',') return null;
  const first = sourceLast + 2;
  let last = s.last;
  while (last > first && (tokens[last].pos === 'PUNCT' || tokens[last].space)) last--;
  if (last - first < 3 || inMarks(tokens[first].start) || !tokens.slice(first, last + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return null;
  return reportedClause(ctx, first, last, span(ctx, i, i + 1), speakerOf(m));
}

/** "More than 3.5 million people have been displaced, according to the United Nations." */
function accordingToAfter(ctx: Ctx, s: { first: number; last: number }, inMarks: (offset: number) => boolean): DocQuote | null {
  const { tokens } = ctx;
  let i = s.first + 1;
  while (i < s.last && !(tokens[i].key === 'according' && tokens[i + 1]?.key === 'to' && tokens[i - 1].key === ',')) i++;
  if (i >= s.last) return null;
  const m = startingAt(ctx, i + 2, hasActor) ?? (DETERMINERS.has(tokens[i + 2]?.key) ? startingAt(ctx, i + 3, hasActor) : undefined);
  if (!m) return null;
  const first = clauseStart(ctx, s);
  let last = i - 1;
  while (last > first && (tokens[last].pos === 'PUNCT' || tokens[last].space)) last--;
  const clause = tokens.slice(first, last + 1);
  // (not a clause someone is already said to have said: "X said Y, according to Z")
  if (last - first < 3 || clause.some((x) => inMarks(x.start) || (x.pos === 'VERB' && ctx.reporting.has(x.lemma)))) return null;
  if (!clause.some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return null;
  return reportedClause(ctx, first, last, span(ctx, i, i + 1), speakerOf(m));
}

/** Reported speech: the clause from token `first` to `last`, with its cue and speaker, in the cue's sentence. */
function reportedClause(ctx: Ctx, first: number, last: number, cue: NonNullable<DocQuote['cue']>, speaker: DocQuote['speaker']): DocQuote {
  const sentence = ctx.tokens[tokenAt(ctx, cue.start)].sentence;
  return { ...span(ctx, first, last), direct: false, partial: false, cue, speaker, sentence, sentences: [sentence, sentence] };
}

/** Where a sentence's own words start: after a dateline ("BANGKOK, Oct 30 (AFP) — ", "ISLAMABAD: "). */
function clauseStart(ctx: Ctx, s: { first: number; last: number }): number {
  const { tokens } = ctx;
  let first = s.first;
  while (tokens[first]?.space) first++;
  // (a dateline opens a paragraph with a place in capitals and a comma, a bracket or a colon: not "EU members - …")
  const opensParagraph = !tokens[first - 1] || tokens[first - 1].paragraph !== tokens[first].paragraph;
  if (!opensParagraph || !/^[\p{Lu}][\p{Lu}\s.'-]+$/u.test(tokens[first]?.text ?? '') || ![',', '(', ':'].includes(tokens[first + 1]?.key ?? '')) return first;
  for (let k = first + 1; k <= s.last && k - first <= 16; k++) {
    if (/^[—–:-]$/.test(tokens[k].text) && (tokens[k].key !== '-' || tokens[k - 1]?.end !== tokens[k].start)) {
      let next = k + 1;
      while (tokens[next]?.space) next++;
      return next;
    }
  }
  return first;
}

/** The reported clauses from j to end, split where "and that" or "but that" opens another: [first, last] token pairs. */
function thatClauses(ctx: Ctx, j: number, end: number): [number, number][] {
  const { tokens } = ctx;
  const out: [number, number][] = [];
  let first = j;
  for (let k = j + 1; k < end; k++) {
    if (tokens[k].key !== 'that' || !['and', 'but'].includes(tokens[k - 1]?.key ?? '')) continue;
    // the clause before ends before the conjunction and the comma before it
    let last = k - 2;
    while (last > first && (tokens[last].key === ',' || tokens[last].space)) last--;
    out.push([first, last]);
    first = k + 1;
  }
  out.push([first, end]);
  return out;
}

function reportedSpeech(ctx: Ctx, marks: Marked[]): DocQuote[] {
  const { tokens, doc } = ctx;
  const out: DocQuote[] = [];
  const inMarks = (offset: number): boolean => marks.some((m) => m.open <= offset && offset <= (m.close < 0 ? m.end : m.close));
  // a name or a term in quotation marks ("an operation codenamed “Claw-Lock”") may end a reported clause
  const words = (m: Marked): number => doc.text.slice(m.open, m.close < 0 ? m.end : m.close).split(/\s+/).length;
  const inSpeech = (offset: number): boolean => marks.some((m) => m.open <= offset && offset <= (m.close < 0 ? m.end : m.close) && words(m) > 4);
  const reporting = (ts: Token[], i: number): boolean => {
    const t = ts[i];
    // (the tagger reads some past forms after a name as adjectives: "Human Rights Watch alleged that …")
    const misread = /ed$/.test(t.key) && (t.pos === 'ADJ' || t.pos === 'NOUN') && !!ts[i - 1]?.cap
      && pastStems(t).some((stem) => ctx.reporting.has(stem));
    return misread || (t.pos === 'VERB' && ctx.reporting.has(t.lemma));
  };
  // the speaker's own words in a clause: not a name in marks ("a route dubbed the “Trump Route for International Peace and Prosperity”")
  const ownWords = (m: Marked): boolean => words(m) >= 3 && !titleCaseWords(doc.text.slice(m.start, m.end));
  for (const s of doc.sentences) {
    // "According to the UN refugee agency, more than 100,000 people have fled"
    const according = accordingTo(ctx, s, inMarks) ?? accordingToAfter(ctx, s, inMarks);
    if (according) {
      out.push(according);
      continue;
    }
    for (let i = nextToken(tokens, s.first, s.last, reporting); i <= s.last; i = nextToken(tokens, i + 1, s.last, reporting)) {
      const t = tokens[i];
      if (inMarks(t.start)) continue;
      // "…, he said, adding that …", "X accused Y, saying that …": the participle's speaker is the sentence's
      // (the comma may close a quotation: "dismissed the offer as “a late attempt,” saying …")
      const participle = /ing$/.test(t.key) && (tokens[i - 1]?.key === ',' || (/^[”"’]$/.test(tokens[i - 1]?.text ?? '') && tokens[i - 2]?.key === ','));
      const subject = participle ? sentenceSpeaker(ctx, s.first, i) : subjectBefore(ctx, i, s.first);
      if (!subject?.actor) continue;
      const inverted = invertedClause(ctx, s, i, subject, inMarks);
      if (inverted) {
        out.push(reportedClause(ctx, inverted.first, inverted.last, span(ctx, i, i), subject));
        // (the speech may go on in a participle: "…, aid agencies said, warning that …")
        continue;
      }
      // skip "told reporters", dates and adverbs, then require "that" or a clause start
      let j = i + 1;
      // "warned Beijing that …", "told reporters on Monday that …": the clause starts after "that"
      // (not a "that" after a clause of its own: "said the escalation threatened the truce that has held", "said A
      // and that B"; a phrase of place or manner may hold a participle: "said in a video released on X that")
      const phrase = tokens[j]?.pos === 'ADP' || (t.lemma === 'tell' && tokens[j + 1]?.pos === 'ADP');
      const clauseVerb = (x: Token): boolean => !phrase && (x.pos === 'VERB' || x.pos === 'AUX') && !/ing$/.test(x.key);
      const that = tokens.slice(j, Math.min(j + 10, s.last + 1)).findIndex((x) => x.key === 'that' || (x.pos === 'PUNCT' && x.key !== '-') || clauseVerb(x));
      if (that > 0 && tokens[j + that].key === 'that') {
        // ("denied claims that …", "rejected the suggestion that …": the clause is that of the verb's object, not the
        // speaker's; not "said in a report that …")
        if (ctx.contentNouns.has(tokens[j + that - 1].key) && tokens.slice(j, j + that - 1).every((x) => ['DET', 'ADJ', 'PRON'].includes(x.pos))) continue;
        j += that;
      }
      // ("told The Associated Press outside the court": the one told, whole)
      else if (t.lemma === 'tell' && tokens[j] && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'PRON' || tokens[j].key === 'the')) j = (startingAt(ctx, j)?.last ?? (tokens[j].key === 'the' ? j + 1 : j)) + 1;
      const dateAt = (k: number) => doc.dates.find((d) => d.first === k || d.first === k - 0);
      // (not "nearly" in "nearly 40 people")
      while (tokens[j] && j <= s.last && (dateAt(j) || (tokens[j].pos === 'ADV' && tokens[j + 1]?.pos !== 'NUM') || tokens[j].key === ',')) j = dateAt(j) ? dateAt(j)!.last + 1 : j + 1;
      if (!tokens[j] || j > s.last) continue;
      // "police said, the deadliest day since …": a comma after the verb opens no reported clause
      if (tokens[j].start > t.end && doc.text.slice(t.end, tokens[j].start).includes(',') && tokens[j].key !== 'that') continue;
      const hasThat = tokens[j].key === 'that';
      if (hasThat) j++;
      if (!tokens[j] || j > s.last) continue;
      const opener = doc.text[tokens[j].start];
      if ('“"«„‘\''.includes(opener) || inMarks(tokens[j].start)) continue;
      // a clause opens with its subject ("around 80,000 people had fled": a number after a preposition too)
      // ("at least 1,500 people", "more than 200 balloons", "nearly 40 people")
      const numberFollows = tokens[j + 1]?.pos === 'NUM' || (tokens[j + 2]?.pos === 'NUM' && ['ADV', 'ADJ', 'ADP'].includes(tokens[j + 1]?.pos ?? ''));
      // ("shelling had resumed": a gerund before its verb)
      const gerund = tokens[j].pos === 'VERB' && /ing$/.test(tokens[j].key) && ['AUX', 'VERB'].includes(tokens[j + 1]?.pos ?? '');
      if (!hasThat && !gerund && !['DET', 'PROPN', 'PRON', 'NOUN', 'ADJ', 'NUM'].includes(tokens[j].pos) && !(['ADP', 'ADV'].includes(tokens[j].pos) && numberFollows)) continue;
      // the clause ends where the speech goes on in a participle ("…, adding that …"), which is a clause of its own
      let goesOn = -1;
      for (let k = j + 1; k < s.last && goesOn < 0; k++) {
        if (tokens[k].key === ',' && tokens[k + 1]?.pos === 'VERB' && /ing$/.test(tokens[k + 1].key) && ctx.reporting.has(tokens[k + 1].lemma)) goesOn = k;
        // ("…, but insisted that …": a second verb of speech of the same speaker)
        // ("… and reiterated that …", without the comma; "…, but he warned that …", with the speaker as a pronoun)
        const conj = tokens[k].key === ',' ? k + 1 : k;
        const next = ctx.pronouns[tokens[conj + 1]?.key ?? ''] ? conj + 2 : conj + 1;
        if (['but', 'and'].includes(tokens[conj]?.key ?? '') && tokens[next]?.pos === 'VERB' && ctx.reporting.has(tokens[next].lemma)) goesOn = conj - 1;
      }
      const end = goesOn > 0 ? goesOn : s.last;
      // "said A and that B", "said A, but that B": two reported clauses; one that ends in the speaker's own quoted
      // words is left to the partial quote
      for (const [first, segmentEnd] of thatClauses(ctx, j, end)) {
        let last = segmentEnd;
        while (last > first && (tokens[last].pos === 'PUNCT' || tokens[last].space)) last--;
        if (last - first < 2) continue;
        // ("said it respected the islands’ sovereignty but remained the country’s “partner of choice”", "said …, and accused
        // Algeria of “promoting …”": the speaker's own words go with a verb of the sentence's subject; the clause ends before it)
        const own = marks.find((m) => m.open >= tokens[first].start && m.open < tokens[last].end && ownWords(m));
        if (own) {
          let k = tokenAt(ctx, own.open);
          while (k > first + 2 && !(['and', 'but'].includes(tokens[k].key) && tokens[k + 1]?.pos === 'VERB' && !/ing$/.test(tokens[k + 1].key))) k--;
          if (k > first + 2) {
            last = k - 1;
            while (last > first && (tokens[last].pos === 'PUNCT' || tokens[last].space)) last--;
          }
        }
        if (inSpeech(tokens[last].start)) continue;
        // ("said the clashes could “move towards war” if …": the speaker's own words in the clause are the quote)
        if (marks.some((m) => m.open >= tokens[first].start && m.open < tokens[last].end && ownWords(m))) continue;
        // a clause has a verb of its own: in a short one, not a participle after an article ("told a televised briefing")
        const clause = tokens.slice(first, last + 1);
        // (a past form the tagger read as an adjective is a verb where an article follows: "the articles concerned the border")
        const verb = (x: Token): boolean => x.pos === 'VERB' || x.pos === 'AUX' || (x.pos === 'ADJ' && /ed$/.test(x.key) && tokens[x.i + 1]?.pos === 'DET');
        // (an infinitive is none: "warned residents of three villages to stay away" is an order, not speech reported)
        if (!clause.some((x) => verb(x) && tokens[x.i - 1]?.key !== 'to' && (clause.length > 4 || !['DET', 'ADJ'].includes(tokens[x.i - 1]?.pos ?? '')))) continue;
        out.push(reportedClause(ctx, first, last, span(ctx, i, i), subject));
      }
      if (goesOn < 0) break;
      i = goesOn;
    }
  }
  return out;
}
