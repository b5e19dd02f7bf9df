// The Doc every stage reads and extends, and the stage signature.
import type {
  Actor, ArticleMeta, DateMention, Event, Framing, Place, PlaceMention, Quote, Reference,
} from '../model/analysis.js';
import type { AgentEntry, PersonInfo, Lexicon } from '../lexicon/compile.js';
import type { SentenceSpan, Token } from '../text/tokenize.js';

/** A resolved mention of an actor or a place, with token and character offsets. */
export interface Mention {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  actor: Actor | null;
  place: Place | null;
  /** the agent that heads the phrase ("foreign ministry" in "Armenia's Foreign Ministry") */
  agent?: AgentEntry;
  person?: PersonInfo;
  /** family name for later short mentions of a person (known or introduced by title) */
  family?: string;
  /** contested name: which side's vocabulary */
  usedBy?: string;
}

export interface DocDate extends DateMention {
  first: number;
  last: number;
  sentence: number;
}

export interface DocQuote extends Quote {
  sentence: number;
  /** the sentences the quote covers */
  sentences: [number, number];
}

export interface Doc {
  text: string;
  meta: ArticleMeta;
  lexicon: Lexicon;
  tokens: Token[];
  sentences: SentenceSpan[];
  mentions: Mention[];
  dates: DocDate[];
  quotes: DocQuote[];
  events: Event[];
  references: Reference[];
  framing: Framing[];
  places: PlaceMention[];
}

export type Stage = (doc: Doc) => void;

export function span(doc: Doc, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: doc.text.slice(start, end) };
}

/** Character span of a token range. */
export function tokenSpan(doc: Doc, first: number, last: number): { start: number; end: number; text: string } {
  return span(doc, doc.tokens[first].start, doc.tokens[last].end);
}
